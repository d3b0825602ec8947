"""The fonts every PDF embeds, and user text turned into safe, font-aware Paragraph markup.

    markup("Zoë Nguyễn-王芳 <b>&")   # escaped; 王芳 wrapped in <font name="DroidSansFallback">

reportlab's standard fonts are Latin-1 only and a missing glyph prints as an invisible
box that also vanishes from the extracted text. So each character is set in the first
embedded face that has a glyph for it: DejaVu Sans (Latin, Vietnamese, Greek, Cyrillic),
Noto Sans Arabic for Arabic letters, Droid Sans Fallback for Chinese, Japanese and
Korean. The fallback faces are read only when a text needs them. Every user string goes
through `markup`, which escapes it: Paragraph parses markup, and a name holding `<b>` or
`&` must print as typed.

Arabic and Hebrew lines are shaped and put in visual order first (`intake.letters.rtl`).
"""

import functools
import re
import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from intake.letters import embedding
from intake.letters.rtl import visual
from intake.paths import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ARABIC = "NotoSansArabic"
ARABIC_BOLD = "NotoSansArabic-Bold"
CJK = "DroidSansFallback"

FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}
# Tried in order after the primary face; Droid has no bold, so bold CJK prints regular.
_FALLBACKS = {REGULAR: (ARABIC, CJK), BOLD: (ARABIC_BOLD, CJK)}
_ARABIC_FIRST = {REGULAR: ARABIC, BOLD: ARABIC_BOLD}

# Arabic, Arabic Supplement, Arabic Extended-A, Presentation Forms A and B.
_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
# C0 controls other than tab and newline, DEL, and C1 controls: never printable.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_lock = threading.Lock()
_registered: set[str] = set()


def register_fonts() -> None:
    """Register the primary faces (regular and bold) once per process."""
    if BOLD in _registered:
        return
    _register(REGULAR)
    _register(BOLD)
    # So that <b> inside a paragraph set in DejaVuSans picks the embedded bold face.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)


def _register(name: str) -> TTFont:
    with _lock:
        if name not in _registered:
            font = embedding.LetterFont(name, str(resource_path("fonts", FILES[name])))
            pdfmetrics.registerFont(font)
            _registered.add(name)
    found = pdfmetrics.getFont(name)
    assert isinstance(found, TTFont)
    return found


def _has_glyph(name: str, codepoint: int) -> bool:
    return codepoint in _register(name).face.charToGlyph


def _is_arabic(codepoint: int) -> bool:
    return any(low <= codepoint <= high for low, high in _ARABIC_RANGES)


@functools.lru_cache(maxsize=8192)
def font_for(char: str, primary: str = REGULAR) -> str:
    """The face that prints `char`: the primary if it has the glyph, else a fallback.

    A character no face has stays in the primary face (it prints as a box).
    """
    codepoint = ord(char)
    if _is_arabic(codepoint) and _has_glyph(_ARABIC_FIRST[primary], codepoint):
        return _ARABIC_FIRST[primary]
    if _has_glyph(primary, codepoint):
        return primary
    for name in _FALLBACKS[primary]:
        if _has_glyph(name, codepoint):
            return name
    return primary


def escape(text: str) -> str:
    """&, < and > as entities (xml.sax.saxutils.escape, whose import costs a letter
    process 7 ms: it loads urllib)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def clean(text: str) -> str:
    """Control characters removed, tabs as spaces, line ends as \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


def markup(text: str, *, bold: bool = False) -> str:
    """`text` as Paragraph markup: escaped, line breaks kept, each run in a face that has it."""
    register_fonts()
    primary = BOLD if bold else REGULAR
    parts: list[str] = []
    run: list[str] = []
    run_font = primary

    def flush() -> None:
        if not run:
            return
        body = escape("".join(run)).replace("\n", "<br/>")
        parts.append(body if run_font == primary else f'<font name="{run_font}">{body}</font>')
        run.clear()

    # reportlab draws left to right: right-to-left lines are shaped and reordered first.
    for char in visual(clean(text)):
        # Spaces and line breaks stay in the current run rather than splitting it.
        font = run_font if char in " \n" else font_for(char, primary)
        if font != run_font:
            flush()
            run_font = font
        run.append(char)
    flush()
    return "".join(parts)


def bold(text: str) -> str:
    return markup(text, bold=True)


def faces_used(text: str, *, bold: bool = False) -> set[str]:
    """The faces `markup` would use for `text` (for tests and diagnostics)."""
    primary = BOLD if bold else REGULAR
    return {font_for(char, primary) for char in clean(text) if char not in " \n"}
