"""A client's history: their finished intakes, newest first, and the referrals made at each.

The history is read off the UI thread (`records.client_history`); a reply for a client
no longer chosen is dropped.
"""

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake.gui.clients.models import (
    COL_INTAKE_GOALS,
    COL_REF_SERVICE,
    IntakeTableModel,
    ReferralTableModel,
)
from intake.gui.clients.tables import buddy, current_row, make_table, select_first
from intake.gui.errors import where
from intake.gui.i18n import fill
from intake.gui.summary_model import ROW_ROLE
from intake.gui.tasks import Task, run_task

if TYPE_CHECKING:
    from intake.records import ClientSummary, IntakeSummary
    from intake.store.db import Database

log = logging.getLogger(__name__)


class ClientHistoryView(QWidget):
    """The chosen client's name, their intakes, and the referrals of the intake chosen."""

    new_intake_for = Signal(str)  # the client's id: start a new intake for this client
    letters_for = Signal(str)  # an intake's id: print its letters and handouts
    loaded = Signal()  # the history shown is complete (tests and screen readers wait on it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client: ClientSummary | None = None
        self._generation = 0
        self._loading = False
        self._focus_when_loaded = False
        self.task: Task | None = None

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setAccessibleName(self.tr("Client chosen"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        self.intakes_model = IntakeTableModel(self)
        self.intakes = make_table(self.tr("Intakes"), self.intakes_model, stretch=COL_INTAKE_GOALS)
        self.referrals_model = ReferralTableModel(self)
        self.referrals = make_table(
            self.tr("Referrals made at this intake"), self.referrals_model, stretch=COL_REF_SERVICE
        )
        self.new_button = QPushButton(self.tr("New intake for this c&lient"))
        self.new_button.setToolTip(self.tr("Start a new intake for the client chosen"))
        self.new_button.clicked.connect(self._new_intake)
        self.letters_button = QPushButton(self.tr("Letters and hand&outs…"))
        self.letters_button.setToolTip(
            self.tr("Print or save the letters and the handout of the intake chosen")
        )
        self.letters_button.setEnabled(False)
        self.letters_button.clicked.connect(self._letters)

        self.intakes_label = buddy(self.tr("&Intakes:"), self.intakes)
        self.referrals_label = buddy(self.tr("Referrals &made at this intake:"), self.referrals)
        self._lay_out()
        self.intakes.selectionModel().selectionChanged.connect(self._intake_chosen)
        self.show_nobody()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.letters_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.intakes_label)
        layout.addWidget(self.intakes, 2)
        layout.addWidget(self.referrals_label)
        layout.addWidget(self.referrals, 3)
        layout.addStretch(0)  # keeps the title and a message at the top when no table shows

    # -- what is shown -------------------------------------------------------------------

    def show_nobody(self) -> None:
        self._generation += 1
        self._loading = self._focus_when_loaded = False
        self.client = None
        self.title.setText(self.tr("No client chosen"))
        self._show_intakes([])
        self._say(self.tr("Choose a client in the list to see their past intakes and referrals."))
        self.new_button.setEnabled(False)

    def load(self, database: "Database", client: "ClientSummary") -> Task:
        """Show `client` and read their history in the background."""
        from intake.records import client_history

        self._generation += 1
        generation = self._generation
        self._loading = True
        self.client = client
        self.title.setText(self.describe(client))
        self.new_button.setEnabled(True)
        self._show_intakes([])
        self._say(self.tr("Reading the history…"))
        self.task = run_task(
            self,
            lambda: client_history(database, client.id),
            lambda history: self._loaded(generation, history),
            lambda exc: self._failed(generation, exc),
        )
        return self.task

    def _loaded(self, generation: int, history: "list[IntakeSummary]") -> None:
        if generation != self._generation:
            return  # another client was chosen meanwhile
        self._loading = False
        self._show_intakes(history)
        if history:
            self._say("")
            select_first(self.intakes)
        else:
            self._say(self.tr("No finished intakes yet."))
        if self._focus_when_loaded:
            self.focus_history()
        self.loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = self._focus_when_loaded = False
        log.error("reading a history failed: %s\n%s", type(exc).__name__, where(exc.__traceback__))
        self._say(self.tr("The history could not be read. The details were written to the log."))
        self.loaded.emit()

    def _show_intakes(self, history: "list[IntakeSummary]") -> None:
        self.intakes_model.set_rows(history)
        self.referrals_model.set_rows([])
        has_rows = bool(history)
        for widget in (self.intakes, self.intakes_label, self.referrals, self.referrals_label):
            widget.setVisible(has_rows)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _intake_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        intake = current_row(self.intakes, ROW_ROLE)
        self.referrals_model.set_rows(list(intake.referrals) if intake is not None else [])
        self.letters_button.setEnabled(intake is not None)

    def _letters(self) -> None:
        intake = current_row(self.intakes, ROW_ROLE)
        if intake is not None:
            self.letters_for.emit(intake.id)

    def _new_intake(self) -> None:
        if self.client is not None:
            self.new_intake_for.emit(self.client.id)

    def describe(self, client: "ClientSummary") -> str:
        """ "Maria Lopez · born 1990-04-12", saying so when the name is an alias."""
        name = fill(self.tr("%1 (alias)"), client.name) if client.is_alias else client.name
        if client.date_of_birth is None:
            return name
        born = client.date_of_birth.isoformat()
        return fill(self.tr("%1 · born %2"), name, born)

    def focus_history(self) -> None:
        """Move the keyboard into the history (Enter on a client in the list), as soon as
        it is shown."""
        self._focus_when_loaded = self._loading
        if self._loading:
            return
        target = self.intakes if self.intakes_model.rowCount() else self.new_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)
