"""Laying a story out on pages: what reportlab's BaseDocTemplate does for these documents.

    Pager(canvas, Box(x, bottom, width, height), begin_page=draw_footer).lay_out(story)

reportlab's document template spends about a millisecond per letter on bookkeeping for
features letters do not use (page templates, frame actions, generated content, indexing
passes, a deep copy of the frame for every group kept together). This does the same
layout with the same rules, for the flowables letters are made of:

- each flowable goes below the one before; the gap between them is the larger of the
  first's space after and the second's space before, and none at the top of a page;
- a flowable that does not fit is split (a paragraph between lines, rows between rows)
  and the rest goes on the next page; one that cannot be split goes to the next page;
- a flowable with keepWithNext is kept together with the one after it;
- KeepTogether: a group that does not fit below what is already on the page starts a new
  page (a group taller than a page just flows);
- PageBreak starts a new page; CondPageBreak(h) does when less than h is left.

Anything else reportlab's template knows (frame breaks by name, page-template changes,
indenters, document actions) raises TypeError rather than being laid out differently.
"""

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak
from reportlab.platypus.doctemplate import ActionFlowable, LayoutError, NullActionFlowable
from reportlab.platypus.flowables import _ContainerSpace, _listWrapOn

_FUZZ = rl_config._FUZZ


@dataclass
class Box:
    """Where text goes on every page (reportlab's Frame, without padding)."""

    x: float
    bottom: float
    width: float
    height: float


class _Frame:
    """The part of the current page still free, and the spacing state at its top."""

    def __init__(self, box: Box) -> None:
        self.box = box
        self.y = box.bottom + box.height
        self.at_top = True
        self.space_after = 0.0  # of the flowable placed last

    def gap(self, flowable: Flowable) -> float:
        if self.at_top:
            return 0.0
        return max(flowable.getSpaceBefore() - self.space_after, 0.0)

    def room(self, flowable: Flowable) -> float:
        """The height left for `flowable`, below its gap."""
        return self.y - self.box.bottom - self.gap(flowable)

    def add(self, flowable: Flowable, canvas: Canvas) -> bool:
        """Draw `flowable` here if it fits (reportlab's Frame._add)."""
        gap = self.gap(flowable)
        room = self.y - self.box.bottom - gap
        if room <= 0:
            return False
        width, height = flowable.wrapOn(canvas, self.box.width, room)
        y = self.y - height - gap
        if y < self.box.bottom - _FUZZ:
            return False
        after = flowable.getSpaceAfter()
        flowable.drawOn(canvas, self.box.x, y, _sW=self.box.width - width)
        self._moved_to(y - after, after)
        return True

    def skip(self, flowable: Flowable) -> None:
        """Place a flowable of no height (it still resets the spacing, as in reportlab)."""
        self._moved_to(self.y - self.gap(flowable), 0.0)

    def _moved_to(self, y: float, space_after: float) -> None:
        self.space_after = space_after
        if y != self.y:
            self.at_top = False
        self.y = y


class Pager:
    """Lays stories out on pages of one frame, calling `begin_page` as each page starts."""

    def __init__(self, canvas: Canvas, box: Box, begin_page: Callable[[Canvas], None]) -> None:
        self.canvas = canvas
        self.box = box
        self.begin_page = begin_page
        self.frame: _Frame | None = None  # None between pages
        self.pages = 0
        self._placed = 0  # flowables on the current page
        self._empty = 0  # pages in a row with none

    def lay_out(self, story: Iterable[Flowable]) -> None:
        queue = deque(story)
        while queue:
            if self.frame is None:
                self._begin()
            _group_kept_with_next(queue)
            self._handle(queue.popleft(), queue)
        if self.frame is not None:
            self._end()

    def _handle(self, flowable: Flowable, queue: deque[Flowable]) -> None:
        frame = self.frame
        assert frame is not None
        if isinstance(flowable, PageBreak):
            self._end()
        elif isinstance(flowable, NullActionFlowable):
            pass
        elif isinstance(flowable, ActionFlowable) or hasattr(flowable, "frameAction"):
            raise TypeError(f"the letters' pager does not handle {type(flowable).__name__}")
        elif frame.room(flowable) <= 0:
            # A full page: reportlab neither places nor splits anything more on it.
            self._postpone(flowable, queue)
        elif isinstance(flowable, CondPageBreak):
            room = frame.room(flowable)
            frame.skip(flowable)
            if room < flowable.height:
                self._end()
        elif isinstance(flowable, KeepTogether):
            self._keep_together(flowable, frame, queue)
        elif frame.add(flowable, self.canvas):
            self._placed += 1
        else:
            self._split(flowable, frame, queue)

    def _split(self, flowable: Flowable, frame: _Frame, queue: deque[Flowable]) -> None:
        """reportlab's DocTemplate.handle_flowable, for a flowable that did not fit."""
        parts = flowable.splitOn(self.canvas, self.box.width, frame.room(flowable))
        if parts:
            first, rest = parts[0], parts[1:]
            if isinstance(first, (PageBreak, ActionFlowable)):
                queue.extendleft(reversed(parts))
                return
            if not frame.add(first, self.canvas):
                raise LayoutError(f"splitting error on page {self.pages}: {flowable!r:.60}")
            self._placed += 1
            queue.extendleft(reversed(rest))
            return
        self._postpone(flowable, queue)

    def _postpone(self, flowable: Flowable, queue: deque[Flowable]) -> None:
        """Carry `flowable` to the next page; a second time means it fits no page."""
        if getattr(flowable, "_postponed", False):
            raise LayoutError(f"{flowable!r:.60} is too large for page {self.pages}")
        flowable._postponed = True
        queue.appendleft(flowable)
        self._end()

    def _keep_together(self, group: KeepTogether, frame: _Frame, queue: deque[Flowable]) -> None:
        """KeepTogether.split and what the template does with its parts.

        A group that fits is placed from its first flowable on. One that does not starts a
        new page unless the page is still empty, and goes back in the queue (where its
        first flowable may be grouped with the next again).
        """
        content = list(group._content)
        height = _listWrapOn(content, self.box.width, None)[1]
        if height > frame.room(group):
            if not frame.at_top:
                self._end()
            queue.extendleft(reversed(content))
            return
        if not frame.add(content[0], self.canvas):
            raise LayoutError(f"splitting error on page {self.pages}: {group!r:.60}")
        self._placed += 1
        queue.extendleft(reversed(content[1:]))

    def _begin(self) -> None:
        self.pages += 1
        self.begin_page(self.canvas)
        self.frame = _Frame(self.box)
        self._placed = 0

    def _end(self) -> None:
        if self._placed == 0:
            # Pages in a row with nothing on them mean a flowable fits no page: stop, as
            # reportlab does, rather than make pages without end.
            self._empty += 1
            if self._empty >= _EMPTY_PAGES_ALLOWED:
                raise LayoutError("pages without content: a flowable is too large for a page")
        else:
            self._empty = 0
        self.canvas.showPage()
        self.frame = None


_EMPTY_PAGES_ALLOWED = 10  # reportlab's BaseDocTemplate._emptyPagesAllowed


def _group_kept_with_next(queue: deque[Flowable]) -> None:
    """reportlab's handle_keepWithNext: a run of keepWithNext flowables and the one after
    them become one KeepTogether at the front of the queue."""
    count = 0
    while count < len(queue) and queue[count].getKeepWithNext() and _may_keep(queue[count]):
        count += 1
    if not count:
        return
    if count < len(queue) and _may_keep(queue[count]):
        count += 1
    group = [queue.popleft() for _ in range(count)]
    for flowable in group[:-1]:
        flowable.__dict__["keepWithNext"] = 0
    queue.appendleft(KeepTogether(group))


def _may_keep(flowable: Flowable) -> bool:
    """reportlab's _ktAllow: what may go in a group kept together."""
    return not (isinstance(flowable, _ContainerSpace) or getattr(flowable, "locChanger", False))
