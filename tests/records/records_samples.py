"""Small plans and intakes for the records tests, built without the rules engine."""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from intake.intake_model import Intake, parse_intake
from intake.store.db import Database
from intake.store.records_tables import Client, Consent, Referral
from intake.store.records_tables import Intake as IntakeRow

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples" / "intakes"


@dataclass(frozen=True)
class FakeReferral:
    service_id: str
    service_name: str
    organization_name: str = "Harm Reduction Collective"
    pathway: str = "harm_reduction"
    types: tuple[str, ...] = ("harm_reduction.naloxone",)
    reasons: tuple[str, ...] = ("Matches goal: safety", "Free")
    urgent: bool = False
    safety_net: bool = False


@dataclass(frozen=True)
class FakePathway:
    code: str
    referrals: tuple[FakeReferral, ...]


@dataclass(frozen=True)
class FakeExcluded:
    service_id: str
    service_name: str
    why: tuple[str, ...]
    pathways: tuple[str, ...] = ()


@dataclass(frozen=True)
class FakePlan:
    pathways: tuple[FakePathway, ...]
    excluded: tuple[FakeExcluded, ...] = ()
    directory_version: str | None = "dir-7"
    rules_version: str | None = "bundled:1"
    extra: dict[str, Any] = field(default_factory=dict)


NALOXONE = FakeReferral(
    "svc-naloxone",
    "Naloxone by mail",
    types=("harm_reduction.naloxone",),
    reasons=("Safety first: naloxone", "Free"),
    safety_net=True,
)
SYRINGE = FakeReferral(
    "svc-syringe",
    "Northside Syringe Services",
    types=("harm_reduction.syringe_services", "harm_reduction.naloxone"),
    safety_net=True,
)
CRISIS = FakeReferral(
    "svc-988",
    "988 Suicide & Crisis Lifeline",
    organization_name="988 Lifeline",
    pathway="crisis",
    types=("crisis.hotline",),
    reasons=("Safety first: call or text 988",),
    urgent=True,
    safety_net=True,
)
HOUSING = FakeExcluded(
    "svc-housing", "Safe Harbor Recovery House", ("Requires abstinence",), ("basic_needs",)
)

PLAN = FakePlan(
    pathways=(
        FakePathway("crisis", (CRISIS,)),
        FakePathway("harm_reduction", (SYRINGE, NALOXONE)),
    ),
    excluded=(HOUSING,),
)


def example(name: str) -> Intake:
    """An example intake from resources/examples/intakes."""
    path = EXAMPLES / f"{name}.json"
    return parse_intake(json.loads(path.read_text(encoding="utf-8")), source=path.name)


def counts(database: Database) -> dict[str, int]:
    """How many rows each records table holds."""
    tables = {"client": Client, "intake": IntakeRow, "consent": Consent, "referral": Referral}
    with database.engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in tables.items()
        }


EMPTY = {"client": 0, "intake": 0, "consent": 0, "referral": 0}
