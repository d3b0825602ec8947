"""Page 1: who the client is and how to reach them; and is this someone already known?

Only a name (or an alias) is needed to go on. While the name and date of birth are
typed, the records are searched for the same person (off the UI thread); if someone
may match, the counselor can add this intake to that record or say it is someone new.
"""

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.gui.i18n import fill
from intake.gui.tasks import run_task
from intake.gui.wizard import labels
from intake.gui.wizard.draft import iso_date_text
from intake.gui.wizard.page_base import IntakePage
from intake.gui.wizard.widgets import AnyIndex, ChoiceBox, LanguagePicker, TriState
from intake.records import ClientSummary, name_key, possible_duplicates

DECLINED = "declined"  # the gender box's "prefer not to say": the answer stays unknown
DUPLICATE_DELAY_MS = 400


class ClientListModel(QAbstractListModel):
    """Clients who may be the one being entered (summaries only, never their answers)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clients: list[ClientSummary] = []

    def set_clients(self, clients: Sequence[ClientSummary]) -> None:
        self.beginResetModel()
        self._clients = list(clients)
        self.endResetModel()

    def label(self, client: ClientSummary) -> str:
        """ "Maria López (alias), born 1990-04-12, last seen 2026-11-01"."""
        name = fill(self.tr("%1 (alias)"), client.name) if client.is_alias else client.name
        if client.date_of_birth is None:
            text = fill(self.tr("%1, last seen %2"), name, f"{client.updated_at:%Y-%m-%d}")
        else:
            text = fill(
                self.tr("%1, born %2, last seen %3"),
                name,
                client.date_of_birth.isoformat(),
                f"{client.updated_at:%Y-%m-%d}",
            )
        return text

    def client(self, row: int) -> ClientSummary | None:
        return self._clients[row] if 0 <= row < len(self._clients) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._clients)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        client = self.client(index.row()) if index.isValid() else None
        if client is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.label(client)
        return None


class ClientPage(IntakePage):
    OWNS = ("client",)

    def step(self) -> str:
        return self.tr("Client")

    def build(self) -> None:
        self.setTitle(self.tr("The client"))
        self.setSubTitle(
            self.tr(
                "Only a name is needed; an alias is fine. Skip anything the client would "
                "rather not share."
            )
        )
        form = self.form()

        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.alias = QCheckBox(self.tr("This is an alias onl&y"))
        self.alias.setAccessibleName(self.tr("The name is an alias only"))
        name_row = QWidget()
        row = QHBoxLayout(name_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 1)
        row.addWidget(self.alias)
        self.add_field(
            form,
            self.tr("N&ame or alias (required)"),
            name_row,
            "client.name",
            required_text=self.tr("Enter a name or an alias."),
            accessible_name=self.tr("Name or alias"),
        )
        name_row.setFocusProxy(self.name)
        self.name.setAccessibleName(self.tr("Name or alias (required)"))

        self.date_of_birth = QLineEdit()
        self.date_of_birth.setPlaceholderText(self.tr("YYYY-MM-DD, e.g. 1990-04-12"))
        self.add_field(form, self.tr("&Date of birth"), self.date_of_birth, "client.date_of_birth")
        self.age = QLineEdit()
        self.age.setValidator(QIntValidator(0, 999, self.age))
        self.age.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000000"))
        self.age.setPlaceholderText(self.tr("years"))
        self.add_field(
            form,
            self.tr("or a&ge"),
            self.age,
            "client.age",
            accessible_name=self.tr("Age in years, if no date of birth"),
        )

        gender_choices = [*labels.genders(), (DECLINED, self.tr("Prefer not to say"))]
        self.gender = ChoiceBox(gender_choices, self.tr("Not asked"))
        self.add_field(form, self.tr("Gend&er"), self.gender, "client.gender")
        self.pronouns = QComboBox()
        self.pronouns.setEditable(True)
        self.pronouns.addItems(["", "she/her", "he/him", "they/them"])
        self.pronouns.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.pronouns.setMinimumContentsLength(12)
        self.pronouns.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.add_field(form, self.tr("&Pronouns"), self.pronouns, "client.pronouns")
        self.languages = LanguagePicker()
        self.add_field(
            form,
            self.tr("&Languages (preferred first)"),
            self.languages,
            "client.languages",
            accessible_name=self.tr("Languages"),
        )

        self.postal_code = QLineEdit()
        self.postal_code.setMaxLength(10)
        self.add_field(
            form,
            self.tr("Postal &code (where the client stays)"),
            self.postal_code,
            "client.postal_code",
            accessible_name=self.tr("Postal code"),
        )
        self.phone = QLineEdit()
        self.add_field(form, self.tr("P&hone"), self.phone, "client.phone")
        self.email = QLineEdit()
        self.add_field(form, self.tr("E&mail"), self.email, "client.email")
        self.safe_to_contact = TriState(self.tr("Safe to contact"))
        self.add_field(
            form,
            self.tr("&Safe for the clinic to call, text or mail?"),
            self.safe_to_contact,
            "client.safe_to_contact",
            accessible_name=self.tr("Safe to contact"),
        )

        layout = QVBoxLayout(self.body)
        layout.addWidget(self._build_duplicates())
        layout.addLayout(form)
        layout.addStretch(1)

        self.name.textEdited.connect(self._name_edited)
        self.alias.toggled.connect(lambda on: self.write_extra("is_alias", on or None))
        self.date_of_birth.textEdited.connect(self._date_of_birth_edited)
        self.age.textEdited.connect(lambda text: self.write("client.age", _int_or_text(text)))
        self.gender.chosen.connect(self._gender_chosen)
        self.pronouns.editTextChanged.connect(lambda text: self.write("client.pronouns", text))
        self.languages.changed.connect(lambda codes: self.write("client.languages", codes))
        self.postal_code.textEdited.connect(lambda t: self.write("client.postal_code", t))
        self.phone.textEdited.connect(lambda text: self.write("client.phone", text))
        self.email.textEdited.connect(lambda text: self.write("client.email", text))
        self.safe_to_contact.changed.connect(self._safe_to_contact_changed)

        self._duplicate_request = 0
        self.duplicate_timer = QTimer(self)
        self.duplicate_timer.setSingleShot(True)
        self.duplicate_timer.setInterval(DUPLICATE_DELAY_MS)
        self.duplicate_timer.timeout.connect(self.check_duplicates)

    def _build_duplicates(self) -> QWidget:
        self.duplicates = QFrame()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicate_text = QLabel()
        self.duplicate_text.setWordWrap(True)
        self.duplicate_text.setTextFormat(Qt.TextFormat.RichText)
        self.duplicate_model = ClientListModel(self)
        self.duplicate_list = QListView()
        self.duplicate_list.setModel(self.duplicate_model)
        self.duplicate_list.setAccessibleName(self.tr("Clients already on record"))
        self.duplicate_list.setMaximumHeight(self.fontMetrics().height() * 5)
        self.use_existing = QPushButton(self.tr("&Use this record"))
        self.use_existing.clicked.connect(self._use_existing)
        self.someone_new = QPushButton(self.tr("No, this is someone ne&w"))
        self.someone_new.clicked.connect(self._someone_new)
        self.new_record = QPushButton(self.tr("Start a ne&w record instead"))
        self.new_record.clicked.connect(self._new_record)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_existing)
        buttons.addWidget(self.someone_new)
        buttons.addWidget(self.new_record)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.duplicates)
        layout.addWidget(self.duplicate_text)
        layout.addWidget(self.duplicate_list)
        layout.addLayout(buttons)
        self.duplicates.hide()
        return self.duplicates

    # -- showing the draft ---------------------------------------------------------------

    def load(self) -> None:
        draft = self.draft
        self.name.setText(draft.get("client.name", ""))
        self.alias.setChecked(bool(draft.extra("is_alias")))
        self.date_of_birth.setText(str(draft.get("client.date_of_birth", "")))
        age = draft.get("client.age")
        self.age.setText("" if age is None else str(age))
        gender = draft.get("client.gender")
        self.gender.set_value(DECLINED if draft.declined("client.gender") else gender)
        self.pronouns.setEditText(draft.get("client.pronouns", ""))
        self.languages.set_codes(draft.get("client.languages") or [])
        self.postal_code.setText(draft.get("client.postal_code", ""))
        self.phone.setText(draft.get("client.phone", ""))
        self.email.setText(draft.get("client.email", ""))
        self.safe_to_contact.set_state(
            draft.get("client.safe_to_contact"), draft.declined("client.safe_to_contact")
        )
        self._show_chosen_client()

    # -- answers -------------------------------------------------------------------------

    def _name_edited(self, text: str) -> None:
        self.write("client.name", text)
        self.duplicate_timer.start()

    def _date_of_birth_edited(self, text: str) -> None:
        self.write("client.date_of_birth", iso_date_text(text))
        self.duplicate_timer.start()

    def _gender_chosen(self, code: str | None) -> None:
        self.write_declined("client.gender", code == DECLINED)
        self.write("client.gender", None if code == DECLINED else code)

    def _safe_to_contact_changed(self, value: bool | None, declined: bool) -> None:
        self.write_declined("client.safe_to_contact", declined)
        self.write("client.safe_to_contact", value)

    # -- is this someone already on record? ----------------------------------------------

    def _identity(self) -> tuple[str, dt.date | None]:
        name = (self.draft.get("client.name") or "").strip()
        try:
            born = dt.date.fromisoformat(str(self.draft.get("client.date_of_birth", "")))
        except ValueError:
            born = None
        return name, born

    def _identity_key(self) -> str:
        name, born = self._identity()
        return f"{name_key(name)}|{born or ''}"

    def check_duplicates(self) -> None:
        """Search the records for the person being entered (off the UI thread)."""
        self._duplicate_request += 1
        request = self._duplicate_request
        name, born = self._identity()
        if self.context.client_id or not name_key(name):
            self._show_duplicates([], request)
            return
        if self.draft.extra("checked_identity") == self._identity_key():
            self._show_duplicates([], request)  # the counselor said: someone new
            return
        database = self.context.database
        run_task(
            self,
            lambda: possible_duplicates(database, name, born),
            lambda found: self._show_duplicates(found, request),
            lambda _exc: self._show_duplicates([], request),
        )

    def _show_duplicates(self, found: list[ClientSummary], request: int) -> None:
        if request != self._duplicate_request or self.context.client_id:
            return  # a newer search is on its way, or a record was chosen meanwhile
        self.duplicate_model.set_clients(found)
        if not found:
            self.duplicates.hide()
            return
        self.duplicate_list.setCurrentIndex(self.duplicate_model.index(0, 0))
        self.duplicate_text.setText(
            self.tr(
                "<b>This person may already have a record.</b> If it is one of these, use "
                "that record so the client's history stays together."
            )
        )
        self.duplicate_list.show()
        self.use_existing.show()
        self.someone_new.show()
        self.new_record.hide()
        self.duplicates.show()

    def _use_existing(self) -> None:
        client = self.duplicate_model.client(self.duplicate_list.currentIndex().row())
        if client is None:
            return
        self.write_extra("client_label", self.duplicate_model.label(client))
        self.write_extra("client_id", client.id)
        self._show_chosen_client()

    def _someone_new(self) -> None:
        self.write_extra("checked_identity", self._identity_key())
        self.duplicates.hide()

    def _new_record(self) -> None:
        self.write_extra("client_id", None)
        self.write_extra("client_label", None)
        self.write_extra("checked_identity", self._identity_key())
        self.duplicates.hide()

    def _show_chosen_client(self) -> None:
        if not self.context.client_id:
            self.duplicates.hide()
            return
        label = self.draft.extra("client_label") or self.tr("a client on record")
        self.duplicate_text.setText(
            html.escape(fill(self.tr("This intake will be added to the record of %1."), label))
        )
        self.duplicate_list.hide()
        self.use_existing.hide()
        self.someone_new.hide()
        self.new_record.show()
        self.duplicates.show()


def _int_or_text(text: str) -> int | str:
    """A whole number as a number; anything else as typed, for the intake model to word."""
    text = text.strip()
    return int(text) if text.isdigit() else text
