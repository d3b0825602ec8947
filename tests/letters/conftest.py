"""Fixtures of the letters tests: the demo directory (imported once) and its services."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from letterkit import METHADONE, SYRINGE

from intake.directory.hsds import import_directory
from intake.directory.snapshot import DirectorySnapshot, ServiceView
from intake.directory.snapshot_loader import load_snapshot
from intake.paths import resource_path
from intake.store import Database, open_database


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("letters-demo") / "demo.db"
    database = open_database(f"sqlite:///{path}")
    import_directory(database, resource_path("demo"))
    database.dispose()
    return path


@pytest.fixture(scope="session")
def snapshot(demo_file: Path) -> DirectorySnapshot:
    database = open_database(f"sqlite:///{demo_file}")
    try:
        return load_snapshot(database)
    finally:
        database.dispose()


@pytest.fixture
def db_url(demo_file: Path, tmp_path: Path) -> str:
    path = tmp_path / "intake.db"
    shutil.copyfile(demo_file, path)
    return f"sqlite:///{path}"


@pytest.fixture
def demo_db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def methadone(snapshot: DirectorySnapshot) -> ServiceView:
    service = snapshot.get(METHADONE)
    assert service is not None
    return service


@pytest.fixture
def syringe(snapshot: DirectorySnapshot) -> ServiceView:
    service = snapshot.get(SYRINGE)
    assert service is not None
    return service


@pytest.fixture
def primary_care(snapshot: DirectorySnapshot) -> ServiceView:
    return next(s for s in snapshot.services if s.has("health.primary_care"))
