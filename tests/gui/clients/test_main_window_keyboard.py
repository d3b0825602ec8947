"""Keyboard and access: mnemonics that do not clash (English and Spanish), accessible names on
every input, a sensible tab order, the whole client flow by keyboard, and 150% scaling."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from intake.gui import i18n
from intake.gui.main_window import MainWindow

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE.parents[2] / "screenshots"
INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView, QAbstractButton)


def open_window(qtbot, tmp_path: Path) -> MainWindow:
    window = MainWindow(f"sqlite:///{tmp_path / 'intake.db'}")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    with qtbot.waitSignals(
        [window.clients_page.searched, window.settings_page.loaded], timeout=60_000
    ):
        window.start_loading()
    return window


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ("&&" is a literal ampersand)."""
    text = text.replace("&&", "")
    at = text.find("&")
    return text[at + 1].lower() if 0 <= at < len(text) - 1 else None


def page_mnemonics(page: QWidget) -> list[tuple[str, str]]:
    found = []
    for widget in page.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            letter = mnemonic(widget.text())
            if letter:
                found.append((letter, widget.text()))
    return found


def window_mnemonics(window: MainWindow) -> list[tuple[str, str]]:
    texts = [action.text() for action in window.menuBar().actions()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    return [(m, t) for t in texts if (m := mnemonic(t))]


def clashes(window: MainWindow) -> dict[str, list[str]]:
    problems = {}
    for index in range(window.tabs.count()):
        page = window.tabs.widget(index)
        letters: dict[str, list[str]] = {}
        for letter, text in window_mnemonics(window) + page_mnemonics(page):
            letters.setdefault(letter, []).append(text)
        problems |= {
            f"{window.tabs.tabText(index)} {letter}": texts
            for letter, texts in letters.items()
            if len(texts) > 1
        }
    return problems


@pytest.fixture
def spanish() -> Iterator[None]:
    assert i18n.install("es")
    yield
    i18n.uninstall()


def test_no_two_mnemonics_clash_in_english(qtbot, clients_db, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path)
    assert clashes(window) == {}


def test_no_two_mnemonics_clash_in_spanish(qtbot, clients_db, tmp_path: Path, spanish) -> None:
    window = open_window(qtbot, tmp_path)
    assert clashes(window) == {}


def test_every_label_with_a_mnemonic_moves_to_its_input(qtbot, clients_db, tmp_path) -> None:
    window = open_window(qtbot, tmp_path)
    for page in (window.clients_page, window.settings_page):
        for label in page.findChildren(QLabel):
            if mnemonic(label.text()):
                assert label.buddy() is not None, label.text()


def test_every_input_has_an_accessible_name(qtbot, clients_db, tmp_path) -> None:
    window = open_window(qtbot, tmp_path)
    unnamed = [
        f"{type(w).__name__} in {type(page).__name__}"
        for page in (window.clients_page, window.settings_page)
        for w in page.findChildren(QWidget)
        if isinstance(w, INPUTS)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus  # not a line edit's own clear button
        and w.window() is window  # not the list inside a combo box's popup
        and not (w.accessibleName() or getattr(w, "text", lambda: "")())
    ]
    assert unnamed == []


def focus_chain(qtbot, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus()
    chain = [QApplication.focusWidget()]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    return chain


def test_tab_goes_through_the_clients_page_in_reading_order(qtbot, clients_db, tmp_path) -> None:
    window = open_window(qtbot, tmp_path)
    page = window.clients_page.finder
    with qtbot.waitSignal(page.history.loaded, timeout=30_000):
        page.table.selectRow(0)
    chain = focus_chain(qtbot, page.search, 5)
    history = page.history
    assert chain == [
        page.search,
        page.new_button,
        page.table,
        history.new_button,
        history.intakes,
        history.referrals,
    ]


def test_tab_goes_down_the_settings_form(qtbot, clients_db, tmp_path) -> None:
    window = open_window(qtbot, tmp_path)
    window.tabs.setCurrentWidget(window.settings_tab)
    s = window.settings_page
    chain = focus_chain(qtbot, s.clinic_name, 5)
    assert chain == [s.clinic_name, s.address, s.phone, s.logo, s.choose_logo, s.counselor_name]


def test_a_client_found_and_an_intake_started_by_keyboard_alone(
    qtbot, clients_db, tmp_path, fake_wizard
) -> None:
    window = open_window(qtbot, tmp_path)
    window.tabs.setCurrentWidget(window.directory_page)
    page = window.clients_page.finder
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.clients_page and page.search.hasFocus()
    with qtbot.waitSignal(page.searched, timeout=30_000):
        qtbot.keyClicks(page.search, "whitehorse")
    with qtbot.waitSignal(page.history.loaded, timeout=30_000):
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.history.intakes.hasFocus()
    assert page.history.referrals_model.rows()[0].service_name == "SMART Recovery Online"
    qtbot.keyClick(page.history.intakes, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(fake_wizard.opened) == 1)  # a mnemonic clicks when let go
    [wizard] = fake_wizard.opened
    assert wizard.client_id == page.chosen_client().id
    wizard.reject()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(fake_wizard.opened) == 2 and fake_wizard.opened[1].client_id is None


AT_150_PERCENT = """
import sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from clients_samples import add_few_clients
from intake.gui.main_window import MainWindow
from intake.store.db import open_database
url = "sqlite:///" + sys.argv[3] + "/intake.db"
add_few_clients(open_database(url))
window = MainWindow(url)
window.show()
# 1280x720 pixels at 150% is 853x480 points; leave room for a title bar and a task bar.
window.resize(853, 440)
def listed():
    finder = window.clients_page.finder
    finder.history.loaded.connect(app.quit)
    finder.table.selectRow(4)

window.clients_page.searched.connect(listed)
window.start_loading()
app.exec()
app.processEvents()
hint = window.minimumSizeHint()
fits = hint.width() <= 853 and hint.height() <= 440
history = window.clients_page.finder.history
shown = history.intakes_model.rowCount() == 1 and not history.intakes.isHidden()
print(window.devicePixelRatio(), fits, window.width() <= 853, shown)
window.grab().save(sys.argv[2] + "/main_window_clients_150_percent.png")
window.tabs.setCurrentWidget(window.settings_tab)
app.processEvents()
settings_hint = window.minimumSizeHint()
print(settings_hint.width() <= 853 and settings_hint.height() <= 440)
window.grab().save(sys.argv[2] + "/settings_150_percent.png")
"""


def test_the_clients_and_settings_tabs_fit_1280x720_at_150_percent(tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {"QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}
    result = subprocess.run(
        [sys.executable, "-c", AT_150_PERCENT, str(HERE), str(SCREENSHOTS), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1.5", "True", "True", "True", "True"], result.stdout
