"""Opening the intake wizard: one at a time, beside the main window, never blocking it.

The wizard (and the rules and models it loads) is imported only when first opened, so
none of it is on the path to the first window.
"""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

if TYPE_CHECKING:
    from intake.directory.snapshot import DirectorySnapshot
    from intake.store.db import Database


class IntakeLauncher(QObject):
    finished_intake = Signal(str)  # the stored intake's id
    letters_requested = Signal(str)  # after Finish: the stored intake's letters, please
    closed = Signal()  # the wizard closed, finished or not (a draft may have been kept)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._wizard: QWidget | None = None

    @staticmethod
    def wizard_class() -> Any:
        """The wizard to open (tests put a stand-in here)."""
        from intake.gui.wizard import IntakeWizard

        return IntakeWizard

    @property
    def wizard(self) -> QWidget | None:
        """The wizard open now, if any."""
        if self._wizard is not None and not isValid(self._wizard):
            self._wizard = None
        return self._wizard

    def open(
        self,
        database: "Database",
        snapshot: "DirectorySnapshot",
        *,
        counselor: str | None,
        draft_id: str | None = None,
        client_id: str | None = None,
    ) -> QWidget | None:
        """Open the wizard; None (and the open one raised) if one is open already."""
        if self.wizard is not None:
            self.wizard.raise_()
            self.wizard.activateWindow()
            return None
        wizard = self.wizard_class()(
            database,
            snapshot,
            counselor=counselor or None,
            draft_id=draft_id,
            client_id=client_id,
            parent=self._window,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished_intake.connect(self.finished_intake)
        wizard.letters_requested.connect(self.letters_requested)
        wizard.finished.connect(self._closed)  # QDialog.finished: Finish, Cancel or close
        self._wizard = wizard
        wizard.show()
        return wizard

    def _closed(self, _result: int) -> None:
        self._wizard = None
        self.closed.emit()

    def close_wizard(self) -> bool:
        """Close the open wizard (it may ask what to do with its draft); False if it stays."""
        wizard = self.wizard
        if wizard is None:
            return True
        return wizard.close()
