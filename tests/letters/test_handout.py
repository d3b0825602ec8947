"""The client handout: plain, in the client's language, and revealing no substance use."""

import re

import pytest
from letterkit import SETTINGS, TODAY, consented, example, with_changes
from pdftext import font_names, metadata, pages, text

from intake.directory.snapshot import DirectorySnapshot, ServiceView
from intake.intake_model import Intake
from intake.letters import (
    compose_handout,
    load_notice,
    render_handout,
    safety_lines,
)
from intake.letters.discreet import load_discretion
from intake.letters.layout import stylesheet
from intake.letters.model import Handout
from intake.letters.texts import load_texts

# Words that would tell a reader the client uses drugs: from the intake's answers and the
# taxonomy's labels. None may appear on a handout printed without full names.
REVEALING = re.compile(
    r"opioid|fentanyl|heroin|methadone|buprenorphine|syringe|inject|methamphetamine|"
    r"cocaine|alcohol|substance|overdose prevention|harm reduction|withdrawal|"
    r"treatment program|42 CFR|sustancia|metadona|jeringa",
    re.IGNORECASE,
)


EXAMPLES_USING = (
    "consent_named_recipient",
    "pregnant_opioids_reduced_use",
    "unhoused_injecting_fentanyl_safety",
    "spanish_speaker_methamphetamine",
)


def handout(
    intake: Intake, services: list[ServiceView], snapshot: DirectorySnapshot, **kwargs: object
) -> Handout:
    return compose_handout(
        intake,
        services,
        settings=SETTINGS,
        safety=safety_lines(snapshot),
        today=TODAY,
        **kwargs,  # type: ignore[arg-type]
    )


def pdf_of(
    intake: Intake, services: list[ServiceView], snapshot: DirectorySnapshot, **kw: object
) -> bytes:
    return render_handout(handout(intake, services, snapshot, **kw))


def without_safety_box(content: str) -> str:
    """The handout's text before the safety lines, which are the same for every client."""
    for title in ("Help, any time", "Ayuda, a cualquier hora"):
        if title in content:
            return content.split(title, 1)[0]
    return content


def test_spanish_speaker_gets_the_spanish_handout(
    snapshot: DirectorySnapshot, primary_care: ServiceView
) -> None:
    intake = example("spanish_speaker_methamphetamine")
    pdf = pdf_of(intake, [primary_care], snapshot)
    content = text(pdf)
    es = load_texts("es")
    for key in (
        "handout.title",
        "handout.intro",
        "handout.goals",
        "handout.places",
        "handout.safety_title",
        "handout.emergency",
    ):
        assert es[key] in content, key
    assert "Preparado para Tomás Herrera" in content
    assert "23 de noviembre de 2026" in content
    assert "Página 1 de" in content
    assert metadata(pdf)["/Title"] == "Sus próximos pasos"


def test_the_first_translated_language_wins_and_english_is_the_fallback(
    snapshot: DirectorySnapshot, primary_care: ServiceView
) -> None:
    intake = with_changes(consented(), client={"languages": ["vi", "es", "en"]})
    assert handout(intake, [primary_care], snapshot).info.language == "es"
    intake = with_changes(consented(), client={"languages": ["vi"]})
    assert handout(intake, [primary_care], snapshot).info.language == "en"


def test_no_substance_use_on_the_handout(
    snapshot: DirectorySnapshot,
    methadone: ServiceView,
    syringe: ServiceView,
    primary_care: ServiceView,
) -> None:
    for name in EXAMPLES_USING:
        content = text(pdf_of(example(name), [methadone, syringe, primary_care], snapshot))
        before_safety = without_safety_box(content)
        assert not REVEALING.search(before_safety), (name, REVEALING.search(before_safety))
        assert load_notice().short not in content
        assert "Stay alive, use less" not in content  # own words only when asked


def test_revealing_names_are_left_off_and_neutral_ones_kept(
    snapshot: DirectorySnapshot, methadone: ServiceView, primary_care: ServiceView
) -> None:
    made = handout(
        with_changes(consented(), client={"languages": ["en"]}), [methadone, primary_care], snapshot
    )
    first, second = made.places
    assert first.title == "1. A place you chose with your counselor" and first.note
    assert "2326 Central Ave, Billings, MT 59102" in first.rows[0].value
    assert primary_care.name in second.title and not second.note


def test_full_names_print_when_the_client_chooses(
    snapshot: DirectorySnapshot, methadone: ServiceView
) -> None:
    content = text(pdf_of(consented(), [methadone], snapshot, full_names=True))
    assert "Methadone treatment" in content and "Rimview Opioid Treatment Program" in content


def test_own_words_print_only_when_asked(
    snapshot: DirectorySnapshot, primary_care: ServiceView
) -> None:
    content = text(pdf_of(consented(), [primary_care], snapshot, own_words=True))
    assert "Stay alive, use less, keep my kids." in content


def test_goals_are_worded_neutrally(snapshot: DirectorySnapshot, primary_care: ServiceView) -> None:
    intake = with_changes(consented(), client={"languages": ["en"]})
    content = text(pdf_of(intake, [primary_care], snapshot))
    assert "Staying safe and healthy" in content
    assert "Making changes at my own pace" in content


def test_each_place_has_address_phone_hours_and_how_to_get_in(
    snapshot: DirectorySnapshot, primary_care: ServiceView
) -> None:
    intake = with_changes(consented(), client={"languages": ["en"]})
    content = text(pdf_of(intake, [primary_care], snapshot))
    assert primary_care.places[0].address in content
    assert primary_care.phones[0] in content
    assert "Hours" in content and "How to get in" in content and "What to expect" in content


def test_the_safety_lines_come_from_the_directory(
    snapshot: DirectorySnapshot, primary_care: ServiceView
) -> None:
    content = text(pdf_of(example("veteran_alcohol_va"), [primary_care], snapshot))
    box = content.split("Help, any time", 1)[1]
    assert "911" in box
    assert "988 Suicide & Crisis Lifeline: 988" in box
    assert "Never Use Alone: 1-800-484-3731" in box
    assert "naloxone" in box.lower()
    lines = safety_lines(snapshot)
    assert lines.naloxone and all(s.has("harm_reduction.naloxone") for s in lines.naloxone)
    guard = load_discretion()
    assert not any(guard.reveals(s.organization_name) for s in lines.naloxone)


def test_the_safety_lines_are_the_same_whatever_the_intake(
    snapshot: DirectorySnapshot, primary_care: ServiceView
) -> None:
    def box(name: str) -> str:
        intake = with_changes(example(name), client={"languages": ["en"]})
        return text(pdf_of(intake, [primary_care], snapshot)).split("Help, any time", 1)[1]

    assert box("veteran_alcohol_va") == box("unhoused_injecting_fentanyl_safety")


def test_the_handout_is_large_type_and_embeds_its_fonts(
    snapshot: DirectorySnapshot, primary_care: ServiceView
) -> None:
    intake = with_changes(consented(), client={"name": "Zoë Nguyễn-王芳"})
    pdf = pdf_of(intake, [primary_care], snapshot)
    assert {"DejaVuSans", "DroidSansFallback"} <= font_names(pdf)
    assert b"Helvetica" not in pdf
    lines = [line.strip() for page in pages(pdf) for line in page.splitlines()]
    assert "Preparado para Zoë Nguyễn-王芳" in lines
    assert stylesheet(large=True).body.fontSize >= 14


def test_a_handout_needs_no_consent(snapshot: DirectorySnapshot, syringe: ServiceView) -> None:
    intake = with_changes(consented(), consent=None)
    assert handout(intake, [syringe], snapshot).places


@pytest.mark.parametrize(
    ("words", "reveals"),
    [
        ("Methadone treatment", True),
        ("Rimview Opioid Treatment Program", True),
        ("Syringe services program", True),
        ("Alcoholics Anonymous", True),
        ("AA meeting", True),
        ("Programa de metadona", True),
        ("Cottonwood Bend Community Health Center", False),
        ("Heights Family Pharmacy", False),
        ("aardvark club", False),  # an acronym only as a whole word, case as written
    ],
)
def test_the_discretion_guard(words: str, reveals: bool) -> None:
    assert load_discretion().reveals(words) is reveals


def test_the_places_heading_never_ends_a_page_alone(
    snapshot: DirectorySnapshot, methadone: ServiceView, primary_care: ServiceView
) -> None:
    from dataclasses import replace

    from intake.letters.handout import compose_handout as compose

    intake = example("consent_named_recipient")
    headings = {load_texts(language)["handout.places"] for language in ("en", "es")}
    # A longer letterhead moves the heading down the page, past the point where the first
    # place no longer fits below it.
    for lines in range(1, 30):
        settings = replace(SETTINGS, address="\n".join(f"Line {n}" for n in range(lines)))
        doc = compose(
            intake, [methadone, primary_care], settings=settings,
            safety=safety_lines(snapshot), today=TODAY,
        )  # fmt: skip
        for page in pages(render_handout(doc))[:-1]:
            last_lines = [line for line in page.splitlines() if line.strip()][-2:]
            assert not headings & set(last_lines), f"{lines} address lines: {last_lines}"
