"""`intake directory import|validate|export`: the HSDS 3.0 service directory, headless.

Problems, summaries and the progress bar go to standard error; nothing is written to
standard output, so scripts can pipe other commands' output undisturbed. The store and
the HSDS modules are imported inside the handlers to keep `intake --help` fast.
"""

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from intake.problems import InputError
from intake.progress import NoProgress, Progress


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "directory",
        help="import, check or export the service directory (Open Referral HSDS 3.0)",
        description="The service directory as Open Referral HSDS 3.0: a folder of CSV files "
        "(with or without datapackage.json), a .zip of one, or a JSON file.",
    )
    actions = parser.add_subparsers(dest="directory_action", metavar="ACTION", required=True)

    importing = actions.add_parser(
        "import",
        help="import a directory; all or nothing",
        description="Check PATH and import it in one transaction: on any error nothing "
        "changes and every error is listed. Records with an id already stored are updated.",
    )
    importing.add_argument("path", metavar="PATH", type=Path, help="folder, .zip or .json")
    importing.set_defaults(handler=_import)

    validating = actions.add_parser(
        "validate",
        help="check a directory without importing it",
        description="Run the import's checks without writing. Exit status 1 if there are "
        "errors, 0 otherwise (warnings alone are fine).",
    )
    validating.add_argument("path", metavar="PATH", type=Path, help="folder, .zip or .json")
    validating.add_argument(
        "--no-database",
        action="store_true",
        help="check the files alone, as if the database were empty (by default a link to a "
        "record already in the database counts as found)",
    )
    validating.set_defaults(handler=_validate)

    exporting = actions.add_parser(
        "export",
        help="write the directory as HSDS 3.0",
        description="Write the stored directory to PATH: CSV files and datapackage.json in "
        "the folder PATH (csv), or one JSON list page of nested services in the file PATH "
        "(json). Nothing is half-written on failure.",
    )
    exporting.add_argument("path", metavar="PATH", type=Path, help="folder (csv) or file (json)")
    exporting.add_argument("--format", choices=("csv", "json"), default="csv")
    exporting.add_argument(
        "--force", action="store_true", help="replace a non-empty folder or an existing file"
    )
    exporting.set_defaults(handler=_export)


def _import(args: argparse.Namespace) -> int:
    from intake.cli import report
    from intake.directory.hsds import import_directory
    from intake.store.db import open_database

    database = open_database(args.database)
    try:
        with _progress(sys.stderr) as progress:
            result = import_directory(database, args.path, progress=progress)
    finally:
        database.dispose()
    report(result.problems)
    print(f"Imported {_counts_text(result.counts)} from {result.source}.", file=sys.stderr)
    return 0


def _validate(args: argparse.Namespace) -> int:
    from intake.cli import report
    from intake.directory.hsds import validate_directory
    from intake.store.db import open_database

    database = None if args.no_database else open_database(args.database)
    try:
        with _progress(sys.stderr) as progress:
            problems = validate_directory(args.path, database=database, progress=progress)
    finally:
        if database is not None:
            database.dispose()
    if any(p.severity == "error" for p in problems):
        raise InputError(problems)  # the caller lists them with a count and exits 1
    report(problems)
    print(
        f"{args.path.name}: valid HSDS 3.0 for import, {len(problems)} warning(s).", file=sys.stderr
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from intake.directory.hsds import export_directory
    from intake.store.db import open_database

    database = open_database(args.database)
    try:
        counts = export_directory(database, args.path, format=args.format, force=args.force)
    finally:
        database.dispose()
    print(f"Wrote {_counts_text(counts)} to {args.path}.", file=sys.stderr)
    return 0


def _counts_text(counts: dict[str, int]) -> str:
    parts = [f"{n} {table}" for table, n in counts.items() if n]
    return ", ".join(parts) if parts else "no records"


class BarProgress:
    """A one-line progress bar on a terminal, redrawn at most ten times a second."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._last = 0.0
        self._drawn = False

    def step(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last < 0.1 and done < total:
            return
        self._last = now
        fraction = min(done / total, 1.0) if total > 0 else 0.0
        filled = "#" * int(fraction * self.WIDTH)
        self.stream.write(f"\r{stage[:40]:<40} [{filled:<{self.WIDTH}}] {fraction:4.0%}")
        self.stream.flush()
        self._drawn = True

    def check(self) -> None:
        """The command line cancels with Ctrl-C, which unwinds the transaction itself."""

    def close(self) -> None:
        if self._drawn:  # clear the line so messages start at the left margin
            self.stream.write("\r" + " " * (self.WIDTH + 48) + "\r")
            self.stream.flush()


@contextmanager
def _progress(stream: TextIO) -> Iterator[Progress]:
    if not stream.isatty():
        yield NoProgress()
        return
    bar = BarProgress(stream)
    try:
        yield bar
    finally:
        bar.close()
