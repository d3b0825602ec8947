"""The wizard in a process of its own, for tests that need one.

python wizard_child.py type DATABASE_URL
    types a client's answers into a wizard on the database, waits until the autosave
    has put them in the database, prints "SAVED <draft id>", then keeps running (the
    test kills it with SIGKILL).
python wizard_child.py screens DATABASE_URL FOLDER
    goes through every page with a few answers and saves a screenshot of each to
    FOLDER (used with QT_SCALE_FACTOR=1.5 and a 1280×720 screen); prints the size of
    the screen and of the wizard as JSON.
"""

import json
import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

TODAY = date(2026, 11, 23)


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()  # unlike QTest.qWait, lets the worker threads run


def wait_until(condition, timeout_ms: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise SystemExit("timed out")
        wait(20)
        waited += 20


def type_into(widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClicks(widget, text)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def open_wizard(url: str):  # type: ignore[no-untyped-def]
    from intake.directory.snapshot_loader import load_snapshot
    from intake.gui.wizard import IntakeWizard
    from intake.paths import resource_path
    from intake.rules import load_rules
    from intake.store.db import open_database

    database = open_database(url)
    wizard = IntakeWizard(
        database,
        load_snapshot(database),
        counselor="Ana Counselor",
        rules=load_rules(resource_path("rules")),
        today=TODAY,
    )
    wizard.show()
    QTest.qWaitForWindowExposed(wizard)
    return wizard


def type_a_client(wizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.currentPage()
    type_into(page.name, "Jay")
    click(page.alias)
    type_into(page.age, "38")
    type_into(page.languages.choice.lineEdit(), "Spanish")
    click(page.languages.add_button)
    type_into(page.postal_code, "59101")
    click(page.safe_to_contact.buttons[1])
    wizard.next()
    page = wizard.currentPage()
    click(page.goal_boxes["safety"])
    click(page.goal_boxes["reduced_use"])
    type_into(page.statement, "Stay alive, use less")
    wizard.next()
    page = wizard.currentPage()
    click(page.add_button)
    page.substance.setCurrentIndex(page.substance.findData("opioids"))
    type_into(page.description, "fentanyl")
    page.route.setCurrentIndex(page.route.findData("injection"))
    page.days.setValue(0)
    wizard.next()
    page = wizard.currentPage()
    click(page.answers["uses_alone"].buttons[0])
    click(page.answers["suicidal_thoughts"].buttons[2])  # prefer not to say
    wizard.next()
    page = wizard.currentPage()
    page.housing.setCurrentIndex(page.housing.findData("unhoused"))
    click(page.insurance["medicaid"])
    page.distance.setValue(12)
    wizard.next()
    page = wizard.currentPage()
    click(page.given)
    page.signed_by.selectAll()
    type_into(page.signed_by, "J")  # the last change, made just before the kill


def screens(wizard, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from intake.gui.wizard.wizard import PLAN_PAGE

    folder.mkdir(parents=True, exist_ok=True)
    page = wizard.currentPage()
    type_into(page.name, "Jay")
    type_into(page.phone, "abc")  # a problem, to see the sentence under the field
    for number in range(len(wizard.pages)):
        if number == PLAN_PAGE:
            wait_until(wizard.plan_page.isComplete)
        wait(50)
        wizard.grab().save(str(folder / f"{number + 1:02d}.png"))
        if number == 0:
            page.phone.clear()
            page.phone.textEdited.emit("")
        if number == 1:
            click(wizard.currentPage().goal_boxes["safety"])
        if number == 2:
            click(wizard.currentPage().add_button)
        if number == 5:
            click(wizard.currentPage().given)
            wait(50)
            wizard.grab().save(str(folder / "06b.png"))
        wizard.next()
    screen = QApplication.primaryScreen().availableGeometry()
    frame = wizard.frameGeometry()
    print(
        json.dumps(
            {
                "screen": [screen.width(), screen.height()],
                "wizard": [frame.width(), frame.height()],
                "minimum": [wizard.minimumSizeHint().width(), wizard.minimumSizeHint().height()],
            }
        ),
        flush=True,
    )


def main() -> int:
    mode, url = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])
    wizard = open_wizard(url)
    if mode == "type":
        type_a_client(wizard)
        wait_until(lambda: wizard.autosave.draft_id is not None and not wizard.autosave.pending)
        print("SAVED", wizard.autosave.draft_id, flush=True)
        return app.exec()  # until killed
    if mode == "screens":
        screens(wizard, Path(sys.argv[3]))
        wizard.autosave.stop()
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
