"""Work the GUI runs off the UI thread: opening the store, loading and importing the directory.

Nothing here touches a widget, and the store, SQLAlchemy and the importer are imported
inside the functions, so the window can show before they are loaded.
"""

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intake.directory.hsds import ImportReport
    from intake.directory.snapshot import DirectorySnapshot
    from intake.progress import Progress
    from intake.store.db import Database
    from intake.taxonomy import IntakeTaxonomy

log = logging.getLogger(__name__)


class OpenFailed(Exception):
    """The database could not be opened; `where` names it without any password."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


@dataclass(frozen=True)
class LoadedDirectory:
    database: "Database"
    snapshot: "DirectorySnapshot"
    taxonomy: "IntakeTaxonomy"
    is_demo: bool
    demo_just_loaded: bool = False


def open_and_load(database_url: str | None) -> LoadedDirectory:
    """Open the database (applying migrations), add the demo directory to an empty one,
    and read the directory into a snapshot."""
    from intake.directory.demo import ensure_demo_directory
    from intake.problems import InputError
    from intake.store.db import default_database_url, open_database
    from intake.taxonomy import load_taxonomy

    url = database_url or default_database_url()
    try:
        database = open_database(url)
    except Exception as exc:
        failed = OpenFailed(describe_database(url), _reason(exc, url))
        log.warning("the database could not be opened: %s", failed)
        raise failed from None
    taxonomy = load_taxonomy()
    try:
        demo_loaded = ensure_demo_directory(database)
    except InputError as exc:  # a damaged install: open anyway, so a directory can be imported
        log.warning("the demo directory could not be loaded: %d problem(s)", len(exc.problems))
        demo_loaded = False
    return _load(database, taxonomy, demo_just_loaded=demo_loaded)


def reload(database: "Database") -> LoadedDirectory:
    from intake.taxonomy import load_taxonomy

    return _load(database, load_taxonomy())


def import_then_reload(
    database: "Database", path: Path, progress: "Progress"
) -> tuple["ImportReport", LoadedDirectory]:
    """Import a directory (all or nothing), then read the new snapshot."""
    from intake.directory.hsds import import_directory

    report = import_directory(database, path, progress=progress)
    return report, reload(database)


def _load(
    database: "Database", taxonomy: "IntakeTaxonomy", *, demo_just_loaded: bool = False
) -> LoadedDirectory:
    from intake.directory.demo import latest_import_is_demo
    from intake.directory.snapshot_loader import load_snapshot

    snapshot = load_snapshot(database, taxonomy)
    return LoadedDirectory(
        database, snapshot, taxonomy, latest_import_is_demo(database), demo_just_loaded
    )


def describe_database(url: str) -> str:
    """The file of an SQLite database, or the URL with its password hidden."""
    from sqlalchemy import make_url

    try:
        parsed = make_url(url)
    except Exception:
        return "the database URL given (it could not be read as a URL)"
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or "an in-memory SQLite database"
    return parsed.render_as_string(hide_password=True)


def _reason(exc: Exception, url: str) -> str:
    from intake.problems import InputError

    if isinstance(exc, InputError):
        return "; ".join(p.message for p in exc.problems)
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    text = lines[0] if lines else type(exc).__name__
    return _without_password(text, url)


def _without_password(text: str, url: str) -> str:
    from sqlalchemy import make_url

    try:
        password = make_url(url).password
    except Exception:
        return text
    return text.replace(str(password), "***") if password else text
