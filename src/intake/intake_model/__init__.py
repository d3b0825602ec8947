"""The intake model (contract §1): one client's answers at one visit.

    intake = load_intake(path)            # or parse_intake(data, source="form")
    intake.goals, intake.uses("opioids"), intake.risk("uses_alone"), intake.age_on(day)
    intake.consent.allows(service_id, on=day)
    dump_intake(intake)                   # JSON-ready, round-trips through parse_intake

Missing answers are None (unknown), never "no". Problems come as one InputError that
lists every problem, each naming the file, the field path and what was expected.
"""

from intake.intake_model.enums import (
    FaithPreference,
    FormatPreference,
    Frequency,
    Gender,
    Goal,
    Housing,
    InformationKind,
    Insurance,
    MedicationPreference,
    Route,
    SignerRelationship,
    Substance,
)
from intake.intake_model.errors import format_path, problems_from
from intake.intake_model.io import (
    dump_intake,
    intake_json_schema,
    intake_schema_text,
    load_intake,
    parse_intake,
)
from intake.intake_model.models import (
    CIRCUMSTANCE_NAMES,
    PREFERENCE_NAMES,
    RISK_NAMES,
    Circumstances,
    ClientInfo,
    Consent,
    Intake,
    Preferences,
    Risks,
    SubstanceUse,
)

__all__ = [
    "CIRCUMSTANCE_NAMES",
    "PREFERENCE_NAMES",
    "RISK_NAMES",
    "Circumstances",
    "ClientInfo",
    "Consent",
    "FaithPreference",
    "FormatPreference",
    "Frequency",
    "Gender",
    "Goal",
    "Housing",
    "InformationKind",
    "Insurance",
    "Intake",
    "MedicationPreference",
    "Preferences",
    "Risks",
    "Route",
    "SignerRelationship",
    "Substance",
    "SubstanceUse",
    "dump_intake",
    "format_path",
    "intake_json_schema",
    "intake_schema_text",
    "load_intake",
    "parse_intake",
    "problems_from",
]
