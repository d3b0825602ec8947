"""Right-to-left names and addresses: shaped, in visual order, printed in the Arabic face."""

import dataclasses
import re
import sys
import unicodedata
from collections.abc import Iterator

import pytest
from bidi import get_display
from bidi.mirror import MIRRORED
from hypothesis import given, settings
from hypothesis import strategies as st
from letterkit import SETTINGS, TODAY, consented, with_changes
from pdftext import font_names, pages, reader, text
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import Spacer

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
from intake.letters.flow import BidiBlock, text_flowable
from intake.letters.layout import MARGIN_BOTTOM, MARGIN_TOP, build_pdf, stylesheet
from intake.letters.model import DocInfo

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


def test_shaping_keeps_the_typed_order() -> None:
    assert rtl.shape(NAME) == rtl.visual(NAME)[::-1] == "".join(reversed(rtl.visual(NAME)))
    assert nfkc(rtl.shape(NAME)) == NAME
    assert rtl.shape("Zoë") == "Zoë"


def test_a_line_is_reordered_with_the_levels_of_its_whole_paragraph() -> None:
    # "I live since 2019 and fear": a line starting at 2019 is still inside the Arabic
    # sentence, so 2019 is read first, at the right; alone, the line would put it left.
    paragraph = rtl.shape("أعيش منذ 2019 وأخاف")
    levels = rtl.paragraph_levels(paragraph)
    assert levels is not None
    cut = paragraph.index("2019")
    line = paragraph[cut:]
    drawn = "".join(char for _, char in rtl.drawn(line, levels[cut:]))
    assert drawn == f"{rtl.visual('وأخاف')} 2019"
    assert rtl.visual("2019 وأخاف") == f"2019 {rtl.visual('وأخاف')}"
    # Positions come with the characters; bidi controls are not drawn.
    pairs = rtl.drawn("a\u200f" + line, [0, 0, *levels[cut:]])
    assert all(("a\u200f" + line)[i] == char or char in "()" for i, char in pairs)
    assert "\u200f" not in "".join(char for _, char in pairs)
    assert rtl.drawn("abc", None) == [(0, "a"), (1, "b"), (2, "c")]


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


# A passage longer than a printed line: broken into lines before each is reordered

# The client's goals in their own words: pure Arabic with its punctuation, so that pypdf
# (which reads each right-to-left run backwards but breaks runs at digits) reads it back.
PASSAGE = (
    "أريد أن أبقى على قيد الحياة وأن أقلل من الاستخدام تدريجيا، خطوة بعد خطوة. "
    "أعيش مع أطفالي الثلاثة وأخاف كثيرا أن أفقدهم إذا لم أتغير. "
    "أحتاج إلى مساعدة في إيجاد عمل ثابت وسكن آمن قريب من مدرسة الأولاد. "
    "لا أريد أن أتوقف فجأة لأن ذلك كان صعبا جدا علي في المرة الماضية. "
    "أريد طبيبا يفهم وضعي ويتحدث معي بصراحة واحترام. "
    "أرغب أيضا في مجموعة دعم للأمهات في مدينتي حيث أستطيع أن أتكلم بحرية. "
    "أتمنى أن تعود حياتي هادئة وأن أنام جيدا في الليل. "
    "سأحاول أن أحضر كل المواعيد وأن أتصل بكم عندما أحتاج إلى شيء. "
    "أريد أن أتعلم طرقا جديدة للتعامل مع الضغط والقلق دون أن أعود إلى ما كنت عليه. "
    "أشكر كل من ساعدني حتى الآن وأتمنى أن يستمر هذا الدعم."
)
SENTENCE = "أريد أن أبقى على قيد الحياة وأن أقلل من الاستخدام تدريجيا"
MIXED = f"Maria said: {SENTENCE} (2024)"
# An Arabic word once folded: letters (hamza to yeh, alef wasla to yeh barree).
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]+")
INFO = DocInfo(title="t", subject="s", author="a", language="en", page_label="")


def _words(value: str) -> list[str]:
    """The Arabic words of `value` (typed, or read back by pypdf) in order, NFKC-folded."""
    return _ARABIC_WORD.findall(nfkc(value))


def _drawn_words(line: str) -> list[str]:
    """The Arabic words of a line as drawn (left to right), in reading order."""
    return [word for drawn in reversed(line.split()) for word in _words(drawn[::-1])]


def _arabic_lines(pdf: bytes) -> list[list[str]]:
    """Per page, the printed lines holding Arabic, as pypdf reads them (NFKC-folded)."""
    return [[nfkc(line) for line in page.split("\n") if rtl.has_rtl(line)] for page in pages(pdf)]


def _assert_passage_in_order(lines: list[str], passage: str = PASSAGE) -> None:
    expected = _words(passage)
    first = _words(lines[0])
    assert len(first) >= 3 and first == expected[: len(first)]  # starts on the first line
    # Line after line, every word once, in order: nothing lost, nothing read bottom-up.
    assert [word for line in lines for word in _words(line)] == expected


def test_a_long_passage_in_a_provider_letter_reads_from_its_first_line_down(
    methadone: ServiceView,
) -> None:
    intake = with_changes(consented(), goal_statement=PASSAGE)
    letter = compose_provider_letter(
        intake, methadone, settings=SETTINGS, today=TODAY, reference="3F2A9C1B"
    )
    lines = [line for page in _arabic_lines(render_provider_letter(letter)) for line in page]
    assert len(lines) >= 5
    assert lines[0].startswith("In the client's own words: “")
    _assert_passage_in_order(lines)


def test_a_long_passage_in_a_handout_reads_from_its_first_line_down(
    snapshot: DirectorySnapshot, methadone: ServiceView
) -> None:
    intake = with_changes(consented(), goal_statement=PASSAGE)
    handout = compose_handout(
        intake,
        [methadone],
        settings=SETTINGS,
        safety=safety_lines(snapshot),
        today=TODAY,
        own_words=True,
    )
    lines = [line for page in _arabic_lines(render_handout(handout)) for line in page]
    assert len(lines) >= 8  # 14 pt: more lines than in the letter
    _assert_passage_in_order(lines)


def test_a_page_break_inside_a_long_passage_keeps_its_order() -> None:
    styles = stylesheet()
    body = styles.body
    frame_height = LETTER[1] - MARGIN_TOP - MARGIN_BOTTOM
    # Room for three lines of the passage at the foot of the first page.
    story = [Spacer(1, frame_height - 3.5 * body.leading), text_flowable(PASSAGE, body)]
    first, second = _arabic_lines(build_pdf(story, INFO))
    assert len(first) == 3 and len(second) >= 2
    _assert_passage_in_order(first + second)


def test_a_mixed_line_keeps_its_order() -> None:
    body = stylesheet().body
    block = text_flowable(MIXED, body)
    assert isinstance(block, BidiBlock)
    block.wrap(1000, 1000)
    # On one line, drawn as before: "(2024)" closes the right-to-left run, at its left.
    assert block.drawn_lines() == [rtl.visual(MIXED)]
    assert block.drawn_lines()[0].startswith(f"Maria said: (2024) {rtl.visual(SENTENCE)[:3]}")
    block.wrap(150, 1000)
    lines = block.drawn_lines()
    assert len(lines) >= 3
    assert lines[0].startswith("Maria said: ")
    assert "(2024)" in lines[-1] and all("2024" not in line for line in lines[:-1])
    # Each line's Arabic words, read right to left, continue the sentence.
    read = [_drawn_words(line) for line in lines]
    assert [word for words in read for word in words] == _words(SENTENCE)
    assert all(read[:-1])


def test_a_mixed_passage_prints_in_order() -> None:
    pdf = build_pdf([text_flowable(f"Maria said: {PASSAGE} Thank you.", stylesheet().body)], INFO)
    (lines,) = _arabic_lines(pdf)
    assert lines[0].startswith("Maria said: ")
    assert len(lines) >= 5 and lines[-1].endswith("Thank you.")
    _assert_passage_in_order(lines)


def test_a_long_passage_is_drawn_joined_in_the_arabic_face() -> None:
    pdf = build_pdf([text_flowable(PASSAGE, stylesheet().body)], INFO)
    assert "NotoSansArabic-Regular" in font_names(pdf)
    content = text(pdf)
    assert not any("\u0621" <= char <= "\u064a" for char in content)  # joined forms only
    assert _words(content) == _words(PASSAGE)
