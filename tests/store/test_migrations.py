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


def test_schema_head_constant_names_the_newest_migration() -> None:
    from intake.store.db import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


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


def test_upgrade_from_the_first_release_keeps_the_data(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    from intake.store.db import alembic_config

    path = tmp_path / "old.db"
    old = open_database(f"sqlite:///{path}", migrate=False)
    command.upgrade(alembic_config(old), "0001")
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "insert into client (id, name, is_alias, created_at, updated_at)"
                " values ('c1', 'Alias K', 1, '2026-01-01', '2026-01-01')"
            )
        )
        conn.execute(
            text(
                "insert into intake (id, client_id, status, answers, created_at, updated_at)"
                " values ('i1', 'c1', 'final', '{}', '2026-01-01', '2026-01-01')"
            )
        )
        conn.execute(
            text(
                "insert into referral (id, intake_id, service_id, service_name,"
                " organization_name, pathway, types, reasons, urgent, safety_net,"
                " added_by_counselor, status, created_at) values ('r1', 'i1', 's1',"
                " 'Naloxone', 'Org', 'harm_reduction', '[]', '[]', 0, 1, 0, 'pending',"
                " '2026-01-01')"
            )
        )
    old.dispose()

    upgraded = open_database(f"sqlite:///{path}")
    assert current_revision(upgraded) == head_revision()
    with upgraded.engine.connect() as conn:
        assert conn.execute(text("select name from client")).scalar_one() == "Alias K"
        assert conn.execute(text("select position from referral")).scalar_one() == 0
    assert list(tmp_path.glob("old.db.before-0001.bak")), (
        "an SQLite file is copied before migrating"
    )
