"""The letters' pager places flowables where reportlab's document template does."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.doctemplate import FrameBreak, LayoutError

from intake.letters.pager import Box, Pager

PAGE = (300.0, 420.0)
BOX = Box(x=20, bottom=30, width=260, height=360)
Log = list[tuple[Any, ...]]


class Spy(Flowable):
    """A block of `lines` equal lines that logs where it is drawn; splits between lines."""

    def __init__(self, name: str, line: float, lines: int, before: float, after: float,
                 keep: bool, log: Log) -> None:  # fmt: skip
        super().__init__()
        self.name, self.line, self.lines, self.log = name, line, lines, log
        self.spaceBefore, self.spaceAfter, self.keepWithNext = before, after, int(keep)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth / 2, self.line * self.lines
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fit = int(availHeight // self.line)
        if self.lines < 2 or fit < 1:
            return []
        if fit >= self.lines:
            return [self]
        parts = [(f"{self.name}a", fit), (f"{self.name}b", self.lines - fit)]
        return [Spy(name, self.line, n, self.spaceBefore, self.spaceAfter, bool(self.keepWithNext),
                    self.log) for name, n in parts]  # fmt: skip

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self.log.append((self.name, self.canv.getPageNumber(), round(x, 4), round(y, 4)))


Spec = tuple[Any, ...]
_block = st.tuples(
    st.just("block"),
    st.sampled_from([6.0, 13.0, 25.0, 60.0, 110.0]),  # line height
    st.integers(1, 6),  # lines
    st.sampled_from([0.0, 3.5, 9.0]),  # space before
    st.sampled_from([0.0, 3.5, 12.0]),  # space after
    st.booleans(),  # keep with next
)
_item = st.one_of(
    _block,
    _block,
    _block,
    st.tuples(st.just("keep"), st.lists(_block, min_size=1, max_size=4)),
    st.tuples(st.just("cond"), st.sampled_from([40.0, 120.0])),
    st.tuples(st.just("spacer"), st.sampled_from([5.0, 30.0])),
    st.tuples(st.just("pagebreak")),
)


def _story(specs: list[Spec], log: Log) -> list[Flowable]:
    count = iter(range(10_000))

    def block(spec: Spec) -> Flowable:
        _, line, lines, before, after, keep = spec
        if keep and line * lines > 200:  # a kept block taller than a page loops reportlab too
            keep = False
        return Spy(f"f{next(count)}", line, lines, before, after, keep, log)

    story: list[Flowable] = []
    for spec in specs:
        if spec[0] == "block":
            story.append(block(spec))
        elif spec[0] == "keep":
            story.append(KeepTogether([block(inner) for inner in spec[1]]))
        elif spec[0] == "cond":
            story.append(CondPageBreak(spec[1]))
        elif spec[0] == "spacer":
            story.append(Spacer(1, spec[1]))
        else:
            story.append(PageBreak())
    return story


def _page_logger(log: Log) -> Callable[[Canvas], None]:
    def begin(canvas: Canvas) -> None:
        log.append(("page", canvas.getPageNumber()))

    return begin


def _reportlab(specs: list[Spec]) -> Log:
    log: Log = []
    doc = BaseDocTemplate(io.BytesIO(), pagesize=PAGE)
    frame = Frame(BOX.x, BOX.bottom, BOX.width, BOX.height, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)  # fmt: skip
    begin = _page_logger(log)
    doc.addPageTemplates([PageTemplate(frames=[frame], onPage=lambda c, _d: begin(c))])
    doc.build(_story(specs, log))
    return log


def _pager(specs: list[Spec]) -> Log:
    log: Log = []
    canvas = Canvas(io.BytesIO(), pagesize=PAGE)
    Pager(canvas, BOX, _page_logger(log)).lay_out(_story(specs, log))
    canvas.save()
    return log


@settings(max_examples=250, deadline=None)
@given(st.lists(_item, min_size=1, max_size=25))
def test_the_pager_places_every_flowable_where_reportlab_does(specs: list[Spec]) -> None:
    try:
        expected = _reportlab(specs)
    except LayoutError:
        with pytest.raises(LayoutError):
            _pager(specs)
        return
    assert _pager(specs) == expected


def test_a_group_kept_together_starts_a_new_page_when_it_does_not_fit() -> None:
    specs: list[Spec] = [("block", 100.0, 3, 0.0, 0.0, False),
                         ("keep", [("block", 25.0, 2, 0.0, 0.0, False)] * 3)]  # fmt: skip
    log = _pager(specs)
    assert [entry[:2] for entry in log if entry[0] != "page"] == [
        ("f0", 1), ("f1", 2), ("f2", 2), ("f3", 2)]  # fmt: skip


def test_a_heading_stays_with_what_follows_it() -> None:
    specs: list[Spec] = [("block", 110.0, 3, 0.0, 0.0, False), ("block", 13.0, 1, 9.0, 3.5, True),
                         ("block", 25.0, 2, 3.5, 3.5, False)]  # fmt: skip
    drawn = {entry[0]: entry[1] for entry in _pager(specs) if entry[0] != "page"}
    assert drawn["f1"] == drawn["f2"] == 2 and drawn["f0"] == 1


def test_unknown_document_actions_are_refused() -> None:
    with pytest.raises(TypeError, match="FrameBreak"):
        Pager(Canvas(io.BytesIO()), BOX, lambda _c: None).lay_out([FrameBreak()])
