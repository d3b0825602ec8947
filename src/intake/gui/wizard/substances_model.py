"""The substance-use rows of an intake as a table model: one row per substance.

Rows are plain dicts in the contract's shape (`substance`, `description`, `route`,
`frequency`, `days_since_last_use`); an unknown answer is a missing key. The page edits
a row through `set_answer`, and `rows_changed` tells it to write the draft.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from intake.gui.i18n import fill
from intake.gui.wizard import labels
from intake.gui.wizard.draft import compact

AnyIndex = QModelIndex | QPersistentModelIndex
COL_SUBSTANCE, COL_DESCRIPTION, COL_ROUTE, COL_FREQUENCY, COL_LAST_USE = range(5)
KEYS = ("substance", "description", "route", "frequency", "days_since_last_use")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's dict


class SubstanceTableModel(QAbstractTableModel):
    rows_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Substance"),
            self.tr("In the client's words"),
            self.tr("How taken"),
            self.tr("How often"),
            self.tr("Last use"),
        )

    # -- Qt's model interface ----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(KEYS):
            return self.headers()[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return dict(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, index.column())
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _text(self, row: Mapping[str, Any], column: int) -> str:
        value = row.get(KEYS[column])
        if column == COL_SUBSTANCE:
            return labels.label_of(labels.substances(), value) if value else self.tr("Not said")
        if column == COL_DESCRIPTION:
            return str(value or "")
        if column == COL_ROUTE:
            return labels.label_of(labels.routes(), value) if value else ""
        if column == COL_FREQUENCY:
            return labels.label_of(labels.frequencies(), value) if value else ""
        if value is None:
            return ""
        if value == 0:
            return self.tr("Today")
        if value == 1:
            return self.tr("Yesterday")
        return fill(self.tr("%1 days ago"), str(value))

    # -- the page's interface ----------------------------------------------------------

    def rows(self) -> list[dict[str, Any]]:
        """The rows as the intake holds them (unknown answers left out)."""
        return [compact(row) for row in self._rows]

    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(row) for row in rows if isinstance(row, Mapping)]
        self.endResetModel()

    def add_row(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append({})
        self.endInsertRows()
        self.rows_changed.emit()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.rows_changed.emit()

    def answer(self, row: int, key: str) -> Any:
        return self._rows[row].get(key) if 0 <= row < len(self._rows) else None

    def set_answer(self, row: int, key: str, value: Any) -> None:
        if not 0 <= row < len(self._rows) or self._rows[row].get(key) == value:
            return
        if value is None or value == "":
            self._rows[row].pop(key, None)
        else:
            self._rows[row][key] = value
        column = KEYS.index(key)
        self.dataChanged.emit(self.index(row, column), self.index(row, column))
        self.rows_changed.emit()
