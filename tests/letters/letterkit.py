"""Shared constants and intakes of the letters tests."""

from datetime import date
from typing import Any

from intake.intake_model import Intake, load_intake, parse_intake
from intake.paths import resource_path
from intake.settings import ClinicSettings

EXAMPLES = resource_path("examples", "intakes")
TODAY = date(2026, 11, 23)
# Demo services (resources/demo): the consented one, and one the consent does not name.
METHADONE = "f0423af4-fc06-5f52-a8c5-daf007a021ea"
SYRINGE = "98ee9f48-4474-50b9-ad17-949f96485396"

SETTINGS = ClinicSettings(
    clinic_name="Harbor Light Community Clinic",
    address="410 N 27th St, Suite 200\nBillings, MT 59101",
    phone="406-555-0199",
    counselor_name="Dana Whitcomb",
    counselor_credentials="LCSW, LAC",
)


def example(name: str) -> Intake:
    return load_intake(EXAMPLES / f"{name}.json", today=TODAY)


def consented() -> Intake:
    """María: consent naming the methadone program, covering every kind of information."""
    return example("consent_named_recipient")


def with_changes(intake: Intake, **changes: Any) -> Intake:
    """The intake with parts replaced (`client={...}` merges into the client), re-validated."""
    data = intake.model_dump(mode="json", exclude_none=True)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return parse_intake(data, today=TODAY)
