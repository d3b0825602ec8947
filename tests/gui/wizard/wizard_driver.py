"""Driving the wizard as a counselor does: keys (mnemonics, Tab, arrows, Space, Enter) and
mouse clicks on the real widgets, with the page-change times measured on the way."""

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget, QWizard

from intake.gui.wizard import IntakeWizard
from intake.store.db import Database

REPO = Path(__file__).resolve().parents[3]
Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


def database_url(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


class Driver:
    def __init__(
        self,
        qtbot: Any,
        wizard: IntakeWizard,
        shot: Callable[[QWidget, str], Path] | None = None,
        name: str = "",
    ) -> None:
        self.qtbot = qtbot
        self.wizard = wizard
        self.shot = shot
        self.name = name
        self.page_ms: list[float] = []

    @property
    def page(self) -> Any:
        return self.wizard.currentPage()

    # -- keyboard -----------------------------------------------------------------------

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        return widget if widget is not None else self.wizard

    def key(self, key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focused(), key, modifier)
        QApplication.processEvents()  # as between two key presses of a person

    def keys(self, *keys: Key) -> None:
        for key in keys:
            self.key(key)

    def alt(self, letter: str) -> None:
        """A mnemonic: Alt and the underlined letter."""
        self.key(getattr(Key, f"Key_{letter.upper()}"), ALT)
        # A mnemonic on a button "clicks" it visibly: the click comes when it is let go.
        pressed = [b for b in self.wizard.findChildren(QAbstractButton) if b.isDown()]
        if pressed:
            self.qtbot.waitUntil(lambda: not any(b.isDown() for b in pressed), timeout=2000)
            QApplication.processEvents()

    def type(self, text: str) -> None:
        assert text.isascii(), "keyClicks with non-ASCII text aborts the test run"
        self.qtbot.keyClicks(self.focused(), text)
        QApplication.processEvents()

    def down_to(self, text: str) -> None:
        """In the focused combo box, press Down until it shows `text`."""
        combo = self.focused()
        while not isinstance(combo, QComboBox) and combo is not None:
            combo = combo.parentWidget()
        assert isinstance(combo, QComboBox), f"focus is on {self.focused()!r}, not a combo box"
        self.qtbot.keyClick(combo, Key.Key_Home)
        for _ in range(combo.count()):
            if combo.currentText() == text:
                return
            self.qtbot.keyClick(combo, Key.Key_Down)
        assert combo.currentText() == text, [combo.itemText(i) for i in range(combo.count())]

    # -- mouse --------------------------------------------------------------------------

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        assert widget.isVisible() and widget.isEnabled(), f"{widget!r} cannot be clicked"
        if pos is None:
            pos = widget.rect().center()
            if isinstance(widget, QAbstractButton) and widget.inherits("QCheckBox"):
                pos = QPoint(8, widget.height() // 2)  # on the box itself
            elif widget.inherits("QRadioButton"):
                pos = QPoint(8, widget.height() // 2)
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)

    def click_type(self, widget: QWidget, text: str) -> None:
        self.click(widget)
        self.qtbot.keyClicks(widget, text)

    def pick(self, combo: QComboBox, text: str) -> None:
        """Open the combo box's list with the mouse and click the item."""
        self.click(combo)
        view = combo.view()
        self.qtbot.waitUntil(view.isVisible, timeout=2000)
        # A combo box ignores a click that comes too soon after its list opened.
        self.qtbot.wait(QApplication.doubleClickInterval() + 50)
        row = combo.findText(text)
        assert row >= 0, f"{text!r} is not offered"
        index = view.model().index(row, combo.modelColumn(), view.rootIndex())
        view.scrollTo(index)
        rect = view.visualRect(index)
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        self.qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)
        assert combo.currentText() == text

    # -- pages --------------------------------------------------------------------------

    def snap(self, what: str) -> None:
        if self.shot is not None:
            page = self.wizard.currentId() + 1
            self.shot(self.wizard, f"{self.name}-{page:02d}-{what}")

    def _moved(self, before: int, started: float) -> None:
        self.qtbot.waitUntil(lambda: self.wizard.currentId() != before, timeout=5000)
        QApplication.processEvents()
        self.page_ms.append((time.perf_counter() - started) * 1000)

    def next_by_keyboard(self) -> None:
        before, started = self.wizard.currentId(), time.perf_counter()
        self.alt("n")
        self._moved(before, started)

    def next_by_mouse(self) -> None:
        before, started = self.wizard.currentId(), time.perf_counter()
        self.click(self.wizard.button(QWizard.WizardButton.NextButton))
        self._moved(before, started)

    def next_by_enter(self) -> None:
        before, started = self.wizard.currentId(), time.perf_counter()
        self.key(Key.Key_Return)
        self._moved(before, started)

    def wait_for_plan(self) -> float:
        """Wait until the recommendations are shown; the ms from entering the page."""
        page = self.wizard.plan_page
        self.qtbot.waitUntil(lambda: page.isComplete(), timeout=20_000)
        return page.last_plan_ms or 0.0

    def finish_by_keyboard(self) -> str:
        return self._finish(lambda: self.alt("f"))

    def finish_by_mouse(self) -> str:
        return self._finish(
            lambda: self.click(self.wizard.button(QWizard.WizardButton.FinishButton))
        )

    def _finish(self, press: Callable[[], None]) -> str:
        """Press Finish; the stored intake's id once the wizard says it is stored."""
        with self.qtbot.waitSignal(self.wizard.finished_intake, timeout=20_000) as blocker:
            press()
        return str(blocker.args[0])


def plan_shown(wizard: IntakeWizard) -> list[tuple[str, list[str]]]:
    """The recommendations as the page shows them: pathway codes, service ids in order."""
    model = wizard.plan_page.model
    return [(code, model.service_ids(code)) for code in model.pathway_codes()]


def plan_from_cli(database: Database, answers: dict[str, Any], folder: Path, today: str) -> Any:
    """`intake match --format json` run as a program on a file of the same answers."""
    path = folder / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "intake",
        "--database",
        database_url(database),
        "match",
        "--intake",
        str(path),
        "--format",
        "json",
        "--today",
        today,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert done.returncode == 0, done.stderr
    plan = json.loads(done.stdout)
    return [(p["code"], [r["service_id"] for r in p["referrals"]]) for p in plan["pathways"]]
