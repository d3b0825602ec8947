"""Finishing an intake: the client, the intake, its consent and the chosen referrals, at once.

`record_intake` is what the wizard's Finish and `intake record` both call. It writes in
one transaction, so a failure anywhere leaves no client, intake, consent or referral
behind. Each referral copies the service's facts from the plan the counselor chose it
from: directories change, and the record must say what was offered at the time.
"""

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from intake.intake_model import Consent as ConsentAnswers
from intake.intake_model import Intake, dump_intake
from intake.problems import InputError, error
from intake.records.drafts import DRAFT, FINAL
from intake.records.plans import ChosenFacts, PlanLike, facts_for
from intake.store.db import Database
from intake.store.records_tables import Client, Consent, Referral, utcnow
from intake.store.records_tables import Intake as IntakeRow

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ChosenReferral:
    """A service the counselor chose from the plan, with their note.

    A service the rules kept out may be chosen only with a note saying why. `pathway`
    picks one when the plan lists the service under more than one.
    """

    service_id: str
    note: str | None = None
    pathway: str | None = None


def record_intake(
    database: Database,
    intake: Intake,
    *,
    chosen: Sequence[ChosenReferral],
    plan: PlanLike | None,
    counselor: str | None,
    client_id: str | None = None,
    is_alias: bool = False,
    draft_id: str | None = None,
    now: dt.datetime | None = None,
) -> str:
    """Store a finished intake and its chosen referrals, all or nothing; returns the intake id.

    The client is `client_id`, else the client the draft names, else a new one named as
    in the intake (`is_alias`: the name is an alias). A draft named by `draft_id` becomes
    this intake. InputError, with nothing stored, for a service not in the plan, an
    excluded one without a note, or an unknown client or draft.
    """
    facts = facts_for(plan, chosen)
    now = now or utcnow()
    with database.session() as session:
        row = _intake_row(session, draft_id=draft_id)
        chosen_client = client_id or row.client_id  # a draft may name its client already
        client = _client(session, intake, client_id=chosen_client, is_alias=is_alias, now=now)
        _finish(row, intake, plan=plan, client=client, counselor=counselor, now=now)
        session.add(row)
        session.flush()  # the intake row exists before rows that refer to it
        if intake.consent is not None:
            session.add(_consent_row(row.id, intake.consent))
        for fact in facts:
            session.add(_referral_row(row.id, fact, now=now))
        intake_id = row.id
    log.info("intake %s recorded with %d referral(s)", intake_id, len(facts))
    return intake_id


def _client(
    session: Session, intake: Intake, *, client_id: str | None, is_alias: bool, now: dt.datetime
) -> Client:
    """The client this intake is about: the one chosen, or a new one."""
    born = intake.client.date_of_birth
    if client_id is None:
        client = Client.model_validate(
            {"name": intake.client.name, "is_alias": is_alias, "date_of_birth": born}
        )
    else:
        found = session.get(Client, client_id)
        if found is None:
            raise InputError([error(f"no client {client_id!r} in the records", field="client")])
        client = found
        if client.date_of_birth is None and born is not None:
            client.date_of_birth = born  # learnt at this visit; a known date is never changed
    client.updated_at = now
    session.add(client)
    return client


def _intake_row(session: Session, *, draft_id: str | None) -> IntakeRow:
    """The draft being finished, or a new intake row."""
    if draft_id is None:
        return IntakeRow.model_validate({"status": FINAL, "answers": {}})
    row = session.get(IntakeRow, draft_id)
    if row is None or row.status != DRAFT:
        state = "is already finished" if row is not None else "was discarded or finished"
        raise InputError([error(f"draft {draft_id!r} {state}; expected a draft", field="draft")])
    return row


def _finish(
    row: IntakeRow,
    intake: Intake,
    *,
    plan: PlanLike | None,
    client: Client,
    counselor: str | None,
    now: dt.datetime,
) -> None:
    row.status = FINAL
    row.answers = dump_intake(intake)
    row.client_id = client.id
    row.counselor = counselor
    row.rules_version = plan.rules_version if plan is not None else None
    row.directory_version = plan.directory_version if plan is not None else None
    row.updated_at = now
    row.finished_at = now


def _consent_row(intake_id: str, consent: ConsentAnswers) -> Consent:
    return Consent.model_validate(
        {
            "intake_id": intake_id,
            "recipients": list(consent.recipients),
            "information": [str(kind) for kind in consent.information],
            "purpose": consent.purpose or "",
            "expires_on": consent.expires_on,
            "expires_event": consent.expires_event,
            "signed_by": consent.signed_by,
            # Unknown stays unknown: "" rather than the table's default "self".
            "signer_relationship": str(consent.signer_relationship or ""),
            "signed_on": consent.signed_on,
            "revoked_on": consent.revoked_on,
        }
    )


def _referral_row(intake_id: str, fact: ChosenFacts, *, now: dt.datetime) -> Referral:
    return Referral.model_validate(
        {
            "intake_id": intake_id,
            "service_id": fact.service_id,
            "service_name": fact.service_name,
            "organization_name": fact.organization_name,
            "pathway": fact.pathway,
            "types": list(fact.types),
            "reasons": list(fact.reasons),
            "urgent": fact.urgent,
            "safety_net": fact.safety_net,
            "added_by_counselor": fact.added_by_counselor,
            "note": fact.note,
            "created_at": now,
        }
    )
