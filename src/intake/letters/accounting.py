"""The accounting of disclosures per client (42 CFR §2.24): listed, and printed as a PDF.

    accounting = client_disclosures(database, client_id)      # newest first
    pdf = render_accounting(compose_accounting(accounting, settings=..., today=day))

Rows are written by `make_provider_letter` (service.py), in the same step as the letter.
"""

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from intake.letters.model import AccountingDoc, DocInfo, Letterhead, Row
from intake.letters.notice import load_notice
from intake.letters.texts import Texts, load_texts
from intake.problems import InputError, error
from intake.settings import ClinicSettings

if TYPE_CHECKING:
    from intake.store.db import Database


@dataclass(frozen=True, slots=True)
class DisclosureEntry:
    id: str
    reference: str  # as printed on the letter and its return slip
    disclosed_at: dt.datetime
    recipient_service_id: str
    recipient_name: str
    information: tuple[str, ...]
    purpose: str
    document: str
    counselor: str | None
    intake_id: str
    consent_id: str | None
    consent_signed_on: dt.date | None


@dataclass(frozen=True, slots=True)
class ClientAccounting:
    client_id: str
    client_name: str
    entries: tuple[DisclosureEntry, ...]


def reference_of(disclosure_id: str) -> str:
    """The short reference printed on a letter: the first 8 hex digits of its record's id."""
    return disclosure_id.replace("-", "")[:8].upper()


def client_disclosures(database: "Database", client_id: str) -> ClientAccounting:
    """Every disclosure of the client's information, newest first; InputError if no client."""
    from sqlmodel import col, select

    from intake.store.records_tables import Client, Consent, Disclosure

    with database.session() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise InputError([error(f"no client {client_id!r} in the records", field="--client")])
        rows = session.exec(
            select(Disclosure, Consent)
            .join(Consent, col(Consent.id) == col(Disclosure.consent_id), isouter=True)
            .where(col(Disclosure.client_id) == client_id)
            .order_by(col(Disclosure.disclosed_at).desc(), col(Disclosure.id))
        ).all()
        name = client.name
    entries = tuple(
        DisclosureEntry(
            id=row.id,
            reference=reference_of(row.id),
            disclosed_at=row.disclosed_at,
            recipient_service_id=row.recipient_service_id,
            recipient_name=row.recipient_name,
            information=tuple(row.information),
            purpose=row.purpose,
            document=row.document,
            counselor=row.counselor,
            intake_id=row.intake_id,
            consent_id=row.consent_id,
            consent_signed_on=consent.signed_on if consent is not None else None,
        )
        for row, consent in rows
    )
    return ClientAccounting(client_id=client_id, client_name=name, entries=entries)


def compose_accounting(
    accounting: ClientAccounting,
    *,
    settings: ClinicSettings,
    today: dt.date,
    language: str | None = None,
    texts: Texts | None = None,
) -> AccountingDoc:
    t = texts or load_texts(language or settings.ui_language)
    sep = t["common.list_separator"]
    entries = []
    for e in accounting.entries:
        consent = (
            t.format("accounting.consent_signed", date=t.date(e.consent_signed_on))
            if e.consent_signed_on is not None
            else t["accounting.consent_none"]
        )
        entries.append(
            (
                f"{t.date(e.disclosed_at.date())} {e.disclosed_at:%H:%M} UTC",
                e.recipient_name or e.recipient_service_id,
                sep.join(t.labels("information", e.information)),
                e.purpose,
                consent,
                e.counselor or "",
                f"{t.label('document', e.document)} ({e.reference})",
            )
        )
    return AccountingDoc(
        info=DocInfo(
            title=f"{t['accounting.title']}: {accounting.client_name}",
            subject=t["accounting.subject"],
            author=settings.clinic_name,
            language=t.language,
            footer=load_notice().short,
            page_label=t["common.page"],
        ),
        letterhead=Letterhead(
            settings.clinic_name, settings.address, settings.phone, settings.logo_path
        ),
        title=t["accounting.title"],
        rows=(
            Row(t["accounting.client"], accounting.client_name),
            Row(t["accounting.client_record"], accounting.client_id),
            Row(t["common.date"], t.date(today)),
        ),
        intro=t["accounting.intro"],
        headers=(
            t["accounting.when"],
            t["accounting.recipient"],
            t["accounting.information"],
            t["accounting.purpose"],
            t["accounting.consent"],
            t["accounting.counselor"],
            t["accounting.document"],
        ),
        entries=tuple(entries),
        empty=t["accounting.none"],
    )
