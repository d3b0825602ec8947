"""Table views as the clients tab uses them: whole rows, read-only, Tab leaves the table."""

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget


def make_table(
    accessible_name: str, model: QAbstractItemModel, *, stretch: int, sortable: bool = False
) -> QTableView:
    """Column `stretch` takes the spare width; the others are as wide as their contents."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSortingEnabled(sortable)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setMaximumSectionSize(40 * table.fontMetrics().averageCharWidth())
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic (the letter after &) moves the focus to `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def current_row(table: QTableView, role: int) -> object:
    """The summary object of the table's selected row, or None."""
    rows = table.selectionModel().selectedRows()
    return rows[0].data(role) if rows else None


def select_first(table: QTableView) -> None:
    model = table.model()
    if model is not None and model.rowCount() > 0:
        table.setCurrentIndex(model.index(0, 0))
        table.selectRow(0)
