"""The quick text flowables: the same lines as reportlab's Paragraph, no word lost."""

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from pdftext import pages
from pypdf import PdfReader
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from intake.letters import fonts, rtl
from intake.letters.flow import (
    BidiBlock,
    TextBlock,
    bidi_paragraphs,
    break_bidi,
    break_lines,
    joined,
    text_flowable,
)
from intake.letters.layout import MARGIN_RIGHT, build_pdf, stylesheet
from intake.letters.model import DocInfo

STYLES = stylesheet()
LARGE = stylesheet(large=True)
WORDS = [
    "the", "client", "asked", "us", "to", "share", "this", "with", "42", "CFR", "§2.32",
    "part", "(heroin,", "fentanyl)", "María", "López-Ruiz", "“own", "words”", "—", "☐",
    "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2",
    "Supercalifragilisticexpialidocious", "x", "W", "&", "<b>", "2326", "Ave,",
]  # fmt: skip
LETTER_WIDTH = LETTER[0]
INFO = DocInfo(title="t", subject="s", author="a", language="en", page_label="")


def _texts(hard_breaks: bool) -> st.SearchStrategy[str]:
    separators = [" ", " ", " ", "  "] + (["\n"] if hard_breaks else [])
    word_and_gap = st.tuples(st.sampled_from(WORDS), st.sampled_from(separators))
    return st.lists(word_and_gap, min_size=1, max_size=60).map(
        lambda pairs: "".join(word + gap for word, gap in pairs)
    )


def _expected(text: str) -> str:
    """The words of `text`, single-spaced, one hard line per \\n, as the lines must hold."""
    hard = text.split("\n")
    if len(hard) > 1 and not hard[-1].strip():
        hard.pop()
    return "\n".join(" ".join(line.split()) for line in hard).rstrip(" \n")


@settings(max_examples=300, deadline=None)
@given(_texts(hard_breaks=True), st.floats(min_value=8, max_value=500))
def test_broken_lines_keep_every_word_in_order(text: str, width: float) -> None:
    fonts.register_fonts()
    lines = break_lines(text, fonts.REGULAR, 10, width * 0.8, width)
    assert joined(lines) == _expected(text)


@settings(max_examples=200, deadline=None)
@given(_texts(hard_breaks=True), st.floats(min_value=20, max_value=500))
def test_no_line_is_wider_than_allowed(text: str, width: float) -> None:
    fonts.register_fonts()
    shrink = 0.05 * pdfmetrics.stringWidth(" ", fonts.BOLD, 12)  # reportlab's spaceShrinkage
    for line, unused, _ in break_lines(text, fonts.BOLD, 12, width, width):
        if len(line) > 1:  # a single character wider than the line prints anyway
            assert unused >= -shrink * line.count(" ") - 1e-6, line


@settings(max_examples=150, deadline=None)
@given(
    _texts(hard_breaks=True),
    st.sampled_from([60.0, 100.0, 150.0, 237.0, 337.3, 481.9]),
    st.sampled_from(["body", "label", "bullet", "muted", "notice", "large-bullet"]),
)
def test_lines_are_those_of_a_paragraph(text: str, width: float, style_name: str) -> None:
    """Line for line what reportlab's Paragraph makes of the same text (same breaks, same
    height), bullets and the long-word splits included."""
    style = LARGE.bullet if style_name == "large-bullet" else getattr(STYLES, style_name)
    bullet = "•" if "bullet" in style_name else None
    paragraph = Paragraph(fonts.markup(text), style, bulletText=bullet)
    _, height = paragraph.wrap(width, 10_000)
    block = TextBlock(fonts.clean(text), style, bullet)
    assert block.wrap(width, 10_000)[1] == height
    para = paragraph.blPara
    if para.kind == 0:  # one fragment: the words of each line
        assert [line for line, _, _ in block._lines] == [" ".join(w) for _, w in para.lines]
    else:  # fragments (line breaks, escaped markup): the characters of each line
        expected = ["".join(f.text for f in line.words).replace(" ", "") for line in para.lines]
        assert [line.replace(" ", "") for line, _, _ in block._lines] == expected


def test_plain_text_is_quick_and_the_rest_goes_through_markup() -> None:
    body = STYLES.body
    for plain in ("María López Ruiz", "“own words” — ☐ § · ✂", "<b>Bob</b> & Co", "Ольга"):
        assert isinstance(text_flowable(plain, body), TextBlock), plain
    for other in (
        "Zoë Nguyễn-王芳",  # a CJK fallback face
        "José\u00a0María",  # NBSP: Paragraph does not break there
        "in\u00adcredible",  # soft hyphen
        "e\u0301",  # a combining accent
        "   ",  # nothing to print
    ):
        assert isinstance(text_flowable(other, body), Paragraph), other
    # Right to left: broken into lines before each is reordered (rtl.py).
    for right_to_left in ("سارة Haddad", "שלום", "a\u200fb"):
        assert isinstance(text_flowable(right_to_left, body), BidiBlock), right_to_left


def test_control_characters_are_cleaned_on_the_quick_path_too() -> None:
    block = text_flowable("a\x00b\tc\r\nd", STYLES.body)
    assert isinstance(block, TextBlock) and block.text == "ab c\nd"


def test_a_split_keeps_every_line_and_the_bullet_on_the_first_part() -> None:
    text = " ".join(WORDS[:20] * 3)
    block = TextBlock(text, STYLES.bullet, "•")
    _, height = block.wrap(200, 10_000)
    lines = len(block._lines)
    head, tail = block.split(200, STYLES.bullet.leading * 3.5)
    assert head.bullet == "•" and tail.bullet is None
    head_h, tail_h = head.wrap(200, 10_000)[1], tail.wrap(200, 10_000)[1]
    assert head_h == STYLES.bullet.leading * 3
    assert head_h + tail_h == height and len(head._lines) + len(tail._lines) == lines
    assert " ".join(f"{head.text} {tail.text}".split()) == " ".join(text.split())
    assert block.split(200, STYLES.bullet.leading * 1.5) == []  # no orphan line


def _printed(texts: list[str]) -> str:
    story = [text_flowable(text, STYLES.body) for text in texts]
    return " ".join(" ".join(page.split()) for page in pages(build_pdf(story, INFO)))


@settings(max_examples=40, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("abcXYZ019 <>&;\"'()\\/=éñüễỗđ王芳ÀÇ-.,“”—•☐")),
        min_size=1,
        max_size=60,
    ).filter(lambda s: s.strip())
)
def test_any_text_prints_as_typed(text: str) -> None:
    """Either path, PDF string escapes and per-document glyph codes included."""
    assert _printed([text]) == " ".join(text.split())


def test_a_document_using_more_than_one_subset_of_a_face_prints_every_character() -> None:
    """Past 255 different characters of one face, reportlab opens a second subset; those
    lines go through its own text object."""
    fonts.register_fonts()
    glyphs = fonts._register(fonts.REGULAR).face.charToGlyph
    chars = [chr(c) for c in range(0x100, 0x480) if c in glyphs and chr(c).isalpha()][:400]
    texts = ["".join(chars[i : i + 40]) for i in range(0, len(chars), 40)]
    assert all(isinstance(text_flowable(t, STYLES.body), TextBlock) for t in texts)
    assert _printed(texts) == " ".join(texts)


def test_fixed_texts_keep_their_lines_and_others_do_not() -> None:
    text = " ".join(WORDS * 3)
    fixed = text_flowable(text, STYLES.notice, fixed=True)
    again = text_flowable(text, STYLES.notice, fixed=True)
    other = text_flowable(text, STYLES.notice)
    for block in (fixed, again, other):
        block.wrap(400, 10_000)
    assert fixed._lines is again._lines  # kept: the §2.32 notice in every letter
    assert other._lines is not fixed._lines and list(other._lines) == list(fixed._lines)


def test_a_pdf_of_quick_text_has_only_embedded_faces() -> None:
    pdf = build_pdf([text_flowable("Plain text", STYLES.body)], INFO)
    reader = PdfReader(io.BytesIO(pdf))
    fonts_used = reader.pages[0]["/Resources"]["/Font"]
    assert all("DejaVu" in str(ref.get_object()["/BaseFont"]) for ref in fonts_used.values())


def test_bold_text_in_a_regular_style_is_set_in_the_bold_face() -> None:
    body = STYLES.body
    assert body.fontName == fonts.REGULAR
    plain = text_flowable("Dana Whitcomb", body, bold=True)
    assert isinstance(plain, TextBlock) and plain.style.fontName == fonts.BOLD
    mixed = text_flowable("Dana 王芳", body, bold=True)  # a fallback face: a Paragraph
    assert isinstance(mixed, Paragraph) and mixed.style.fontName == fonts.BOLD
    assert text_flowable("Dana", body).style.fontName == fonts.REGULAR


# Right-to-left text: broken in typed order, each line then reordered (BidiBlock)

ARABIC_WORDS = [
    "مريم", "الحسيني", "أريد", "أن", "أبقى", "على", "قيد", "الحياة،", "لا", "(أم)", "12",
    "شارع", "الملك", "فهد.", "Billings", "María", "王芳", "مُحَمَّد", "שלום",
    "الاستخداماتالمتعددةوالمتكررةدائماوأبدا",
]  # fmt: skip


def _bidi_texts() -> st.SearchStrategy[str]:
    word_and_gap = st.tuples(st.sampled_from(ARABIC_WORDS), st.sampled_from([" ", " ", "  "]))
    texts = st.lists(word_and_gap, min_size=1, max_size=40).map(
        lambda pairs: "".join(word + gap for word, gap in pairs)
    )
    return texts.filter(rtl.has_rtl)


def _bidi_block(text: str, style: ParagraphStyle, bullet: str | None = None) -> BidiBlock:
    block = text_flowable(text, style, bullet=bullet)
    assert isinstance(block, BidiBlock)
    return block


@settings(max_examples=200, deadline=None)
@given(_bidi_texts(), st.floats(min_value=20, max_value=500))
def test_bidi_lines_keep_every_character_in_order(text: str, width: float) -> None:
    (paragraph,) = bidi_paragraphs(fonts.clean(text), fonts.REGULAR, 10) or []
    rows = break_bidi([paragraph], width * 0.8, width)
    rebuilt = ""
    for (_, start, end), (_, next_start, _) in zip(rows, [*rows[1:], (0, -1, 0)], strict=True):
        rebuilt += paragraph.text[start:end] + (" " if next_start == end + 1 else "")
    assert rebuilt == paragraph.text == " ".join(rtl.shape(text).split())
    for number, (_, start, end) in enumerate(rows):
        room = width * 0.8 if number == 0 else width
        if end - start > 1:  # a letter wider than the line prints anyway
            assert paragraph.width(start, end) <= room + 1e-6, paragraph.text[start:end]


@settings(max_examples=100, deadline=None)
@given(_bidi_texts(), st.sampled_from([80.0, 150.0, 300.0, 481.9]))
def test_bidi_lines_are_each_reordered_alone(text: str, width: float) -> None:
    """A line's drawing is that line's characters, and on one line it is what rtl.visual
    draws for the whole text."""
    block = _bidi_block(text, STYLES.body)
    block.wrap(width, 10_000)
    drawn = block.drawn_lines()
    assert len(drawn) == len(block._rows)
    paragraph = block.paragraphs[0]
    for line, (_, start, end) in zip(drawn, block._rows, strict=True):
        # The same characters, brackets mirrored or not.
        typed = paragraph.text[start:end]
        assert sorted(line.translate(_BRACKETS)) == sorted(typed.translate(_BRACKETS))
    block.wrap(100_000, 10_000)
    assert block.drawn_lines() == [rtl.visual(" ".join(text.split()))]


_BRACKETS = str.maketrans("()", "||")


def test_a_bidi_block_takes_the_style_of_a_paragraph() -> None:
    text = " ".join(ARABIC_WORDS[:15] * 4)
    heading = _bidi_block(text, STYLES.heading, bullet=None)
    assert heading.getKeepWithNext() == 1
    assert heading.getSpaceBefore() == STYLES.heading.spaceBefore
    assert heading.getSpaceAfter() == STYLES.heading.spaceAfter
    _, height = heading.wrap(300, 10_000)
    assert height == len(heading._rows) * STYLES.heading.leading and len(heading._rows) > 3
    bullet = _bidi_block(text, LARGE.bullet, bullet="iii.")
    bullet.wrap(300, 10_000)
    plain = TextBlock("words", LARGE.bullet, "iii.")
    plain.wrap(300, 10_000)
    assert bullet._first_x == plain._offset > 0  # the bullet pushes the first line as in TextBlock


def _x_positions(pdf: bytes) -> list[tuple[str, float]]:
    """Each text run pypdf reads, with the x where it starts on the page."""
    runs: list[tuple[str, float]] = []

    def visit(chunk: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if chunk.strip():
            runs.append((chunk.strip(), round(tm[4] * cm[0] + tm[5] * cm[2] + cm[4], 2)))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return runs


def test_a_bidi_line_starts_and_ends_where_a_paragraph_s_would() -> None:
    story = [
        text_flowable("Plain words", STYLES.bullet, bullet="•"),
        text_flowable("مريم الحسيني", STYLES.bullet, bullet="•"),
        text_flowable("مريم", STYLES.right),
    ]
    pdf = build_pdf(story, INFO)
    runs = _x_positions(pdf)
    (bullet_x, plain_x), (arabic_bullet_x, arabic_x) = (
        (x for _, x in runs[0:2]),
        (x for _, x in runs[2:4]),
    )
    assert (arabic_bullet_x, arabic_x) == (bullet_x, plain_x)
    right_edge = LETTER_WIDTH - MARGIN_RIGHT
    drawn = rtl.visual("مريم")
    width = pdfmetrics.stringWidth(drawn, fonts.ARABIC, STYLES.right.fontSize)
    assert runs[4][1] == round(right_edge - width, 2)


def test_a_bidi_split_keeps_every_line_in_order_and_the_bullet_on_the_first_part() -> None:
    text = " ".join(ARABIC_WORDS[:17] * 4) + "\n\n" + " ".join(ARABIC_WORDS[:9] * 3)
    block = _bidi_block(text, STYLES.bullet, bullet="•")
    _, height = block.wrap(200, 10_000)
    drawn = block.drawn_lines()
    for fit in range(2, len(drawn)):
        head, tail = block.split(200, STYLES.bullet.leading * (fit + 0.5))
        assert isinstance(head, BidiBlock) and isinstance(tail, BidiBlock)
        assert head.bullet == "•" and tail.bullet is None
        head_h, tail_h = head.wrap(200, 10_000)[1], tail.wrap(200, 10_000)[1]
        assert head_h == STYLES.bullet.leading * fit and head_h + tail_h == height
        # Reordered with the levels of the whole hard line, before and after the break.
        assert head.drawn_lines() + tail.drawn_lines() == drawn
    assert block.split(200, STYLES.bullet.leading * 1.5) == []  # no orphan line
    assert block.split(200, height) == [block]


def test_text_without_right_to_left_letters_never_reaches_a_bidi_block() -> None:
    for text in ("María", "Zoë Nguyễn-王芳", "Ольга «Ж»", "☐ 42 CFR §2.32", "e\u0301"):
        assert not isinstance(text_flowable(text, STYLES.body), BidiBlock), text
