"""Page 3: substance use, one row per substance.

A table lists the rows; the form under it edits the selected row (substance, the
client's words, how it is taken, how often, days since last use). Add and Remove are
buttons with mnemonics; Delete removes the selected row. Rows left empty are not
answers and are not written to the draft.
"""

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from intake.gui.i18n import fill
from intake.gui.wizard import labels
from intake.gui.wizard.page_base import IntakePage
from intake.gui.wizard.substances_model import SubstanceTableModel
from intake.gui.wizard.widgets import ChoiceBox, FieldError
from intake.problems import Problem

NOT_KNOWN = -1  # the days box's "not known"


class SubstancesPage(IntakePage):
    OWNS = ("substances",)

    def build(self) -> None:
        self.setTitle(self.tr("Substance use"))
        self.setSubTitle(
            self.tr(
                "One row for each substance the client uses now or used before. "
                "Leave out anything the client would rather not say."
            )
        )
        self.model = SubstanceTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Substances"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setCornerButtonEnabled(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(self.fontMetrics().height() * 6)
        self.table.installEventFilter(self)
        table_label = QLabel(self.tr("S&ubstances"))
        table_label.setBuddy(self.table)

        self.add_button = QPushButton(self.tr("&Add a substance"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected substance"))
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.rows_error = FieldError()
        self.bind("substances", self.table, self.rows_error)

        self.detail = QGroupBox(self.tr("The selected substance"))
        form = self.form()
        self.detail.setLayout(form)
        self.substance = ChoiceBox(labels.substances(), self.tr("Not said"))
        self.add_field(form, self.tr("&Substance"), self.substance)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr('e.g. "fentanyl", "pain pills", "kratom"'))
        self.description.setMaxLength(200)
        self.add_field(form, self.tr("In the client's &words"), self.description)
        self.route = ChoiceBox(labels.routes(), self.tr("Not asked"))
        self.add_field(form, self.tr("How &taken"), self.route)
        self.frequency = ChoiceBox(labels.frequencies(), self.tr("Not asked"))
        self.add_field(form, self.tr("How &often"), self.frequency)
        self.days = QSpinBox()
        self.days.setRange(NOT_KNOWN, 36_500)
        self.days.setSpecialValueText(self.tr("Not known"))
        self.days.setSuffix(self.tr(" days ago"))
        self.add_field(
            form,
            self.tr("&Last use (0 = today)"),
            self.days,
            accessible_name=self.tr("Days since last use, 0 for today"),
        )

        layout = QVBoxLayout(self.body)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.rows_error)
        layout.addWidget(self.detail)

        self.model.rows_changed.connect(self._rows_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_row())
        self.substance.chosen.connect(lambda code: self._answer("substance", code))
        self.description.textEdited.connect(lambda text: self._answer("description", text))
        self.route.chosen.connect(lambda code: self._answer("route", code))
        self.frequency.chosen.connect(lambda code: self._answer("frequency", code))
        self.days.valueChanged.connect(
            lambda days: self._answer("days_since_last_use", None if days == NOT_KNOWN else days)
        )
        self._showing_row = False
        self._written_rows: list[int] = []  # model row of each row written to the draft

    # -- showing the draft ---------------------------------------------------------------

    def load(self) -> None:
        self.model.set_rows(self.draft.get("substances") or [])
        self._written_rows = list(range(self.model.rowCount()))
        if self.model.rowCount():
            self._select(0)
        self._show_row()

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)

    def current_row(self) -> int:
        return self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1

    def _show_row(self) -> None:
        """Show the selected row in the form (without writing it back)."""
        row = self.current_row()
        self._showing_row = True
        try:
            self.substance.set_value(self.model.answer(row, "substance"))
            self.description.setText(self.model.answer(row, "description") or "")
            self.route.set_value(self.model.answer(row, "route"))
            self.frequency.set_value(self.model.answer(row, "frequency"))
            days = self.model.answer(row, "days_since_last_use")
            self.days.setValue(days if isinstance(days, int) else NOT_KNOWN)
        finally:
            self._showing_row = False
        self.detail.setEnabled(row >= 0)
        self.remove_button.setEnabled(row >= 0)

    # -- changes -------------------------------------------------------------------------

    def add_row(self) -> None:
        row = self.model.add_row()
        self._select(row)
        self.substance.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_row(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.model.remove_row(row)
        if self.model.rowCount():
            self._select(min(row, self.model.rowCount() - 1))
        self._show_row()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _answer(self, key: str, value: Any) -> None:
        if self._showing_row or self.loading:
            return
        row = self.current_row()
        if row < 0:
            row = self.model.add_row()  # typing into the form with no row starts one
            self._select(row)
        self.model.set_answer(row, key, value)

    def _rows_changed(self) -> None:
        rows = self.model.rows()
        self._written_rows = [number for number, row in enumerate(rows) if row]
        self.write("substances", [rows[number] for number in self._written_rows])

    # -- problems name draft rows; the table counts its own ------------------------------

    def message_for(self, problem: Problem, binding: Any) -> str:
        text = super().message_for(problem, binding)
        field = problem.field or ""
        if field.startswith("substances[") and "]" in field:
            position = int(field[len("substances[") : field.index("]")])
            if position < len(self._written_rows):
                row = self._written_rows[position] + 1
                return fill(self.tr("Row %1: %2"), row, text)
        return text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
        ):
            self.remove_row()
            return True
        return super().eventFilter(watched, event)
