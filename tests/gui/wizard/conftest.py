"""Fixtures of the wizard tests: the demo directory in the test's database, the bundled
rules, a wizard opened at a 1280×720-friendly size, and screenshots in screenshots/wizard/."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtWidgets import QApplication, QWidget

from intake.directory.hsds import import_directory
from intake.directory.snapshot import DirectorySnapshot
from intake.directory.snapshot_loader import load_snapshot
from intake.gui.wizard import IntakeWizard
from intake.paths import resource_path
from intake.rules import RuleSet, load_rules
from intake.store.db import Database

TODAY = date(2026, 11, 23)
SHOTS = Path(__file__).resolve().parents[3] / "screenshots" / "wizard"
SIZE = (1000, 680)  # what the wizard takes on a 1280×720 screen


@pytest.fixture
def demo_database(database: Database) -> Database:
    """The test's fresh database with the bundled demo directory imported."""
    import_directory(database, resource_path("demo"))
    return database


@pytest.fixture
def demo_snapshot(demo_database: Database) -> DirectorySnapshot:
    return load_snapshot(demo_database)


@pytest.fixture(scope="session")
def bundled_rules() -> RuleSet:
    return load_rules(resource_path("rules"))


@pytest.fixture
def open_wizard(
    qtbot: Any, demo_database: Database, demo_snapshot: DirectorySnapshot, bundled_rules: RuleSet
) -> Callable[..., IntakeWizard]:
    """Open a wizard on the demo database, shown and active, as the main window would."""

    def open_(**options: Any) -> IntakeWizard:
        options.setdefault("counselor", "Ana Counselor")
        wizard = IntakeWizard(
            demo_database, demo_snapshot, rules=bundled_rules, today=TODAY, **options
        )
        qtbot.addWidget(wizard)
        wizard.resize(*SIZE)
        wizard.show()
        qtbot.waitExposed(wizard)
        wizard.activateWindow()
        QApplication.processEvents()
        return wizard

    return open_


@pytest.fixture
def shot() -> Callable[[QWidget, str], Path]:
    def save(widget: QWidget, name: str) -> Path:
        QApplication.processEvents()
        path = SHOTS / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(path)), f"could not write {path}"
        return path

    return save


def database_url(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The wizard's questions are answered here (never a real modal dialog in a test):
    closing keeps the draft; "refer anyway" notes must be patched by the test."""
    asked: list[str] = []

    def keep(parent: QWidget) -> bool:
        asked.append("keep_draft")
        return True

    def no_note(parent: QWidget, service_name: str) -> None:
        raise AssertionError("a test asked for an override note without patching the question")

    from intake.gui.wizard.page_plan import PlanPage

    monkeypatch.setattr(IntakeWizard, "ask_keep_draft", staticmethod(keep))
    monkeypatch.setattr(PlanPage, "ask_override_note", staticmethod(no_note))
    return asked
