"""Reading what the exports hold: referrals of finished intakes, in a stable order.

Drafts are never read. The date range is inclusive and applies to the day the intake
was finished, as stored (UTC). Rows come in the order finished, intake, counselor's
position, then id, so two exports of the same data list the same rows in the same order.
Only the columns an export needs are selected; of the answers, only the goals are read.
"""

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, null, select
from sqlmodel import col

from intake.problems import InputError, error
from intake.records.drafts import FINAL
from intake.store.db import Database
from intake.store.records_tables import Client, Referral
from intake.store.records_tables import Intake as IntakeRow

_PAGE = 1000  # rows fetched at a time


@dataclass(frozen=True, slots=True)
class DateRange:
    """Inclusive days on which intakes were finished; None on a side means open."""

    since: dt.date | None = None
    until: dt.date | None = None

    def __post_init__(self) -> None:
        if self.since is not None and self.until is not None and self.since > self.until:
            raise InputError(
                [
                    error(
                        f"--since {self.since.isoformat()} is after --until "
                        f"{self.until.isoformat()}; expected since on or before until",
                        field="--since",
                    )
                ]
            )

    def as_json(self) -> dict[str, str | None]:
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }

    def conditions(self) -> list[ColumnElement[bool]]:
        """SQL conditions on the intake row: finished, and finished within the range."""
        finished = col(IntakeRow.finished_at)
        where: list[ColumnElement[bool]] = [
            col(IntakeRow.status) == FINAL,
            finished.is_not(None),
        ]
        if self.since is not None:
            where.append(finished >= _midnight(self.since))
        if self.until is not None:
            where.append(finished < _midnight(self.until + dt.timedelta(days=1)))
        return where


@dataclass(frozen=True, slots=True)
class ReferralRow:
    """One referral of a finished intake, with what the exports say about its client."""

    referral_id: str
    intake_id: str
    client_id: str
    client_name: str  # the name or alias on record
    is_alias: bool
    date_of_birth: dt.date | None
    finished_at: dt.datetime  # UTC
    goals: tuple[str, ...]
    counselor: str | None
    service_id: str
    service_name: str
    organization_name: str
    pathway: str
    types: tuple[str, ...]
    reasons: tuple[str, ...]
    urgent: bool
    safety_net: bool
    added_by_counselor: bool
    note: str | None
    status: str
    created_at: dt.datetime  # UTC

    @property
    def day(self) -> dt.date:
        return self.finished_at.date()


@dataclass(frozen=True, slots=True)
class IntakeFacts:
    """A finished intake as the de-identified report counts it: when, and the goals."""

    finished_at: dt.datetime
    goals: tuple[str, ...]


def count_referrals(database: Database, dates: DateRange) -> int:
    query = (
        select(func.count())
        .select_from(Referral)
        .join(IntakeRow, col(Referral.intake_id) == col(IntakeRow.id))
        .where(and_(*dates.conditions()))
    )
    with database.session() as session:
        return int(session.execute(query).scalar_one())


def referral_rows(
    database: Database, dates: DateRange, *, goals: bool = True
) -> Iterator[ReferralRow]:
    """Every referral of the finished intakes in `dates`, in a stable order, page by page.

    With `goals=False` the goals are not read (each row's are then empty): an export
    that does not carry them is spared reading them.
    """
    query = _referral_query(dates, goals=goals).execution_options(yield_per=_PAGE)
    # A plain connection: these are rows of columns, and the ORM session's handling of
    # a statement costs a fifth of the read for nothing.
    with database.engine.connect() as connection:
        for row in connection.execute(query):
            yield _referral_row(row)


def finished_intakes(database: Database, dates: DateRange) -> Iterator[IntakeFacts]:
    """When each finished intake in `dates` was finished and its goals; nothing else."""
    query = (
        select(col(IntakeRow.finished_at), _GOALS)
        .where(and_(*dates.conditions()))
        .order_by(col(IntakeRow.finished_at), col(IntakeRow.id))
        .execution_options(yield_per=_PAGE)
    )
    with database.session() as session:
        for finished_at, goals in session.execute(query):
            yield IntakeFacts(_utc(finished_at), _goals(goals))


# The goals alone, extracted by the database (JSON path on SQLite and PostgreSQL): the
# rest of the answers never leaves it.
_GOALS = col(IntakeRow.answers)["goals"]
_NO_GOALS = null()

_REFERRAL_COLUMNS = (
    col(Referral.id),
    col(Referral.intake_id),
    col(IntakeRow.client_id),
    col(Client.name),
    col(Client.is_alias),
    col(Client.date_of_birth),
    col(IntakeRow.finished_at),
    _GOALS,
    col(IntakeRow.counselor),
    col(Referral.service_id),
    col(Referral.service_name),
    col(Referral.organization_name),
    col(Referral.pathway),
    col(Referral.types),
    col(Referral.reasons),
    col(Referral.urgent),
    col(Referral.safety_net),
    col(Referral.added_by_counselor),
    col(Referral.note),
    col(Referral.status),
    col(Referral.created_at),
)


def _referral_query(dates: DateRange, *, goals: bool = True) -> Select[Any]:
    columns = (
        _REFERRAL_COLUMNS
        if goals
        else tuple(_NO_GOALS if c is _GOALS else c for c in _REFERRAL_COLUMNS)
    )
    return (
        select(*columns)
        .join(IntakeRow, col(Referral.intake_id) == col(IntakeRow.id))
        .outerjoin(Client, col(IntakeRow.client_id) == col(Client.id))
        .where(and_(*dates.conditions()))
        .order_by(
            col(IntakeRow.finished_at),
            col(IntakeRow.id),
            col(Referral.position),
            col(Referral.created_at),
            col(Referral.id),
        )
    )


def _referral_row(values: Sequence[Any]) -> ReferralRow:
    (
        referral_id,
        intake_id,
        client_id,
        name,
        is_alias,
        born,
        finished_at,
        goals,
        counselor,
        service_id,
        service_name,
        organization_name,
        pathway,
        types,
        reasons,
        urgent,
        safety_net,
        added,
        note,
        status,
        created_at,
    ) = values
    return ReferralRow(
        referral_id=referral_id,
        intake_id=intake_id,
        client_id=client_id or "",
        client_name=name or "",
        is_alias=bool(is_alias),
        date_of_birth=born,
        finished_at=_utc(finished_at),
        goals=_goals(goals),
        counselor=counselor,
        service_id=service_id,
        service_name=service_name or "",
        organization_name=organization_name or "",
        pathway=pathway or "",
        types=tuple(str(t) for t in types or ()),
        reasons=tuple(str(r) for r in reasons or ()),
        urgent=bool(urgent),
        safety_net=bool(safety_net),
        added_by_counselor=bool(added),
        note=note,
        status=status or "",
        created_at=_utc(created_at),
    )


def _goals(goals: object) -> tuple[str, ...]:
    return tuple(str(goal) for goal in goals) if isinstance(goals, list) else ()


def _midnight(day: dt.date) -> dt.datetime:
    """The start of `day` in UTC, as the store keeps its times."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def referral_pathways(database: Database, dates: DateRange) -> Iterator[tuple[dt.datetime, str]]:
    """(when the intake was finished, pathway) per referral in `dates`; nothing else."""
    query = (
        select(col(IntakeRow.finished_at), col(Referral.pathway))
        .join(IntakeRow, col(Referral.intake_id) == col(IntakeRow.id))
        .where(and_(*dates.conditions()))
        .execution_options(yield_per=_PAGE)
    )
    with database.session() as session:
        for finished_at, pathway in session.execute(query):
            yield _utc(finished_at), pathway or ""
