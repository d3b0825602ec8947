"""Finding a client on open records: search, the client list, drafts, a client's history.

Searching runs `records.find_clients` off the UI thread a moment after the last
keystroke; a reply to an older search is dropped. The finder asks for intakes through
signals; the main window opens the wizard. It is built once the records are open
(`ClientsPage`), so it always has a database; `refresh()` lists the clients and drafts.
"""

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intake.gui.clients.history import ClientHistoryView
from intake.gui.clients.models import (
    COL_DRAFT_CLIENT,
    COL_LAST_SEEN,
    COL_NAME,
    ClientTableModel,
    DraftTableModel,
    SortProxy,
)
from intake.gui.clients.tables import buddy, current_row, make_table
from intake.gui.errors import where
from intake.gui.i18n import fill
from intake.gui.summary_model import ROW_ROLE
from intake.gui.tasks import Task, run_task

if TYPE_CHECKING:
    from intake.records import ClientSummary, DraftSummary
    from intake.store.db import Database

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150  # after the last keystroke
HISTORY_DELAY_MS = 80  # after the selection stops moving
SEARCH_LIMIT = 200


class ClientFinder(QWidget):
    new_intake = Signal(object)  # the id of the client it is for, or None for a new client
    resume_draft = Signal(str)  # the draft's id
    letters_for = Signal(str)  # a stored intake's id: its letters and handouts
    searched = Signal()  # the list now shows the answer to the latest search
    drafts_listed = Signal()  # the drafts list is up to date

    def __init__(self, database: "Database", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._search_generation = 0
        self.search_task: Task | None = None
        self.drafts_task: Task | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, alias or date of birth (1990-04-12)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search clients"))
        self.search.setToolTip(
            self.tr("Type part of a name or alias, a year of birth, or a date like 4/12/1990")
        )
        self.new_button = QPushButton(self.tr("&New intake"))
        self.new_button.setToolTip(self.tr("Start an intake for a new client (Ctrl+N)"))

        self.model = ClientTableModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self.tr("Clients"), self.proxy, stretch=COL_NAME, sortable=True)
        self.table.sortByColumn(COL_LAST_SEEN, Qt.SortOrder.DescendingOrder)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of clients shown"))

        self.drafts_model = DraftTableModel(self)
        self.drafts = make_table(
            self.tr("Unfinished intakes"), self.drafts_model, stretch=COL_DRAFT_CLIENT
        )
        self.resume_button = QPushButton(self.tr("&Resume draft"))
        self.discard_button = QPushButton(self.tr("Disc&ard draft…"))

        self.history = ClientHistoryView()

        self._search_timer = _single_shot(self, SEARCH_DELAY_MS, self._run_search)
        self._history_timer = _single_shot(self, HISTORY_DELAY_MS, self._load_history)
        self._lay_out()
        self._connect()
        self._update_buttons()

    # -- building ------------------------------------------------------------------------

    def _lay_out(self) -> None:
        search_row = QHBoxLayout()
        search_row.addWidget(buddy(self.tr("&Search:"), self.search))
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.new_button)

        self.drafts_box = QWidget()
        drafts_layout = QVBoxLayout(self.drafts_box)
        drafts_layout.setContentsMargins(0, 0, 0, 0)
        drafts_layout.addWidget(buddy(self.tr("&Unfinished intakes (drafts):"), self.drafts))
        drafts_layout.addWidget(self.drafts, 1)
        draft_buttons = QHBoxLayout()
        draft_buttons.addWidget(self.resume_button)
        draft_buttons.addWidget(self.discard_button)
        draft_buttons.addStretch()
        drafts_layout.addLayout(draft_buttons)
        self.drafts_box.hide()

        clients_box = QWidget()
        clients_layout = QVBoxLayout(clients_box)
        clients_layout.setContentsMargins(0, 0, 0, 0)
        clients_layout.addWidget(buddy(self.tr("Cli&ents:"), self.table))
        clients_layout.addWidget(self.table, 1)
        clients_layout.addWidget(self.count)

        left_split = QSplitter(Qt.Orientation.Vertical)
        left_split.setChildrenCollapsible(False)
        left_split.addWidget(clients_box)
        left_split.addWidget(self.drafts_box)
        left_split.setStretchFactor(0, 3)
        left_split.setStretchFactor(1, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(search_row)
        left_layout.addWidget(left_split, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.history)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setFocusProxy(self.search)
        QWidget.setTabOrder(self.search, self.new_button)
        QWidget.setTabOrder(self.new_button, self.table)
        QWidget.setTabOrder(self.table, self.drafts)
        QWidget.setTabOrder(self.drafts, self.resume_button)
        QWidget.setTabOrder(self.resume_button, self.discard_button)
        QWidget.setTabOrder(self.discard_button, self.history.new_button)
        QWidget.setTabOrder(self.history.new_button, self.history.intakes)
        QWidget.setTabOrder(self.history.intakes, self.history.referrals)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._focus_table)
        self.new_button.clicked.connect(lambda: self.new_intake.emit(None))
        self.table.selectionModel().selectionChanged.connect(self._client_selection_changed)
        self.table.activated.connect(self._client_activated)
        self.drafts.selectionModel().selectionChanged.connect(self._update_buttons)
        self.drafts.activated.connect(lambda _index: self._resume_chosen())
        self.resume_button.clicked.connect(self._resume_chosen)
        self.discard_button.clicked.connect(self._discard_chosen)
        self.history.new_intake_for.connect(self.new_intake.emit)
        self.history.letters_for.connect(self.letters_for.emit)
        self.proxy.modelReset.connect(self._update_count)

    # -- data ----------------------------------------------------------------------------

    def set_database(self, database: "Database") -> None:
        """The records were opened again: list the clients and the drafts from there."""
        self.database = database
        self.refresh()

    def refresh(self) -> None:
        """Search again and list the drafts again (after an intake was finished or kept)."""
        self._run_search()
        self.refresh_drafts()

    def chosen_client(self) -> "ClientSummary | None":
        return current_row(self.table, ROW_ROLE)  # type: ignore[return-value]

    def chosen_draft(self) -> "DraftSummary | None":
        return current_row(self.drafts, ROW_ROLE)  # type: ignore[return-value]

    # -- searching -----------------------------------------------------------------------

    def _run_search(self) -> Task:
        from intake.records import find_clients

        self._search_timer.stop()
        database = self.database
        self._search_generation += 1
        generation = self._search_generation
        text = self.search.text()
        self.search_task = run_task(
            self,
            lambda: find_clients(database, text, limit=SEARCH_LIMIT),
            lambda found: self._found(generation, found),
            lambda exc: self._search_failed(generation, exc),
        )
        return self.search_task

    def _found(self, generation: int, found: "list[ClientSummary]") -> None:
        if generation != self._search_generation:
            return  # a newer search is on its way: this one is stale
        chosen = self.chosen_client()
        self.model.set_rows(found)
        self._reselect(chosen.id if chosen is not None else None)
        self.searched.emit()

    def _search_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._search_generation:
            return
        log.error("searching clients failed: %s\n%s", type(exc).__name__, where(exc.__traceback__))
        self.model.set_rows([])
        self.count.setText(self.tr("The search failed. The details were written to the log."))
        self.searched.emit()

    def _reselect(self, client_id: str | None) -> None:
        """Keep the client chosen before a refresh, if still listed; else the history is cleared."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if client_id is not None and index.data(ROW_ROLE).id == client_id:
                self.table.setCurrentIndex(index)
                self.table.selectRow(row)
                self._history_timer.start()
                return
        self.history.show_nobody()

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        if shown == 0 and not self.search.text().strip():
            self.count.setText(self.tr("No clients yet. Start with New intake."))
        elif shown == 0:
            self.count.setText(self.tr("No client matches the search."))
        elif shown >= SEARCH_LIMIT:
            self.count.setText(
                fill(self.tr("The %1 most recent matches are shown. Type more to narrow."), shown)
            )
        else:
            text = self.tr("%1 client") if shown == 1 else self.tr("%1 clients")
            self.count.setText(fill(text, shown))

    def _focus_table(self) -> None:
        if self.proxy.rowCount() == 0:
            return
        if self.chosen_client() is None:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- a client's history --------------------------------------------------------------

    def _client_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        if self.chosen_client() is None:
            self._history_timer.stop()
            self.history.show_nobody()
        else:
            self._history_timer.start()

    def _load_history(self) -> None:
        client = self.chosen_client()
        if client is not None:
            self.history.load(self.database, client)

    def _client_activated(self, _index: QModelIndex) -> None:
        """Enter (or a double click) on a client: show their history and move there."""
        self._history_timer.stop()
        self._load_history()
        self.history.focus_history()

    # -- drafts --------------------------------------------------------------------------

    def refresh_drafts(self) -> Task:
        from intake.records import list_drafts

        database = self.database
        self.drafts_task = run_task(
            self, lambda: list_drafts(database), self._drafts_listed, self._drafts_failed
        )
        return self.drafts_task

    def _drafts_listed(self, drafts: "list[DraftSummary]") -> None:
        chosen = self.chosen_draft()
        self.drafts_model.set_rows(drafts)
        self.drafts_box.setVisible(bool(drafts))
        ids = [d.id for d in drafts]
        if chosen is not None and chosen.id in ids:
            self.drafts.selectRow(ids.index(chosen.id))
        elif drafts:
            self.drafts.selectRow(0)
        self._update_buttons()
        self.drafts_listed.emit()

    def _drafts_failed(self, exc: BaseException) -> None:
        log.error("listing drafts failed: %s\n%s", type(exc).__name__, where(exc.__traceback__))
        self.drafts_listed.emit()

    def _resume_chosen(self) -> None:
        draft = self.chosen_draft()
        if draft is not None:
            self.resume_draft.emit(draft.id)

    def _discard_chosen(self) -> None:
        from intake.records import discard_draft

        draft, database = self.chosen_draft(), self.database
        if draft is None:
            return
        if not self.ask_discard(self, draft.client_name):
            return
        self.drafts_task = run_task(
            self,
            lambda: discard_draft(database, draft.id),
            lambda _gone: self.refresh_drafts(),
            self._drafts_failed,
        )

    @staticmethod
    def ask_discard(parent: QWidget, client_name: str) -> bool:
        """Confirm deleting a draft and its answers (a static call that tests replace)."""
        title = QCoreApplication.translate("ClientFinder", "Discard the unfinished intake?")
        if client_name:
            text = fill(
                QCoreApplication.translate(
                    "ClientFinder", "The answers entered for %1 will be deleted."
                ),
                client_name,
            )
        else:
            text = QCoreApplication.translate(
                "ClientFinder", "The answers entered in this intake will be deleted."
            )
        from PySide6.QtWidgets import QMessageBox  # only when asked: not needed to start

        buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(
            parent, title, text, buttons, QMessageBox.StandardButton.Cancel
        )
        return answer == QMessageBox.StandardButton.Discard

    def _update_buttons(self) -> None:
        has_draft = self.chosen_draft() is not None
        self.resume_button.setEnabled(has_draft)
        self.discard_button.setEnabled(has_draft)


def _single_shot(parent: QWidget, interval_ms: int, slot: object) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
