"""What the letters dialog works on, read and made off the UI thread (no Qt here).

    context = load_letters_context(database, intake_id, today=date.today())
    make_document(context, Document.provider(service_id, sections), out, database=db)
    make_document(context, Document.handout(service_ids), out)

The core decides everything: which referrals may get a provider letter (check_consent),
which sections the consent covers, what the PDFs say. A provider letter saved as a file
is recorded in the accounting of disclosures (database + intake id) as it is written;
one made to be printed is recorded once it has gone to the printer (`make_to_print`,
then `record_printed`); a preview is not a disclosure and is made without recording.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, select

from intake.directory.snapshot import DirectorySnapshot, ServiceView
from intake.directory.snapshot_loader import load_snapshot
from intake.intake_model import Intake
from intake.letters import (
    KINDS,
    ReferralFacts,
    check_consent,
    load_stored_intake,
    make_handout,
    make_provider_letter,
)
from intake.letters.recording import PendingDisclosure, record_delivered
from intake.problems import InputError
from intake.settings import ClinicSettings, load_settings
from intake.store.db import Database
from intake.store.records_tables import Referral


@dataclass(frozen=True, slots=True)
class ReferralChoice:
    """One stored referral of the intake, and whether a provider letter may go to it."""

    referral_id: str
    service_id: str
    title: str  # service (organization), as stored
    pathway: str
    types: tuple[str, ...]
    service: ServiceView | None  # None: no longer in the directory
    refusal: str | None  # why no provider letter (one sentence); None: allowed

    @property
    def letter_allowed(self) -> bool:
        return self.refusal is None


@dataclass(frozen=True, slots=True)
class LettersContext:
    intake_id: str
    intake: Intake
    settings: ClinicSettings
    snapshot: DirectorySnapshot
    referrals: tuple[ReferralChoice, ...]
    allowed_sections: tuple[str, ...]  # the information kinds the consent covers
    today: dt.date


@dataclass(frozen=True, slots=True)
class Document:
    """A provider letter to one service, or one client handout for several."""

    kind: str  # "provider" | "handout"
    service_ids: tuple[str, ...]
    sections: tuple[str, ...] | None = None

    @classmethod
    def provider(cls, service_id: str, sections: Sequence[str] | None) -> "Document":
        return cls("provider", (service_id,), None if sections is None else tuple(sections))

    @classmethod
    def handout(cls, service_ids: Sequence[str]) -> "Document":
        return cls("handout", tuple(service_ids))


NOT_IN_DIRECTORY = (
    "This service is no longer in the directory, so no letter can be addressed to it."
)


def load_letters_context(database: Database, intake_id: str, *, today: dt.date) -> LettersContext:
    intake = load_stored_intake(database, intake_id)
    settings = load_settings(database)
    snapshot = load_snapshot(database)
    with database.session() as session:
        query = (
            select(Referral)
            .where(col(Referral.intake_id) == intake_id)
            .order_by(col(Referral.position), col(Referral.created_at))
        )
        rows = list(session.exec(query))
        referrals = tuple(_choice(row, intake, snapshot, today) for row in rows)
    consent = intake.consent
    allowed = tuple(k for k in KINDS if consent is not None and consent.covers(k))
    return LettersContext(intake_id, intake, settings, snapshot, referrals, allowed, today)


def _choice(
    row: Referral, intake: Intake, snapshot: DirectorySnapshot, today: dt.date
) -> ReferralChoice:
    service = snapshot.get(row.service_id)
    title = row.service_name
    if row.organization_name and row.organization_name != row.service_name:
        title = f"{row.service_name} ({row.organization_name})"
    refusal: str | None = None
    if service is None:
        refusal = NOT_IN_DIRECTORY
    else:
        try:
            check_consent(intake, service, today=today)
        except InputError as exc:
            refusal = exc.problems[0].message if exc.problems else str(exc)
    return ReferralChoice(
        row.id, row.service_id, title, row.pathway, tuple(row.types), service, refusal
    )


def make_document(
    context: LettersContext, document: Document, out: Path, *, database: Database | None
) -> Path:
    """Write the document's PDF to `out` (atomically, by the core); record provider letters
    when `database` is given. InputError when the core refuses."""
    return _make(context, document, out, database=database, printing=False)[0]


@dataclass(frozen=True, slots=True)
class ToPrint:
    """A document made to be printed; a provider letter's disclosure is recorded only once
    it has gone to the printer (`record_printed`)."""

    path: Path
    pending: PendingDisclosure | None


def make_to_print(
    context: LettersContext, document: Document, out: Path, *, database: Database
) -> ToPrint:
    """Write the document's PDF to `out` for printing, checked as `make_document` checks it
    but not recorded yet. InputError when the core refuses."""
    return ToPrint(*_make(context, document, out, database=database, printing=True))


def record_printed(database: Database, printed: Sequence[ToPrint]) -> None:
    """Record the provider letters among `printed`, which went to the printer."""
    pending = [p.pending for p in printed if p.pending is not None]
    if pending:
        record_delivered(database, pending, dt.datetime.now(dt.UTC).replace(microsecond=0))


def _make(
    context: LettersContext,
    document: Document,
    out: Path,
    *,
    database: Database | None,
    printing: bool,
) -> tuple[Path, PendingDisclosure | None]:
    services = [_service(context, sid) for sid in document.service_ids]
    if document.kind == "handout":
        handout = make_handout(
            context.intake,
            services,
            out,
            settings=context.settings,
            directory=context.snapshot,
            today=context.today,
        )
        return handout.path, None
    choice = next(r for r in context.referrals if r.service_id == document.service_ids[0])
    result = make_provider_letter(
        context.intake,
        services[0],
        out,
        settings=context.settings,
        sections=document.sections,
        directory=context.snapshot,
        referral=ReferralFacts(pathway=choice.pathway, types=choice.types),
        database=database,
        intake_id=context.intake_id if database is not None else None,
        today=context.today,
        printing=printing,
    )
    return result.path, result.pending


def _service(context: LettersContext, service_id: str) -> ServiceView:
    service = context.snapshot.get(service_id)
    if service is None:
        from intake.problems import error

        raise InputError([error(NOT_IN_DIRECTORY, field="service")])
    return service
