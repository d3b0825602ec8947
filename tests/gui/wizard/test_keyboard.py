"""Everyone can use it: a label and an accessible name on every input, one mnemonic per
letter on each page, a sensible Tab order, and the plan's checkboxes reachable by keys."""

import re

from wizard_driver import Driver, Key

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from intake.gui.wizard.wizard import CONSENT_PAGE, PLAN_PAGE

INPUTS = (QLineEdit, QComboBox, QAbstractButton, QAbstractItemView, QPlainTextEdit,
          QTextEdit, QAbstractSpinBox)  # fmt: skip
MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def visible(wizard, kind: type) -> list:
    return [w for w in wizard.findChildren(kind) if w.isVisible()]


def walk_every_page(qtbot, wizard):
    """Yield on each page, with enough answered to go on (and the consent form shown)."""
    drive = Driver(qtbot, wizard)
    drive.type("Sky")
    for number in range(len(wizard.pages)):
        assert wizard.currentId() == number
        if number == 1:
            wizard.currentPage().goal_boxes["safety"].click()
        if number == 2:
            wizard.currentPage().add_button.click()
        if number == CONSENT_PAGE:
            wizard.currentPage().given.click()
        if number == PLAN_PAGE:
            drive.wait_for_plan()
            wizard.currentPage().tabs.setCurrentIndex(1)
        QApplication.processEvents()
        yield number
        wizard.next()


def test_each_page_uses_each_mnemonic_letter_once(qtbot, open_wizard) -> None:
    wizard = open_wizard()
    for number in walk_every_page(qtbot, wizard):
        letters: dict[str, list[str]] = {}
        texts = [label.text() for label in visible(wizard, QLabel) if label.buddy()]
        texts += [button.text() for button in visible(wizard, QAbstractButton)]
        for text in texts:
            for letter in MNEMONIC.findall(text):
                letters.setdefault(letter.lower(), []).append(text)
        repeated = {k: v for k, v in letters.items() if len(v) > 1}
        assert not repeated, f"page {number + 1}: {repeated}"


def test_every_input_has_an_accessible_name(qtbot, open_wizard) -> None:
    wizard = open_wizard()
    for number in walk_every_page(qtbot, wizard):
        page = wizard.currentPage()
        nameless = [
            widget
            for widget in page.findChildren(QWidget)
            if isinstance(widget, INPUTS)
            and widget.isVisible()
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox)
            and widget.parentWidget().metaObject().className() != "QTabBar"
            and not widget.accessibleName()
            and not (isinstance(widget, QAbstractButton) and widget.text())
            and widget.metaObject().className() not in ("QScrollBar", "QHeaderView")
        ]
        assert not nameless, f"page {number + 1}: {nameless}"


def test_tab_goes_through_the_client_page_in_reading_order(qtbot, open_wizard) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard)
    names = []
    for _ in range(13):
        widget = QApplication.focusWidget()
        names.append(widget.accessibleName() or getattr(widget, "text", lambda: "")())
        drive.key(Key.Key_Tab)
    assert names == [
        "Name or alias (required)",
        "The name is an alias only",
        "Date of birth",
        "Age in years, if no date of birth",
        "Gender",
        "Pronouns",
        "Language to add",
        "Add the language",
        "Languages the client speaks, preferred first",
        "Postal code",
        "Phone",
        "Email",
        "Safe to contact: Yes",
    ]


def test_the_plans_checkboxes_are_reached_with_tab_and_ticked_with_space(
    qtbot, open_wizard
) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard)
    drive.type("Sky")
    drive.next_by_enter()
    drive.alt("s")
    for _ in range(5):
        drive.next_by_keyboard()
    drive.wait_for_plan()
    page = wizard.plan_page
    for _ in range(10):
        if QApplication.focusWidget() is page.tree:
            break
        drive.key(Key.Key_Tab)
    assert QApplication.focusWidget() is page.tree
    drive.key(Key.Key_Space)
    first = wizard.plan().pathways[0].referrals[0]
    assert page.chosen() == [(first.pathway, first.service_id)]
    drive.key(Key.Key_Space)
    assert page.chosen() == []
    drive.key(Key.Key_Return)  # Enter on the tree goes on, as on every page
    assert wizard.currentId() == PLAN_PAGE + 1
