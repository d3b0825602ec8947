"""Drafts: the wizard's answers saved as the counselor types, so nothing is lost.

A draft is an intake row with status "draft". Its answers are kept exactly as given,
partial and possibly invalid (the counselor is still typing); they are checked only
when the intake is finished (`record_intake`), which turns the same row final. Each
call is one short transaction, cheap enough to run after every change.
"""

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from intake.problems import InputError, error
from intake.store.db import Database
from intake.store.records_tables import Client, Intake, utcnow

DRAFT, FINAL = "draft", "final"


@dataclass(frozen=True, slots=True)
class DraftSummary:
    """A draft as a list of unfinished intakes shows it."""

    id: str
    client_name: str  # as typed so far; "" when not yet given
    client_id: str | None
    counselor: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


def save_draft(
    database: Database,
    *,
    intake_id: str | None,
    answers: Mapping[str, Any],
    counselor: str | None,
    client_id: str | None = None,
) -> str:
    """Create a draft (`intake_id` None) or replace a draft's answers; returns its id.

    `answers` is stored as given, partial or invalid; dates may be `date` objects.
    `client_id` is the client chosen on the first page so far (None: a new client).
    """
    stored = _json_copy(answers)
    with database.session() as session:
        if client_id is not None and session.get(Client, client_id) is None:
            raise InputError([error(f"no client {client_id!r} in the records", field="client")])
        row = _new_draft() if intake_id is None else _draft(session, intake_id)
        row.answers = stored
        row.counselor = counselor
        row.client_id = client_id
        row.updated_at = utcnow()
        session.add(row)
        return row.id


def list_drafts(database: Database) -> list[DraftSummary]:
    """Unfinished intakes, the most recently changed first."""
    query = (
        select(Intake)
        .where(col(Intake.status) == DRAFT)
        .order_by(col(Intake.updated_at).desc(), col(Intake.id))
    )
    with database.session() as session:
        return [_summary(row) for row in session.exec(query)]


def load_draft(database: Database, intake_id: str) -> dict[str, Any]:
    """A draft's answers, as last saved."""
    with database.session() as session:
        return dict(_draft(session, intake_id).answers)


def discard_draft(database: Database, intake_id: str) -> bool:
    """Delete a draft and the answers in it; False if there was none (already gone)."""
    with database.session() as session:
        row = session.get(Intake, intake_id)
        if row is None:
            return False
        if row.status != DRAFT:
            raise _not_a_draft(intake_id)
        session.delete(row)
        return True


def _new_draft() -> Intake:
    return Intake.model_validate({"status": DRAFT, "answers": {}})


def _draft(session: Session, intake_id: str) -> Intake:
    """The draft row with this id, or an InputError saying why there is none."""
    row = session.get(Intake, intake_id)
    if row is None:
        raise InputError(
            [error(f"no draft {intake_id!r}: it was finished or discarded", field="draft")]
        )
    if row.status != DRAFT:
        raise _not_a_draft(intake_id)
    return row


def _not_a_draft(intake_id: str) -> InputError:
    return InputError([error(f"intake {intake_id!r} is finished; expected a draft", field="draft")])


def _summary(row: Intake) -> DraftSummary:
    client = row.answers.get("client") if isinstance(row.answers, dict) else None
    name = client.get("name") if isinstance(client, dict) else None
    return DraftSummary(
        id=row.id,
        client_name=name.strip() if isinstance(name, str) else "",
        client_id=row.client_id,
        counselor=row.counselor,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _json_copy(answers: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-safe deep copy: later edits to the wizard's dict do not reach the stored row."""
    copied = json.loads(json.dumps(answers, default=_json_default))
    if not isinstance(copied, dict):
        raise TypeError("draft answers must be a JSON object")
    return copied


def _json_default(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"draft answers hold a {type(value).__name__}, which JSON cannot store")
