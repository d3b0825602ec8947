"""File > Import directory…: a patched file dialog, the progress dialog, and the three outcomes."""

import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from PySide6.QtWidgets import QMessageBox, QPushButton

from intake.gui import directory_import, loading
from intake.gui.directory_import import CANCELLED, DirectoryImport
from intake.gui.main_window import MainWindow
from intake.gui.problems_dialog import COL_MESSAGE, COL_SEVERITY, ProblemsDialog
from intake.gui.tasks import ProgressRelay
from intake.problems import InputError, Problem, error, warning


@dataclass
class FakeReport:
    counts: dict[str, int]
    problems: list[Problem] = field(default_factory=list)
    source: str = "county.zip"
    warning_count: int = 0


@pytest.fixture
def window(qtbot, monkeypatch, database, snapshot, taxonomy) -> MainWindow:
    monkeypatch.setattr(
        loading,
        "open_and_load",
        lambda url: loading.LoadedDirectory(database, snapshot, taxonomy, is_demo=True),
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    with qtbot.waitSignal(window.start_loading().finished, timeout=60_000):
        pass
    return window


def choose(monkeypatch, path: Path | None) -> None:
    """Patch the file dialog to answer `path` (None: the user closed it)."""
    monkeypatch.setattr(DirectoryImport, "ask_source", staticmethod(lambda parent: path))


def run_import(qtbot, window: MainWindow) -> None:
    window.import_action.trigger()
    task = window.importer.task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass


def test_nothing_happens_when_no_file_is_chosen(monkeypatch, window) -> None:
    choose(monkeypatch, None)
    window.import_action.trigger()
    assert window.importer.task is None
    assert not window.importer.running


def test_success_reloads_and_says_how_many_and_how_many_warnings(
    qtbot, monkeypatch, window, database, snapshot, taxonomy, screenshot
) -> None:
    choose(monkeypatch, Path("/data/county/services.csv"))
    asked: list[Path] = []
    fewer = type(snapshot)(version="import-2", services=snapshot.services[:2])
    warnings = [warning("phone number looks short", file="phones.csv", row=4, field="number")]

    def fake_import(db, path, progress):
        asked.append(path)
        progress.step("Importing services.csv", 1, 2)
        report = FakeReport({"service": 2}, warnings, "county", warning_count=3)
        return report, loading.LoadedDirectory(db, fewer, taxonomy, is_demo=False)

    monkeypatch.setattr(loading, "import_then_reload", fake_import)
    assert window.import_action.isEnabled()
    run_import(qtbot, window)

    assert asked == [Path("/data/county")]  # a .csv stands for its folder
    assert window.directory_page.browser.count.text() == "2 services"
    assert "Demo directory" not in window.directory_status.text()
    assert "import-2" in window.directory_status.text()
    box = window.importer.result_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "Imported 2 services from county."
    assert box.informativeText().startswith("3 warnings")
    screenshot(box, "import_done")
    show = next(b for b in box.buttons() if b.text() == "Show &warnings")
    show.click()
    problems = window.importer.result_dialog
    assert isinstance(problems, ProblemsDialog) and problems.isVisible()
    assert problems.table.model().rowCount() == 1
    assert window.import_action.isEnabled()


def test_errors_show_a_readable_list_and_change_nothing(
    qtbot, monkeypatch, window, screenshot
) -> None:
    choose(monkeypatch, Path("/data/county.zip"))
    problems = [
        warning("unknown intake code 'harm_reduction.vending'", file="attributes.csv", row=9),
        error(
            "status must be one of active, inactive, defunct, temporarily closed",
            file="services.csv",
            row=3,
            field="status",
        ),
        error(
            "organization_id 'org-9' is not in organizations.csv",
            file="services.csv",
            row=5,
            field="organization_id",
        ),
    ]

    def fake_import(db, path, progress):
        raise InputError(problems)

    monkeypatch.setattr(loading, "import_then_reload", fake_import)
    run_import(qtbot, window)

    dialog = window.importer.result_dialog
    assert isinstance(dialog, ProblemsDialog) and dialog.isVisible()
    model = dialog.table.model()
    severities = [model.index(r, COL_SEVERITY).data() for r in range(model.rowCount())]
    assert severities == ["Error", "Error", "Warning"]
    assert model.index(0, COL_MESSAGE).data().startswith("status must be one of")
    assert "2 problems must be fixed" in dialog.summary.text()
    assert "Nothing was changed" in dialog.summary.text()
    assert window.directory_page.browser.count.text() == "6 services"
    assert "Demo directory" in window.directory_status.text()
    screenshot(dialog, "import_errors")


def test_cancel_stops_the_import(qtbot, monkeypatch, window) -> None:
    choose(monkeypatch, Path("/data/big.json"))
    started = threading.Event()

    def slow_import(db, path, progress):
        for done in range(10_000):
            progress.step("Importing services", done, 10_000)
            started.set()
            time.sleep(0.005)
        raise AssertionError("the import was not cancelled")

    monkeypatch.setattr(loading, "import_then_reload", slow_import)
    window.import_action.trigger()
    assert not window.import_action.isEnabled()  # one import at a time
    assert started.wait(30)
    dialog = window.importer.progress_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.labelText() == "Importing services")
    with qtbot.waitSignal(window.importer.task.finished, timeout=30_000):
        dialog.findChild(QPushButton).click()  # its Cancel button
    assert window.statusBar().currentMessage() == CANCELLED
    assert window.importer.progress_dialog is None
    assert window.directory_page.browser.count.text() == "6 services"
    assert window.import_action.isEnabled()


# -- with the real importer and the bundled demo directory -----------------------------

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
HSDS_EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "hsds" / "examples" / "csv"


@pytest.fixture
def demo_window(qtbot, tmp_path: Path) -> MainWindow:
    window = MainWindow(f"sqlite:///{tmp_path / 'intake.db'}")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    with qtbot.waitSignal(window.start_loading().finished, timeout=60_000):
        pass
    assert window.loaded is not None and window.loaded.is_demo
    return window


def test_real_import_of_an_hsds_folder(qtbot, monkeypatch, demo_window) -> None:
    before = demo_window.directory_page.browser.model.rowCount()
    choose(monkeypatch, HSDS_EXAMPLE / "services.csv")
    run_import(qtbot, demo_window)
    box = demo_window.importer.result_dialog
    assert isinstance(box, QMessageBox)
    assert box.text() == "Imported 1 service from csv."
    assert "warning" in box.informativeText()
    after = demo_window.directory_page.browser.model.rowCount()
    assert after == before + 1
    assert demo_window.directory_status.text().startswith(f"{after} services")
    assert "Demo directory" not in demo_window.directory_status.text()


def test_real_import_with_errors_changes_nothing(
    qtbot, monkeypatch, demo_window, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(DEMO, broken)
    services = broken / "services.csv"
    lines = services.read_text(encoding="utf-8").splitlines(keepends=True)
    services.write_text(lines[0] + lines[1].replace(",active,", ",open,", 1) + "".join(lines[2:]))
    before = demo_window.directory_page.browser.model.rowCount()
    choose(monkeypatch, broken)
    run_import(qtbot, demo_window)
    dialog = demo_window.importer.result_dialog
    assert isinstance(dialog, ProblemsDialog)
    first = dialog.problems[0]
    assert (first.severity, first.file, first.row, first.field) == (
        "error",
        "services.csv",
        2,
        "status",
    )
    assert demo_window.directory_page.browser.model.rowCount() == before
    assert "Demo directory" in demo_window.directory_status.text()


def test_real_import_cancelled_midway_changes_nothing(qtbot, monkeypatch, demo_window) -> None:
    class CancelAtFirstStep(ProgressRelay):
        def step(self, stage: str, done: int, total: int) -> None:
            self.cancel()  # as if Cancel were pressed just now
            super().step(stage, done, total)

    monkeypatch.setattr(directory_import, "ProgressRelay", CancelAtFirstStep)
    before = demo_window.directory_page.browser.model.rowCount()
    choose(monkeypatch, HSDS_EXAMPLE)
    run_import(qtbot, demo_window)
    assert demo_window.statusBar().currentMessage() == CANCELLED
    assert demo_window.directory_page.browser.model.rowCount() == before
    with qtbot.waitSignal(demo_window.start_loading().finished, timeout=60_000):
        pass  # read the store again: the cancelled import left nothing behind
    assert demo_window.directory_page.browser.model.rowCount() == before
