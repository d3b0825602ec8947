"""Fixtures of the printing tests: the demo directory imported once, a stored intake whose
consent names one of its two referrals, and clinic settings."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from printing_samples import METHADONE, SETTINGS, SYRINGE, TODAY

from intake.directory.hsds import import_directory
from intake.directory.snapshot_loader import load_snapshot
from intake.intake_model import load_intake
from intake.paths import resource_path
from intake.records import ChosenReferral, record_intake
from intake.rules import load_rules, make_plan
from intake.settings import save_settings
from intake.store import Database, open_database


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("printing-demo") / "demo.db"
    database = open_database(f"sqlite:///{path}")
    import_directory(database, resource_path("demo"))
    database.dispose()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "intake.db"
    shutil.copyfile(demo_file, path)
    database = open_database(f"sqlite:///{path}")
    save_settings(database, SETTINGS)
    yield database
    database.dispose()


@pytest.fixture
def intake_id(demo_db: Database) -> str:
    """María's intake: consent names the methadone program only; referred to both."""
    intake = load_intake(
        resource_path("examples", "intakes") / "consent_named_recipient.json", today=TODAY
    )
    snapshot = load_snapshot(demo_db)
    plan = make_plan(intake, snapshot, load_rules(), today=TODAY)
    return record_intake(
        demo_db,
        intake,
        chosen=[ChosenReferral(METHADONE), ChosenReferral(SYRINGE)],
        plan=plan,
        counselor="Dana Whitcomb",
    )


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
