"""The first-run setup: the clinic's name and the counselor's, asked once before the first intake.

    if offer_first_run_setup(window, database):     # after the database has loaded
        ...the settings changed: show them again...

The decisions are the core's (`intake.first_run`, `intake.settings`): which fields are
still blank, what a valid name is, and the saving itself. This dialog only asks, marks a
field in error with a sentence as the counselor types, and keeps OK disabled until both
names are right. Nothing typed here is logged.
"""

import dataclasses
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.gui.errors import where
from intake.gui.i18n import fill
from intake.gui.settings_page import ERROR_STYLE, ERROR_TEXT_STYLE
from intake.gui.tasks import Task, run_task

if TYPE_CHECKING:
    from intake.problems import Problem
    from intake.settings import ClinicSettings
    from intake.store.db import Database

log = logging.getLogger(__name__)


def offer_first_run_setup(
    parent: QWidget | None, database: "Database", settings: "ClinicSettings | None" = None
) -> bool:
    """Ask for the clinic's and the counselor's names if they are not saved yet.

    True when the setup was saved now; False when it was not needed or the counselor chose
    "Later" (the next start asks again). Pass the `settings` already loaded (the Settings
    page's `loaded` signal gives them) to skip reading them here; otherwise they are read
    on the UI thread, one small query (under 15 ms on SQLite). The saving itself runs off
    the UI thread while the dialog stays open.
    """
    from intake.settings import load_settings

    dialog = first_run_dialog(parent, database, settings or load_settings(database))
    return dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted


def first_run_dialog(
    parent: QWidget | None, database: "Database", settings: "ClinicSettings"
) -> "FirstRunDialog | None":
    """The setup dialog, not shown yet, if `settings` lack a name the setup asks for."""
    from intake.first_run import missing_setup_fields

    return FirstRunDialog(database, settings, parent) if missing_setup_fields(settings) else None


class FirstRunDialog(QDialog):
    def __init__(
        self, database: "Database", settings: "ClinicSettings", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.task: Task | None = None
        self.saved: ClinicSettings | None = None
        self.setWindowTitle(self.tr("Welcome to intake"))

        self.intro = QLabel(
            self.tr(
                "Before the first intake, please tell intake two things it prints on every "
                "letter and handout. You can change them later in Settings."
            )
        )
        self.intro.setWordWrap(True)
        self.clinic_name = self._line(self.tr("Clinic name"), settings.clinic_name)
        self.clinic_name.setPlaceholderText(self.tr("For example: Harbor Community Clinic"))
        self.counselor_name = self._line(self.tr("Counselor's name"), settings.counselor_name)
        self.counselor_name.setPlaceholderText(self.tr("Your name, as it signs letters"))
        self.inputs = {"clinic_name": self.clinic_name, "counselor_name": self.counselor_name}
        self.errors = {key: _error_label() for key in self.inputs}
        self.touched: set[str] = set()  # fields typed in: a blank one is only marked then
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Setup status"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Save"))
        self.later_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.later_button.setText(self.tr("&Later"))
        self.later_button.setToolTip(self.tr("Skip for now: intake asks again next time"))

        self._lay_out()
        self.clinic_name.textEdited.connect(lambda: self._edited("clinic_name"))
        self.counselor_name.textEdited.connect(lambda: self._edited("counselor_name"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._check()

    def _line(self, accessible_name: str, text: str) -> QLineEdit:
        line = QLineEdit(text)
        line.setAccessibleName(accessible_name)
        return line

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            _buddy(self.tr("&Clinic name:"), self.clinic_name), self._with_error("clinic_name")
        )
        form.addRow(
            _buddy(self.tr("C&ounselor's name:"), self.counselor_name),
            self._with_error("counselor_name"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        # The first blank field has the focus: a database with a clinic name asks the rest.
        blank = [line for line in self.inputs.values() if not line.text().strip()]
        (blank or [self.clinic_name])[0].setFocus()

    def _with_error(self, key: str) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(self.inputs[key])
        box.addWidget(self.errors[key])
        return box

    # -- checking as the counselor types -------------------------------------------------

    def entered(self) -> "ClinicSettings":
        return dataclasses.replace(
            self.settings,
            clinic_name=self.clinic_name.text().strip(),
            counselor_name=self.counselor_name.text().strip(),
        )

    def _edited(self, key: str) -> None:
        self.touched.add(key)
        self.status.setText("")
        self._check()

    def _check(self) -> bool:
        """Mark the fields in error (a blank one only once typed in); OK waits for all."""
        from intake.first_run import SETUP_FIELDS, missing_setup_fields
        from intake.settings import validate_settings

        entered = self.entered()
        wrong = {p.field: "invalid" for p in validate_settings(entered) if p.field in SETUP_FIELDS}
        blank = {key: "blank" for key in missing_setup_fields(entered)}
        problems = blank | wrong
        for key in self.inputs:
            shown = problems.get(key)
            if shown == "blank" and key not in self.touched:
                shown = None
            self._mark(key, self._sentence(key, shown) if shown else None)
        ready = not problems and self.task is None
        self.ok_button.setEnabled(ready)
        return ready

    def _sentence(self, key: str, kind: str) -> str:
        """What to do about a field in error, in a sentence."""
        if kind == "invalid":
            return self.tr("This is too long: keep it under 500 characters.")
        if key == "clinic_name":
            return self.tr("Enter the clinic's name: it is printed on letters and handouts.")
        return self.tr("Enter the counselor's name: it signs the letters.")

    def _mark(self, key: str, message: str | None) -> None:
        label, line = self.errors[key], self.inputs[key]
        label.setText(message or "")
        label.setVisible(bool(message))
        line.setStyleSheet(ERROR_STYLE if message else "")
        line.setAccessibleDescription(message or "")
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show a sentence that just appeared: Qt does not grow a window for wrapped
        labels (height for width) by itself, and the rows would overlap."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _show_problems(self, problems: "list[Problem]") -> None:
        """Problems the core found when saving, each on its field (the checks as typed are
        the same, so this is for a rule the form does not know yet)."""
        for problem in problems:
            key = problem.field or ""
            if key not in self.inputs:
                continue
            self.touched.add(key)
            if self.inputs[key].text().strip():
                text = fill(self.tr("This name was not accepted: %1."), problem.message)
            else:
                text = self._sentence(key, "blank")
            self._mark(key, text)

    # -- saving --------------------------------------------------------------------------

    def save(self) -> Task | None:
        if not self._check():
            return None
        from intake.first_run import complete_first_run

        entered, database = self.entered(), self.database
        self._set_busy(True)
        self.status.setText(self.tr("Saving…"))
        self.task = run_task(
            self,
            lambda: complete_first_run(
                database, clinic_name=entered.clinic_name, counselor_name=entered.counselor_name
            ),
            self._saved,
            self._failed,
        )
        return self.task

    def _saved(self, settings: "ClinicSettings") -> None:
        self.task = None
        self.saved = settings
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from intake.problems import InputError

        self.task = None
        self._set_busy(False)
        if isinstance(exc, InputError):
            self._show_problems(exc.problems)
            self.status.setText(self.tr("Not saved: a name needs fixing first."))
            self.ok_button.setEnabled(False)
            return
        log.error("first-run setup failed: %s\n%s", type(exc).__name__, where(exc.__traceback__))
        self.status.setText(
            self.tr(
                "The names could not be saved. Try again, or choose Later and set them in "
                "Settings. The details are in the log."
            )
        )
        self._check()

    def _set_busy(self, busy: bool) -> None:
        for widget in (*self.inputs.values(), self.ok_button):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if self.task is None:  # not while saving: the answer is on its way
            super().reject()


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_TEXT_STYLE)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label
