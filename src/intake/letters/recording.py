"""Recording a provider letter in the accounting of disclosures, in the same step as writing it.

The row is added and flushed first (a broken reference fails before any file exists),
the file is written, then the transaction commits; if the commit fails, the file is
removed. So a letter on disk always has its record, and a record always its letter.

A letter made to be printed is checked the same way but recorded only once it has gone
to the printer (`write_pending`, then `record_delivered`): a print that is cancelled or
fails before the letter is not a disclosure. Imported only when a letter is recorded:
rendering letters needs no database.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from intake.intake_model import Intake, dump_intake, parse_intake
from intake.letters.provider import ReferralFacts
from intake.letters.writer import write_atomically
from intake.problems import InputError, error
from intake.store.db import Database
from intake.store.records_tables import Consent, Disclosure, Referral
from intake.store.records_tables import Intake as IntakeRow

PROVIDER_LETTER = "provider_letter"
FINAL = "final"  # a finished intake (records.drafts.FINAL)

# compose(facts) -> (pdf, information kinds included)
Compose = Callable[[ReferralFacts | None], tuple[bytes, tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class PendingDisclosure:
    """A provider letter made for printing, checked against the records: recorded in the
    accounting (`record_delivered`) once it has really gone to the printer."""

    disclosure_id: str
    intake_id: str
    service_id: str
    recipient_name: str
    information: tuple[str, ...]
    purpose: str
    counselor: str | None


@dataclass(frozen=True, slots=True)
class LetterToRecord:
    """A provider letter about a stored intake, to compose, write and account for."""

    intake: Intake
    intake_id: str
    service_id: str
    recipient_name: str
    referral: ReferralFacts | None
    compose: Compose
    out: Path
    disclosure_id: str
    counselor: str | None

    def pending(self, included: tuple[str, ...]) -> PendingDisclosure:
        purpose = (self.intake.consent.purpose if self.intake.consent else None) or ""
        return PendingDisclosure(
            self.disclosure_id,
            self.intake_id,
            self.service_id,
            self.recipient_name,
            included,
            purpose,
            self.counselor,
        )


def write_recorded(database: Database, letter: LetterToRecord, now: dt.datetime) -> tuple[str, ...]:
    """Compose, record and write the letter, all or nothing; the kinds it holds."""
    written = False
    try:
        with database.session() as session:
            row = _stored_intake(session, letter.intake_id, letter.intake)
            stored = _stored_referral(session, letter.intake_id, letter.service_id)
            pdf, included = letter.compose(_facts(letter.referral, stored))
            session.add(_disclosure_row(session, letter.pending(included), row, stored, now))
            session.flush()
            write_atomically(letter.out, pdf)
            written = True
    except BaseException:
        if written:  # the file exists but its record could not be committed
            letter.out.unlink(missing_ok=True)
        raise
    return included


def write_pending(database: Database, letter: LetterToRecord) -> PendingDisclosure:
    """Compose and write a letter that is to be printed, after the same checks as
    `write_recorded`; nothing is recorded until `record_delivered`."""
    with database.session() as session:
        _stored_intake(session, letter.intake_id, letter.intake)
        stored = _stored_referral(session, letter.intake_id, letter.service_id)
        facts = _facts(letter.referral, stored)
    pdf, included = letter.compose(facts)
    write_atomically(letter.out, pdf)
    return letter.pending(included)


def record_delivered(
    database: Database, letters: Iterable[PendingDisclosure], now: dt.datetime
) -> None:
    """Record letters that went to the printer, all in one transaction."""
    with database.session() as session:
        for letter in letters:
            row = session.get(IntakeRow, letter.intake_id)
            if row is None or row.status != FINAL or row.client_id is None:
                raise _no_intake(letter.intake_id)
            stored = _stored_referral(session, letter.intake_id, letter.service_id)
            session.add(_disclosure_row(session, letter, row, stored, now))


def _facts(referral: ReferralFacts | None, stored: Referral | None) -> ReferralFacts | None:
    return referral or (ReferralFacts(stored.pathway, tuple(stored.types)) if stored else None)


def _disclosure_row(
    session: Session,
    letter: PendingDisclosure,
    row: IntakeRow,
    stored: Referral | None,
    now: dt.datetime,
) -> Disclosure:
    return Disclosure.model_validate(
        {
            "id": letter.disclosure_id,
            "client_id": row.client_id,
            "intake_id": letter.intake_id,
            "consent_id": _consent_id(session, letter.intake_id),
            "referral_id": stored.id if stored else None,
            "recipient_service_id": letter.service_id,
            "recipient_name": letter.recipient_name,
            "information": list(letter.information),
            "purpose": letter.purpose,
            "document": PROVIDER_LETTER,
            "counselor": letter.counselor,
            "disclosed_at": now,
        }
    )


def load_stored_intake(database: Database, intake_id: str) -> Intake:
    """The answers of a finished stored intake, as an Intake."""
    with database.session() as session:
        row = session.get(IntakeRow, intake_id)
        if row is None or row.status != FINAL:
            raise _no_intake(intake_id)
        answers = row.answers
    return parse_intake(answers, source=f"stored intake {intake_id}")


def _no_intake(intake_id: str) -> InputError:
    return InputError(
        [error(f"no finished intake {intake_id!r} in the records", field="intake_id")]
    )


def _stored_intake(session: Session, intake_id: str, intake: Intake) -> IntakeRow:
    row = session.get(IntakeRow, intake_id)
    if row is None or row.status != FINAL or row.client_id is None:
        raise _no_intake(intake_id)
    if row.answers != dump_intake(intake):
        message = (
            f"the intake given differs from stored intake {intake_id!r}; letters are recorded "
            "against the answers on record (give the stored intake alone)"
        )
        raise InputError([error(message, field="intake_id")])
    return row


def _consent_id(session: Session, intake_id: str) -> str | None:
    query = select(Consent.id).where(col(Consent.intake_id) == intake_id).limit(1)
    return session.exec(query).first()


def _stored_referral(session: Session, intake_id: str, service_id: str) -> Referral | None:
    query = (
        select(Referral)
        .where(col(Referral.intake_id) == intake_id, col(Referral.service_id) == service_id)
        .order_by(col(Referral.position), col(Referral.created_at))
        .limit(1)
    )
    return session.exec(query).first()
