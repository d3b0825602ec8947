"""Recording a provider letter in the accounting of disclosures, in the same step as writing it.

The row is added and flushed first (a broken reference fails before any file exists),
the file is written, then the transaction commits; if the commit fails, the file is
removed. So a letter on disk always has its record, and a record always its letter.
Imported only when a letter is recorded: rendering letters needs no database.
"""

import datetime as dt
from collections.abc import Callable
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


def write_recorded(
    database: Database,
    *,
    intake: Intake,
    intake_id: str,
    service_id: str,
    recipient_name: str,
    referral: ReferralFacts | None,
    compose: Compose,
    out: Path,
    disclosure_id: str,
    counselor: str | None,
    now: dt.datetime,
) -> tuple[str, ...]:
    """Compose, record and write the letter, all or nothing; the kinds it holds."""
    written = False
    try:
        with database.session() as session:
            row = _stored_intake(session, intake_id, intake)
            stored = _stored_referral(session, intake_id, service_id)
            facts = referral or (
                ReferralFacts(stored.pathway, tuple(stored.types)) if stored else None
            )
            pdf, included = compose(facts)
            session.add(
                Disclosure.model_validate(
                    {
                        "id": disclosure_id,
                        "client_id": row.client_id,
                        "intake_id": intake_id,
                        "consent_id": _consent_id(session, intake_id),
                        "referral_id": stored.id if stored else None,
                        "recipient_service_id": service_id,
                        "recipient_name": recipient_name,
                        "information": list(included),
                        "purpose": (intake.consent.purpose if intake.consent else None) or "",
                        "document": PROVIDER_LETTER,
                        "counselor": counselor,
                        "disclosed_at": now,
                    }
                )
            )
            session.flush()
            write_atomically(out, pdf)
            written = True
    except BaseException:
        if written:  # the file exists but its record could not be committed
            out.unlink(missing_ok=True)
        raise
    return included


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
