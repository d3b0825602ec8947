"""The Settings tab: the clinic's letterhead, the counselor, defaults, and where data is kept.

Clinic settings are read and written with `intake.settings` (in the database, shared by
every desk) off the UI thread; the interface language is also remembered for this desk,
because it must be known before the database is opened. Each value is checked as it is
typed, by `intake.settings.validate_settings`: a field in error turns red, says why in a
sentence, and Save waits until every field is right.
"""

import dataclasses
import itertools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.gui import i18n
from intake.gui.errors import where
from intake.gui.i18n import fill
from intake.gui.tasks import Task, run_task

if TYPE_CHECKING:
    from intake.settings import ClinicSettings
    from intake.store.db import Database

log = logging.getLogger(__name__)

ERROR_STYLE = "border: 2px solid #b00020; border-radius: 3px; padding: 2px;"
ERROR_TEXT_STYLE = "color: #b00020;"
LOGO_HEIGHT = 48


class SettingsPage(QWidget):
    loaded = Signal(object)  # the ClinicSettings read from the database
    saved = Signal(object)  # the ClinicSettings just stored

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self.settings: ClinicSettings | None = None  # as last loaded or saved
        self.task: Task | None = None
        self._filling = False

        self.clinic_name = self._line(self.tr("Clinic name"))
        self.address = QPlainTextEdit()
        self.address.setAccessibleName(self.tr("Clinic address"))
        self.address.setTabChangesFocus(True)  # Tab moves on; the address may hold line breaks
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.phone = self._line(self.tr("Clinic phone"))
        self.logo = self._line(self.tr("Logo file"))
        self.logo.setReadOnly(True)
        self.logo.setPlaceholderText(self.tr("No logo: letters print the clinic's name only"))
        self.logo_preview = QLabel()
        self.logo_preview.setAccessibleName(self.tr("Logo preview"))
        self.choose_logo = QPushButton(self.tr("Ch&oose…"))
        self.choose_logo.setAccessibleName(self.tr("Choose a logo file"))
        self.remove_logo = QPushButton(self.tr("Re&move"))
        self.remove_logo.setAccessibleName(self.tr("Remove the logo"))
        self.counselor_name = self._line(self.tr("Counselor's name"))
        self.counselor_credentials = self._line(self.tr("Counselor's credentials"))
        self.counselor_credentials.setPlaceholderText(self.tr("For example: LCSW, CADC"))
        self.distance = self._line(self.tr("Default maximum distance in kilometres"))
        self.distance.setMaximumWidth(self.fontMetrics().averageCharWidth() * 12)
        self.paper_size = _combo()
        self.paper_size.setAccessibleName(self.tr("Paper size for letters"))
        self.paper_size.addItem(self.tr("Letter (8.5 × 11 in)"), "letter")
        self.paper_size.addItem(self.tr("A4 (210 × 297 mm)"), "a4")
        self.language = _combo()
        self.language.setAccessibleName(self.tr("Interface language"))
        for code, name in i18n.LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language_note = _note()
        self.data_folder = _selectable()
        self.data_folder.setAccessibleName(self.tr("Data folder"))
        self.database_where = _selectable()
        self.database_where.setAccessibleName(self.tr("Database"))

        self.errors: dict[str, QLabel] = {}
        self._labels: list[QLabel] = []
        self.inputs: dict[str, QWidget] = {
            "clinic_name": self.clinic_name,
            "address": self.address,
            "phone": self.phone,
            "logo_path": self.logo,
            "counselor_name": self.counselor_name,
            "counselor_credentials": self.counselor_credentials,
            "default_max_distance_km": self.distance,
        }
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Re&vert changes"))
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Settings status"))
        self.waiting = QLabel(self.tr("Opening the records…"))
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self._lay_out()
        self._connect()
        self._update_buttons()

    def _line(self, accessible_name: str) -> QLineEdit:
        line = QLineEdit()
        line.setAccessibleName(accessible_name)
        return line

    # -- building ------------------------------------------------------------------------

    def _lay_out(self) -> None:
        clinic_box, clinic = self._form(self.tr("Clinic (printed on letters)"))
        clinic.addRow(
            self._label(self.tr("Clinic &name:"), self.clinic_name),
            self._with_error("clinic_name", self.clinic_name),
        )
        clinic.addRow(
            self._label(self.tr("&Address:"), self.address),
            self._with_error("address", self.address),
        )
        clinic.addRow(
            self._label(self.tr("&Phone:"), self.phone), self._with_error("phone", self.phone)
        )
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.choose_logo)
        logo_row.addWidget(self.remove_logo)
        logo_box = QVBoxLayout()
        logo_box.addLayout(logo_row)
        logo_box.addWidget(self.logo_preview)
        logo_box.addWidget(self._error_label("logo_path"))
        clinic.addRow(self._label(self.tr("&Logo:"), self.logo), logo_box)

        counselor_box, counselor = self._form(self.tr("Counselor (signs the letters)"))
        counselor.addRow(
            self._label(self.tr("Co&unselor's name:"), self.counselor_name),
            self._with_error("counselor_name", self.counselor_name),
        )
        counselor.addRow(
            self._label(self.tr("Cr&edentials:"), self.counselor_credentials),
            self._with_error("counselor_credentials", self.counselor_credentials),
        )

        defaults_box, defaults = self._form(self.tr("Referrals and letters"))
        distance_row = QHBoxLayout()
        distance_row.addWidget(self.distance)
        distance_row.addWidget(QLabel(self.tr("km")))
        distance_row.addStretch()
        distance_box = QVBoxLayout()
        distance_box.addLayout(distance_row)
        distance_box.addWidget(self._error_label("default_max_distance_km"))
        defaults.addRow(
            self._label(self.tr("Default ma&ximum distance:"), self.distance), distance_box
        )
        defaults.addRow(self._label(self.tr("Pape&r size:"), self.paper_size), self.paper_size)

        desk_box, desk = self._form(self.tr("This computer"))
        language_box = QVBoxLayout()
        language_box.addWidget(self.language)
        language_box.addWidget(self.language_note)
        desk.addRow(self._label(self.tr("&Interface language:"), self.language), language_box)
        desk.addRow(self._label(self.tr("Data folder:")), self.data_folder)
        desk.addRow(self._label(self.tr("Database:")), self.database_where)
        self._align_labels()

        content = QWidget()
        content_layout = QVBoxLayout(content)
        for box in (clinic_box, counselor_box, defaults_box, desk_box):
            content_layout.addWidget(box)
        content_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        form_page = QWidget()
        page_layout = QVBoxLayout(form_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(scroll, 1)
        page_layout.addLayout(buttons)
        self.stack.addWidget(self.waiting)
        self.stack.addWidget(form_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.setFocusProxy(self.clinic_name)

        order = [
            self.clinic_name, self.address, self.phone, self.logo, self.choose_logo,
            self.remove_logo, self.counselor_name, self.counselor_credentials, self.distance,
            self.paper_size, self.language, self.data_folder, self.database_where,
            self.revert_button, self.save_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _form(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _label(self, text: str, buddy: QWidget | None = None) -> QLabel:
        label = QLabel(text)
        if buddy is not None:
            label.setBuddy(buddy)
        self._labels.append(label)
        return label

    def _align_labels(self) -> None:
        """One label column for all the groups, as wide as the widest label."""
        width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:
            label.setMinimumWidth(width)

    def _error_label(self, key: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_TEXT_STYLE)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.hide()
        self.errors[key] = label
        return label

    def _with_error(self, key: str, widget: QWidget) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(self._error_label(key))
        return box

    def _connect(self) -> None:
        for line in (
            self.clinic_name,
            self.phone,
            self.counselor_name,
            self.counselor_credentials,
            self.distance,
        ):
            line.textChanged.connect(self._changed)
        self.address.textChanged.connect(self._changed)
        self.paper_size.currentIndexChanged.connect(self._changed)
        self.language.currentIndexChanged.connect(self._changed)
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo.clicked.connect(lambda: self._set_logo(None))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)

    # -- loading and saving --------------------------------------------------------------

    def set_database(self, database: "Database", description: str) -> Task:
        """The records are open: show where, and read the clinic settings."""
        from intake.paths import data_dir
        from intake.settings import load_settings

        self.database = database
        self.data_folder.setText(str(data_dir()))
        self.database_where.setText(description)
        self.task = run_task(self, lambda: load_settings(database), self._loaded, self._failed)
        return self.task

    def show_unavailable(self, text: str) -> None:
        self.database = None
        self.waiting.setText(text)
        self.stack.setCurrentIndex(0)
        self._update_buttons()

    def _loaded(self, settings: "ClinicSettings") -> None:
        self.settings = settings
        self.fill(settings)
        self.stack.setCurrentIndex(1)
        self._say("")
        self.loaded.emit(settings)

    def _failed(self, exc: BaseException) -> None:
        from intake.problems import InputError

        if isinstance(exc, InputError):
            self._show_problems(exc.problems)
            self._say(self.tr("Not saved: a value needs fixing first."))
            return
        log.error("clinic settings failed: %s\n%s", type(exc).__name__, where(exc.__traceback__))
        self._say(self.tr("The settings could not be read or saved. The details are in the log."))
        self._update_buttons()

    def fill(self, settings: "ClinicSettings") -> None:
        """Show `settings` in the form (the interface language as chosen for this desk)."""
        self._filling = True
        try:
            self.clinic_name.setText(settings.clinic_name)
            self.address.setPlainText(settings.address)
            self.phone.setText(settings.phone)
            self._set_logo(settings.logo_path)
            self.counselor_name.setText(settings.counselor_name)
            self.counselor_credentials.setText(settings.counselor_credentials)
            self.distance.setText(QLocale().toString(settings.default_max_distance_km, "g", 6))
            self.paper_size.setCurrentIndex(max(self.paper_size.findData(settings.paper_size), 0))
            self.language.setCurrentIndex(max(self.language.findData(_desk_language()), 0))
        finally:
            self._filling = False
        self._changed()

    def entered(self) -> "ClinicSettings | None":
        """The settings as the form holds them; None while the distance is not a number."""
        if self.settings is None:
            return None
        distance, ok = QLocale().toDouble(self.distance.text().strip())
        if not ok:
            distance, ok = _plain_number(self.distance.text())
        if not ok:
            return None
        return dataclasses.replace(
            self.settings,
            clinic_name=self.clinic_name.text().strip(),
            address=self.address.toPlainText().strip(),
            phone=self.phone.text().strip(),
            logo_path=self.logo.text() or None,
            counselor_name=self.counselor_name.text().strip(),
            counselor_credentials=self.counselor_credentials.text().strip(),
            default_max_distance_km=distance,
            paper_size=self.paper_size.currentData(),
            ui_language=self.language.currentData(),
        )

    def save(self) -> Task | None:
        from intake.settings import save_settings

        settings, database = self.entered(), self.database
        if settings is None or database is None or not self._check():
            return None
        i18n.choose_language(settings.ui_language)
        self.save_button.setEnabled(False)
        self._say(self.tr("Saving…"))
        self.task = run_task(
            self,
            lambda: save_settings(database, settings),
            lambda _none: self._saved(settings),
            self._failed,
        )
        return self.task

    def _saved(self, settings: "ClinicSettings") -> None:
        self.settings = settings
        self._changed()
        self._say(self.tr("Saved."))
        self.saved.emit(settings)

    def revert(self) -> None:
        if self.settings is not None:
            self.fill(self.settings)
            self._say("")

    # -- checking as the counselor types -------------------------------------------------

    def _changed(self) -> None:
        if self._filling:
            return
        self._check()
        self._update_language_note()
        self._update_buttons()
        if self.has_changes():
            self._say(self.tr("Changes not saved yet."))

    def _check(self) -> bool:
        """Mark every field in error; True when all are right."""
        from intake.settings import validate_settings

        if self.settings is None:
            return False
        settings = self.entered()
        if settings is None:
            problems = {"default_max_distance_km": self.tr("Enter a number, such as 40.")}
        else:
            fields = [problem.field or "" for problem in validate_settings(settings)]
            problems = {key: self._sentence(key) for key in fields}
        for key in self.errors:
            self._mark(key, problems.get(key))
        return not problems

    def _sentence(self, key: str) -> str:
        """What to do about a setting in error, in a sentence."""
        if key == "default_max_distance_km":
            return self.tr("The distance must be a number greater than 0, such as 40.")
        if key == "logo_path":
            return self.tr("Choose an image file for the logo, or remove it.")
        return self.tr("This is too long: keep it under 500 characters.")

    def _show_problems(self, problems: object) -> None:
        for problem in problems:  # type: ignore[attr-defined]
            key = getattr(problem, "field", None) or ""
            if key in self.errors:
                self._mark(key, self._sentence(key))

    def _mark(self, key: str, message: str | None) -> None:
        label, widget = self.errors[key], self.inputs.get(key)
        label.setText(message or "")
        label.setVisible(bool(message))
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE if message else "")
            widget.setAccessibleDescription(message or "")

    def has_changes(self) -> bool:
        entered = self.entered()
        return self.settings is not None and entered != self.settings

    def _update_buttons(self) -> None:
        ready = self.database is not None and self.settings is not None
        changed = ready and self.has_changes()
        self.save_button.setEnabled(changed and all(not e.text() for e in self.errors.values()))
        self.revert_button.setEnabled(changed)
        self.remove_logo.setEnabled(ready and bool(self.logo.text()))
        self.choose_logo.setEnabled(ready)

    def _update_language_note(self) -> None:
        chosen = self.language.currentData()
        if chosen == i18n.current_language():
            self.language_note.setText(self.tr("The interface language of this computer."))
        else:
            self.language_note.setText(
                fill(
                    self.tr("intake will be in %1 the next time it starts."),
                    i18n.LANGUAGE_NAMES.get(chosen, chosen),
                )
            )

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # -- the logo ------------------------------------------------------------------------

    @staticmethod
    def ask_logo(parent: QWidget) -> Path | None:
        """The image file chosen for the logo, or None (a static call that tests replace)."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QFileDialog  # only when asked: not needed to start

        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("SettingsPage", "Choose the clinic's logo"),
            "",
            QCoreApplication.translate("SettingsPage", "Images (*.png *.jpg *.jpeg)"),
        )
        return Path(path) if path else None

    def _choose_logo(self) -> None:
        chosen = self.ask_logo(self)
        if chosen is not None:
            self._set_logo(str(chosen))

    def _set_logo(self, path: str | None) -> None:
        self.logo.setText(path or "")
        pixmap = QPixmap(path) if path else QPixmap()
        if path and pixmap.isNull():
            self.logo_preview.setText(self.tr("This file could not be read as an image."))
        elif pixmap.isNull():
            self.logo_preview.clear()
        else:
            self.logo_preview.setPixmap(
                pixmap.scaledToHeight(LOGO_HEIGHT, Qt.TransformationMode.SmoothTransformation)
            )
        self.logo_preview.setVisible(bool(path))
        self._changed()


def _desk_language() -> str:
    """The language chosen for this desk, else the one shown now."""
    return i18n.chosen_language() or i18n.current_language()


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return combo


def _note() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.95)
    label.setFont(font)
    return label


def _selectable() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    flags = Qt.TextInteractionFlag
    label.setTextInteractionFlags(flags.TextSelectableByMouse | flags.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


def _plain_number(text: str) -> tuple[float, bool]:
    """ "40", "12.5" or "12,5" whatever the interface language."""
    try:
        return float(text.strip().replace(",", ".")), True
    except ValueError:
        return 0.0, False
