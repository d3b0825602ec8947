"""Quick flowables for plain text: what most of a letter is.

    text_flowable("María López Ruiz", styles.body)        # a TextBlock (plain text)
    text_flowable("Zoë Nguyễn-王芳", styles.body)           # a Paragraph (needs a fallback face)
    Rows([(label, value), ...], width)                     # label/value rows, as the old Table

reportlab's Paragraph parses markup with an HTML parser and breaks lines over fragment
lists; for a line of plain text in one face that is most of a letter's build time. A
TextBlock breaks the same way Paragraph breaks a single-fragment paragraph (greedy, the
same 5% space shrinkage, long words split) and draws with one text object. Text goes to
a TextBlock only when every character prints in the style's own face and none needs
right-to-left handling (`is_plain`). Text holding right-to-left letters goes to a
BidiBlock, which breaks it into lines before putting each line in visual order (a
Paragraph would be given the whole text already reordered, and wrap it from its end).
Anything else goes through `fonts.markup` and a Paragraph, which picks a face per run.
"""

import bisect
import functools
import itertools
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import escapePDF, fp_str, instanceStringWidthTTF
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from intake.letters import fonts, rtl

# How a broken line ends: a space, a hard line break, or inside a word split for length.
SPACE, BREAK, INSIDE = " ", "\n", ""

# (text, unused width, how the line ends); unused width < 0 when spaces shrink to fit.
Line = tuple[str, float, str]

_FUZZ = 1e-8
# Per face, the characters found plain in it so far (see _plain_char).
_PLAIN_CHARS: dict[str, set[str]] = {}


def _plain_char(char: str, font_name: str) -> bool:
    """`char` prints in `font_name` itself and needs no bidi, shaping or special spacing."""
    code = ord(char)
    if char in " \n":
        return True
    if unicodedata.category(char)[0] in "CMZ" or char == "\xad":
        # Controls, format (bidi) marks, combining marks, spaces other than " " (NBSP is
        # not a break for Paragraph), and the soft hyphen (Paragraph hyphenates there).
        return False
    # Up to Armenian there is no right-to-left script; the 2000-2DFF block holds
    # punctuation and symbols (quotes, dashes, bullets, ☐, ✂) and no letters of any script.
    if not (code < 0x0590 or 0x2000 <= code < 0x2E00):
        return False
    return code in _font(font_name).face.charToGlyph


def is_plain(text: str, font_name: str) -> bool:
    """True if a TextBlock prints `text` (already `fonts.clean`ed) exactly as Paragraph would."""
    known = _PLAIN_CHARS.setdefault(font_name, set())
    chars = set(text)
    if chars <= known:
        return True
    for char in chars - known:
        if not _plain_char(char, font_name):
            return False
        known.add(char)
    return True


@functools.cache
def _font(name: str) -> TTFont:
    found = pdfmetrics.getFont(name)
    if not isinstance(found, TTFont):
        raise TypeError(f"{name} is not an embedded TrueType face")
    return found


# -- line breaking ----------------------------------------------------------------------


def break_lines(
    text: str, font_name: str, size: float, first_width: float, width: float
) -> list[Line]:
    """`text` broken into lines no wider than the widths, as Paragraph breaks one fragment.

    Words are split on whitespace and joined by single spaces; each "\\n" starts a new
    line. A line may overrun by 5% of each of its spaces (reportlab's space shrinkage,
    drawn with negative word spacing); a word wider than a whole line is split into
    pieces. Joining the lines by their endings gives back the words, in order.
    """
    measure, space, shrink = _metrics(font_name, size)
    lines: list[Line] = []
    if "\n" not in text:
        words = text.split()
        if words:
            _break_words(words, measure, size, space, shrink, first_width, width, lines)
        return lines
    if not text.strip():
        return lines  # text_flowable leaves blank text to Paragraph
    hard_lines = text.split("\n")
    if not hard_lines[-1].strip():
        hard_lines.pop()  # a closing line break ends the last line and starts none
    for hard in hard_lines:
        words = hard.split()
        if words:
            _break_words(words, measure, size, space, shrink, first_width, width, lines)
        else:
            lines.append(("", width if lines else first_width, BREAK))
        text_, unused, _ = lines[-1]
        lines[-1] = (text_, unused, BREAK)
    text_, unused, _ = lines[-1]
    lines[-1] = (text_, unused, SPACE)
    return lines


@functools.lru_cache(maxsize=64)
def _break_fixed_text(
    text: str, font_name: str, size: float, first_width: float, width: float
) -> tuple[Line, ...]:
    """break_lines, kept for texts that are the same in every letter (the §2.32 notice)."""
    return tuple(break_lines(text, font_name, size, first_width, width))


Measure = Callable[[str, float], float]  # (text, font size) -> width in points


@functools.lru_cache(maxsize=64)
def _metrics(font_name: str, size: float) -> tuple[Measure, float, float]:
    """The face's width function, its space width at `size`, and the allowed shrinkage."""
    measure = functools.partial(instanceStringWidthTTF, _font(font_name))
    space = measure(" ", size)
    return measure, space, rl_config.spaceShrinkage * space


def _break_words(
    words: list[str],
    measure: Measure,
    size: float,
    space: float,
    shrink: float,
    first_width: float,
    width: float,
    lines: list[Line],
) -> None:
    """Greedy breaking of one hard line's words, appended to `lines`.

    The arithmetic is Paragraph's: a word joins the line when the line's width so far,
    plus a space, plus the word is within the width plus 5% of each space already on it.
    """
    max_width = first_width if not lines else width
    whole = " ".join(words)
    total = measure(whole, size)
    if total <= max_width + shrink * (len(words) - 1):
        lines.append((whole, max_width - total, SPACE))  # most texts: one line
        return
    widths = [measure(word, size) for word in words]
    line: list[str] = []
    used = -space  # so that the first word adds no space
    for word, word_width in zip(words, widths, strict=True):
        wider = used + space + word_width
        if wider <= max_width + shrink * len(line):
            line.append(word)
            used = wider
            continue
        if word_width > max_width and len(word) > 1:
            # Wider than a line: the first piece fills this line (after the words on
            # it), middle pieces get lines of their own, the last starts the next line.
            pieces = _split_word(
                word, used + space if line else 0.0, measure, size, max_width, width
            )
            if pieces[0]:
                line.append(pieces[0])
            text = " ".join(line)
            lines.append((text, max_width - measure(text, size), INSIDE if pieces[0] else SPACE))
            lines.extend((piece, width - measure(piece, size), INSIDE) for piece in pieces[1:-1])
            line, used = [pieces[-1]], measure(pieces[-1], size)
        elif line:
            lines.append((" ".join(line), max_width - used, SPACE))
            line, used = [word], word_width
        else:  # one character wider than a whole line: it overruns, as in Paragraph
            line, used = [word], word_width
            continue
        max_width = width
    lines.append((" ".join(line), max_width - used, SPACE))


def _split_word(
    word: str, used: float, measure: Measure, size: float, max_width: float, width: float
) -> list[str]:
    """`word` cut as reportlab cuts a word wider than a line: the first piece fills what is
    left of the current line after `used` (it may be empty), each later piece a whole line."""
    pieces = []
    room = max_width - used
    while True:
        cut = _chars_that_fit(word, measure, size, room)
        if cut == 0 and used == 0:
            cut = 1  # not even one character fits a whole line: print it anyway
        if cut >= len(word):
            pieces.append(word)
            return pieces
        pieces.append(word[:cut])
        word = word[cut:]
        room, used = width, 0.0


def _chars_that_fit(word: str, measure: Measure, size: float, room: float) -> int:
    """How many leading characters of `word` fit in `room` (maybe none)."""
    low, high = 0, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if measure(word[:mid], size) <= room:
            low = mid
        else:
            high = mid - 1
    return low


def joined(lines: Sequence[Line]) -> str:
    """The text back from its lines (as a split-off part is made)."""
    return "".join(text + end for text, _, end in lines).rstrip(" \n")


# -- flowables ---------------------------------------------------------------------------


class TextBlock(Flowable):
    """One plain paragraph in one face: Paragraph's layout for a single-style text."""

    def __init__(
        self, text: str, style: ParagraphStyle, bullet: str | None = None, *, fixed: bool = False
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.bullet = bullet
        self.fixed = fixed  # the same in every document: its lines may be kept
        self._lines: Sequence[Line] = []
        self._for_width = -1.0
        self._offset = 0.0  # first-line shift when the bullet runs past the indent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth != self._for_width:
            style = self.style
            width = availWidth - style.leftIndent - style.rightIndent
            self._offset = self._bullet_overrun()
            breaker = _break_fixed_text if self.fixed else break_lines
            self._lines = breaker(
                self.text, style.fontName, style.fontSize, width - self._offset, width
            )
            self._for_width = availWidth
            self.width = availWidth
            self.height = len(self._lines) * style.leading
        return self.width, self.height

    def _bullet_overrun(self) -> float:
        return bullet_overrun(self.style, self.bullet)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        style = self.style
        fit = int(availHeight / style.leading)
        lines = self._lines
        if fit <= 1:  # Paragraph keeps no single orphan line at a page's foot
            return []
        if fit >= len(lines):
            return [self]
        head = TextBlock(joined(lines[:fit]), style, self.bullet)
        head._lines, head._offset, head._for_width = lines[:fit], self._offset, availWidth
        head.width, head.height = availWidth, fit * style.leading
        return [head, TextBlock(joined(lines[fit:]), style, fixed=self.fixed)]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        # No translate and no saveState: the code below positions its text itself and
        # is wrapped in q/Q, which is most of the saving over a Paragraph.
        code = self.pdf_code(canvas, self._hAlignAdjust(x, _sW), y)
        if code:
            canvas._code.append(code)

    def draw(self) -> None:
        code = self.pdf_code(self.canv, 0, 0)
        if code:
            self.canv._code.append(code)

    def pdf_code(self, canvas: Canvas, x: float, y: float) -> str:
        """The PDF operators that print the lines with their bottom at `y`."""
        lines = self._lines
        if not lines:
            return ""
        style = self.style
        encoder = _encoder(canvas, style.fontName)
        left = x + style.leftIndent
        top = y + self.height - style.fontSize
        if len(lines) == 1 and not self.bullet and lines[0][1] >= -_FUZZ:
            # Most blocks: one line, no bullet, no shrunk spaces.
            text = encoder.encode(lines[0][0])
            if text is not None:
                position = fp_str(left, top)
                return f"q {encoder.begin(style)} 1 0 0 1 {position} Tm ({text}) Tj T* ET Q"
        encoded = encoder.encode_lines([line[0] for line in lines])
        if encoded is None:
            return self._code_by_text_object(canvas, x, y)
        offset = self._offset
        bullet = self._bullet_code(canvas, x, top) + " " if self.bullet else ""
        out = [f"q {bullet}{encoder.begin(style)} 1 0 0 1 {fp_str(left + offset, top)} Tm"]
        for number, ((line, unused, _), text) in enumerate(zip(lines, encoded, strict=True)):
            if number == 1 and offset:
                out.append(f"1 0 0 1 {fp_str(left, top - style.leading)} Tm")
            if unused < -_FUZZ and " " in line:
                spacing = fp_str(unused / line.count(" "))
                out.append(f"{spacing} Tw ({text}) Tj 0 Tw T*")
            else:
                out.append(f"({text}) Tj T*")
        out.append("ET Q")
        return " ".join(out)

    def _bullet_code(self, canvas: Canvas, x: float, y: float) -> str:
        style = self.style
        encoder = _encoder(canvas, style.bulletFontName)
        encoded = encoder.encode_lines([self.bullet or ""])
        text = encoded[0] if encoded else None
        color = getattr(style, "bulletColor", None) or style.textColor
        if text is None:
            bullet = canvas.beginText(x + style.bulletIndent, y)
            bullet.setFont(style.bulletFontName, style.bulletFontSize)
            bullet.setFillColor(color)
            bullet.textOut(self.bullet)
            return str(bullet.getCode())
        return (
            f"BT {encoder.name} {fp_str(style.bulletFontSize)} Tf {_fill(color)} "
            f"1 0 0 1 {fp_str(x + style.bulletIndent, y)} Tm ({text}) Tj ET"
        )

    def _code_by_text_object(self, canvas: Canvas, x: float, y: float) -> str:
        """The slow way, through reportlab's text object (a face with > 255 glyphs in use)."""
        style = self.style
        saved = canvas._code
        canvas._code = []
        try:
            canvas.saveState()
            canvas.translate(x, y)
            top = self.height - style.fontSize
            if self.bullet:
                bullet = canvas.beginText(style.bulletIndent, top)
                bullet.setFont(style.bulletFontName, style.bulletFontSize)
                bullet.setFillColor(getattr(style, "bulletColor", None) or style.textColor)
                bullet.textOut(self.bullet)
                canvas.drawText(bullet)
            text = canvas.beginText(style.leftIndent, top)
            text.setFont(style.fontName, style.fontSize, style.leading)
            text.setFillColor(style.textColor)
            if self._offset:
                text.moveCursor(self._offset, 0)
            for number, (line, unused, _) in enumerate(self._lines):
                if unused < -_FUZZ and " " in line:
                    text.setWordSpace(unused / line.count(" "))
                    text.textLine(line)
                    text.setWordSpace(0)
                else:
                    text.textLine(line)
                if number == 0 and self._offset:
                    text.moveCursor(-self._offset, 0)
            canvas.drawText(text)
            canvas.restoreState()
            return " ".join(canvas._code)
        finally:
            canvas._code = saved


@functools.lru_cache(maxsize=64)
def _fill(color: Color) -> str:
    """The fill-colour operator of an RGB or CMYK colour."""
    if isinstance(color, CMYKColor):
        density = color.density
        return f"{fp_str(*(density * c for c in color.cmyk()))} k"
    return f"{fp_str(color.red, color.green, color.blue)} rg"


class _Encoder:
    """Text to the byte codes of one face's first subset in one document.

    reportlab's TTFont.splitString assigns subset codes character by character in Python;
    here it is asked only once per new character, and whole lines go through
    str.translate. A line needing a code beyond the first subset (a document using more
    than ~220 different characters of one face) gives None: the caller falls back.
    """

    def __init__(self, font: TTFont, doc: Any) -> None:
        self.font = font
        self.doc = doc
        self.known: set[str] = set()
        self.table: dict[int, str] = {}
        self.name = font.getSubsetInternalName(0, doc)
        self._begin: dict[ParagraphStyle, str] = {}

    def encode_lines(self, lines: list[str]) -> list[str] | None:
        """Each line as an escaped PDF string body; None if one needs another subset."""
        if not self._assign(set("".join(lines))):
            return None
        table = self.table
        return [escapePDF(line.translate(table).encode("latin-1")) for line in lines]

    def encode(self, line: str) -> str | None:
        """encode_lines for one line."""
        if not self._assign(set(line)):
            return None
        return escapePDF(line.translate(self.table).encode("latin-1"))

    def _assign(self, chars: set[str]) -> bool:
        """Give `chars` their codes (reportlab's own assignment); False if one is past 255."""
        new = chars - self.known
        if new:
            self.font.splitString("".join(new), self.doc)
            assigned = self.font.state[self.doc].assignments
            for char in new:
                code = assigned.get(ord(char), 0)
                if code > 0xFF:
                    return False
                self.table[ord(char)] = chr(code)
            self.known |= new
        return True

    def begin(self, style: ParagraphStyle) -> str:
        """BT, then this face in the style's size, leading and colour."""
        code = self._begin.get(style)
        if code is None:
            size, leading = fp_str(style.fontSize), fp_str(style.leading)
            code = f"BT {self.name} {size} Tf {leading} TL {_fill(style.textColor)}"
            self._begin[style] = code
        return code


def _encoder(canvas: Canvas, font_name: str) -> _Encoder:
    encoders: dict[str, _Encoder] = canvas.__dict__.setdefault("_intake_encoders", {})
    encoder = encoders.get(font_name)
    if encoder is None or encoder.doc is not canvas._doc:
        encoder = encoders[font_name] = _Encoder(_font(font_name), canvas._doc)
    return encoder


def bullet_overrun(style: ParagraphStyle, bullet: str | None, indent: float = 0.0) -> float:
    """How far a bullet pushes a paragraph's first line right (as in Paragraph)."""
    if not bullet:
        return 0.0
    end = (
        style.bulletIndent
        + pdfmetrics.stringWidth(bullet, style.bulletFontName, style.bulletFontSize)
        + 0.6 * style.bulletFontSize
    )
    return max(0.0, end - style.leftIndent - indent)


def text_flowable(
    text: str,
    style: ParagraphStyle,
    *,
    bold: bool = False,
    bullet: str | None = None,
    fixed: bool = False,
) -> Flowable:
    """`text` in `style`: a TextBlock when it is plain, a BidiBlock when it holds
    right-to-left letters, else a Paragraph of `fonts.markup`.

    `fixed`: the text is the same in every document (not about the client, the service or
    the clinic), so its line breaks may be kept for the next document.
    """
    fonts.register_fonts()
    if bold and style.fontName == fonts.REGULAR:
        style = _bold(style)
    cleaned = text if text.isprintable() else fonts.clean(text)
    if (
        cleaned.strip()
        and style.alignment == TA_LEFT
        and not style.firstLineIndent
        and style.fontName in _PRIMARY
        and is_plain(cleaned, style.fontName)
        and (bullet is None or is_plain(bullet, style.bulletFontName))
    ):
        return TextBlock(cleaned, style, bullet, fixed=fixed)
    if style.fontName in _PRIMARY and rtl.has_rtl(cleaned) and cleaned.strip():
        paragraphs = bidi_paragraphs(cleaned, style.fontName, style.fontSize)
        if paragraphs is not None:
            return BidiBlock(paragraphs, style, rtl.visual(bullet) if bullet else bullet)
    return Paragraph(fonts.markup(text, bold=bold), style, bulletText=bullet)


_PRIMARY = frozenset({fonts.REGULAR, fonts.BOLD})
_BOLD_STYLES: dict[int, tuple[ParagraphStyle, ParagraphStyle]] = {}


def _bold(style: ParagraphStyle) -> ParagraphStyle:
    """`style` set in the bold face (kept per style: the stylesheets live for the process)."""
    found = _BOLD_STYLES.get(id(style))
    if found is None or found[0] is not style:
        bold = ParagraphStyle(f"{style.name}-bold", parent=style, fontName=fonts.BOLD)
        found = _BOLD_STYLES[id(style)] = (style, bold)
    return found[1]


class Rows(Flowable):
    """Label/value rows: a two-column table with top-aligned cells and no rules.

    The geometry of the Table it replaces: the columns share `width` as given, each cell
    has 0 left, 4 right, 1 top and 1 bottom padding, and a page break falls between rows.
    """

    LEFT, RIGHT, TOP, BOTTOM = 0.0, 4.0, 1.0, 1.0

    def __init__(self, cells: Sequence[tuple[Flowable, Flowable]], widths: tuple[float, float]):
        super().__init__()
        self.cells = list(cells)
        self.widths = widths
        self._heights: list[float] = []
        self._inner: list[tuple[float, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self._heights:
            pad = self.LEFT + self.RIGHT
            for label, value in self.cells:
                _, label_h = label.wrap(self.widths[0] - pad, 72000)
                _, value_h = value.wrap(self.widths[1] - pad, 72000)
                self._inner.append((label_h, value_h))
                self._heights.append(max(label_h, value_h) + self.TOP + self.BOTTOM)
        self.width = sum(self.widths)
        self.height = sum(self._heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        used = 0.0
        fit = 0
        for height in self._heights:
            if used + height > availHeight + _FUZZ:
                break
            used += height
            fit += 1
        if fit == 0:
            return []
        if fit == len(self.cells):
            return [self]
        return [Rows(self.cells[:fit], self.widths), Rows(self.cells[fit:], self.widths)]

    def draw(self) -> None:
        top = self.height
        x_value = self.widths[0] + self.LEFT
        for (label, value), (label_h, value_h), height in zip(
            self.cells, self._inner, self._heights, strict=True
        ):
            label.drawOn(self.canv, self.LEFT, top - self.TOP - label_h)
            value.drawOn(self.canv, x_value, top - self.TOP - value_h)
            top -= height


# -- right-to-left text ------------------------------------------------------------------


class BidiParagraph:
    """One hard line of a text holding right-to-left letters, shaped, in typed order.

    Words are single-spaced, as Paragraph prints them. `levels` are resolved on the
    whole line (None: it holds no right-to-left letter); `faces` name the face that
    prints each character; `edges[i]` is the width of `text[:i]` at the style's size.
    """

    # A plain class: quicker to create at import than a dataclass (letters run in short
    # processes).
    __slots__ = ("edges", "faces", "levels", "text")

    def __init__(
        self,
        text: str,
        levels: tuple[int, ...] | None,
        faces: tuple[str, ...],
        edges: tuple[float, ...],
    ) -> None:
        self.text = text
        self.levels = levels
        self.faces = faces
        self.edges = edges

    def width(self, start: int, end: int) -> float:
        return self.edges[end] - self.edges[start]

    def part(self, start: int, end: int) -> "BidiParagraph":
        """`text[start:end]`, keeping the levels its whole paragraph resolved."""
        origin = self.edges[start]
        return BidiParagraph(
            self.text[start:end],
            None if self.levels is None else self.levels[start:end],
            self.faces[start:end],
            tuple(edge - origin for edge in self.edges[start : end + 1]),
        )


# A printed line: (paragraph number, start, end) of the text it prints.
BidiRow = tuple[int, int, int]


def bidi_paragraphs(text: str, font_name: str, size: float) -> list[BidiParagraph] | None:
    """`text` (cleaned) as BidiBlock prints it in `font_name` at `size`: one entry per hard
    line. None when the bidi library cannot give the levels (Paragraph prints it then)."""
    hard_lines = text.split("\n")
    if len(hard_lines) > 1 and not hard_lines[-1].strip():
        hard_lines.pop()  # a closing line break ends the last line and starts none
    paragraphs = []
    for hard in hard_lines:
        shaped = " ".join(word for word in rtl.shape(hard).split(" ") if word)
        levels = rtl.paragraph_levels(shaped)
        if levels is None and rtl.has_rtl(shaped):
            return None
        faces = _bidi_faces(shaped, font_name)
        widths = (_advance(face, char) * size for face, char in zip(faces, shaped, strict=True))
        edges = tuple(itertools.accumulate(widths, initial=0.0))
        paragraphs.append(
            BidiParagraph(shaped, None if levels is None else tuple(levels), faces, edges)
        )
    return paragraphs


def _bidi_faces(text: str, primary: str) -> tuple[str, ...]:
    """The face of each character, as `fonts.markup` sets it: `fonts.font_for`'s, a space
    staying in the face before it. Digits and punctuation the primary face would print
    also stay in the face before them when it has them, so an Arabic sentence, its full
    stops and commas included, is one run in one face: it looks even, and a PDF reader,
    which reads each run of right-to-left text backwards, gets its words in order."""
    faces = []
    face = primary
    for char in text:
        if char != " ":
            own = fonts.font_for(char, primary)
            if not (
                own == primary
                and unicodedata.category(char)[0] in "NPSZ"
                and ord(char) in _font(face).face.charToGlyph
            ):
                face = own
        faces.append(face)
    return tuple(faces)


@functools.lru_cache(maxsize=4096)
def _advance(face: str, char: str) -> float:
    """The width of `char` in `face` at size 1 (none for a bidi control: it is not drawn)."""
    if rtl.is_control(char):
        return 0.0
    return float(_font(face).stringWidth(char, 1.0))


def break_bidi(
    paragraphs: Sequence[BidiParagraph], first_width: float, width: float
) -> list[BidiRow]:
    """Greedy breaking in typed order, at spaces, by the widths of the faces that print each
    character; a word wider than a whole line is cut where it fills the line. An empty
    hard line still takes a line."""
    rows: list[BidiRow] = []
    for number, paragraph in enumerate(paragraphs):
        room = first_width if not rows else width
        _break_paragraph(number, paragraph, room, width, rows)
    return rows


def _break_paragraph(
    number: int, paragraph: BidiParagraph, room: float, width: float, rows: list[BidiRow]
) -> None:
    text = paragraph.text
    size = len(text)
    line_start, line_end, word_start = 0, 0, 0  # line_end == line_start: no word yet
    while word_start < size:
        word_end = text.find(" ", word_start)
        if word_end < 0:
            word_end = size
        if paragraph.width(line_start, word_end) <= room + _FUZZ:
            line_end, word_start = word_end, word_end + 1
        elif line_end > line_start:  # the word starts the next line
            rows.append((number, line_start, line_end))
            line_start = line_end = word_start
            room = width
        else:  # alone on its line and wider than it: cut where it fills the line
            cut = _cut(paragraph, line_start, word_end, room)
            if cut >= word_end:  # one letter wider than a line: it overruns, as in Paragraph
                line_end, word_start = word_end, word_end + 1
                continue
            rows.append((number, line_start, cut))
            line_start = line_end = word_start = cut
            room = width
    rows.append((number, line_start, line_end))


def _cut(paragraph: BidiParagraph, start: int, end: int, room: float) -> int:
    """Where to cut `text[start:end]` so that its first piece fills `room` (one character at
    least), never between a letter and the vowel signs on it."""
    edges = paragraph.edges
    cut = bisect.bisect_right(edges, edges[start] + room + _FUZZ, start + 1, end) - 1
    cut = max(cut, start + 1)
    text = paragraph.text
    back = cut
    while back > start + 1 and unicodedata.combining(text[back]):
        back -= 1
    if not unicodedata.combining(text[back]):
        return back
    while cut < end and unicodedata.combining(text[cut]):
        cut += 1
    return cut


class BidiBlock(Flowable):
    """A paragraph holding right-to-left text, broken into lines before it is reordered.

    The text is shaped (`rtl.shape`: joining does not depend on where lines break),
    broken in typed order (`break_bidi`), and each line is then put in drawing order on
    its own with the levels its whole hard line resolved (`rtl.drawn`), and drawn run by
    run, each in its face. So a long Arabic passage reads from its first printed line
    down. The style's size, leading, indents, first-line indent, left/right/centre
    alignment (justified prints left), bullet and spacing are kept; it splits between
    lines as a TextBlock does. A word wider than a line is cut where it fills the line
    (its letters keep the forms they had joined).
    """

    def __init__(
        self, paragraphs: Sequence[BidiParagraph], style: ParagraphStyle, bullet: str | None = None
    ) -> None:
        super().__init__()
        self.paragraphs = list(paragraphs)
        self.style = style
        self.bullet = bullet
        self._rows: list[BidiRow] = []
        self._for_width = -1.0
        self._first_x = 0.0  # the first line's start, from the left indent
        self._widths = (0.0, 0.0)  # of the first line and of the others

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth != self._for_width:
            style = self.style
            width = availWidth - style.leftIndent - style.rightIndent
            indent = style.firstLineIndent or 0.0
            self._first_x = indent + self._bullet_overrun(indent)
            self._widths = (width - self._first_x, width)
            self._rows = break_bidi(self.paragraphs, *self._widths)
            self._for_width = availWidth
            self.width = availWidth
            self.height = len(self._rows) * style.leading
        return self.width, self.height

    def _bullet_overrun(self, indent: float) -> float:
        return bullet_overrun(self.style, self.bullet, indent)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fit = int(availHeight / self.style.leading)
        rows = self._rows
        if fit <= 1:  # Paragraph keeps no single orphan line at a page's foot
            return []
        if fit >= len(rows):
            return [self]
        number, start, _ = rows[fit]
        head, tail = self.paragraphs[:number], self.paragraphs[number:]
        if start:  # the page breaks inside a hard line: its levels go with both parts
            line = tail[0]
            head.append(line.part(0, rows[fit - 1][2]))
            tail[0] = line.part(start, len(line.text))
        return [BidiBlock(head, self.style, self.bullet), BidiBlock(tail, self.style)]

    def draw(self) -> None:
        style = self.style
        text = self.canv.beginText()
        text.setFillColor(style.textColor)
        top = self.height - style.fontSize
        face = ""
        if self.bullet:
            text.setTextOrigin(style.bulletIndent, top)
            text.setFillColor(getattr(style, "bulletColor", None) or style.textColor)
            text.setFont(style.bulletFontName, style.bulletFontSize)
            text.textOut(self.bullet)
            text.setFillColor(style.textColor)
        for number, (paragraph_number, start, end) in enumerate(self._rows):
            paragraph = self.paragraphs[paragraph_number]
            x = style.leftIndent + (self._first_x if number == 0 else 0.0)
            room = self._widths[0] if number == 0 else self._widths[1]
            x += self._aligned(room - paragraph.width(start, end))
            text.setTextOrigin(x, top - number * style.leading)
            for run_face, run in _runs(paragraph, start, end):
                if run_face != face:
                    text.setFont(run_face, style.fontSize, style.leading)
                    face = run_face
                text.textOut(run)
        self.canv.drawText(text)

    def drawn_lines(self) -> list[str]:
        """The printed lines (after `wrap`) as drawn, left to right."""
        return [
            "".join(run for _, run in _runs(self.paragraphs[number], start, end))
            for number, start, end in self._rows
        ]

    def _aligned(self, unused: float) -> float:
        """The shift of a line for the style's alignment."""
        if self.style.alignment == TA_RIGHT:
            return unused
        if self.style.alignment == TA_CENTER:
            return unused / 2
        return 0.0


def _runs(paragraph: BidiParagraph, start: int, end: int) -> list[tuple[str, str]]:
    """One printed line in drawing order as (face, characters) runs."""
    levels = None if paragraph.levels is None else paragraph.levels[start:end]
    runs: list[tuple[str, str]] = []
    face = ""
    chars: list[str] = []
    for position, char in rtl.drawn(paragraph.text[start:end], levels):
        char_face = paragraph.faces[start + position]
        if char_face != face and chars:
            runs.append((face, "".join(chars)))
            chars = []
        face = char_face
        chars.append(char)
    if chars:
        runs.append((face, "".join(chars)))
    return runs
