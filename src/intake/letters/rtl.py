"""Right-to-left text (Arabic, Hebrew) made printable by reportlab: shaped, in visual order.

    visual("مريم")                          # "ﻢﻳﺮﻣ": joined forms, right to left
    visual("12 شارع الملك فهد, Billings")   # "12 ﺪﻬﻓ ﻚﻠﻤﻟﺍ ﻉﺭﺎﺷ, Billings"
    visual("Zoë Nguyễn")                    # unchanged: no right-to-left letter

    shaped = shape(paragraph)               # joined forms, still in typed order
    levels = paragraph_levels(shaped)       # resolved on the whole paragraph
    drawn(shaped[start:end], levels[start:end])   # one printed line: (position, char)s

reportlab draws the characters of a string left to right, one glyph each, in the order
they come. Arabic is stored in logical order with its letters in their base forms, so it
would print backwards with every letter isolated. This module turns a line holding
right-to-left letters into what reportlab must draw: Arabic letters replaced by their
joined presentation forms (initial, medial, final, lam-alef ligatures) by
`arabic-reshaper`, then the line put in visual order by the Unicode bidirectional
algorithm (`python-bidi`, whose Rust core implements the current algorithm, brackets
pairs included), with brackets inside right-to-left runs mirrored.

A paragraph longer than a printed line must be reordered line by line after it is
broken (UAX #9: levels resolved on the paragraph, rules L1-L4 per line), or it would
wrap from its end. `visual` is for text that `fonts.markup` hands to Paragraph whole;
`flow.BidiBlock` (which `flow.text_flowable` uses for any text holding right-to-left
letters) shapes with `shape`, breaks in typed order, and draws each line by `drawn`.

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
- `visual` reorders a whole line: given to a Paragraph that wraps it, a right-to-left run
  longer than a printed line would wrap from its end (read bottom-up). Letters and
  handouts therefore print such text through `flow.BidiBlock`, which breaks first; only
  Paragraph-built text outside `flow.text_flowable` still depends on it fitting a line.
- The paragraph is left to right, so neutral characters ending it after Arabic (the full
  stop of "…مدينتي." or a closing quote) resolve left to right and print at the right
  end of the last line, where an English word processor puts them too.
- The levels come from the bidi library's debug report (its Rust core offers no other
  way to get them). Should that report change, brackets in right-to-left runs print
  unmirrored and long passages go back to Paragraph (wrapping from their end), which
  tests/letters/test_rtl.py catches.
- Text extracted from the PDF is what was drawn: presentation forms. pypdf puts each
  right-to-left run back in reading order, so NFKC-normalizing its text gives the typed
  letters of a name or an Arabic line; a digit or a Latin word inside an Arabic line
  ends a run, and around it pypdf gives the runs in drawing order.
"""

import functools
import logging
import re
from collections.abc import Callable, Mapping, Sequence

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

Display = Callable[..., str]


def has_rtl(text: str) -> bool:
    """Whether `text` holds a right-to-left letter (or a right-to-left control)."""
    return _RTL.search(text) is not None


def is_control(char: str) -> bool:
    """Whether `char` is a bidi control: it orders the text and is not drawn."""
    return _BIDI_CONTROLS.fullmatch(char) is not None


def visual(text: str, *, right_to_left: bool = False) -> str:
    """`text` as reportlab must draw it: right-to-left lines shaped and in visual order.

    Lines without a right-to-left character come back exactly as given, so Latin, CJK
    and everything else is untouched. Newlines are kept; each line is ordered on its own.
    `right_to_left` is the paragraph direction (left to right for English and Spanish).
    """
    if not has_rtl(text):
        return text
    tools = _shaper()
    if tools is None:
        return text
    lines = text.split("\n")
    return "\n".join(
        tools.order(tools.reshape(line), right_to_left) if has_rtl(line) else line for line in lines
    )


def shape(text: str) -> str:
    """`text` with its Arabic letters in their joined forms, still in typed (logical) order.

    A letter's form depends only on its neighbours in the word, so shaping before a
    paragraph is broken into lines gives the forms it would have after.
    """
    tools = _shaper()
    if tools is None or not has_rtl(text):
        return text
    return tools.reshape(text)


def paragraph_levels(paragraph: str, *, right_to_left: bool = False) -> list[int] | None:
    """The level the bidi algorithm resolves for each character of one (shaped) paragraph.

    Resolved on the whole paragraph, before it is broken into lines (rules up to I2), as
    `drawn` needs them. None when it holds no right-to-left character (it is drawn as
    typed), and when the bidi library is missing or its report cannot be read.
    """
    tools = _shaper()
    if tools is None or not has_rtl(paragraph):
        return None
    report = tools.display(paragraph, base_dir=_base(right_to_left), debug=True)
    return levels_from_report(report, paragraph)


def drawn(
    line: str, levels: Sequence[int] | None, *, right_to_left: bool = False
) -> list[tuple[int, str]]:
    """One printed line of a shaped paragraph as reportlab must draw it, left to right.

    Each drawn character comes with its position in `line`, so that what was measured
    for it (its face) goes with it. `levels`: the line's share of `paragraph_levels` of
    its whole paragraph; the line is reordered on its own with them (rules L1, L2, L4),
    so a number opening a line inside an Arabic sentence stays in that sentence. None:
    the line is drawn as typed. Bidi controls are left out.
    """
    if levels is None:
        return [(i, char) for i, char in enumerate(line) if not _BIDI_CONTROLS.match(char)]
    if len(levels) != len(line):
        raise ValueError("one level per character")
    resolved = list(levels)
    # L1: whitespace and controls ending a line go back to the paragraph's level.
    end = len(line)
    while end and (line[end - 1].isspace() or _BIDI_CONTROLS.match(line[end - 1])):
        end -= 1
        resolved[end] = 1 if right_to_left else 0
    tools = _shaper()
    mirrored = tools.mirrored if tools is not None else {}
    return [
        (i, mirrored.get(line[i], line[i]) if resolved[i] % 2 else line[i])
        for i in visual_order(resolved)
        if not _BIDI_CONTROLS.match(line[i])
    ]


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


def reorder(line: str, levels: Sequence[int], mirrored: Mapping[str, str]) -> str:
    """`line` in visual order (rule L2), mirroring characters at right-to-left levels (L4)."""
    chars = [
        mirrored.get(char, char) if level % 2 else char
        for char, level in zip(line, levels, strict=True)
    ]
    return "".join(chars[k] for k in visual_order(levels))


def visual_order(levels: Sequence[int]) -> list[int]:
    """Rule L2: the positions of a line's characters, given their levels, in drawing order."""
    order = list(range(len(levels)))
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
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
    return order


class _Bidi:
    """The shaping and ordering libraries, imported."""

    __slots__ = ("display", "mirrored", "reshape")

    def __init__(
        self, reshape: Callable[[str], str], display: Display, mirrored: Mapping[str, str]
    ) -> None:
        self.reshape = reshape
        self.display = display
        self.mirrored = mirrored

    def order(self, line: str, right_to_left: bool) -> str:
        """A shaped line in visual order, as a paragraph of its own, controls dropped."""
        ordered = _ordered(self.display, line, _base(right_to_left), self.mirrored)
        return _BIDI_CONTROLS.sub("", ordered)


@functools.cache
def _shaper() -> _Bidi | None:
    """The shaping and ordering libraries, or None when one is missing."""
    try:
        from arabic_reshaper import ArabicReshaper
        from bidi import get_display
        from bidi.mirror import MIRRORED
    except ImportError:
        # No client text here: only that right-to-left lines will print unshaped.
        log.warning("arabic-reshaper or python-bidi missing: right-to-left text prints unshaped")
        return None
    reshaper = ArabicReshaper(configuration={"delete_harakat": False})
    return _Bidi(reshaper.reshape, get_display, MIRRORED)


def _base(right_to_left: bool) -> str:
    return "R" if right_to_left else "L"


def _ordered(display: Display, line: str, base: str, mirrored: Mapping[str, str]) -> str:
    if not any(char in mirrored for char in line):
        return display(line, base_dir=base)
    # Only the resolved levels tell which brackets sit in right-to-left runs.
    levels = levels_from_report(display(line, base_dir=base, debug=True), line)
    if levels is None:
        return display(line, base_dir=base)
    return reorder(line, levels, mirrored)
