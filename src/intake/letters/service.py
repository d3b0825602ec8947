"""The letters service: compose, render, write atomically and, for provider letters, record.

    make_provider_letter(intake, service, out, settings=s, database=db, intake_id=id)
    make_handout(intake, [service, ...], out, settings=s, directory=snapshot)
    write_accounting(database, client_id, out, settings=s)

A provider letter made with a database is recorded in the client's accounting of
disclosures (who, what, when, under which consent) in the same step as the file is
written (recording.py): if the file cannot be written nothing is recorded, and if the
record cannot be committed the file is removed. Recording needs the id of the stored
intake the letter is about: an intake file that was never stored has no client record
to account to. The store is imported only then, so rendering stays quick to start.

Nothing about the client is logged.
"""

import datetime as dt
import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from intake.directory.snapshot import DirectorySnapshot, ServiceView
from intake.intake_model import Intake
from intake.letters.accounting import compose_accounting, reference_of
from intake.letters.consent import service_title
from intake.letters.handout import compose_handout, safety_lines
from intake.letters.provider import ReferralFacts, compose_provider_letter
from intake.letters.render import render_accounting, render_handout, render_provider_letter
from intake.letters.writer import write_atomically
from intake.problems import InputError, error
from intake.settings import ClinicSettings

if TYPE_CHECKING:
    from intake.letters.recording import PendingDisclosure
    from intake.store.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LetterResult:
    path: Path
    reference: str
    included: tuple[str, ...]  # the consent's information kinds the letter holds
    language: str
    disclosure_id: str | None  # the accounting row, when recorded
    pending: "PendingDisclosure | None" = None  # to record once printed (`printing=True`)


@dataclass(frozen=True, slots=True)
class HandoutResult:
    path: Path
    language: str
    places: int
    names_withheld: int  # places printed without their name (it would reveal substance use)


def make_provider_letter(
    intake: Intake,
    service: ServiceView,
    out: Path | str,
    *,
    settings: ClinicSettings,
    sections: Iterable[str] | None = None,
    directory: DirectorySnapshot | None = None,
    referral: ReferralFacts | None = None,
    counselor: str | None = None,
    language: str | None = None,
    database: "Database | None" = None,
    intake_id: str | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    invariant: bool = False,
    printing: bool = False,
) -> LetterResult:
    """Write a provider letter to `out`; with `database`, record it in the accounting.

    `printing`: `out` is a file to print; the letter is checked against the records as
    if recorded, and the result's `pending` is recorded (`record_delivered`) only once
    the letter has gone to the printer.

    InputError, with no file written and nothing recorded, when the consent does not
    name the service or is not in force, a section is not covered, or (with a database)
    `intake_id` is missing, unknown or holds other answers than `intake`.
    """
    today = today or dt.date.today()
    disclosure_id = str(uuid.uuid4())
    reference = reference_of(disclosure_id)
    names = _recipient_names(intake, directory)
    language_used = ""

    def compose(facts: ReferralFacts | None) -> tuple[bytes, tuple[str, ...]]:
        nonlocal language_used
        letter = compose_provider_letter(
            intake,
            service,
            settings=settings,
            today=today,
            reference=reference,
            sections=sections,
            referral=facts,
            recipient_names=names,
            counselor=counselor,
            language=language,
        )
        language_used = letter.info.language
        pdf = render_provider_letter(letter, paper=settings.paper_size, invariant=invariant)
        return pdf, letter.included

    if database is None:
        if intake_id is not None:
            raise InputError([error("a stored intake's id needs the database", field="intake_id")])
        pdf, included = compose(referral)
        path = write_atomically(out, pdf)
        return LetterResult(path, reference, included, language_used, None)
    if intake_id is None:
        message = (
            "to record the letter in the accounting of disclosures, give the stored intake's id"
        )
        raise InputError([error(message, field="intake_id")])

    from intake.letters.recording import LetterToRecord, write_pending, write_recorded

    path = Path(out)
    letter = LetterToRecord(
        intake=intake,
        intake_id=intake_id,
        service_id=service.id,
        recipient_name=service_title(service),
        referral=referral,
        compose=compose,
        out=path,
        disclosure_id=disclosure_id,
        counselor=(counselor if counselor is not None else settings.counselor_name) or None,
    )
    if printing:
        pending = write_pending(database, letter)
        log.info("provider letter written to print (disclosure %s once printed)", disclosure_id)
        return LetterResult(path, reference, pending.information, language_used, None, pending)
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    included = write_recorded(database, letter, now)
    log.info("provider letter written and recorded (disclosure %s)", disclosure_id)
    return LetterResult(path, reference, included, language_used, disclosure_id)


def make_handout(
    intake: Intake,
    services: Sequence[ServiceView],
    out: Path | str,
    *,
    settings: ClinicSettings,
    directory: DirectorySnapshot,
    language: str | None = None,
    own_words: bool = False,
    full_names: bool = False,
    counselor: str | None = None,
    today: dt.date | None = None,
    invariant: bool = False,
) -> HandoutResult:
    """Write the client handout to `out`. No consent needed: it reveals no substance use."""
    if not services:
        raise InputError([error("a handout needs at least one service", field="--service")])
    from intake.geo import point_for_postal_code

    safety = safety_lines(directory, point_for_postal_code(intake.client.postal_code))
    handout = compose_handout(
        intake,
        services,
        settings=settings,
        safety=safety,
        today=today or dt.date.today(),
        language=language,
        own_words=own_words,
        full_names=full_names,
        counselor=counselor,
    )
    pdf = render_handout(handout, paper=settings.paper_size, invariant=invariant)
    path = write_atomically(out, pdf)
    withheld = sum(1 for place in handout.places if place.note)
    return HandoutResult(path, handout.info.language, len(handout.places), withheld)


def write_accounting(
    database: "Database",
    client_id: str,
    out: Path | str,
    *,
    settings: ClinicSettings,
    language: str | None = None,
    today: dt.date | None = None,
    invariant: bool = False,
) -> Path:
    """Print the client's accounting of disclosures to a PDF, atomically."""
    from intake.letters.accounting import client_disclosures

    accounting = client_disclosures(database, client_id)
    doc = compose_accounting(
        accounting, settings=settings, today=today or dt.date.today(), language=language
    )
    pdf = render_accounting(doc, paper=settings.paper_size, invariant=invariant)
    return write_atomically(out, pdf)


def load_stored_intake(database: "Database", intake_id: str) -> Intake:
    """The answers of a finished stored intake, as an Intake."""
    from intake.letters.recording import load_stored_intake as load

    return load(database, intake_id)


def _recipient_names(intake: Intake, directory: DirectorySnapshot | None) -> dict[str, str]:
    if intake.consent is None or directory is None:
        return {}
    names = {}
    for rid in intake.consent.recipients:
        found = directory.get(rid)
        if found is not None:
            names[rid] = service_title(found)
    return names
