"""Shared fixtures. Qt must be told to render offscreen before any QApplication exists."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from intake.store import Database, open_database

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
HSDS_EXAMPLES = SHARED / "hsds" / "examples"


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the real user's data folder or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[object]:
    """A PostgreSQL server for the session (skips, saying why, where none can be started)."""
    from postgres_server import NoPostgres, postgres_server

    try:
        with postgres_server() as url:
            yield url
    except NoPostgres as why:
        pytest.skip(f"no PostgreSQL server: {why}")


@pytest.fixture
def postgres_database(postgres_server_url: object) -> Iterator[Database]:
    """A fresh, migrated database on the session's PostgreSQL server."""
    from postgres_server import fresh_database

    with fresh_database(postgres_server_url) as url:  # type: ignore[arg-type]
        db = open_database(url)
        yield db
        db.dispose()


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A fresh SQLite file database, migrated to the newest schema."""
    db = open_database(f"sqlite:///{tmp_path / 'intake.db'}")
    yield db
    db.dispose()
