"""Opening the database: the URL, the engine, and migrations applied at start.

All that is particular to SQLite lives here (file permissions, pragmas, backup before
migrating); everything else speaks plain SQLAlchemy, so the same code runs on PostgreSQL.
"""

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect, make_url, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from intake import paths
from intake.problems import InputError, error

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# The newest migration. Kept here so that opening an up-to-date database needs no Alembic
# import (a third of a command's start-up); a test checks it against the migrations.
SCHEMA_HEAD = "0002"

DATABASE_ENV = "INTAKE_DATABASE_URL"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_database_url() -> str:
    """`INTAKE_DATABASE_URL`, else an SQLite file in the user's data folder."""
    return os.environ.get(DATABASE_ENV) or f"sqlite:///{paths.data_dir() / 'intake.db'}"


def safe_url(url: str | URL) -> str:
    """The URL with any password hidden: the only form that may reach a log or a message."""
    return make_url(url).render_as_string(hide_password=True)


class Database:
    """An engine with the schema at the newest migration, and sessions over it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at `url` and bring its schema up to date."""
    url = url or default_database_url()
    try:
        parsed = make_url(url)
    except Exception as exc:  # SQLAlchemy raises ArgumentError with the raw URL in it
        raise InputError(
            [
                error(
                    f"not a database URL ({type(exc).__name__}); expected e.g. "
                    "sqlite:///path/intake.db or postgresql://host/db",
                    field="--database",
                )
            ]
        ) from None
    engine = _make_engine(parsed)
    database = Database(engine)
    if migrate:
        upgrade(database)
    return database


def _make_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    database = url.database or ""
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if database in ("", ":memory:"):
        kwargs["poolclass"] = StaticPool  # one shared connection, or each sees an empty db
    else:
        _create_private_file(Path(database))
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _create_private_file(path: Path) -> None:
    """Health data: the file is readable by its user only, from the first byte."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(database: Database) -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = database.engine
    return config


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def head_revision() -> str | None:
    """The newest migration as the migration scripts say (slow: reads every script)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def upgrade(database: Database) -> None:
    """Apply pending migrations; an SQLite file is copied aside first, since a failed
    migration on SQLite can leave the schema half-applied."""
    current = current_revision(database)
    if current == SCHEMA_HEAD:
        return
    from alembic import command

    if current is not None and database.is_sqlite:
        _backup_sqlite(database, current)
    command.upgrade(alembic_config(database), "head")
    log.info("database schema upgraded from %s to %s", current, SCHEMA_HEAD)


def _backup_sqlite(database: Database, revision: str) -> None:
    path = database.engine.url.database
    if not path or path == ":memory:":
        return
    backup = Path(f"{path}.before-{revision}.bak")
    _create_private_file(backup)
    with sqlite3.connect(path) as source, sqlite3.connect(backup) as target:
        source.backup(target)
