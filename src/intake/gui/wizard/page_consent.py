"""Page 6: the client's consent to share (42 CFR Part 2), or "no consent now".

A consent names what may be shared, with which services, why, until when (a date or
an event), who signed and when. Services may be added here or, once the plan is shown,
from the recommendations page. Without consent no letter goes to a provider; the client
can still carry a handout.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from intake.directory.snapshot import DirectorySnapshot
from intake.gui.i18n import fill
from intake.gui.tasks import run_task
from intake.gui.wizard import labels
from intake.gui.wizard.draft import compact, iso_date_text
from intake.gui.wizard.page_base import IntakePage
from intake.gui.wizard.widgets import (
    AnyIndex,
    ChoiceBox,
    EnterActivates,
    FieldError,
    hide_completions,
)
from intake.problems import Problem

GIVEN, NONE = 0, 1
DEFAULT_INFORMATION = ("identity", "contact", "goals")  # the least a referral needs
CONSENT_DAYS = 365


class RecipientsModel(QAbstractListModel):
    """The services a consent names, by id, shown by name."""

    def __init__(self, snapshot: DirectorySnapshot, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.snapshot = snapshot
        self._ids: list[str] = []

    def ids(self) -> list[str]:
        return list(self._ids)

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(dict.fromkeys(ids))
        self.endResetModel()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._ids):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return service_label(self.snapshot, self._ids[index.row()])
        return None


def service_label(snapshot: DirectorySnapshot, service_id: str) -> str:
    service = snapshot.get(service_id)
    if service is None:
        return service_id
    if service.organization_name and service.organization_name != service.name:
        return f"{service.name} ({service.organization_name})"
    return service.name


def service_names(snapshot: DirectorySnapshot) -> dict[str, str]:
    """Each service's name as the counselor sees it (with its organization) -> its id, by name."""
    names: dict[str, str] = {}
    for service in sorted(snapshot.services, key=lambda s: s.name.casefold()):
        names.setdefault(service_label(snapshot, service.id), service.id)
    return names


class ConsentPage(IntakePage):
    OWNS = ("consent",)

    def step(self) -> str:
        return self.tr("Consent")

    def build(self) -> None:
        self.setTitle(self.tr("Consent to share"))
        self.setSubTitle(
            self.tr(
                "Federal rules (42 CFR Part 2) protect this information. A letter goes to a "
                "service only if the client agrees here; the client may revoke it in writing."
            )
        )
        self.given = QRadioButton(self.tr("The client &gives consent now"))
        self.none = QRadioButton(self.tr("No c&onsent now"))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.given, GIVEN)
        self.choice.addButton(self.none, NONE)
        self.choice.idClicked.connect(self._choice_changed)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.given)
        choice_row.addWidget(self.none)
        choice_row.addStretch(1)
        self.choice_error = FieldError()
        self.bind("consent", self.given, self.choice_error)

        self.details = QWidget()
        self._build_details()

        layout = QVBoxLayout(self.body)
        layout.addLayout(choice_row)
        layout.addWidget(self.choice_error)
        layout.addWidget(self.details)
        layout.addStretch(1)

    def _build_details(self) -> None:
        what = QGroupBox(self.tr("What may be shared"))
        grid = QGridLayout(what)
        self.information: dict[str, QCheckBox] = {}
        for number, (code, label) in enumerate(labels.information()):
            box = QCheckBox(label)
            box.setAccessibleName(fill(self.tr("May share: %1"), label))
            box.toggled.connect(lambda _on: self.write_consent())
            grid.addWidget(box, number // 3, number % 3)
            self.information[code] = box
        self.information_error = FieldError()
        grid.addWidget(self.information_error, 2, 0, 1, 3)
        self.bind("consent.information", what, self.information_error)

        whom = QGroupBox(self.tr("With whom"))
        whom_layout = QVBoxLayout(whom)
        self.recipients = RecipientsModel(self.context.snapshot, self)
        self.recipient_list = QListView()
        self.recipient_list.setModel(self.recipients)
        self.recipient_list.setAccessibleName(self.tr("Services that may receive a letter"))
        self.recipient_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recipient_list.setMaximumHeight(self.fontMetrics().height() * 5)
        self.service_choice = QLineEdit()
        self.service_choice.setAccessibleName(self.tr("Service to add"))
        self.service_choice.setPlaceholderText(self.tr("Type a service's name"))
        # Names in a string list, filtered in C++ as the counselor types (quick for a
        # national directory); the name is turned back into its service id on adding.
        self.service_ids: dict[str, str] = {}
        self.service_names = QStringListModel(self)
        completer = QCompleter(self.service_names, self.service_choice)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.service_choice.setCompleter(completer)
        EnterActivates(self.service_choice, self._add_recipient)
        self.add_recipient = QPushButton(self.tr("&Add service"))
        self.add_recipient.clicked.connect(self._add_recipient)
        self.remove_recipient = QPushButton(self.tr("&Remove"))
        self.remove_recipient.setAccessibleName(self.tr("Remove the selected service"))
        self.remove_recipient.clicked.connect(self._remove_recipient)
        adding = QHBoxLayout()
        adding.addWidget(self.service_choice, 1)
        adding.addWidget(self.add_recipient)
        adding.addWidget(self.remove_recipient)
        whom_layout.addWidget(self.recipient_list)
        whom_layout.addLayout(adding)
        self.recipients_error = FieldError()
        whom_layout.addWidget(self.recipients_error)
        self.bind("consent.recipients", self.recipient_list, self.recipients_error)

        form = self.form()
        self.purpose = QLineEdit()
        self.add_field(form, self.tr("&Purpose"), self.purpose, "consent.purpose")
        self.expires_on_button = QRadioButton(self.tr("Ends on a &date"))
        self.expires_event_button = QRadioButton(self.tr("Ends &when"))
        self.expiry_kind = QButtonGroup(self)
        self.expiry_kind.addButton(self.expires_on_button, 0)
        self.expiry_kind.addButton(self.expires_event_button, 1)
        self.expiry_kind.idClicked.connect(lambda _id: self.write_consent())
        self.expires_on = QLineEdit()
        self.expires_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.expires_on.setAccessibleName(self.tr("Consent ends on"))
        self.expires_event = QLineEdit()
        self.expires_event.setPlaceholderText(self.tr('e.g. "End of treatment"'))
        self.expires_event.setAccessibleName(self.tr("Consent ends when"))
        expiry = QWidget()
        expiry_grid = QGridLayout(expiry)
        expiry_grid.setContentsMargins(0, 0, 0, 0)
        expiry_grid.addWidget(self.expires_on_button, 0, 0)
        expiry_grid.addWidget(self.expires_on, 0, 1)
        expiry_grid.addWidget(self.expires_event_button, 1, 0)
        expiry_grid.addWidget(self.expires_event, 1, 1)
        self.expiry_error = FieldError()
        expiry_grid.addWidget(self.expiry_error, 2, 0, 1, 2)
        expiry.setFocusProxy(self.expires_on_button)
        form.addRow(self.tr("Expires"), expiry)
        self.bind(
            "consent.expires_on",
            self.expires_on,
            self.expiry_error,
            required_text=self.tr("Give the date the consent ends, or the event that ends it."),
        )
        self.bind(
            "consent.expires_event",
            self.expires_event,
            self.expiry_error,
            required_text=self.tr("Give the date the consent ends, or the event that ends it."),
        )
        self.signed_by = QLineEdit()
        self.add_field(
            form,
            self.tr("&Signed by"),
            self.signed_by,
            "consent.signed_by",
            required_text=self.tr("Enter the name of the person who signed."),
        )
        self.relationship = ChoiceBox(labels.relationships(), self.tr("Not said"))
        self.add_field(
            form, self.tr("Signer &is"), self.relationship, "consent.signer_relationship"
        )
        self.signed_on = QLineEdit()
        self.signed_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.add_field(
            form,
            self.tr("Da&te signed"),
            self.signed_on,
            "consent.signed_on",
            required_text=self.tr("Enter the date the consent was signed."),
        )

        for line in (
            self.purpose,
            self.expires_on,
            self.expires_event,
            self.signed_by,
            self.signed_on,
        ):
            line.textEdited.connect(lambda _text: self.write_consent())
        self.relationship.chosen.connect(lambda _code: self.write_consent())

        layout = QVBoxLayout(self.details)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(what)
        layout.addWidget(whom)
        layout.addLayout(form)

    # -- showing the draft ---------------------------------------------------------------

    def load(self) -> None:
        consent = self.draft.get("consent")
        given = isinstance(consent, dict)
        if given:
            self._show(consent)
        elif self.draft.extra("consent_choice") == "none":
            self._show(self.draft.extra("consent_set_aside") or self._defaults())
        else:
            self._show(self._defaults())
        chosen = GIVEN if given else (NONE if self.draft.extra("consent_choice") else -1)
        self.choice.setExclusive(False)
        self.given.setChecked(chosen == GIVEN)
        self.none.setChecked(chosen == NONE)
        self.choice.setExclusive(True)
        self.details.setEnabled(given)

    def _defaults(self) -> dict[str, Any]:
        today = self.context.today
        return {
            "information": list(DEFAULT_INFORMATION),
            "purpose": self.tr("Referral for care at the client's request"),
            "expires_on": (today + dt.timedelta(days=CONSENT_DAYS)).isoformat(),
            "signed_by": self.draft.get("client.name", ""),
            "signer_relationship": "self",
            "signed_on": today.isoformat(),
        }

    def _show(self, consent: dict[str, Any]) -> None:
        for code, box in self.information.items():
            box.setChecked(code in (consent.get("information") or []))
        self.recipients.set_ids(consent.get("recipients") or [])
        self.purpose.setText(consent.get("purpose") or "")
        self.expires_on.setText(str(consent.get("expires_on") or ""))
        self.expires_event.setText(consent.get("expires_event") or "")
        by_event = bool(consent.get("expires_event")) and not consent.get("expires_on")
        self.expires_event_button.setChecked(by_event)
        self.expires_on_button.setChecked(not by_event)
        self.signed_by.setText(consent.get("signed_by") or "")
        self.relationship.set_value(consent.get("signer_relationship"))
        self.signed_on.setText(str(consent.get("signed_on") or ""))

    # -- answers -------------------------------------------------------------------------

    def consent_on_screen(self) -> dict[str, Any]:
        by_event = self.expires_event_button.isChecked()
        return compact(
            {
                "recipients": self.recipients.ids(),
                "information": [c for c, box in self.information.items() if box.isChecked()],
                "purpose": self.purpose.text(),
                "expires_on": None if by_event else iso_date_text(self.expires_on.text()),
                "expires_event": self.expires_event.text() if by_event else None,
                "signed_by": self.signed_by.text(),
                "signer_relationship": self.relationship.value(),
                "signed_on": iso_date_text(self.signed_on.text()),
            }
        )

    def write_consent(self) -> None:
        self.expires_on.setEnabled(not self.expires_event_button.isChecked())
        self.expires_event.setEnabled(self.expires_event_button.isChecked())
        if self.loading or not self.given.isChecked():
            return
        # The form was filled in when consent was given: whatever is missing now was
        # removed by the counselor, so it is said at once.
        self.touched.update(self._bindings)
        self.write("consent", self.consent_on_screen())

    def _choice_changed(self, choice: int) -> None:
        given = choice == GIVEN
        self.details.setEnabled(given)
        if given:
            self.write_extra("consent_choice", "given")
            self.write_extra("consent_set_aside", None)
            self.write("consent", self.consent_on_screen())
        else:
            self.write_extra("consent_choice", "none")
            self.write_extra("consent_set_aside", self.consent_on_screen())
            self.write("consent", None)

    def _binding_for(self, problem: Problem) -> str | None:
        """A missing expiry is shown at the kind of expiry chosen (a date, or an event)."""
        path = super()._binding_for(problem)
        if path == "consent.expires_on" and self.expires_event_button.isChecked():
            return "consent.expires_event"
        return path

    def load_service_names(self) -> None:
        """Sort the services' names off the UI thread (a national directory takes a moment)."""
        if self.service_ids:
            return
        snapshot = self.context.snapshot
        run_task(self, lambda: service_names(snapshot), self._names_ready, lambda _exc: None)

    def initializePage(self) -> None:
        self.load_service_names()  # if the wizard has not started it yet
        super().initializePage()

    def _names_ready(self, names: dict[str, str]) -> None:
        self.service_ids = names
        self.service_names.setStringList(list(names))

    def _add_recipient(self) -> None:
        hide_completions(self.service_choice.completer())
        typed = self.service_choice.text().strip()
        service_id = self.service_ids.get(typed) or next(
            (sid for name, sid in self.service_ids.items() if name.casefold() == typed.casefold()),
            None,
        )
        if service_id is None:
            return
        self.recipients.set_ids([*self.recipients.ids(), service_id])
        self.service_choice.clear()
        self.write_consent()

    def _remove_recipient(self) -> None:
        row = self.recipient_list.currentIndex().row()
        if row >= 0:
            self.recipients.remove(row)
            self.write_consent()
