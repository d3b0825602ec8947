"""The Clients tab: "Opening the records…" until the records are open, then the finder.

The finder (search, the client list, drafts, a client's history: `clients.finder`) is
built when the records open, not with the window. Nothing in it can be used before then,
and the window shows sooner without its widgets and the modules behind them
(`benchmarks/bench_startup.py`). The tab's signals are the finder's, passed on, so the
main window can connect to them from the start.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from intake.gui.clients.finder import ClientFinder
    from intake.store.db import Database


class ClientsPage(QWidget):
    new_intake = Signal(object)  # the id of the client it is for, or None for a new client
    resume_draft = Signal(str)  # the draft's id
    letters_for = Signal(str)  # a stored intake's id: its letters and handouts
    searched = Signal()  # the list now shows the answer to the latest search
    drafts_listed = Signal()  # the drafts list is up to date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finder: ClientFinder | None = None
        self.waiting = QLabel(self.tr("Opening the records…"))
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.waiting)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def set_database(self, database: "Database") -> None:
        """The records are open: show the finder, listing the most recent clients and drafts."""
        if self.finder is None:
            self.finder = self._build_finder(database)
            self.finder.refresh()
        else:
            self.finder.set_database(database)
        self.stack.setCurrentWidget(self.finder)

    def show_unavailable(self, text: str) -> None:
        """The records could not be opened: say why, in place of the finder."""
        self.waiting.setText(text)
        self.stack.setCurrentWidget(self.waiting)

    def refresh(self) -> None:
        """Search again and list the drafts again (after an intake was finished or kept)."""
        if self.finder is not None:
            self.finder.refresh()

    def focus_search(self, reason: Qt.FocusReason, *, select_all: bool = False) -> None:
        """Put the cursor in the search field, once there is one."""
        if self.finder is not None:
            self.finder.search.setFocus(reason)
            if select_all:
                self.finder.search.selectAll()

    def _build_finder(self, database: "Database") -> "ClientFinder":
        from intake.gui.clients.finder import ClientFinder  # see the module's docstring

        finder = ClientFinder(database)
        for mine, its in (
            (self.new_intake, finder.new_intake),
            (self.resume_draft, finder.resume_draft),
            (self.letters_for, finder.letters_for),
            (self.searched, finder.searched),
            (self.drafts_listed, finder.drafts_listed),
        ):
            its.connect(mine)
        self.stack.addWidget(finder)
        self.setFocusProxy(finder)
        return finder
