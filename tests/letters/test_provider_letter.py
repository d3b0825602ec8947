"""The provider referral letter: consent, minimum necessary, the notice, and the PDF itself."""

import unicodedata
from datetime import date

import pytest
from letterkit import SETTINGS, TODAY, consented, with_changes
from pdftext import embedded, font_names, metadata, pages, reader, text

from intake.directory.snapshot import DirectorySnapshot, ServiceView
from intake.intake_model import Intake, parse_intake
from intake.letters import (
    KINDS,
    ReferralFacts,
    compose_provider_letter,
    included_kinds,
    load_notice,
    render_provider_letter,
)
from intake.letters.model import ProviderLetter
from intake.problems import InputError

REFERENCE = "3F2A9C1B"


def compose(intake: Intake, service: ServiceView, **kwargs: object) -> ProviderLetter:
    return compose_provider_letter(
        intake,
        service,
        settings=SETTINGS,
        today=TODAY,
        reference=REFERENCE,
        **kwargs,  # type: ignore[arg-type]
    )


def letter_pdf(intake: Intake, service: ServiceView, **kwargs: object) -> bytes:
    paper = str(kwargs.pop("paper", "letter"))
    return render_provider_letter(compose(intake, service, **kwargs), paper=paper)


# -- consent -------------------------------------------------------------------------------


def message(exc: pytest.ExceptionInfo[InputError]) -> str:
    return " ".join(p.message for p in exc.value.problems)


def test_no_consent_no_letter_with_the_message(methadone: ServiceView) -> None:
    intake = with_changes(consented(), consent=None)
    with pytest.raises(InputError) as exc:
        compose(intake, methadone)
    assert message(exc) == (
        "No consent on file names Methadone treatment (Rimview Opioid Treatment Program): "
        "a provider letter cannot be made. A client handout needs no consent."
    )
    assert exc.value.problems[0].field == "consent"


def test_a_service_the_consent_does_not_name_gets_no_letter(syringe: ServiceView) -> None:
    with pytest.raises(InputError, match="No consent on file names Syringe services program"):
        compose(consented(), syringe)


def test_an_expired_consent_gets_no_letter(methadone: ServiceView) -> None:
    intake = with_changes(consented(), consent={"expires_on": "2026-11-22"})
    with pytest.raises(InputError) as exc:
        compose(intake, methadone)
    assert "expired on 2026-11-22" in message(exc)
    assert "A client handout needs no consent." in message(exc)


def test_the_last_day_of_a_consent_still_allows_a_letter(methadone: ServiceView) -> None:
    intake = with_changes(consented(), consent={"expires_on": TODAY.isoformat()})
    assert compose(intake, methadone).included


def test_a_revoked_consent_gets_no_letter(methadone: ServiceView) -> None:
    intake = with_changes(consented(), consent={"revoked_on": "2026-01-05"})
    with pytest.raises(InputError, match="was revoked on 2026-01-05"):
        compose(intake, methadone)


def test_a_consent_ending_with_an_event_allows_a_letter(methadone: ServiceView) -> None:
    data = consented().model_dump(mode="json", exclude_none=True)
    data["consent"]["expires_event"] = "End of treatment"
    del data["consent"]["expires_on"]
    intake = parse_intake(data, today=TODAY)
    assert "On this event: End of treatment" in text(letter_pdf(intake, methadone))


def test_a_consent_signed_after_the_day_of_the_letter_gets_none(methadone: ServiceView) -> None:
    with pytest.raises(InputError, match="after today"):
        compose_provider_letter(
            consented(), methadone, settings=SETTINGS, today=date(2025, 1, 1), reference="X"
        )


# -- minimum necessary ---------------------------------------------------------------------

SUBSTANCE_WORDS = ("Opioids", "fentanyl", "injects", "Uses alone", "Pregnant", "Housing")


def test_by_default_the_letter_holds_all_the_consent_covers(methadone: ServiceView) -> None:
    letter = compose(consented(), methadone)
    assert letter.included == KINDS
    content = text(render_provider_letter(letter))
    for words in ("María López Ruiz", "April 12, 1990", "+1 406 555 0100", "Stay alive"):
        assert words in content
    for words in SUBSTANCE_WORDS:
        assert words in content


def test_sections_reveal_substance_use_only_when_ticked(methadone: ServiceView) -> None:
    letter = compose(consented(), methadone, sections=["identity", "goals"])
    assert letter.included == ("identity", "goals")
    assert {b.kind for b in letter.blocks} == {"identity", "goals"}
    content = text(render_provider_letter(letter))
    assert "María López Ruiz" in content and "Stay alive, use less" in content
    for words in (*SUBSTANCE_WORDS, "Substance use", "Circumstances", "+1 406 555 0100"):
        assert words not in content


def test_sections_reveal_substance_use_only_when_the_consent_covers_it(
    methadone: ServiceView,
) -> None:
    intake = with_changes(consented(), consent={"information": ["identity", "goals"]})
    letter = compose(intake, methadone)
    assert letter.included == ("identity", "goals")
    content = text(render_provider_letter(letter))
    for words in SUBSTANCE_WORDS:
        assert words not in content


def test_a_ticked_section_the_consent_does_not_cover_is_refused(methadone: ServiceView) -> None:
    intake = with_changes(consented(), consent={"information": ["identity"]})
    with pytest.raises(InputError) as exc:
        compose(intake, methadone, sections=["identity", "risks"])
    assert "does not cover risks" in message(exc)
    assert exc.value.problems[0].field == "sections"


def test_an_unknown_section_is_refused() -> None:
    consent = consented().consent
    assert consent is not None
    with pytest.raises(InputError, match="unknown section 'drugs'"):
        included_kinds(consent, ["identity", "drugs"])


def test_without_identity_no_name_and_no_birth_date_anywhere(methadone: ServiceView) -> None:
    intake = with_changes(
        consented(),
        consent={"information": ["goals", "contact"], "signed_by": "M. L."},
    )
    pdf = letter_pdf(intake, methadone)
    content = text(pdf)
    assert "María" not in content and "López" not in content
    assert "1990" not in content
    assert "does not cover the client's identity" in content
    assert all("María" not in value for value in metadata(pdf).values())


def test_contact_details_are_left_out_when_contact_is_not_safe(methadone: ServiceView) -> None:
    intake = with_changes(consented(), client={"safe_to_contact": False, "email": "m@example.org"})
    content = text(letter_pdf(intake, methadone))
    assert "+1 406 555 0100" not in content and "m@example.org" not in content
    assert "Do not call, text or write to the client directly" in content
    assert "406-555-0199" in content  # the clinic's number instead


def test_contact_details_are_printed_when_safety_is_unknown(methadone: ServiceView) -> None:
    data = consented().model_dump(mode="json", exclude_none=True)
    del data["client"]["safe_to_contact"]
    intake = with_changes(consented(), client=data["client"])
    assert "+1 406 555 0100" in text(letter_pdf(intake, methadone))


def test_circumstances_section_lists_pregnancy_and_legal_status(methadone: ServiceView) -> None:
    intake = with_changes(consented(), circumstances={"pregnant": True, "justice_involved": True})
    content = text(letter_pdf(intake, methadone, sections=["circumstances"]))
    assert "Pregnant Yes" in content
    assert "On probation or parole, or facing charges Yes" in content
    left_out = with_changes(intake, consent={"information": ["identity"]})
    content = text(letter_pdf(left_out, methadone))
    assert "Pregnant" not in content and "probation" not in content


# -- what every letter carries -------------------------------------------------------------


def test_the_notice_is_printed_in_full_with_its_version(methadone: ServiceView) -> None:
    notice = load_notice()
    content = text(letter_pdf(consented(), methadone, sections=["identity"]))
    assert notice.full in content
    assert f"Notice text version {notice.version}" in content


def test_every_page_footer_has_the_short_notice_and_page_numbers(methadone: ServiceView) -> None:
    short = load_notice().short
    texts = pages(letter_pdf(consented(), methadone))
    assert len(texts) >= 2  # the letter, and the return slip on its own page
    for number, page in enumerate(texts, start=1):
        flat = " ".join(page.split())
        assert short in flat
        assert f"Reference {REFERENCE} · Page {number} of {len(texts)}" in flat


def test_the_consent_scope_is_stated(methadone: ServiceView, snapshot: DirectorySnapshot) -> None:
    names = {methadone.id: "Methadone treatment (Rimview Opioid Treatment Program)"}
    content = text(letter_pdf(consented(), methadone, recipient_names=names))
    for words in (
        "Scope of the client's consent (42 CFR §2.31)",
        "Who may disclose Harbor Light Community Clinic",
        "Recipients Methadone treatment (Rimview Opioid Treatment Program)",
        "Purpose Referral for care at the client's request",
        "Expires At the end of November 17, 2027",
        "Signed by María López Ruiz (the client)",
        "Signed on November 17, 2025",
        "may revoke this consent at any time, in writing",
    ):
        assert words in content


def test_letterhead_recipient_pathway_counselor_and_signature(methadone: ServiceView) -> None:
    facts = ReferralFacts("medication", ("medication.methadone",))
    content = text(letter_pdf(consented(), methadone, referral=facts))
    for words in (
        "Harbor Light Community Clinic",
        "410 N 27th St, Suite 200",
        "November 23, 2026",
        "Methadone treatment Rimview Opioid Treatment Program",
        "2326 Central Ave, Billings, MT 59102",
        "Phone: 406-555-0103",
        "Referral for: Medication — Methadone",
        "Dana Whitcomb, LCSW, LAC",
        "Signature",
    ):
        assert words in content, words


def test_a_confidential_address_prints_call_for_address(methadone: ServiceView) -> None:
    hidden = ServiceView(id=methadone.id, name="Safe house", organization_name="Shelter")
    intake = consented()
    assert "Call for address" in text(letter_pdf(intake, hidden))


def test_the_return_slip_is_the_last_page(methadone: ServiceView) -> None:
    last = " ".join(pages(letter_pdf(consented(), methadone))[-1].split())
    assert "Referral received" in last
    assert f"Reference {REFERENCE}" in last
    assert "The client has contacted us" in last
    assert "return it to Harbor Light Community Clinic" in last


def test_metadata_names_the_clinic_and_the_subject(methadone: ServiceView) -> None:
    meta = metadata(letter_pdf(consented(), methadone))
    assert meta["/Author"] == "Harbor Light Community Clinic"
    assert meta["/Title"] == "Referral letter: Methadone treatment"
    assert "Methadone treatment" in meta["/Subject"]


@pytest.mark.parametrize(("paper", "size"), [("letter", (612, 792)), ("a4", (595, 842))])
def test_paper_size_follows_the_setting(
    methadone: ServiceView, paper: str, size: tuple[int, int]
) -> None:
    box = reader(letter_pdf(consented(), methadone, paper=paper)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


# -- fonts and escaping --------------------------------------------------------------------


def test_fonts_are_embedded_and_helvetica_is_not_referenced(methadone: ServiceView) -> None:
    intake = with_changes(consented(), client={"name": "Zoë Nguyễn-王芳"})
    pdf = letter_pdf(intake, methadone)
    names = font_names(pdf)
    assert "DejaVuSans" in names and "DroidSansFallback" in names
    assert not any("Helvetica" in name for name in names)
    assert b"Helvetica" not in pdf
    assert embedded(pdf)


def test_a_mixed_script_name_extracts_exactly(methadone: ServiceView) -> None:
    intake = with_changes(consented(), client={"name": "Zoë Nguyễn-王芳"})
    lines = [
        line.strip() for page in pages(letter_pdf(intake, methadone)) for line in page.splitlines()
    ]
    assert "Zoë Nguyễn-王芳" in lines


def test_markup_in_names_prints_as_typed(methadone: ServiceView) -> None:
    intake = with_changes(
        consented(), client={"name": "Ann <b>Bold</b> & Co"}, goal_statement="a < b & c"
    )
    content = text(letter_pdf(intake, methadone))
    assert "Ann <b>Bold</b> & Co" in content
    assert "a < b & c" in content


def test_arabic_letters_are_set_in_an_embedded_arabic_face(methadone: ServiceView) -> None:
    intake = with_changes(consented(), client={"name": "سارة Haddad"})
    pdf = letter_pdf(intake, methadone)
    assert "NotoSansArabic-Regular" in font_names(pdf)
    content = text(pdf)
    # Printed shaped (presentation forms); pypdf gives them back in reading order.
    assert "سارة" in unicodedata.normalize("NFKC", content)
