"""The services table: columns share its width by weight until the user resizes one."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from intake.gui.directory_model import (
    COL_LANGUAGES,
    COL_ORGANIZATION,
    COL_PATHWAYS,
    COL_PHONE,
    COL_SERVICE,
    COL_TYPES,
)

# How the width is shared; the Phone column gets what a number like _PHONE_SAMPLE needs.
WEIGHTS = {
    COL_SERVICE: 40,
    COL_ORGANIZATION: 18,
    COL_PATHWAYS: 16,
    COL_TYPES: 22,
    COL_LANGUAGES: 11,
}
_PHONE_SAMPLE = "+1 406-555-0100"


class ServiceTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Services"))
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(6 * self.fontMetrics().averageCharWidth())
        header.sectionResized.connect(self._section_resized)
        self._fitting = False
        self.user_sized = False  # once the user drags a column, the widths are theirs

    def fit_columns(self) -> None:
        """Share the visible width among the columns by weight, each as wide as its title
        when there is room; long text is elided and shown whole in its tooltip."""
        model = self.model()
        if model is None:
            return
        header = self.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        phone = self.fontMetrics().horizontalAdvance(_PHONE_SAMPLE) + 2 * char
        available = max(self.viewport().width() - phone, 0)
        least = {column: self._title_width(column) + 3 * char for column in WEIGHTS}
        if sum(least.values()) > available:  # narrow: titles elide too
            least = dict.fromkeys(WEIGHTS, header.minimumSectionSize())
        widths = _share(available, WEIGHTS, least)
        self._fitting = True
        try:
            for column, width in widths.items():
                header.resizeSection(column, width)
            header.resizeSection(COL_PHONE, phone)
        finally:
            self._fitting = False

    def _title_width(self, column: int) -> int:
        bold = QFont(self.horizontalHeader().font())
        bold.setBold(True)  # most styles draw titles in bold
        title = str(self.model().headerData(column, Qt.Orientation.Horizontal))
        return QFontMetrics(bold).horizontalAdvance(title)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.user_sized:
            self.fit_columns()

    def _section_resized(self, _column: int, _old: int, _new: int) -> None:
        if not self._fitting:
            self.user_sized = True


def _share(available: int, weights: dict[int, int], least: dict[int, int]) -> dict[int, int]:
    """Split `available` by weight, no column below its least width."""
    widths: dict[int, int] = {}
    while True:
        free = {c: w for c, w in weights.items() if c not in widths}
        room = available - sum(widths.values())
        share = room / max(sum(free.values()), 1)
        short = {c for c, w in free.items() if w * share < least[c]}
        if not short:
            return widths | {c: int(w * share) for c, w in free.items()}
        widths |= {c: least[c] for c in short}
