"""The migrations build exactly the models' schema, on a fresh database and on upgrade."""

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from intake.store import open_database
from intake.store.db import current_revision, head_revision


def test_migrations_produce_the_models_schema(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'm.db'}")
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_a_fresh_database_is_at_head(database) -> None:
    assert current_revision(database) == head_revision() is not None


def test_opening_twice_does_not_migrate_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    open_database(url).dispose()
    open_database(url).dispose()
    backups = list(tmp_path.glob("*.bak"))
    assert backups == []


def test_every_table_of_the_models_exists(tmp_path: Path) -> None:
    path = tmp_path / "tables.db"
    open_database(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as conn:
        tables = {
            row[0] for row in conn.execute("select name from sqlite_master where type='table'")
        }
    assert set(SQLModel.metadata.tables) <= tables
