"""The quick text flowables: the same lines as reportlab's Paragraph, no word lost."""

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from pdftext import pages
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from intake.letters import fonts
from intake.letters.flow import TextBlock, break_lines, joined, text_flowable
from intake.letters.layout import build_pdf, stylesheet
from intake.letters.model import DocInfo

STYLES = stylesheet()
LARGE = stylesheet(large=True)
WORDS = [
    "the", "client", "asked", "us", "to", "share", "this", "with", "42", "CFR", "§2.32",
    "part", "(heroin,", "fentanyl)", "María", "López-Ruiz", "“own", "words”", "—", "☐",
    "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2",
    "Supercalifragilisticexpialidocious", "x", "W", "&", "<b>", "2326", "Ave,",
]  # fmt: skip
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
        "سارة Haddad",  # right to left: rtl.py, through markup
        "שלום",  # Hebrew
        "José\u00a0María",  # NBSP: Paragraph does not break there
        "in\u00adcredible",  # soft hyphen
        "a\u200fb",  # a bidi mark
        "e\u0301",  # a combining accent
        "   ",  # nothing to print
    ):
        assert isinstance(text_flowable(other, body), Paragraph), other


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
