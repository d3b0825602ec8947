"""Data and helpers shared by the HSDS directory tests.

`data/small/` is a small, valid directory written for these tests (no datapackage.json,
a subset of the columns, LF line ends, ids both uuid and not). `data/broken/<case>/`
holds files that replace their namesakes in a copy of it, one fault (or one kind of
warning) per case. The official examples are read where the checkout keeps them.
"""

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import func, select

from intake.store import Database
from intake.store.directory_tables import DIRECTORY_TABLES
from intake.store.records_tables import DirectoryImport

DATA = Path(__file__).resolve().parent / "data"
SMALL = DATA / "small"
BROKEN = DATA / "broken"
SHARED_HSDS = Path(__file__).resolve().parents[3] / "shared" / "hsds"
EXAMPLES = SHARED_HSDS / "examples"
COMPILED_SERVICE = SHARED_HSDS / "schema" / "compiled" / "service_with_definitions.json"

INTAKE_TAXONOMY_ID = "bf6b1318-344f-536c-bd89-d3ad23bfebe9"
ORG_CHILD = "6f1c2a5e-1b7d-4c1e-9a52-0c8e3f4d7a11"
ORG_PARENT = "0b9d4e2f-8c3a-4f6b-a1d7-5e2c9b8a4f22"
LOCATION_1 = "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e55"
SMALL_COUNTS = {
    "organization": 2,
    "service": 3,
    "location": 3,
    "service_at_location": 3,
    "address": 2,
    "contact": 1,
    "phone": 3,
    "schedule": 2,
    "language": 3,
    "taxonomy": 2,
    "taxonomy_term": 7,
    "attribute": 8,
    "cost_option": 2,
}


def build_directory(target: Path, *overlays: str) -> Path:
    """A copy of the small directory at `target`, with the files of each overlay case."""
    shutil.copytree(SMALL, target)
    for case in overlays:
        for path in (BROKEN / case).iterdir():
            shutil.copyfile(path, target / path.name)
    return target


def table_counts(database: Database) -> dict[str, int]:
    """Rows in every directory table and in directory_import."""
    tables = [model.__table__ for model in (*DIRECTORY_TABLES, DirectoryImport)]  # type: ignore[attr-defined]
    with database.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in tables
        }


def sqlite_file(database: Database) -> Path:
    return Path(str(database.engine.url.database))


def sqlite_indexes(database: Database) -> list[tuple[str, str]]:
    with sqlite3.connect(sqlite_file(database)) as connection:
        rows = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()
    return [(name, sql or "") for name, sql in rows]
