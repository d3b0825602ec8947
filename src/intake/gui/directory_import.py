"""Import directory…: choose a folder, .zip or .json; import it off the UI thread with a
progress dialog and Cancel; then show the problems, or how much came in.

The import is all or nothing: after errors or a cancel the directory is as it was.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from intake.gui import loading
from intake.gui.i18n import fill
from intake.gui.problems_dialog import ProblemsDialog
from intake.gui.tasks import ProgressRelay, Task, run_task
from intake.problems import InputError, Problem
from intake.progress import Cancelled

if TYPE_CHECKING:
    from intake.directory.hsds import ImportReport
    from intake.store.db import Database

CHOOSE_TITLE = QT_TRANSLATE_NOOP(
    "DirectoryImport", "Import directory: choose a .zip, a .json, or any .csv file of the folder"
)
FILE_FILTER = QT_TRANSLATE_NOOP(
    "DirectoryImport", "Open Referral HSDS 3.0 (*.zip *.json *.csv);;All files (*)"
)
CANCELLED = QT_TRANSLATE_NOOP("DirectoryImport", "Import cancelled; the directory was not changed.")


class DirectoryImport(QObject):
    """One import at a time, started from the main window's File menu."""

    imported = Signal(object)  # the LoadedDirectory read after a successful import
    message = Signal(str)  # a short line for the status bar
    running_changed = Signal(bool)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._relay: ProgressRelay | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.result_dialog: QWidget | None = None  # the last summary or problem list shown
        self.task: Task | None = None

    @staticmethod
    def ask_source(parent: QWidget) -> Path | None:
        """The folder, .zip or .json to import (a .csv stands for its folder); None if none."""
        title = QCoreApplication.translate("DirectoryImport", CHOOSE_TITLE)
        file_filter = QCoreApplication.translate("DirectoryImport", FILE_FILTER)
        path, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
        return Path(path) if path else None

    @property
    def running(self) -> bool:
        return self._relay is not None

    def start(self, database: "Database") -> None:
        if self.running:
            return
        chosen = self.ask_source(self._window)
        if chosen is None:
            return
        source = chosen.parent if chosen.suffix.lower() == ".csv" else chosen
        relay = self._relay = ProgressRelay()
        self.progress_dialog = self._make_progress_dialog(source, relay)
        self.running_changed.emit(True)
        self.task = run_task(
            self._window,
            lambda: loading.import_then_reload(database, source, relay),
            self._succeeded,
            self._failed,
        )

    def cancel(self) -> None:
        """What the progress dialog's Cancel does: the import stops at its next check."""
        if self._relay is not None:
            self._relay.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(self.tr("Cancelling…"))

    # -- progress ------------------------------------------------------------------------

    def _make_progress_dialog(self, source: Path, relay: ProgressRelay) -> QProgressDialog:
        label = fill(self.tr("Importing %1…"), source.name)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._window)
        dialog.setWindowTitle(self.tr("Import directory"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(self.cancel)
        relay.stepped.connect(self._stepped)
        return dialog

    def _stepped(self, stage: str, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is None or (self._relay is not None and self._relay.cancelled):
            return
        dialog.setLabelText(stage)
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)

    def _finish(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self.cancel)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self._relay = None
        self.running_changed.emit(False)

    # -- outcome -------------------------------------------------------------------------

    def _succeeded(self, result: "tuple[ImportReport, loading.LoadedDirectory]") -> None:
        self._finish()
        report, loaded = result
        self.imported.emit(loaded)
        services = report.counts.get("service", 0)
        if services == 1:
            text = fill(self.tr("Imported %1 service from %2."), f"{services:,}", report.source)
        else:
            text = fill(self.tr("Imported %1 services from %2."), f"{services:,}", report.source)
        self.message.emit(text)
        warnings = [p for p in report.problems if p.severity == "warning"]
        self._show_summary(text, max(report.warning_count, len(warnings)), warnings)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.message.emit(self.tr(CANCELLED))
        elif isinstance(exc, InputError):
            self.message.emit(self.tr("The directory was not imported; see the list of problems."))
            self._show_problems(exc.problems)
        else:
            raise exc  # unexpected: the excepthook logs it and tells the user calmly

    def _show_summary(self, text: str, warning_count: int, warnings: Sequence[Problem]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Directory imported"), text, parent=self._window
        )
        if warning_count:
            if warning_count == 1:
                note = self.tr(
                    "%1 warning: the listings were imported, but some details may need a look."
                )
            else:
                note = self.tr(
                    "%1 warnings: the listings were imported, but some details may need a look."
                )
            box.setInformativeText(fill(note, f"{warning_count:,}"))
        if warnings:
            show = box.addButton(self.tr("Show &warnings"), QMessageBox.ButtonRole.ActionRole)
            title = self.tr("Import warnings")
            show.clicked.connect(lambda: self._open_problem_list(title, text, warnings))
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_dialog = box
        box.open()

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        errors = sum(p.severity == "error" for p in problems)
        if errors == 1:
            summary = self.tr(
                "The directory was not imported: %1 problem must be fixed in the file first. "
                "Nothing was changed. Errors are listed first."
            )
        else:
            summary = self.tr(
                "The directory was not imported: %1 problems must be fixed in the file first. "
                "Nothing was changed. Errors are listed first."
            )
        summary = fill(summary, f"{errors:,}")
        self._open_problem_list(self.tr("Directory not imported"), summary, problems)

    def _open_problem_list(self, title: str, summary: str, problems: Sequence[Problem]) -> None:
        dialog = ProblemsDialog(title, summary, problems, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_dialog = dialog
        dialog.open()
