"""Lines to write on: the signature and date lines, and the return slip's blanks.

    SignatureLines(signature_label, date_label, width)
    BlankLines([received_by, signature, date, phone], width)

Each was a reportlab Table with rules below some cells; these draw the same geometry
(reportlab's default cell padding: 6 right, 3 top and bottom; rules 0.6 pt with round
caps) without a Table's per-cell bookkeeping. Labels are flowables (flow.text_flowable).
"""

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

RULE_WIDTH = 0.6
PAD_RIGHT = 6.0  # reportlab's default cell padding
PAD_TOP = 3.0
PAD_BOTTOM = 3.0
EMPTY_CELL = 12.0  # an empty Table cell still holds one line of the default 12 pt leading
_ROUND = 1


def _rule(flowable: Flowable, color: Color, lines: Sequence[tuple[float, float, float]]) -> None:
    canvas = flowable.canv
    canvas.saveState()
    canvas.setLineCap(_ROUND)
    canvas.setLineJoin(_ROUND)
    canvas.setStrokeColor(color)
    canvas.setLineWidth(RULE_WIDTH)
    for x0, x1, y in lines:
        canvas.line(x0, y, x1, y)
    canvas.restoreState()


class SignatureLines(Flowable):
    """A signature line and a date line side by side, each with its label below."""

    SHARES = (0.5, 0.08, 0.25)  # signature, gap, date: of the text width
    LINE_SPACE = 12 * mm  # room to sign above the lines

    def __init__(self, signature: Flowable, date: Flowable, width: float, color: Color):
        super().__init__()
        self.labels = (signature, date)
        self.columns = tuple(width * share for share in self.SHARES)
        self.color = color
        self._label_heights = (0.0, 0.0)
        self._label_row = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        signature, date = self.labels
        _, sig_h = signature.wrap(self.columns[0] - PAD_RIGHT, 72000)
        _, date_h = date.wrap(self.columns[2] - PAD_RIGHT, 72000)
        self._label_heights = (sig_h, date_h)
        self._label_row = max(sig_h, date_h, EMPTY_CELL) + PAD_TOP + PAD_BOTTOM
        self.width = sum(self.columns)
        self.height = self.LINE_SPACE + self._label_row
        return self.width, self.height

    def draw(self) -> None:
        row = self._label_row
        date_x = self.columns[0] + self.columns[1]
        for label, x, height in zip(self.labels, (0.0, date_x), self._label_heights, strict=True):
            label.drawOn(self.canv, x, row - PAD_TOP - height)
        _rule(
            self,
            self.color,
            [(0.0, self.columns[0], row), (date_x, date_x + self.columns[2], row)],
        )


class BlankLines(Flowable):
    """Rows of a label on the left and a line to fill in on the right."""

    LABEL_SHARE = 0.3
    ROW_HEIGHT = 9 * mm

    def __init__(self, labels: Sequence[Flowable], width: float, color: Color):
        super().__init__()
        self.labels = list(labels)
        self.total_width = width
        self.color = color
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        label_width = self.total_width * self.LABEL_SHARE - PAD_RIGHT
        self._heights = [label.wrap(label_width, 72000)[1] for label in self.labels]
        self.width = self.total_width
        self.height = self.ROW_HEIGHT * len(self.labels)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fit = int(availHeight // self.ROW_HEIGHT)
        if fit <= 0:
            return []
        if fit >= len(self.labels):
            return [self]
        return [
            BlankLines(self.labels[:fit], self.total_width, self.color),
            BlankLines(self.labels[fit:], self.total_width, self.color),
        ]

    def draw(self) -> None:
        x0 = self.total_width * self.LABEL_SHARE
        bottoms = [self.height - (n + 1) * self.ROW_HEIGHT for n in range(len(self.labels))]
        for label, bottom in zip(self.labels, bottoms, strict=True):
            label.drawOn(self.canv, 0.0, bottom + PAD_BOTTOM)  # set on the row's foot
        _rule(self, self.color, [(x0, self.total_width, bottom) for bottom in bottoms])
