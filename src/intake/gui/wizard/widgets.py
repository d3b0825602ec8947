"""Small reusable inputs of the wizard: yes / no / prefer not to say, a choice with "not
asked", a sentence under a field that needs fixing, and the language picker.

Each input says what it holds through one signal and takes a value without echoing it
back, so a page can load the draft into it without writing the draft again.
"""

import functools
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from intake.gui.i18n import fill

AnyIndex = QModelIndex | QPersistentModelIndex
CODE_ROLE = Qt.ItemDataRole.UserRole + 1

YES, NO, DECLINED = 0, 1, 2


def hide_completions(completer: QCompleter | None) -> None:
    """Close a completer's list of suggestions (after Enter or Add took the text)."""
    popup = completer.popup() if completer is not None else None
    if popup is not None:
        popup.hide()


def plural(count: int, one: str, many: str) -> str:
    """`one` for 1, else `many` with %1 filled: plural(3, tr("1 referral"), tr("%1 referrals"))."""
    return fill(one if count == 1 else many, count)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline a field that needs fixing (the sentence under it says why; colour is not alone)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class EnterActivates(QObject):
    """Enter in a line edit (or an editable combo box) runs `action` instead of pressing the
    wizard's Next button.

    The filter sits on the widget with the focus and, for a combo box, on its line edit
    (the combo box hands keys to it directly).
    """

    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        self._action = action
        widget.installEventFilter(self)
        line_edit = widget.lineEdit() if isinstance(widget, QComboBox) else None
        if line_edit is not None:
            line_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._action()
            return True
        return super().eventFilter(watched, event)


class FieldError(QWidget):
    """The sentence under a field saying what to fix, with a warning icon; hidden when fine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        pixmap = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(pixmap.pixmap(QSize(size, size)))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setObjectName("fieldError")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(icon)
        layout.addWidget(self.text, 1)
        self.hide()

    def set_message(self, message: str | None) -> None:
        self.text.setText(message or "")
        self.setVisible(bool(message))

    def message(self) -> str:
        return self.text.text()


class TriState(QWidget):
    """Yes / No / Prefer not to say, or nothing chosen yet (unknown).

    `changed(value, declined)`: value True, False or None; declined True when the client
    preferred not to say (the answer then stays unknown).
    """

    changed = Signal(object, bool)

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        texts = (self.tr("Yes"), self.tr("No"), self.tr("Prefer not to say"))
        self.buttons: list[QRadioButton] = []
        for number, text in enumerate(texts):
            button = QRadioButton(text)
            button.setAccessibleName(f"{question}: {text}")
            self.group.addButton(button, number)
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)
        self.setFocusProxy(self.buttons[YES])
        self.group.idClicked.connect(self._clicked)

    def value(self) -> bool | None:
        checked = self.group.checkedId()
        return {YES: True, NO: False}.get(checked)

    def declined(self) -> bool:
        return self.group.checkedId() == DECLINED

    def set_state(self, value: bool | None, declined: bool = False) -> None:
        """Show an answer without emitting `changed`."""
        if value is True:
            number = YES
        elif value is False:
            number = NO
        else:
            number = DECLINED if declined else -1
        self.group.setExclusive(False)  # an exclusive group cannot show "nothing chosen"
        for index, button in enumerate(self.buttons):
            button.setChecked(index == number)
        self.group.setExclusive(True)
        self.setFocusProxy(self.buttons[number if number >= 0 else YES])

    def _clicked(self, number: int) -> None:
        self.setFocusProxy(self.buttons[number])
        self.changed.emit(self.value(), self.declined())


class ChoiceBox(QComboBox):
    """A choice among codes, with a first entry meaning "not asked" (unknown)."""

    chosen = Signal(object)  # the code, or None

    def __init__(
        self, choices: Sequence[tuple[str, str]], blank: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.addItem(blank, None)
        for code, label in choices:
            self.addItem(label, code)
        self.setMinimumContentsLength(
            min(24, max(len(label) for _, label in [("", blank), *choices]))
        )
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.currentIndexChanged.connect(lambda _: self.chosen.emit(self.value()))

    def value(self) -> str | None:
        code = self.currentData()
        return code if isinstance(code, str) else None

    def set_value(self, code: object) -> None:
        """Show a code (None: not asked) without emitting `chosen`."""
        index = self.findData(code) if isinstance(code, str) else 0
        self.blockSignals(True)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)


# --- languages ------------------------------------------------------------------------


@functools.cache
def all_languages() -> tuple[tuple[str, str], ...]:
    """(ISO 639-1 code, name) of every language Qt knows, by name."""
    found: dict[str, str] = {}
    for language in QLocale.Language:
        code = QLocale.languageToCode(language, QLocale.LanguageCodeType.ISO639Part1)
        if len(code) == 2 and code not in found:
            found[code] = QLocale.languageToString(language)
    return tuple(sorted(found.items(), key=lambda item: item[1].casefold()))


def language_label(code: str) -> str:
    name = dict(all_languages()).get(code)
    return f"{name} ({code})" if name else code


class LanguageListModel(QAbstractListModel):
    """The client's languages, preferred first, as ISO 639-1 codes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._codes: list[str] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._codes)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._codes):
            return None
        code = self._codes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            label = language_label(code)
            return fill(self.tr("%1 (preferred)"), label) if index.row() == 0 else label
        if role == CODE_ROLE:
            return code
        return None

    def codes(self) -> list[str]:
        return list(self._codes)

    def set_codes(self, codes: Sequence[str]) -> None:
        self.beginResetModel()
        self._codes = list(dict.fromkeys(codes))
        self.endResetModel()

    def add(self, code: str) -> bool:
        if code in self._codes:
            return False
        self.beginInsertRows(QModelIndex(), len(self._codes), len(self._codes))
        self._codes.append(code)
        self.endInsertRows()
        return True

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._codes):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._codes[row]
            self.endRemoveRows()
            self._first_changed()

    def move_up(self, row: int) -> bool:
        if not 0 < row < len(self._codes):
            return False
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), row - 1)
        self._codes[row - 1], self._codes[row] = self._codes[row], self._codes[row - 1]
        self.endMoveRows()
        self._first_changed()
        return True

    def _first_changed(self) -> None:
        if self._codes:  # "(preferred)" moves with the first row
            top = self.index(0, 0)
            self.dataChanged.emit(top, self.index(min(1, len(self._codes) - 1), 0))


class LanguagePicker(QWidget):
    """Languages the client speaks, preferred first: pick from a list (type to filter),
    Add, move up, remove. `changed(codes)` after each change."""

    changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LanguageListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Languages the client speaks, preferred first"))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMaximumHeight(self.fontMetrics().height() * 5)
        self.view.installEventFilter(self)

        self.choice = QComboBox()
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.choice.setMinimumContentsLength(16)
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setAccessibleName(self.tr("Language to add"))
        line_edit = self.choice.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Type a language, e.g. Spanish"))
        for code, name in all_languages():
            self.choice.addItem(f"{name} ({code})", code)
        self.choice.setCurrentIndex(-1)
        completer = QCompleter(self.choice.model(), self.choice)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.choice.setCompleter(completer)
        EnterActivates(self.choice, self.add_current)

        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add the language"))
        self.add_button.clicked.connect(self.add_current)
        self.up_button = QPushButton(self.tr("Make preferred"))
        self.up_button.setToolTip(self.tr("Move the selected language up (Ctrl+Up)"))
        self.up_button.clicked.connect(self._move_up)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected language (Delete)"))
        self.remove_button.clicked.connect(self._remove)

        adding = QHBoxLayout()
        adding.addWidget(self.choice, 1)
        adding.addWidget(self.add_button)
        listing = QHBoxLayout()
        listing.addWidget(self.view, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        listing.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(adding)
        layout.addLayout(listing)
        self.setFocusProxy(self.choice)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self._update_buttons()

    def codes(self) -> list[str]:
        return self.model.codes()

    def set_codes(self, codes: Sequence[str]) -> None:
        """Show the client's languages without emitting `changed`."""
        self.model.set_codes(codes)

    def add_current(self) -> None:
        hide_completions(self.choice.completer())
        code = self._typed_code()
        if code is None:
            return
        if self.model.add(code):
            self.changed.emit(self.codes())
        self.choice.setCurrentIndex(-1)
        self.choice.clearEditText()

    def _typed_code(self) -> str | None:
        """The language in the box: the item shown, or the one whose name or code was typed."""
        text = self.choice.currentText().strip().casefold()
        if not text:
            return None
        for code, name in all_languages():
            if text in (code, name.casefold(), f"{name} ({code})".casefold()):
                return code
        matches = [code for code, name in all_languages() if name.casefold().startswith(text)]
        return matches[0] if len(matches) == 1 else None

    def _move_up(self) -> None:
        row = self.view.currentIndex().row()
        if self.model.move_up(row):
            self.view.setCurrentIndex(self.model.index(row - 1, 0))
            self.changed.emit(self.codes())

    def _remove(self) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.model.remove(row)
            self.changed.emit(self.codes())

    def _update_buttons(self) -> None:
        row = self.view.currentIndex().row()
        self.up_button.setEnabled(row > 0)
        self.remove_button.setEnabled(row >= 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.view and key == Qt.Key.Key_Delete:
                self._remove()
                return True
            if (
                watched is self.view
                and key == Qt.Key.Key_Up
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self._move_up()
                return True
        return super().eventFilter(watched, event)
