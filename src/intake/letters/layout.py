"""Page geometry, the one stylesheet, and building a PDF to bytes.

Geometry is in millimetres (constants below); the footer holds the document's footer
text (the short 42 CFR part 2 notice on provider letters), its reference and
"Page n of m" on every page. Fonts are the embedded ones of fonts.py, also as the
document's initial font, so no unembedded Helvetica reference is left in the file.
Stories are laid out by pager.py (reportlab's layout rules without its document
template) on a canvas that holds its pages until it knows how many there are.
"""

import functools
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from intake.letters import embedding, fonts
from intake.letters.flow import text_flowable
from intake.letters.model import DocInfo
from intake.letters.pager import Box, Pager

# Compressed streams stay binary: ASCII85 armour only made files 25% larger and slower.
rl_config.useA85 = 0

Paper = Literal["letter", "a4"]
PAGE_SIZES: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}

MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 24 * mm  # room for the footer
FOOTER_RULE_Y = 18 * mm
FOOTER_TEXT_Y = 16.5 * mm  # top of the footer text, below the rule
FOOTER_WIDTH_SHARE = 0.70  # of the text width, for the footer text; the rest for page numbers
LOGO_MAX_HEIGHT = 18 * mm
LOGO_MAX_WIDTH = 45 * mm
LABEL_COLUMN_SHARE = 0.30  # of the text width, for the labels of label/value rows

INK = colors.black
MUTED = colors.HexColor("#444444")
RULE = colors.HexColor("#888888")
SHADE = colors.HexColor("#F0F0F0")


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    tight: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    banner: ParagraphStyle
    clinic: ParagraphStyle
    footer: ParagraphStyle
    notice: ParagraphStyle
    bullet: ParagraphStyle
    right: ParagraphStyle


@functools.cache
def stylesheet(*, large: bool = False) -> Styles:
    """Letters: 10 pt. Handouts (`large`): 14 pt body, plain and roomy.

    Built once per process and shared: treat the styles as read-only."""
    fonts.register_fonts()
    size = 14.0 if large else 10.0
    lead = size * (1.4 if large else 1.3)
    body = ParagraphStyle(
        "body", fontName=fonts.REGULAR, bulletFontName=fonts.REGULAR, fontSize=size,
        leading=lead, alignment=TA_LEFT,
        spaceAfter=size * 0.35, textColor=INK,
    )  # fmt: skip
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=size * 0.85, leading=lead * 0.85),
        tight=ParagraphStyle("tight", parent=body, spaceAfter=0),
        muted=ParagraphStyle("muted", parent=body, textColor=MUTED, fontSize=size * 0.9,
                             leading=lead * 0.9),
        title=ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=size * 1.6,
                             leading=size * 2.0, spaceAfter=size * 0.4),
        heading=ParagraphStyle("heading", parent=body, fontName=fonts.BOLD, fontSize=size * 1.2,
                               leading=size * 1.55, spaceBefore=size * 0.9,
                               spaceAfter=size * 0.3, keepWithNext=1),
        label=ParagraphStyle("label", parent=body, fontName=fonts.BOLD, spaceAfter=0),
        banner=ParagraphStyle("banner", parent=body, fontName=fonts.BOLD, fontSize=size * 0.9,
                              leading=lead * 0.9, textColor=INK, spaceAfter=size * 0.6),
        clinic=ParagraphStyle("clinic", parent=body, fontName=fonts.BOLD, fontSize=size * 1.35,
                              leading=size * 1.7, spaceAfter=0),
        footer=ParagraphStyle("footer", parent=body, fontSize=7.5, leading=9, textColor=MUTED,
                              spaceAfter=0),
        notice=ParagraphStyle("notice", parent=body, fontSize=size * 0.85, leading=lead * 0.85),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=size * 1.2,
                              bulletIndent=size * 0.2, spaceAfter=size * 0.2),
        right=ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
    )  # fmt: skip


def page_size(paper: str) -> tuple[float, float]:
    return PAGE_SIZES.get(paper, LETTER)


def text_width(paper: str) -> float:
    return page_size(paper)[0] - MARGIN_LEFT - MARGIN_RIGHT


def build_pdf(
    story: Sequence[Flowable], info: DocInfo, *, paper: str = "letter", invariant: bool = False
) -> bytes:
    """The story laid out on `paper` with the footer on every page, as PDF bytes."""
    fonts.register_fonts()
    buffer = io.BytesIO()
    width, height = page_size(paper)
    canvas = _numbered_canvas(info, width)(
        buffer,
        pagesize=(width, height),
        invariant=int(invariant),
        initialFontName=fonts.REGULAR,
        initialFontSize=10,
        lang=info.language,
    )
    canvas.setAuthor(info.author)
    canvas.setTitle(info.title)
    canvas.setSubject(info.subject)
    canvas.setCreator("intake")
    canvas.setProducer("intake (reportlab)")
    box = Box(
        MARGIN_LEFT, MARGIN_BOTTOM, width - MARGIN_LEFT - MARGIN_RIGHT,
        height - MARGIN_TOP - MARGIN_BOTTOM,
    )  # fmt: skip
    footer = _footer(info, width)

    def begin_page(canvas: Canvas) -> None:
        _draw_footer(canvas, footer, width)

    Pager(canvas, box, begin_page).lay_out(story)
    canvas.save()
    return buffer.getvalue()


def _footer(info: DocInfo, width: float) -> tuple[Flowable, float] | None:
    """The footer text, laid out once for every page, and its height."""
    if not info.footer:
        return None
    text = text_flowable(info.footer, stylesheet().footer, fixed=True)
    _, height = text.wrap((width - MARGIN_LEFT - MARGIN_RIGHT) * FOOTER_WIDTH_SHARE, FOOTER_TEXT_Y)
    return text, height


def _draw_footer(canvas: Canvas, footer: tuple[Flowable, float] | None, width: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_LEFT, FOOTER_RULE_Y, width - MARGIN_RIGHT, FOOTER_RULE_Y)
    if footer is not None:
        text, height = footer
        text.drawOn(canvas, MARGIN_LEFT, FOOTER_TEXT_Y - height)
    canvas.restoreState()


def _numbered_canvas(info: DocInfo, width: float) -> Callable[..., Canvas]:
    """A canvas that holds its pages until the end, to print "Page n of m" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._page_number(number, total)
                super().showPage()
            embedding.quick_page_streams(self._doc)
            super().save()

        def _page_number(self, number: int, total: int) -> None:
            label = info.page_label.format(page=number, pages=total)
            if info.reference:
                label = f"{info.reference} · {label}"
            self.saveState()
            self.setFont(fonts.REGULAR, 7.5)
            self.setFillColor(MUTED)
            self.drawRightString(width - MARGIN_RIGHT, FOOTER_TEXT_Y - 7.5, label)
            self.restoreState()

    return NumberedCanvas
