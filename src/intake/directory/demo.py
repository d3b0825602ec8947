"""The bundled demo directory: loaded on first run so a new desk has something to show."""

import logging
from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import col

from intake.paths import resource_path
from intake.progress import Progress
from intake.store.db import Database
from intake.store.directory_tables import Service
from intake.store.records_tables import DirectoryImport

log = logging.getLogger(__name__)

DEMO_SOURCE = "demo"  # DirectoryImport.source of the bundled demo


def demo_directory_path() -> Path:
    return resource_path("demo")


def directory_is_empty(database: Database) -> bool:
    with database.engine.connect() as conn:
        return not conn.execute(select(func.count()).select_from(Service)).scalar_one()


def ensure_demo_directory(database: Database, progress: Progress | None = None) -> bool:
    """Import the demo directory when the store holds no services; True if it did."""
    if not directory_is_empty(database):
        return False
    from intake.directory.hsds import import_directory

    import_directory(database, demo_directory_path(), progress=progress)
    log.info("demo directory loaded")
    return True


def latest_import_is_demo(database: Database) -> bool:
    """Whether the directory in use is the bundled demo (its newest import was the demo)."""
    query = select(col(DirectoryImport.source)).order_by(col(DirectoryImport.id).desc()).limit(1)
    with database.engine.connect() as conn:
        return conn.execute(query).scalar() == DEMO_SOURCE
