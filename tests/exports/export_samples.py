"""A small clinic's records for the export tests, stored through `record_intake`.

Clients with names, an alias and hostile text (spreadsheet formulas in names, notes,
counselor and service names), several referrals each, spread over three months, and a
draft that must never be exported.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import col, select

from intake.intake_model import parse_intake
from intake.records import ChosenReferral, record_intake, save_draft
from intake.store.db import Database
from intake.store.records_tables import Referral
from intake.taxonomy import load_taxonomy


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
class FakePlan:
    pathways: tuple[FakePathway, ...]
    excluded: tuple[Any, ...] = ()
    directory_version: str | None = "dir-7"
    rules_version: str | None = "bundled:1"


NALOXONE = FakeReferral(
    "svc-naloxone", "Naloxone by mail", reasons=("Safety first: naloxone",), safety_net=True
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
HOSTILE_SERVICE = FakeReferral(
    "svc-hostile",
    '=HYPERLINK("http://evil.example","Click")',
    organization_name="+cmd|' /C calc'!A0",
    pathway="peer_support",
    types=("peer_support.recovery_coach",),
    reasons=("-2+3",),
)
PLAN = FakePlan(
    pathways=(
        FakePathway("crisis", (CRISIS,)),
        FakePathway("harm_reduction", (SYRINGE, NALOXONE)),
        FakePathway("peer_support", (HOSTILE_SERVICE,)),
    )
)

MARIA = "María López Ruiz"
SKY = "Sky"
HOSTILE_NAME = "@SUM(1+1)*cmd|' /C calc'!A0"
HOSTILE_COUNSELOR = "\t=1+1"
HOSTILE_NOTE = '\r=IMPORTXML("http://evil.example")'
DRAFT_NAME = "Draft Person Never Exported"


def at(day: str, time: str = "10:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}:00+00:00")


def answers(name: str, goals: Sequence[str], born: str | None = None) -> dict[str, Any]:
    client: dict[str, Any] = {"name": name}
    if born:
        client["date_of_birth"] = born
    return {"client": client, "goals": list(goals)}


@dataclass
class Clinic:
    """What `fill` stored: ids by name, for the tests to look for."""

    client_ids: dict[str, str] = field(default_factory=dict)
    intake_ids: list[str] = field(default_factory=list)
    referrals: int = 0

    def names(self) -> list[str]:
        return [MARIA, SKY, HOSTILE_NAME, DRAFT_NAME]


def record(
    database: Database,
    clinic: Clinic,
    *,
    name: str,
    goals: Sequence[str],
    refer: Sequence[ChosenReferral],
    when: dt.datetime,
    born: str | None = None,
    alias: bool = False,
    counselor: str | None = "Dana Counselor",
) -> str:
    intake = parse_intake(answers(name, goals, born), source="test")
    intake_id = record_intake(
        database,
        intake,
        chosen=list(refer),
        plan=PLAN,
        counselor=counselor,
        client_id=clinic.client_ids.get(name),
        is_alias=alias,
        now=when,
    )
    clinic.intake_ids.append(intake_id)
    clinic.referrals += len(refer)
    if name not in clinic.client_ids:
        clinic.client_ids[name] = _client_of(database, intake_id)
    return intake_id


def fill(database: Database) -> Clinic:
    """Four finished intakes (3 clients, 8 referrals) from January to March 2026, a draft."""
    clinic = Clinic()
    record(
        database,
        clinic,
        name=MARIA,
        born="1990-04-12",
        goals=["safety", "reduced_use"],
        refer=[
            ChosenReferral("svc-988"),
            ChosenReferral("svc-syringe"),
            ChosenReferral("svc-naloxone", note="Prefers mail"),
        ],
        when=at("2026-01-15"),
    )
    record(
        database,
        clinic,
        name=SKY,
        alias=True,
        goals=["safety"],
        refer=[ChosenReferral("svc-naloxone", note=HOSTILE_NOTE)],
        when=at("2026-02-03"),
        counselor=HOSTILE_COUNSELOR,
    )
    record(
        database,
        clinic,
        name=HOSTILE_NAME,
        goals=["abstinence"],
        refer=[ChosenReferral("svc-hostile"), ChosenReferral("svc-syringe")],
        when=at("2026-02-28", "23:59"),
    )
    record(
        database,
        clinic,
        name=MARIA,
        born="1990-04-12",
        goals=["abstinence"],
        refer=[ChosenReferral("svc-hostile"), ChosenReferral("svc-988")],
        when=at("2026-03-01", "00:00"),
    )
    save_draft(database, intake_id=None, answers=answers(DRAFT_NAME, ["safety"]), counselor="Dana")
    set_status(database, "svc-988", "got_help")
    return clinic


def set_status(database: Database, service_id: str, status: str) -> None:
    """Referral statuses have no service yet: set them as the closed loop will."""
    with database.session() as session:
        for row in session.exec(select(Referral).where(col(Referral.service_id) == service_id)):
            row.status = status
            session.add(row)


def _client_of(database: Database, intake_id: str) -> str:
    from intake.store.records_tables import Intake as IntakeRow

    with database.session() as session:
        row = session.get(IntakeRow, intake_id)
        assert row is not None and row.client_id is not None
        return row.client_id


# Statuses beyond our own set, as they may be stored: typed by hand, new, or blank.
ODD_STATUSES = ("Couldn't contact", "in-progress", "something new", "")


def fill_every_status(database: Database) -> tuple[set[str], set[str]]:
    """Referrals in every stored status and every pathway, with the optional parts varied.

    Stored directly (as the benchmark does), so that blank names, missing pathways and
    blank reasons can occur. Returns the statuses and the pathways stored.
    """
    from sqlalchemy import insert

    from intake.exports.fhir_codes import REFERRAL_STATUSES
    from intake.store.records_tables import Client
    from intake.store.records_tables import Intake as IntakeRow

    taxonomy = load_taxonomy()
    statuses = (*REFERRAL_STATUSES, *ODD_STATUSES)
    pathways = (*taxonomy.pathway_codes(), "")
    clients = [
        {"id": "client-a", "name": MARIA, "is_alias": False, "date_of_birth": dt.date(1990, 4, 12)},
        {"id": "client-b", "name": SKY, "is_alias": True, "date_of_birth": None},
        {"id": "client-c", "name": HOSTILE_NAME, "is_alias": False, "date_of_birth": None},
    ]
    intakes, referrals = [], []
    for n, status in enumerate(statuses):
        when = at("2026-01-01") + dt.timedelta(days=n, minutes=n)
        intake_id = f"intake-{n:02}"
        intakes.append(
            {
                "id": intake_id,
                "client_id": clients[n % 3]["id"],
                "status": "final",
                "answers": answers("x", ["safety"]),
                "counselor": (None, "Dana Counselor", "  ", HOSTILE_COUNSELOR)[n % 4],
                "created_at": when,
                "updated_at": when,
                "finished_at": when,
            }
        )
        for position in range(2):
            pathway = pathways[(2 * n + position) % len(pathways)]
            types = (
                [term.code for term in taxonomy.types_of(pathway)][: 1 + n % 3] if pathway else []
            )
            referrals.append(
                {
                    "id": f"referral-{n:02}-{position}",
                    "intake_id": intake_id,
                    "service_id": f"svc-{pathway or 'none'}",
                    "service_name": "" if n % 7 == 3 else f"Service for {pathway or 'anything'}",
                    "organization_name": "" if n % 5 == 2 else f"Organization {n % 4}",
                    "pathway": pathway,
                    "types": types,
                    "reasons": ["Matches goal: safety", "  ", "Free"][: 1 + (n + position) % 3],
                    "urgent": pathway == "crisis",
                    "safety_net": position == 0,
                    "note": (None, "Prefers mail", HOSTILE_NOTE, " ")[(n + position) % 4],
                    "status": status,
                    "position": position,
                    "created_at": when,
                }
            )
    with database.engine.begin() as connection:
        stamp = {"created_at": at("2026-01-01"), "updated_at": at("2026-01-01")}
        connection.execute(insert(Client), [{**c, **stamp} for c in clients])
        connection.execute(insert(IntakeRow), intakes)
        connection.execute(insert(Referral), referrals)
    return set(statuses), {p for p in pathways if p}
