"""Opening the store: the file is private, SQLite runs with the pragmas we rely on."""

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from intake.problems import InputError
from intake.store import default_database_url, open_database
from intake.store.db import safe_url
from intake.store.records_tables import Client, Intake


def test_default_database_lives_in_the_user_data_folder(tmp_path: Path) -> None:
    url = default_database_url()
    assert url.startswith("sqlite:///")
    assert url.endswith("intake.db")
    assert str(tmp_path.parent) in url or "data" in url  # isolated by the conftest


def test_environment_variable_chooses_the_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("INTAKE_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert default_database_url() == f"sqlite:///{tmp_path / 'env.db'}"


def test_database_file_is_readable_by_its_user_only(tmp_path: Path) -> None:
    path = tmp_path / "private.db"
    open_database(f"sqlite:///{path}").dispose()
    mode = stat.S_IMODE(os.stat(path).st_mode)
    assert mode == 0o600


def test_sqlite_runs_with_wal_and_foreign_keys(database) -> None:
    with database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(database) -> None:
    with pytest.raises(IntegrityError), database.session() as session:
        session.add(Intake.model_validate({"client_id": "no-such-client", "answers": {}}))


def test_session_rolls_back_on_error(database) -> None:
    with pytest.raises(RuntimeError), database.session() as session:
        session.add(Client.model_validate({"name": "Alias R"}))
        session.flush()
        raise RuntimeError("boom")
    with database.session() as session:
        assert session.exec(select(func.count()).select_from(Client)).one()[0] == 0


def test_a_bad_url_is_a_clear_input_error() -> None:
    with pytest.raises(InputError) as caught:
        open_database("not a url at all")
    assert "--database" in str(caught.value)
    assert "expected" in str(caught.value)


def test_passwords_never_appear_in_a_safe_url() -> None:
    assert "s3cret" not in safe_url("postgresql://clinic:s3cret@db.local/intake")
