"""The main window: Clients, Directory and Settings tabs, menus and a status bar.

The window shows at once; the database, the directory and the clients are loaded right
after, off the UI thread (nothing from the store is imported before the window shows).
"""

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget
from shiboken6 import isValid

from intake.gui import i18n
from intake.gui.clients import ClientsPage, IntakeLauncher
from intake.gui.clients.resume import SessionMarker, ask_resume, drafts_left_open
from intake.gui.directory_page import LOADING, DirectoryPage
from intake.gui.errors import where
from intake.gui.i18n import fill
from intake.gui.lazy_page import LazyPage
from intake.gui.tasks import Task, run_task

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtGui import QCloseEvent

    from intake.gui import loading
    from intake.gui.directory_import import DirectoryImport
    from intake.gui.settings_page import SettingsPage
    from intake.records import DraftSummary
    from intake.settings import ClinicSettings
    from intake.store.db import Database

log = logging.getLogger(__name__)

DEMO_NOTE = QT_TRANSLATE_NOOP("MainWindow", "Demo directory: sample listings, not real services")
CLIENTS_TAB, DIRECTORY_TAB, SETTINGS_TAB = range(3)


class MainWindow(QMainWindow):
    def __init__(
        self,
        database_url: str | None = None,
        parent: QWidget | None = None,
        *,
        first_run_setup: bool = False,
    ) -> None:
        """`first_run_setup`: once the records are open, ask for the clinic's and the
        counselor's names if they are not saved yet (the app does; tests need not)."""
        i18n.ensure_installed()  # before the first translated string
        super().__init__(parent)
        self.setWindowTitle("intake")
        self._database_url = database_url
        self.database: Database | None = None
        self.loaded: loading.LoadedDirectory | None = None
        self.clinic_settings: ClinicSettings | None = None
        self.session = SessionMarker()
        self._session_begun = False
        self._left_open_since: dt.datetime | None = None
        self.resume_task: Task | None = None

        self.clients_page = ClientsPage()
        self.directory_page = DirectoryPage()
        self.settings_tab: LazyPage[SettingsPage] = LazyPage(self._make_settings_page)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.clients_page, self.tr("&Clients"))
        self.tabs.addTab(self.directory_page, self.tr("&Directory"))
        self.tabs.addTab(self.settings_tab, self.tr("Se&ttings"))
        self.tabs.setAccessibleName(self.tr("Pages"))
        self.setCentralWidget(self.tabs)

        self._importer: DirectoryImport | None = None
        self.launcher = IntakeLauncher(self)
        self.launcher.finished_intake.connect(self._intake_finished)
        self.launcher.letters_requested.connect(self.open_letters)
        self.launcher.closed.connect(self.clients_page.refresh)
        self.clients_page.new_intake.connect(self.new_intake)
        self.clients_page.resume_draft.connect(self.resume_draft)
        self.clients_page.letters_for.connect(self.open_letters)
        self._unavailable: str | None = None  # why the records could not be opened
        self._first_run_pending = first_run_setup
        self.first_run_dialog: QWidget | None = None
        self._make_menus()

        self.directory_status = QLabel()
        self.directory_status.setAccessibleName(self.tr("Directory in use"))
        self.directory_status.setMinimumWidth(1)  # cut short on a narrow window, never overlaid
        self.statusBar().addPermanentWidget(self.directory_status)
        # A passing message takes the whole bar; the directory's summary comes back after it.
        self.statusBar().messageChanged.connect(
            lambda message: self.directory_status.setHidden(bool(message))
        )
        self._size_to_screen()

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import directory…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setStatusTip(
            self.tr("Import services from an Open Referral HSDS 3.0 file")
        )
        self.import_action.setEnabled(False)
        self.import_action.triggered.connect(self._import_directory)
        file_menu.addAction(self.import_action)
        self.export_action = QAction(self.tr("&Export referral summaries…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip(
            self.tr("Write referral summaries as CSV, JSON, FHIR or a de-identified report")
        )
        self.export_action.setEnabled(False)
        self.export_action.triggered.connect(self.open_export)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About intake"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

        # Window-wide keys: a new intake from anywhere, and a quick way to the search.
        self.new_intake_action = QAction(self.tr("New intake"), self)
        self.new_intake_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_intake_action.setEnabled(False)
        self.new_intake_action.triggered.connect(lambda: self.new_intake(None))
        self.find_client_action = QAction(self.tr("Find a client"), self)
        self.find_client_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_client_action.triggered.connect(self._find_client)
        self.addActions([self.new_intake_action, self.find_client_action])

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

    @property
    def settings_page(self) -> "SettingsPage":
        """The Settings tab's page, built when first shown or asked for."""
        return cast("SettingsPage", self.settings_tab.page)

    def _make_settings_page(self) -> "SettingsPage":
        from intake.gui.settings_page import SettingsPage

        page = SettingsPage()
        page.loaded.connect(self._settings_read)
        page.saved.connect(self._settings_changed)
        if self.database is not None:
            page.set_database(self.database, _where(self.database))
        elif self._unavailable is not None:
            page.show_unavailable(self._unavailable)
        return page

    @property
    def importer(self) -> "DirectoryImport":
        """File > Import directory…, made when first used: not needed to start."""
        if self._importer is None:
            from intake.gui.directory_import import DirectoryImport

            self._importer = DirectoryImport(self)
            self._importer.imported.connect(self._show_directory)
            self._importer.message.connect(self._status_message)
            self._importer.running_changed.connect(self._update_actions)
        return self._importer

    def _importing(self) -> bool:
        return self._importer is not None and self._importer.running

    # -- loading -------------------------------------------------------------------------

    def start_loading(self) -> Task:
        """Open the database and read the directory in the background."""
        # Marked after the first paint (writing the desk's file is not needed to show it),
        # and at the latest when the records are open, where the mark is read.
        QTimer.singleShot(0, self._begin_session)
        self.directory_page.show_message(self.directory_page.tr(LOADING))
        self._status_message(self.directory_page.tr(LOADING))
        url = self._database_url
        from intake.gui import loading  # its dataclasses are not needed to show the window

        return run_task(self, lambda: loading.open_and_load(url), self._loaded, self._load_failed)

    def _begin_session(self) -> None:
        if not self._session_begun:
            self._session_begun = True
            self._left_open_since = self.session.begin()

    def _loaded(self, loaded: "loading.LoadedDirectory") -> None:
        self._begin_session()
        if self.database is not None and self.database is not loaded.database:
            self.database.dispose()
        self.database = loaded.database
        self._show_directory(loaded)
        self.statusBar().clearMessage()
        if loaded.demo_just_loaded:
            self._status_message(
                self.tr("The demo directory was loaded. Use File > Import directory…")
            )
        self.clients_page.set_database(loaded.database)
        if self.settings_tab.built:
            self.settings_page.set_database(loaded.database, _where(loaded.database))
        else:
            self._read_clinic_settings(loaded.database)
        self.clients_page.focus_search(Qt.FocusReason.OtherFocusReason)
        self._offer_to_resume(loaded.database)

    def _load_failed(self, exc: BaseException) -> None:
        from intake.gui import loading
        from intake.problems import InputError  # only now: not needed to start

        if isinstance(exc, loading.OpenFailed):
            title = self.tr("The database could not be opened.")
            text = fill(
                self.tr(
                    "%1\n%2\n\nCheck that the file or server can be reached and that you may "
                    "open it, then start intake again."
                ),
                exc.where,
                exc.reason,
            )
        elif isinstance(exc, InputError):
            title = self.tr("The directory could not be loaded.")
            text = "\n".join(str(p) for p in exc.problems[:10])
        else:
            log.error(
                "loading the directory failed: %s\n%s", type(exc).__name__, where(exc.__traceback__)
            )
            title = self.tr("The directory could not be loaded.")
            text = self.tr("An unexpected problem stopped it. The details were written to the log.")
        self.directory_page.show_message(title, text)
        self.clients_page.show_unavailable(title)
        self._unavailable = title
        if self.settings_tab.built:
            self.settings_page.show_unavailable(title)
        self._status_message(self.tr("The directory is not available."))

    def _show_directory(self, loaded: "loading.LoadedDirectory") -> None:
        self.loaded = loaded
        self.directory_page.browser.set_directory(loaded.snapshot, loaded.taxonomy)
        self.directory_page.show_browser()
        summary = self._directory_summary(loaded)
        self.directory_status.setText(summary)
        self.directory_status.setToolTip(summary)
        self._update_actions()

    def _directory_summary(self, loaded: "loading.LoadedDirectory") -> str:
        count = len(loaded.snapshot)
        services = self.tr("%1 service") if count == 1 else self.tr("%1 services")
        parts = [fill(services, f"{count:,}"), fill(self.tr("version %1"), loaded.snapshot.version)]
        if loaded.is_demo:
            parts.append(self.tr(DEMO_NOTE))
        return "   ·   ".join(parts)

    def _settings_changed(self, settings: "ClinicSettings") -> None:
        self.clinic_settings = settings

    def _read_clinic_settings(self, database: "Database") -> None:
        """The counselor's name for new intakes, without building the Settings tab."""

        def read() -> "ClinicSettings":
            from intake.settings import load_settings

            return load_settings(database)

        def failed(exc: BaseException) -> None:  # the Settings tab says why when opened
            log.warning("reading the clinic settings failed: %s", type(exc).__name__)

        run_task(self, read, self._settings_read, failed)

    def _settings_read(self, settings: "ClinicSettings") -> None:
        self._settings_changed(settings)
        if self._first_run_pending and self.database is not None:
            self._first_run_pending = False
            self._offer_first_run_setup(self.database, settings)

    def _offer_first_run_setup(self, database: "Database", settings: "ClinicSettings") -> None:
        """The first start: ask for the names every letter prints (window-modal, not blocking)."""
        from intake.gui.first_run_dialog import first_run_dialog

        if not self.isVisible():  # closing: the next start asks
            return
        dialog = first_run_dialog(self, database, settings)
        if dialog is None:
            return
        dialog.accepted.connect(lambda: self._first_run_saved(dialog.saved))
        dialog.finished.connect(dialog.deleteLater)
        self.first_run_dialog = dialog
        dialog.open()

    def _first_run_saved(self, settings: "ClinicSettings | None") -> None:
        if settings is None:
            return
        self._settings_changed(settings)
        if self.settings_tab.built and self.database is not None:
            self.settings_page.set_database(self.database, _where(self.database))  # re-read
        self._status_message(self.tr("Saved. Welcome to intake."))

    # -- intakes -------------------------------------------------------------------------

    def new_intake(self, client_id: str | None = None) -> QWidget | None:
        """Open the wizard for a new intake (for a client already known, if given)."""
        return self._open_wizard(client_id=client_id)

    def resume_draft(self, draft_id: str) -> QWidget | None:
        return self._open_wizard(draft_id=draft_id)

    def _open_wizard(
        self, *, draft_id: str | None = None, client_id: str | None = None
    ) -> QWidget | None:
        if self.database is None or self.loaded is None:
            return None
        counselor = self.clinic_settings.counselor_name if self.clinic_settings else None
        wizard = self.launcher.open(
            self.database,
            self.loaded.snapshot,
            counselor=counselor,
            draft_id=draft_id,
            client_id=client_id,
        )
        if wizard is None:
            self._status_message(self.tr("An intake is open already: finish or close it first."))
        return wizard

    def open_letters(self, intake_id: str) -> QWidget | None:
        """Letters and handouts of a stored intake: preview, print, save (issue #5)."""
        if self.database is None:
            return None
        from intake.gui.printing import open_letters_dialog

        return open_letters_dialog(self, self.database, intake_id)

    def open_export(self) -> QWidget | None:
        if self.database is None:
            return None
        from intake.gui.export_dialog import open_export_dialog

        return open_export_dialog(self, self.database)

    def _intake_finished(self, _intake_id: str) -> None:
        self._status_message(self.tr("The intake was saved."))
        self.clients_page.refresh()

    def _offer_to_resume(self, database: "Database") -> None:
        """If intake was not closed properly last time, offer the draft that was left open."""
        since = self._left_open_since
        if since is None:
            return

        def drafts_and_counselor() -> "tuple[list[DraftSummary], str]":
            from intake.records import list_drafts
            from intake.settings import load_settings

            return list_drafts(database), load_settings(database).counselor_name

        def offer(found: "tuple[list[DraftSummary], str]") -> None:
            drafts, counselor = found
            left = drafts_left_open(drafts, since, counselor)
            if left and ask_resume(self, left):
                self.resume_draft(left[0].id)

        self.resume_task = run_task(self, drafts_and_counselor, offer, self._resume_failed)

    def _resume_failed(self, exc: BaseException) -> None:
        log.error("listing drafts failed: %s\n%s", type(exc).__name__, where(exc.__traceback__))

    # -- actions -------------------------------------------------------------------------

    def _import_directory(self) -> None:
        if self.database is not None:
            self.importer.start(self.database)

    def _find_client(self) -> None:
        self.tabs.setCurrentIndex(CLIENTS_TAB)
        self.clients_page.focus_search(Qt.FocusReason.ShortcutFocusReason, select_all=True)

    def _update_actions(self) -> None:
        self.import_action.setEnabled(self.database is not None and not self._importing())
        self.export_action.setEnabled(self.database is not None)
        self.new_intake_action.setEnabled(self.database is not None and self.loaded is not None)

    def _status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def show_about(self) -> None:
        from intake.gui.about_dialog import show_about

        show_about(self)

    def closeEvent(self, event: "QCloseEvent") -> None:
        if not self.launcher.close_wizard():  # the wizard asks about its draft; it may stay
            event.ignore()
            return
        if self._importer is not None and self._importer.running:
            self._importer.cancel()
        if self.first_run_dialog is not None and isValid(self.first_run_dialog):
            self.first_run_dialog.hide()  # "Later": the next start asks again
        if self.database is not None and not self._importing():
            self.database.dispose()
        if self._session_begun:
            self.session.end()
        super().closeEvent(event)


def _where(database: "Database") -> str:
    """The database file, or its URL with any password hidden."""
    url = database.engine.url
    if url.get_backend_name() == "sqlite":
        return url.database or QCoreApplication.translate("MainWindow", "an in-memory database")
    return url.render_as_string(hide_password=True)
