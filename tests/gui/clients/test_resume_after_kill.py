"""A real intake process killed mid-intake: the next start offers the draft, with its answers."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from intake.gui.main_window import MainWindow
from intake.gui.summary_model import ROW_ROLE
from intake.records import list_drafts
from intake.store.db import Database

COUNSELOR_AT_WORK = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from intake.gui.main_window import MainWindow
from intake.records import list_drafts

app = QApplication([])
window = MainWindow(sys.argv[1])
window.show()

def loaded():
    wizard = window.new_intake()
    wizard.draft.set("client.name", "Ana Ruiz")  # as if typed: saved within a second
    wizard.draft.set("goals", ["safety"])
    def saved():
        names = [d.client_name for d in list_drafts(window.database)]
        if names == ["Ana Ruiz"]:
            print("saved", flush=True)  # the test kills this process now
        else:
            QTimer.singleShot(100, saved)
    saved()

window.clients_page.searched.connect(loaded)
window.start_loading()
app.exec()
"""


def test_a_killed_intake_is_offered_at_the_next_start_with_its_answers(
    qtbot, database: Database, tmp_path: Path, monkeypatch
) -> None:
    url = f"sqlite:///{tmp_path / 'intake.db'}"
    child = subprocess.Popen(
        [sys.executable, "-c", COUNSELOR_AT_WORK, url],
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},  # the same private data folders
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.strip() == "saved", child.stderr.read() if child.stderr else ""
    finally:
        child.send_signal(signal.SIGKILL)  # no clean quit: as if the power went out
        child.wait(timeout=30)
    [left] = list_drafts(database)

    from intake.gui.wizard import IntakeWizard

    monkeypatch.setattr(IntakeWizard, "ask_keep_draft", staticmethod(lambda _parent: True))
    offered = []
    monkeypatch.setattr(
        "intake.gui.main_window.ask_resume", lambda _w, drafts: offered.append(drafts) or True
    )
    window = MainWindow(url)
    qtbot.addWidget(window)
    window.show()
    window.start_loading()
    qtbot.waitUntil(lambda: window.launcher.wizard is not None, timeout=30_000)
    assert [[d.id for d in drafts] for drafts in offered] == [[left.id]]
    wizard = window.launcher.wizard
    assert wizard.draft.get("client.name") == "Ana Ruiz"
    assert wizard.draft.get("goals") == ["safety"]
    qtbot.waitUntil(lambda: window.clients_page.finder.drafts_model.rowCount() == 1)
    assert window.clients_page.finder.drafts.model().index(0, 0).data(ROW_ROLE).id == left.id
