"""Right-to-left names and addresses: shaped, in visual order, printed in the Arabic face."""

import dataclasses
import sys
import unicodedata
from collections.abc import Iterator

import pytest
from bidi import get_display
from bidi.mirror import MIRRORED
from hypothesis import given, settings
from hypothesis import strategies as st
from letterkit import SETTINGS, TODAY, consented, with_changes
from pdftext import font_names, reader, text

from intake.directory.snapshot import DirectorySnapshot, ServiceView
from intake.letters import (
    compose_handout,
    compose_provider_letter,
    fonts,
    render_handout,
    render_provider_letter,
    rtl,
    safety_lines,
)

NAME = "مريم الحسيني"
STREET = "شارع الملك فهد"
ADDRESS = f"12 {STREET}, Billings"
# مريم drawn left to right: final meem, medial yeh, final reh, initial meem.
MARYAM_DRAWN = "\ufee2\ufef3\ufeae\ufee3"


def nfkc(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


# The function itself


def test_a_word_is_joined_and_right_to_left() -> None:
    assert rtl.visual("مريم") == MARYAM_DRAWN
    assert rtl.visual("لا") == "\ufefb"  # lam-alef ligature


def test_words_of_a_name_come_right_to_left() -> None:
    drawn = rtl.visual(NAME)
    assert drawn == f"{rtl.visual('الحسيني')} {MARYAM_DRAWN}"
    assert nfkc(drawn)[::-1] == NAME  # folded back and reversed: the typed letters


@pytest.mark.parametrize(
    "value", ["Zoë Nguyễn-王芳", "Ann <b>Bold</b> & Co", "410 N 27th St, Suite 200", "", "(a) [b]"]
)
def test_text_without_right_to_left_letters_is_the_same_object(value: str) -> None:
    assert rtl.visual(value) is value


def test_a_mixed_address_keeps_its_number_and_latin_words_in_place() -> None:
    # A left-to-right line (the letters are English or Spanish): 12 stays first, the street
    # runs right to left, ", Billings" follows.
    assert rtl.visual(ADDRESS) == f"12 {rtl.visual(STREET)}, Billings"
    assert rtl.visual(STREET).split(" ") == [rtl.visual(w) for w in reversed(STREET.split())]


def test_a_right_to_left_paragraph_puts_the_latin_words_left() -> None:
    assert rtl.visual(ADDRESS, right_to_left=True) == f"Billings ,{rtl.visual(STREET)} 12"


def test_latin_before_an_arabic_name_stays_first() -> None:
    assert rtl.visual(f"Client: {NAME}, 34") == f"Client: 34 ,{rtl.visual(NAME)}"
    assert rtl.visual("سارة Haddad") == f"{rtl.visual('سارة')} Haddad"


def test_brackets_in_right_to_left_runs_are_mirrored() -> None:
    # Drawn left to right: "(", أم reversed, ")", so that it reads (أم) from the right.
    assert rtl.visual("مريم (أم)") == f"({rtl.visual('أم')}) {MARYAM_DRAWN}"
    assert rtl.visual("שלום (עולם)") == "(םלוע) םולש"
    # Brackets resolved left to right stay as typed.
    assert rtl.visual("Apt 4 (الطابق 2)") == f"Apt 4 (2 {rtl.visual('الطابق')})"


def test_hebrew_is_reordered_and_not_reshaped() -> None:
    assert rtl.visual("שלום עולם 5") == "5 םלוע םולש"


def test_vowel_signs_are_kept_before_their_letter() -> None:
    # مُحَمَّد: each mark precedes its letter in drawing order, where the zero-width mark lands.
    assert rtl.visual("مُحَمَّد") == "\ufeaa\u0651\u064e\ufee4\u064e\ufea4\u064f\ufee3"


def test_lines_are_ordered_one_by_one() -> None:
    assert rtl.visual(f"مريم\nZoë\n{ADDRESS}") == f"{MARYAM_DRAWN}\nZoë\n{rtl.visual(ADDRESS)}"


def test_bidi_controls_are_dropped() -> None:
    assert rtl.visual("a\u200fb \u202bمريم\u202c") == f"ab {MARYAM_DRAWN}"


def test_markup_sets_the_drawn_forms_in_the_arabic_face() -> None:
    assert fonts.markup(NAME) == f'<font name="{fonts.ARABIC}">{rtl.visual(NAME)}</font>'
    assert fonts.markup(f"Client: {NAME}", bold=True) == (
        f'Client: <font name="{fonts.ARABIC_BOLD}">{rtl.visual(NAME)}</font>'
    )


_MIXED = st.text(
    alphabet=st.sampled_from(list("مريمالحسني שלום abcXY 0129 ()[]{}<>«».,:-—")),
    min_size=1,
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(_MIXED, st.booleans())
def test_own_reordering_matches_the_bidi_library(line: str, right_to_left: bool) -> None:
    """Reordering by the reported levels gives the library's own order."""
    base = "R" if right_to_left else "L"
    levels = rtl.levels_from_report(get_display(line, base_dir=base, debug=True), line)
    assert levels is not None
    plain = rtl.reorder(line, levels, {})
    assert plain == get_display(line, base_dir=base)
    # Mirroring swaps brackets and nothing else.
    mirrored = rtl.reorder(line, levels, MIRRORED)
    assert len(mirrored) == len(plain)
    assert all(a == b or MIRRORED.get(b) == a for a, b in zip(mirrored, plain, strict=True))


def test_an_unreadable_level_report_is_refused() -> None:
    assert rtl.levels_from_report("BidiInfo { something else }", "مريم") is None
    assert rtl.levels_from_report("levels: [ Level(1,), ] paragraphs:", "مريم") is None


@pytest.fixture
def without_shaping(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As on an install without arabic-reshaper: importing it fails."""
    monkeypatch.setitem(sys.modules, "arabic_reshaper", None)
    rtl._shaper.cache_clear()
    yield
    monkeypatch.undo()
    rtl._shaper.cache_clear()


@pytest.mark.usefixtures("without_shaping")
def test_without_the_shaping_libraries_text_prints_unshaped(methadone: ServiceView) -> None:
    assert rtl.visual(NAME) == NAME
    pdf = _letter(methadone)
    content = text(pdf)
    # Drawn unjoined in typed order, which pypdf, reading the run as right to left, reverses.
    assert NAME[::-1] in content
    assert not any("\ufe70" <= char <= "\ufeff" for char in content)


# End to end: a provider letter and a handout


def _letter(methadone: ServiceView) -> bytes:
    settings_ = dataclasses.replace(SETTINGS, address=f"{ADDRESS}\nBillings, MT 59101")
    intake = with_changes(consented(), client={"name": NAME})
    letter = compose_provider_letter(
        intake, methadone, settings=settings_, today=TODAY, reference="3F2A9C1B"
    )
    return render_provider_letter(letter)


def _arabic_face_text(pdf: bytes) -> str:
    """What pypdf reads from text set in the Noto Sans Arabic faces, NFKC-folded."""
    runs: list[str] = []

    def visit(chunk: str, cm: object, tm: object, font: object, size: object) -> None:
        if isinstance(font, dict) and "NotoSansArabic" in str(font.get("/BaseFont", "")):
            runs.append(chunk)

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return nfkc(" ".join(" ".join(runs).split()))


def test_a_provider_letter_prints_the_name_shaped_in_the_arabic_face(
    methadone: ServiceView,
) -> None:
    pdf = _letter(methadone)
    assert "NotoSansArabic-Regular" in font_names(pdf)
    content = text(pdf)
    # Drawn as joined forms, not base letters; pypdf gives runs back in reading order,
    # so folding the forms recovers what was typed.
    assert "مريم" not in content
    assert "\ufee3\ufeae\ufef3\ufee2" in content  # مريم's forms in reading order
    assert NAME in nfkc(content)
    assert NAME in _arabic_face_text(pdf)
    assert STREET in _arabic_face_text(pdf)
    assert "Billings, MT 59101" in content


def test_a_handout_prints_the_name_shaped_in_the_arabic_face(
    snapshot: DirectorySnapshot, methadone: ServiceView
) -> None:
    intake = with_changes(consented(), client={"name": NAME})
    handout = compose_handout(
        intake,
        [methadone],
        settings=SETTINGS,
        safety=safety_lines(snapshot),
        today=TODAY,
        full_names=True,
    )
    pdf = render_handout(handout)
    assert "NotoSansArabic-Regular" in font_names(pdf)
    assert "مريم" not in text(pdf)
    assert NAME in nfkc(text(pdf))
    assert NAME in _arabic_face_text(pdf)
