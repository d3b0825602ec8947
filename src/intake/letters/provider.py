"""Composing a provider referral letter: what it may say, under the client's consent.

    letter = compose_provider_letter(intake, service, settings=..., today=day, reference=ref)

Rules (42 CFR part 2, minimum necessary):
- no letter without a consent in force that names the service, and only the kinds of
  information ticked and covered (consent.py);
- identity gives name and date of birth (or age); contact gives phone and email, and
  only if the client did not say that contact is unsafe;
- substance use, risks and circumstances (pregnancy, legal involvement...) each only
  when included as above;
- every letter carries the §2.32 notice in full, its short form in each footer, the
  consent's scope and a "referral received" slip.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from intake.directory.snapshot import ServiceView
from intake.intake_model import Consent, Intake
from intake.letters.consent import check_consent, included_kinds, service_title
from intake.letters.model import Block, DocInfo, Letterhead, ProviderLetter, Row, Signature, Slip
from intake.letters.notice import Part2Notice, load_notice
from intake.letters.texts import Texts, load_texts
from intake.settings import ClinicSettings
from intake.taxonomy import IntakeTaxonomy, load_taxonomy


@dataclass(frozen=True, slots=True)
class ReferralFacts:
    """The referral's pathway and service types, as the plan or the stored referral has them."""

    pathway: str
    types: tuple[str, ...] = ()


def compose_provider_letter(
    intake: Intake,
    service: ServiceView,
    *,
    settings: ClinicSettings,
    today: date,
    reference: str,
    sections: Iterable[str] | None = None,
    referral: ReferralFacts | None = None,
    recipient_names: Mapping[str, str] | None = None,
    counselor: str | None = None,
    language: str | None = None,
    texts: Texts | None = None,
    notice: Part2Notice | None = None,
    taxonomy: IntakeTaxonomy | None = None,
) -> ProviderLetter:
    """The letter's content; InputError if the consent does not allow it."""
    t = texts or load_texts(language or settings.ui_language)
    consent = check_consent(intake, service, today=today, texts=t)
    kinds = included_kinds(consent, sections, texts=t)
    notice = notice or load_notice()
    taxonomy = taxonomy or load_taxonomy()
    clinic = settings.clinic_name
    counselor_name = counselor if counselor is not None else settings.counselor_name
    facts = referral or facts_from_service(service, taxonomy)
    ref_label = f"{t['common.reference']} {reference}"
    blocks = [_client_block(intake, kinds, t, settings)]
    blocks += _optional_blocks(intake, kinds, t)
    return ProviderLetter(
        info=DocInfo(
            title=f"{t['provider.title']}: {service.name}",
            subject=t.format("provider.subject", service=service_title(service)),
            author=clinic,
            language=t.language,
            footer=notice.short,
            page_label=t["common.page"],
            reference=ref_label,
        ),
        letterhead=_letterhead(settings),
        confidential=t["provider.confidential"],
        dateline=t.date(today),
        recipient_title=t["provider.to"],
        recipient_lines=_recipient_lines(service, t),
        subject=_subject_line(facts, taxonomy, t),
        intro=t["provider.intro_named" if "identity" in kinds else "provider.intro_unnamed"],
        blocks=tuple(blocks),
        included_line=t.format("provider.included", kinds=_join(t, t.labels("information", kinds))),
        closing=t["provider.closing"],
        signature=Signature(
            closing=t["provider.sincerely"],
            signature_label=t["provider.signature"],
            date_label=t["provider.date_signed"],
            name=counselor_name,
            credentials=settings.counselor_credentials,
            role=t["provider.counselor"],
            clinic=clinic,
        ),
        consent=_consent_block(consent, intake, kinds, t, settings, recipient_names or {}),
        notice=Block(
            title=t["provider.notice_title"],
            paragraphs=(
                notice.full,
                t.format(
                    "provider.notice_version", version=notice.version, citation=notice.citation
                ),
            ),
        ),
        slip=_slip(intake, service, kinds, t, settings, today, ref_label),
        included=kinds,
        reference=reference,
    )


def facts_from_service(service: ServiceView, taxonomy: IntakeTaxonomy) -> ReferralFacts:
    """Pathway and types from the service's own codes, when no referral says them."""
    types = sorted(
        code for code in service.codes if code in taxonomy.terms and taxonomy.terms[code].is_type
    )
    pathway = types[0].split(".", 1)[0] if types else ""
    return ReferralFacts(pathway=pathway, types=tuple(types))


# -- parts ------------------------------------------------------------------------------


def _join(t: Texts, items: Sequence[str]) -> str:
    return t["common.list_separator"].join(items)


def _letterhead(settings: ClinicSettings) -> Letterhead:
    return Letterhead(settings.clinic_name, settings.address, settings.phone, settings.logo_path)


def _recipient_lines(service: ServiceView, t: Texts) -> tuple[str, ...]:
    lines = [service.name]
    if service.organization_name and service.organization_name != service.name:
        lines.append(service.organization_name)
    addresses = [p.address for p in service.places if p.address and not p.confidential]
    lines.append(addresses[0] if addresses else t["common.call_for_address"])
    if service.phones:
        lines.append(f"{t['common.phone']}: {_join(t, service.phones)}")
    return tuple(lines)


def _subject_line(facts: ReferralFacts, taxonomy: IntakeTaxonomy, t: Texts) -> str:
    """ "Referral for: Medication — Methadone, Buprenorphine" (pathway — service types)."""
    pathway = taxonomy.label(facts.pathway) if facts.pathway else ""
    types = _join(t, [taxonomy.label(code) for code in facts.types])
    what = " — ".join(part for part in (pathway, types) if part)
    return f"{t['provider.regarding']}: {what}" if what else t["provider.title"]


def _client_block(
    intake: Intake, kinds: Sequence[str], t: Texts, settings: ClinicSettings
) -> Block:
    client = intake.client
    rows: list[Row] = []
    if "identity" in kinds:
        rows.append(Row(t["provider.name"], client.name))
        if client.date_of_birth is not None:
            rows.append(Row(t["provider.date_of_birth"], t.date(client.date_of_birth)))
        elif client.age is not None:
            rows.append(Row(t["provider.age"], str(client.age)))
    else:
        rows.append(Row(t["provider.name"], t["provider.name_not_shared"]))
    phone = settings.phone
    if "contact" in kinds and client.safe_to_contact is not False:
        if client.phone:
            rows.append(Row(t["common.phone"], client.phone))
        if client.email:
            rows.append(Row(t["provider.email"], client.email))
        if not (client.phone or client.email):
            rows.append(Row(t["provider.contact"], _through_clinic(t, phone)))
    elif "contact" in kinds:  # the client said contact is not safe
        key = "provider.no_direct_contact" if phone else "provider.no_direct_contact_no_phone"
        rows.append(Row(t["provider.contact"], t.format(key, phone=phone)))
    else:
        rows.append(Row(t["provider.contact"], _through_clinic(t, phone)))
    return Block(title=t["provider.client"], rows=tuple(rows), kind="identity")


def _through_clinic(t: Texts, phone: str) -> str:
    if phone:
        return t.format("provider.contact_through_clinic", phone=phone)
    return t["provider.contact_through_clinic_no_phone"]


def _optional_blocks(intake: Intake, kinds: Sequence[str], t: Texts) -> list[Block]:
    blocks: list[Block] = []
    if "goals" in kinds:
        paragraphs: tuple[str, ...] = ()
        if intake.goal_statement:
            paragraphs = (f"{t['provider.own_words']}: “{intake.goal_statement}”",)
        blocks.append(
            Block(
                title=t["provider.goals"],
                bullets=tuple(t.labels("goal", [str(g) for g in intake.goals])),
                paragraphs=paragraphs,
                kind="goals",
            )
        )
    if "substance_use" in kinds:
        blocks.append(_substance_block(intake, t))
    if "risks" in kinds:
        blocks.append(_risk_block(intake, t))
    if "circumstances" in kinds:
        blocks.append(_circumstance_block(intake, t))
    return blocks


def _substance_block(intake: Intake, t: Texts) -> Block:
    lines = []
    for use in intake.substances or ():
        name = (
            t.label("substances", str(use.substance))
            if use.substance
            else t["provider.substance_unnamed"]
        )
        details = []
        if use.description:
            details.append(t.format("provider.client_words_for_it", words=use.description))
        if use.route:
            details.append(t.label("routes", str(use.route)))
        if use.frequency:
            details.append(t.label("frequency", str(use.frequency)))
        if use.days_since_last_use is not None:
            details.append(
                t["provider.last_use_today"]
                if use.days_since_last_use == 0
                else t.format("provider.days_since_last_use", days=use.days_since_last_use)
            )
        lines.append(f"{name}: {_join(t, details)}" if details else name)
    if not lines:
        lines = [t["provider.substance_use_none"]]
    return Block(title=t["provider.substance_use"], bullets=tuple(lines), kind="substance_use")


def _risk_block(intake: Intake, t: Texts) -> Block:
    risks = intake.risks
    named = (
        [name for name in type(risks).model_fields if getattr(risks, name) is True] if risks else []
    )
    bullets: tuple[str, ...] = tuple(t.labels("risks", named)) or (t["provider.risks_none"],)
    return Block(title=t["provider.risks"], bullets=bullets, kind="risks")


def _circumstance_block(intake: Intake, t: Texts) -> Block:
    c = intake.circumstances
    rows: list[Row] = []
    if c is not None:
        for name in (
            "pregnant",
            "postpartum",
            "parenting",
            "veteran",
            "justice_involved",
            "mental_health_concerns",
            "needs_transportation",
        ):
            value = getattr(c, name)
            if value is not None:
                rows.append(
                    Row(t.label("circumstances", name), t["common.yes" if value else "common.no"])
                )
        if c.housing is not None:
            rows.append(Row(t["circumstances.housing"], t.label("housing", str(c.housing))))
        if c.insurance:
            names = t.labels("insurance", [str(i) for i in c.insurance])
            rows.append(Row(t["circumstances.insurance"], _join(t, names)))
    paragraphs = () if rows else (t["provider.circumstances_none"],)
    return Block(
        title=t["provider.circumstances"],
        rows=tuple(rows),
        paragraphs=paragraphs,
        kind="circumstances",
    )


def _consent_block(
    consent: Consent,
    intake: Intake,
    kinds: Sequence[str],
    t: Texts,
    settings: ClinicSettings,
    recipient_names: Mapping[str, str],
) -> Block:
    clinic = settings.clinic_name or t["provider.our_clinic"]
    ends = []
    if consent.expires_on is not None:
        ends.append(t.format("provider.consent_expires_on", date=t.date(consent.expires_on)))
    if consent.expires_event:
        ends.append(t.format("provider.consent_expires_event", event=consent.expires_event))
    expires = "; ".join(ends)
    signer = consent.signed_by
    if consent.signer_relationship is not None:
        signer = f"{signer} ({t.label('relationship', str(consent.signer_relationship))})"
    covered = [str(kind) for kind in consent.information]
    rows = [
        Row(t["provider.consent_discloser"], clinic),
        Row(
            t["provider.consent_recipients"],
            _join(t, [recipient_names.get(r, r) for r in consent.recipients]),
        ),
        Row(t["provider.consent_information"], _join(t, t.labels("information", covered))),
        Row(t["provider.consent_purpose"], consent.purpose or t["provider.consent_purpose_none"]),
        Row(t["provider.consent_expires"], expires),
        Row(t["provider.consent_signed_by"], signer),
        Row(t["provider.consent_signed_on"], t.date(consent.signed_on)),
        Row(t["provider.consent_revoke"], t.format("provider.revoke_text", clinic=clinic)),
    ]
    if "identity" in kinds:
        rows.insert(0, Row(t["provider.consent_patient"], intake.client.name))
    return Block(title=t["provider.consent_title"], rows=tuple(rows))


def _slip(
    intake: Intake,
    service: ServiceView,
    kinds: Sequence[str],
    t: Texts,
    settings: ClinicSettings,
    today: date,
    reference: str,
) -> Slip:
    clinic = settings.clinic_name or t["provider.our_clinic"]
    rows = [
        Row(t["common.reference"], reference.split(" ", 1)[-1]),
        Row(t["slip.date_sent"], t.date(today)),
        Row(t["slip.service"], service_title(service)),
    ]
    if "identity" in kinds:
        rows.append(Row(t["slip.client"], intake.client.name))
    address = tuple(line for line in (settings.address, settings.phone) if line)
    return Slip(
        title=t["slip.title"],
        heading=t["slip.cut_here"],
        return_to=t.format("slip.return_to", clinic=clinic),
        address_lines=address,
        intro=t["slip.intro"],
        rows=tuple(rows),
        status_title=t["slip.status"],
        statuses=t.sequence("slip.statuses"),
        blanks=(t["slip.received_by"], t["slip.signature"], t["slip.date"], t["slip.phone"]),
    )
