"""The bundled demo directory: loaded on first run so a new desk has something to show."""

import logging
from pathlib import Path

from sqlalchemy import func, select

from intake.paths import resource_path
from intake.progress import Progress
from intake.store.db import Database
from intake.store.directory_tables import Service

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
