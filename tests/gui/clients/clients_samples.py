"""Clients, intakes and drafts for the Clients tab's tests, stored through the records service.

The plan is a small stand-in with the attributes `record_intake` reads (no rules engine).
"""

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from intake.intake_model import parse_intake
from intake.records import ChosenReferral, record_intake, save_draft
from intake.store.db import Database


@dataclass(frozen=True)
class Referral:
    service_id: str
    service_name: str
    organization_name: str
    pathway: str
    types: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ("Free",)
    urgent: bool = False
    safety_net: bool = False


@dataclass(frozen=True)
class Pathway:
    code: str
    referrals: tuple[Referral, ...]


@dataclass(frozen=True)
class Plan:
    pathways: tuple[Pathway, ...]
    excluded: tuple = ()
    directory_version: str | None = "test-1"
    rules_version: str | None = "bundled:1"


NALOXONE = Referral(
    "svc-naloxone", "Naloxone by mail", "Harm Reduction Collective", "harm_reduction",
    safety_net=True,
)  # fmt: skip
CRISIS = Referral(
    "svc-988", "988 Suicide & Crisis Lifeline", "988 Lifeline", "crisis", urgent=True,
    safety_net=True,
)  # fmt: skip
MEETING = Referral("svc-smart", "SMART Recovery Online", "SMART Recovery", "secular_mutual_aid")
PLAN = Plan(
    (
        Pathway("crisis", (CRISIS,)),
        Pathway("harm_reduction", (NALOXONE,)),
        Pathway("secular_mutual_aid", (MEETING,)),
    )
)


def day(number: int) -> dt.datetime:
    return dt.datetime(2026, 11, number, 15, 0, tzinfo=dt.UTC)


def add_intake(
    database: Database,
    name: str,
    born: str | None = None,
    *,
    on: int = 1,
    alias: bool = False,
    goals: tuple[str, ...] = ("safety",),
    refer: tuple[str, ...] = ("svc-naloxone",),
    client_id: str | None = None,
    counselor: str = "Dana Reyes",
) -> str:
    """Record a finished intake (a new client unless `client_id`); the intake's id."""
    client: dict[str, object] = {"name": name}
    if born:
        client["date_of_birth"] = born
    intake = parse_intake({"client": client, "goals": list(goals)}, today=dt.date(2026, 11, 30))
    return record_intake(
        database,
        intake,
        chosen=[ChosenReferral(service_id) for service_id in refer],
        plan=PLAN,
        counselor=counselor,
        client_id=client_id,
        is_alias=alias,
        now=day(on),
    )


def add_few_clients(database: Database) -> None:
    """Five clients (one an alias), the most recently seen last added."""
    add_intake(database, "María López", "1990-04-12", on=2, refer=("svc-988", "svc-naloxone"))
    add_intake(database, "James Whitehorse", "1978-09-30", on=3, goals=("abstinence",),
               refer=("svc-smart",))  # fmt: skip
    add_intake(database, "Sky", on=5, alias=True)
    add_intake(database, "Marisol Díaz", "1990-11-02", on=7, goals=("reduced_use", "safety"))
    add_intake(database, "Tom Becker", "1985-01-20", on=9, refer=())


def add_draft(database: Database, name: str, counselor: str | None = "Dana Reyes") -> str:
    answers = {"client": {"name": name}, "goals": ["safety"]} if name else {}
    return save_draft(database, intake_id=None, answers=answers, counselor=counselor)


class FakeWizard(QWizard):
    """Stands in for the intake wizard: records how it was opened; `finish()` records an
    intake the way the real one's Finish does, then says so."""

    finished_intake = Signal(str)
    letters_requested = Signal(str)
    opened: ClassVar[list["FakeWizard"]] = []

    def __init__(
        self,
        database: Database,
        snapshot: object,
        *,
        counselor: str | None,
        draft_id: str | None = None,
        client_id: str | None = None,
        parent: QWidget | None = None,
        rules: object = None,
        today: object = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.snapshot = snapshot
        self.counselor = counselor
        self.draft_id = draft_id
        self.client_id = client_id
        self.refuse_to_close = False
        FakeWizard.opened.append(self)

    def finish(self, name: str, born: str | None = None) -> str:
        intake_id = add_intake(
            self.database, name, born, on=20, client_id=self.client_id, counselor="Dana Reyes"
        )
        self.finished_intake.emit(intake_id)
        self.accept()
        return intake_id

    def closeEvent(self, event) -> None:
        if self.refuse_to_close:  # as the real one does when the counselor cancels the question
            event.ignore()
            return
        super().closeEvent(event)
