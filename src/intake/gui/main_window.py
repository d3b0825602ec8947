"""The main window: tabs for the app's pages (the Directory for now), menus and a status bar."""

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from intake import __version__
from intake.gui import loading
from intake.gui.directory_import import DirectoryImport
from intake.gui.directory_page import LOADING, DirectoryPage
from intake.gui.errors import where
from intake.gui.tasks import Task, run_task
from intake.problems import InputError

if TYPE_CHECKING:
    from intake.store.db import Database

log = logging.getLogger(__name__)

ABOUT = (
    f"<p><b>intake</b> {__version__}</p>"
    "<p>Intake and referral assistant for substance-use and harm-reduction programs.</p>"
    "<p>Service directories are read and written as Open Referral HSDS 3.0.</p>"
    "<p>Free software under the GNU General Public License, version 3 or later.</p>"
)
DEMO_NOTE = "Demo directory: sample listings, not real services"


class MainWindow(QMainWindow):
    def __init__(self, database_url: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("intake")
        self._database_url = database_url
        self.database: Database | None = None
        self.loaded: loading.LoadedDirectory | None = None

        self.directory_page = DirectoryPage()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.directory_page, "&Directory")
        self.setCentralWidget(self.tabs)

        self.importer = DirectoryImport(self)
        self.importer.imported.connect(self._show_directory)
        self.importer.message.connect(self._status_message)
        self.importer.running_changed.connect(self._update_actions)
        self._make_menus()

        self.directory_status = QLabel()
        self.statusBar().addPermanentWidget(self.directory_status)
        self._size_to_screen()

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = QAction("&Import directory…", self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setStatusTip("Import services from an Open Referral HSDS 3.0 file")
        self.import_action.setEnabled(False)
        self.import_action.triggered.connect(self._import_directory)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        help_menu = self.menuBar().addMenu("&Help")
        about_action = QAction("&About intake", self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def _size_to_screen(self) -> None:
        """1200×760, or 90% of a smaller screen."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1200, 760)
            return
        available = screen.availableGeometry()
        self.resize(
            min(1200, int(available.width() * 0.9)), min(760, int(available.height() * 0.9))
        )

    # -- loading -------------------------------------------------------------------------

    def start_loading(self) -> Task:
        """Open the database and read the directory in the background."""
        self.directory_page.show_message(LOADING)
        self._status_message(LOADING)
        url = self._database_url
        return run_task(self, lambda: loading.open_and_load(url), self._loaded, self._load_failed)

    def _loaded(self, loaded: loading.LoadedDirectory) -> None:
        if self.database is not None and self.database is not loaded.database:
            self.database.dispose()
        self.database = loaded.database
        self._show_directory(loaded)
        self.statusBar().clearMessage()
        if loaded.demo_just_loaded:
            self._status_message("The demo directory was loaded. Use File > Import directory…")

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, loading.OpenFailed):
            title = "The database could not be opened."
            text = (
                f"{exc.where}\n{exc.reason}\n\n"
                "Check that the file or server can be reached and that you may open it, "
                "then start intake again."
            )
        elif isinstance(exc, InputError):
            title = "The directory could not be loaded."
            text = "\n".join(str(p) for p in exc.problems[:10])
        else:
            log.error(
                "loading the directory failed: %s\n%s", type(exc).__name__, where(exc.__traceback__)
            )
            title = "The directory could not be loaded."
            text = "An unexpected problem stopped it. The details were written to the log."
        self.directory_page.show_message(title, text)
        self._status_message("The directory is not available.")

    def _show_directory(self, loaded: loading.LoadedDirectory) -> None:
        self.loaded = loaded
        self.directory_page.browser.set_directory(loaded.snapshot, loaded.taxonomy)
        self.directory_page.show_browser()
        self.directory_status.setText(_directory_summary(loaded))
        self._update_actions()

    # -- actions -------------------------------------------------------------------------

    def _import_directory(self) -> None:
        if self.database is not None:
            self.importer.start(self.database)

    def _update_actions(self) -> None:
        self.import_action.setEnabled(self.database is not None and not self.importer.running)

    def _status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def show_about(self) -> None:
        QMessageBox.about(self, "About intake", ABOUT)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.importer.running:
            self.importer.cancel()
        if self.database is not None and not self.importer.running:
            self.database.dispose()
        super().closeEvent(event)


def _directory_summary(loaded: loading.LoadedDirectory) -> str:
    count = len(loaded.snapshot)
    parts = [f"{count:,} service{'s' if count != 1 else ''}", f"version {loaded.snapshot.version}"]
    if loaded.is_demo:
        parts.append(DEMO_NOTE)
    return "   ·   ".join(parts)
