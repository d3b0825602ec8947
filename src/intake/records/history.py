"""A client's history: their finished intakes, newest first, each with its referrals."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, col, select

from intake.problems import InputError, error
from intake.records.drafts import FINAL
from intake.store.db import Database
from intake.store.records_tables import Client, Consent, Referral
from intake.store.records_tables import Intake as IntakeRow


@dataclass(frozen=True, slots=True)
class ReferralSummary:
    id: str
    service_id: str
    service_name: str
    organization_name: str
    pathway: str
    urgent: bool
    safety_net: bool
    added_by_counselor: bool
    note: str | None
    status: str


@dataclass(frozen=True, slots=True)
class IntakeSummary:
    """One finished intake as a client's history lists it."""

    id: str
    finished_at: dt.datetime | None
    counselor: str | None
    goals: tuple[str, ...]
    has_consent: bool
    referrals: tuple[ReferralSummary, ...]


def client_history(database: Database, client_id: str) -> list[IntakeSummary]:
    """The client's finished intakes, newest first, with the referrals chosen at each."""
    with database.session() as session:
        if session.get(Client, client_id) is None:
            raise InputError([error(f"no client {client_id!r} in the records", field="client")])
        intakes = _finished_intakes(session, client_id)
        ids = [row.id for row in intakes]
        referrals = _referrals_by_intake(session, ids)
        consented = _consented(session, ids)
    return [_summary(row, referrals[row.id], row.id in consented) for row in intakes]


def _finished_intakes(session: Session, client_id: str) -> list[IntakeRow]:
    query = (
        select(IntakeRow)
        .where(col(IntakeRow.client_id) == client_id, col(IntakeRow.status) == FINAL)
        .order_by(col(IntakeRow.finished_at).desc(), col(IntakeRow.id))
    )
    return list(session.exec(query))


def _referrals_by_intake(session: Session, ids: list[str]) -> dict[str, list[ReferralSummary]]:
    grouped: dict[str, list[ReferralSummary]] = defaultdict(list)
    if not ids:
        return grouped
    query = (
        select(Referral)
        .where(col(Referral.intake_id).in_(ids))
        .order_by(  # urgent and safety-net referrals first, as the plan showed them
            col(Referral.created_at),
            col(Referral.urgent).desc(),
            col(Referral.safety_net).desc(),
            col(Referral.pathway),
            col(Referral.service_name),
            col(Referral.id),
        )
    )
    for row in session.exec(query):
        grouped[row.intake_id].append(_referral(row))
    return grouped


def _consented(session: Session, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    query = select(Consent.intake_id).where(col(Consent.intake_id).in_(ids))
    return set(session.exec(query))


def _referral(row: Referral) -> ReferralSummary:
    return ReferralSummary(
        id=row.id,
        service_id=row.service_id,
        service_name=row.service_name,
        organization_name=row.organization_name,
        pathway=row.pathway,
        urgent=row.urgent,
        safety_net=row.safety_net,
        added_by_counselor=row.added_by_counselor,
        note=row.note,
        status=row.status,
    )


def _summary(row: IntakeRow, referrals: list[ReferralSummary], has_consent: bool) -> IntakeSummary:
    goals = row.answers.get("goals") if isinstance(row.answers, dict) else None
    return IntakeSummary(
        id=row.id,
        finished_at=row.finished_at,
        counselor=row.counselor,
        goals=tuple(str(goal) for goal in goals) if isinstance(goals, list) else (),
        has_consent=has_consent,
        referrals=tuple(referrals),
    )
