"""Export referral summaries from the GUI: the same exporters as `intake export`.

Format, date range, the CSV byte-order mark and the output file are asked here; the
export itself runs off the UI thread (run_task) with progress and Cancel, and writes
atomically (the core's exporters), so a cancelled or failed export leaves nothing.
"""

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.exports import EXPORTERS, ExportResult
from intake.gui.problems_dialog import ProblemsDialog
from intake.gui.tasks import ProgressRelay, run_task
from intake.problems import InputError, Problem
from intake.progress import Cancelled
from intake.store.db import Database

SUFFIXES = {"csv": ".csv", "json": ".json", "fhir": ".json", "report": ".csv"}


class ExportDialog(QDialog):
    # Modal dialogs behind statics, so tests (and the lead) can patch them.
    @staticmethod
    def ask_output_path(parent: QWidget, suggested: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("ExportDialog", "Export to"), suggested, filters
        )
        return Path(name) if name else None

    @staticmethod
    def show_problems(
        parent: QWidget, title: str, summary: str, problems: Sequence[Problem]
    ) -> None:
        ProblemsDialog(title, summary, problems, parent).exec()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export referral summaries"))
        self.database = database
        self.relay: ProgressRelay | None = None
        self.export_result: ExportResult | None = None

        self.format_combo = QComboBox()
        for label, code in (
            (self.tr("CSV spreadsheet (one row per referral)"), "csv"),
            (self.tr("JSON (one record per referral)"), "json"),
            (self.tr("FHIR R4 Bundle"), "fhir"),
            (self.tr("De-identified report (counts only)"), "report"),
        ):
            self.format_combo.addItem(label, code)
        self.format_combo.setAccessibleName(self.tr("Format"))

        self.all_dates = QCheckBox(self.tr("&All dates"))
        self.all_dates.setChecked(True)
        today = QDate.currentDate()
        self.since_edit = QDateEdit(today.addMonths(-1))
        self.until_edit = QDateEdit(today)
        for edit, name in ((self.since_edit, self.tr("From")), (self.until_edit, self.tr("Until"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.bom_box = QCheckBox(self.tr("Add a &byte-order mark (for spreadsheets that need one)"))
        self.bom_box.setChecked(True)

        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("Output file"))
        self.path_edit.setPlaceholderText(self.tr("Choose where to save the file"))
        self.browse_button = QPushButton(self.tr("C&hoose…"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        form = QFormLayout()
        format_label = QLabel(self.tr("&Format:"))
        format_label.setBuddy(self.format_combo)
        form.addRow(format_label, self.format_combo)
        form.addRow(QLabel(self.tr("Dates:")), self.all_dates)
        since_label = QLabel(self.tr("F&rom (intake finished on or after):"))
        since_label.setBuddy(self.since_edit)
        form.addRow(since_label, self.since_edit)
        until_label = QLabel(self.tr("&Until (on or before):"))
        until_label.setBuddy(self.until_edit)
        form.addRow(until_label, self.until_edit)
        form.addRow(QLabel(""), self.bom_box)
        path_label = QLabel(self.tr("&Save to:"))
        path_label.setBuddy(self.path_edit)
        form.addRow(path_label, path_row)

        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Export progress"))
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Status"))

        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("&Cancel export"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("C&lose"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.format_combo.currentIndexChanged.connect(self._update)
        self.all_dates.toggled.connect(self._update)
        self.path_edit.textChanged.connect(self._update)
        self.browse_button.clicked.connect(self.choose_path)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self._update()
        self.resize(44 * self.fontMetrics().averageCharWidth() * 2, self.sizeHint().height())

    def format(self) -> str:
        return str(self.format_combo.currentData())

    def _update(self) -> None:
        dates = not self.all_dates.isChecked()
        self.since_edit.setEnabled(dates)
        self.until_edit.setEnabled(dates)
        self.bom_box.setEnabled(self.format() == "csv")
        running = self.relay is not None
        self.export_button.setEnabled(not running and bool(self.path_edit.text().strip()))
        self.cancel_button.setEnabled(running)

    def choose_path(self) -> None:
        suffix = SUFFIXES[self.format()]
        filters = (
            self.tr("CSV files (*.csv)") if suffix == ".csv" else self.tr("JSON files (*.json)")
        )
        suggested = self.path_edit.text().strip() or f"referrals-{dt.date.today():%Y-%m-%d}{suffix}"
        path = type(self).ask_output_path(self, suggested, filters)
        if path is not None:
            self.path_edit.setText(str(path))

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        if self.all_dates.isChecked():
            return None, None
        return self.since_edit.date().toPython(), self.until_edit.date().toPython()  # type: ignore[return-value]

    def export(self) -> None:
        text = self.path_edit.text().strip()
        if not text or self.relay is not None:
            return
        code = self.format()
        since, until = self.date_range()
        kwargs: dict[str, object] = {"since": since, "until": until}
        if code == "csv":
            kwargs["bom"] = self.bom_box.isChecked()
        out = Path(text).expanduser()
        relay = ProgressRelay(self)
        relay.stepped.connect(self._stepped)
        self.relay = relay
        database = self.database
        self.status.setText(self.tr("Exporting…"))
        self.progress_bar.setRange(0, 0)
        self._update()
        run_task(
            self,
            lambda: EXPORTERS[code](database, out, progress=relay, **kwargs),
            self._done,
            self._failed,
        )

    def _stepped(self, _stage: str, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def cancel(self) -> None:
        if self.relay is not None:
            self.relay.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _stopped(self) -> None:
        self.relay = None
        self.progress_bar.setRange(0, 1)
        self._update()

    def _done(self, result: ExportResult) -> None:
        self._stopped()
        self.export_result = result
        self.progress_bar.setValue(1)
        self.status.setText(result.summary())

    def _failed(self, exc: BaseException) -> None:
        self._stopped()
        self.progress_bar.setValue(0)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Export cancelled; no file was written."))
        elif isinstance(exc, InputError):
            self.status.setText(self.tr("Nothing was exported: see the problems."))
            type(self).show_problems(
                self, self.tr("Cannot export"), self.tr("Nothing was exported."), list(exc.problems)
            )
        elif isinstance(exc, OSError):
            self.status.setText(
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc))
            )
        else:
            raise exc

    def done(self, result: int) -> None:
        if self.relay is not None:
            self.relay.cancel()
        super().done(result)


def open_export_dialog(parent: QWidget, database: Database) -> QDialog:
    """Show the export dialog (non-modal) and return it."""
    dialog = ExportDialog(database, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
