"""Right-to-left text (Arabic, Hebrew) made printable by reportlab: shaped, in visual order.

    visual("مريم")                          # "ﻢﻳﺮﻣ": joined forms, right to left
    visual("12 شارع الملك فهد, Billings")   # "12 ﺪﻬﻓ ﻚﻠﻤﻟﺍ ﻉﺭﺎﺷ, Billings"
    visual("Zoë Nguyễn")                    # unchanged: no right-to-left letter

reportlab draws the characters of a string left to right, one glyph each, in the order
they come. Arabic is stored in logical order with its letters in their base forms, so it
would print backwards with every letter isolated. This module turns a line holding
right-to-left letters into what reportlab must draw: Arabic letters replaced by their
joined presentation forms (initial, medial, final, lam-alef ligatures) by
`arabic-reshaper`, then the line put in visual order by the Unicode bidirectional
algorithm (`python-bidi`, whose Rust core implements the current algorithm, brackets
pairs included), with brackets inside right-to-left runs mirrored.

Why not reportlab's own support: its right-to-left layout needs `rlbidi`, which the
package index here does not serve, and its HarfBuzz shaping (`uharfbuzz`) has to be
switched on per paragraph style and shapes with the style's font only, not with the
fallback faces that `fonts.markup` puts in `<font>` tags.

Choices:
- A line is laid out as a left-to-right paragraph, because the letters and handouts are
  English or Spanish: "سارة Haddad" prints with سارة on the left, as in an English word
  processor. `right_to_left=True` is there for a future right-to-left document.
- Vowel signs (harakat) are kept; in visual order they come before their letter, which is
  where the Noto Sans Arabic marks, with no advance width, land on their letter.
- Bidi control characters (LRM, RLM, embeddings, isolates) are dropped from the result:
  the order they asked for is done, and reportlab would print them as boxes.
- Without `arabic-reshaper` or `python-bidi` (an old install) text comes back unchanged:
  a letter prints unshaped rather than not at all.

Limits:
- The line is reordered before `Paragraph` wraps it, because only the paragraph knows its
  width. A right-to-left run longer than what is left of a printed line therefore wraps
  with its end on the first printed line (read bottom-up). Names, addresses and short
  answers fit on one line; a long Arabic paragraph (a reason in the client's own words)
  needs wrapping before reordering, which would have to happen in the layout.
- Mirroring reads the resolved levels from the bidi library's debug report (its Rust core
  offers no other way to get them). Should that report change, brackets in right-to-left
  runs print unmirrored, which tests/letters/test_rtl.py catches.
- Text extracted from the PDF is what was drawn: presentation forms. pypdf puts right-to-left
  runs back in reading order, so NFKC-normalizing its text gives the typed letters of a
  name or an Arabic-only line.
"""

import functools
import logging
import re
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)

# Hebrew, Arabic, Syriac, Arabic Supplement, Thaana, NKo, Samaritan, Mandaic, Syriac
# Supplement, Arabic Extended-B/A, Hebrew and Arabic presentation forms, RLM and the
# right-to-left embedding, override and isolate, and the right-to-left historic scripts.
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202b\u202e\u2067"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
# ALM, LRM, RLM, embeddings and overrides, isolates.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# One resolved level in the Rust core's debug report: "Level(\n  1,\n)".
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")

Shaper = Callable[[str, bool], str]
Display = Callable[..., str]


def has_rtl(text: str) -> bool:
    """Whether `text` holds a right-to-left letter (or a right-to-left control)."""
    return _RTL.search(text) is not None


def visual(text: str, *, right_to_left: bool = False) -> str:
    """`text` as reportlab must draw it: right-to-left lines shaped and in visual order.

    Lines without a right-to-left character come back exactly as given, so Latin, CJK
    and everything else is untouched. Newlines are kept; each line is ordered on its own.
    `right_to_left` is the paragraph direction (left to right for English and Spanish).
    """
    if not has_rtl(text):
        return text
    shape = _shaper()
    if shape is None:
        return text
    lines = text.split("\n")
    return "\n".join(shape(line, right_to_left) if has_rtl(line) else line for line in lines)


def levels_from_report(report: str, line: str) -> list[int] | None:
    """The resolved level of each character of `line`, read from the bidi debug report.

    The Rust core reports one level per UTF-8 byte; a character takes its first byte's.
    None when the report does not have the expected shape.
    """
    start = report.find("levels: [")
    end = report.find("paragraphs:", start)
    if start < 0 or end < 0:
        return None
    per_byte = [int(n) for n in _LEVEL.findall(report, start, end)]
    sizes = [len(char.encode()) for char in line]
    if len(per_byte) != sum(sizes):
        return None
    levels: list[int] = []
    offset = 0
    for size in sizes:
        levels.append(per_byte[offset])
        offset += size
    return levels


def reorder(line: str, levels: list[int], mirrored: Mapping[str, str]) -> str:
    """`line` in visual order (rule L2), mirroring characters at right-to-left levels (L4)."""
    chars = [
        mirrored.get(char, char) if level % 2 else char
        for char, level in zip(line, levels, strict=True)
    ]
    odd = [level for level in levels if level % 2]
    if not odd:
        return "".join(chars)
    order = list(range(len(chars)))
    at = list(levels)
    # From the highest level down to the lowest odd one, reverse every run at or above it.
    for level in range(max(levels), min(odd) - 1, -1):
        i = 0
        while i < len(at):
            if at[i] < level:
                i += 1
                continue
            j = i
            while j < len(at) and at[j] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            at[i:j] = at[i:j][::-1]
            i = j
    return "".join(chars[k] for k in order)


@functools.cache
def _shaper() -> Shaper | None:
    """The shaping-and-ordering function, or None when its libraries are missing."""
    try:
        from arabic_reshaper import ArabicReshaper
        from bidi import get_display
        from bidi.mirror import MIRRORED
    except ImportError:
        # No client text here: only that right-to-left lines will print unshaped.
        log.warning("arabic-reshaper or python-bidi missing: right-to-left text prints unshaped")
        return None
    reshaper = ArabicReshaper(configuration={"delete_harakat": False})

    def shape(line: str, right_to_left: bool) -> str:
        shaped = reshaper.reshape(line)
        ordered = _ordered(get_display, shaped, "R" if right_to_left else "L", MIRRORED)
        return _BIDI_CONTROLS.sub("", ordered)

    return shape


def _ordered(display: Display, line: str, base: str, mirrored: Mapping[str, str]) -> str:
    if not any(char in mirrored for char in line):
        return display(line, base_dir=base)
    # Only the resolved levels tell which brackets sit in right-to-left runs.
    levels = levels_from_report(display(line, base_dir=base, debug=True), line)
    if levels is None:
        return display(line, base_dir=base)
    return reorder(line, levels, mirrored)
