"""Import directory…: choose a folder, .zip or .json; import it off the UI thread with a
progress dialog and Cancel; then show the problems, or how much came in.

The import is all or nothing: after errors or a cancel the directory is as it was.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from intake.gui import loading
from intake.gui.problems_dialog import ProblemsDialog
from intake.gui.tasks import ProgressRelay, Task, run_task
from intake.problems import InputError, Problem
from intake.progress import Cancelled

if TYPE_CHECKING:
    from intake.directory.hsds import ImportReport
    from intake.store.db import Database

CHOOSE_TITLE = "Import directory: choose a .zip, a .json, or any .csv file of the folder"
FILE_FILTER = "Open Referral HSDS 3.0 (*.zip *.json *.csv);;All files (*)"
CANCELLED = "Import cancelled; the directory was not changed."


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
        path, _ = QFileDialog.getOpenFileName(parent, CHOOSE_TITLE, "", FILE_FILTER)
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
            self.progress_dialog.setLabelText("Cancelling…")

    # -- progress ------------------------------------------------------------------------

    def _make_progress_dialog(self, source: Path, relay: ProgressRelay) -> QProgressDialog:
        dialog = QProgressDialog(f"Importing {source.name}…", "Cancel", 0, 0, self._window)
        dialog.setWindowTitle("Import directory")
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
        text = f"Imported {_count(services, 'service')} from {report.source}."
        self.message.emit(text)
        warnings = [p for p in report.problems if p.severity == "warning"]
        self._show_summary(text, max(report.warning_count, len(warnings)), warnings)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.message.emit(CANCELLED)
        elif isinstance(exc, InputError):
            self.message.emit("The directory was not imported; see the list of problems.")
            self._show_problems(exc.problems)
        else:
            raise exc  # unexpected: the excepthook logs it and tells the user calmly

    def _show_summary(self, text: str, warning_count: int, warnings: Sequence[Problem]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, "Directory imported", text, parent=self._window
        )
        if warning_count:
            box.setInformativeText(
                f"{_count(warning_count, 'warning')}: the listings were imported, "
                "but some details may need a look."
            )
        if warnings:
            show = box.addButton("Show &warnings", QMessageBox.ButtonRole.ActionRole)
            show.clicked.connect(lambda: self._open_problem_list("Import warnings", text, warnings))
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_dialog = box
        box.open()

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        errors = sum(p.severity == "error" for p in problems)
        summary = (
            f"The directory was not imported: {_count(errors, 'problem')} must be fixed in the "
            "file first. Nothing was changed. Errors are listed first."
        )
        self._open_problem_list("Directory not imported", summary, problems)

    def _open_problem_list(self, title: str, summary: str, problems: Sequence[Problem]) -> None:
        dialog = ProblemsDialog(title, summary, problems, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_dialog = dialog
        dialog.open()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number:,} {noun}s"
