"""Checking an HSDS directory and writing it to the store, all or nothing.

One pass over the input, table by table in dependency order (organizations before the
services that need them): rows are checked as they stream in and, for an import, written
in chunks inside one transaction (hsds_write). After the first error nothing more is
written, but checking goes on so that every error is reported at once; then the
transaction rolls back and nothing has changed. Cancelling rolls back the same way.

Re-importing merges by id: a record whose id is already stored is updated in place
(an upsert), every other stored record is left as it was. So rows that hang off an
updated service (its phones, say) but are missing from the new files stay; a directory
that wants them gone must be imported into an empty database.
"""

from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from intake.directory.hsds_check import Context, TableChecker
from intake.directory.hsds_read import DirectoryInput, TableInput, open_directory
from intake.directory.hsds_report import Reporter
from intake.directory.hsds_spec import KEPT_TABLES, TableSpec, kept_specs
from intake.directory.hsds_write import CHUNK, Writer, transaction
from intake.problems import InputError, Problem
from intake.progress import NoProgress, Progress
from intake.store.db import Database
from intake.store.records_tables import DirectoryImport, utcnow

PROGRESS_EVERY = 1000  # rows between progress reports and cancel checks


@dataclass
class ImportReport:
    """A successful import: rows kept per table, and its warnings (errors raise)."""

    counts: dict[str, int]
    problems: list[Problem]
    source: str
    warning_count: int = 0  # every warning; `problems` lists the first 50 of each kind


def validate_directory(
    path: Path, *, database: Database | None = None, progress: Progress | None = None
) -> list[Problem]:
    """Every problem an import of `path` would meet, without writing anything.

    With a database, links to records already stored there count as found."""
    reporter = Reporter()
    with ExitStack() as stack:
        connection = stack.enter_context(database.engine.connect()) if database else None
        source = stack.enter_context(open_directory(path, reporter))
        _check_all(source, reporter, Context(connection), progress or NoProgress(), None)
    return reporter.problems


def import_directory(
    database: Database, path: Path, *, progress: Progress | None = None
) -> ImportReport:
    """Import `path` in one transaction; InputError carrying every problem on any error."""
    progress = progress or NoProgress()
    reporter = Reporter()
    with open_directory(path, reporter) as source:
        if reporter.errors:
            raise InputError(reporter.problems)
        with transaction(database) as connection:
            writer = Writer(connection)
            counts = _check_all(source, reporter, Context(connection), progress, writer)
            if reporter.errors:
                raise InputError(reporter.problems)  # leaving the block rolls back
            progress.check()
            _record(connection, source.name, counts, reporter.warnings)
    return ImportReport(counts, reporter.problems, source.name, reporter.warnings)


def _check_all(
    source: DirectoryInput,
    reporter: Reporter,
    context: Context,
    progress: Progress,
    writer: Writer | None,
) -> dict[str, int]:
    stage = "Importing" if writer else "Checking"
    counts = dict.fromkeys(KEPT_TABLES, 0)
    total = max(source.total, 1)
    done = 0
    for table in kept_specs():
        found = source.tables.get(table.name)
        if found is None:
            continue
        report = _reporting(progress, f"{stage} {found.label}", done, total, found)
        counts[table.name] = _check_table(table, found, reporter, context, writer, report)
        done += found.size
    progress.step(stage, total, total)
    return counts


def _reporting(
    progress: Progress, stage: str, before: int, total: int, found: TableInput
) -> Callable[[], None]:
    def report() -> None:
        progress.step(stage, min(before + found.done(), total), total)
        progress.check()

    return report


def _check_table(
    table: TableSpec,
    found: TableInput,
    reporter: Reporter,
    context: Context,
    writer: Writer | None,
    report: Callable[[], None],
) -> int:
    checker = TableChecker(table, reporter, context, found.absent)
    batch: list[dict[str, Any]] = []
    kept = 0
    report()
    for count, (where, row, raw) in enumerate(found.records(), 1):
        values = checker.check(raw, where, row)
        if values is not None:
            kept += 1
            # After an error the transaction will roll back: stop writing, keep checking.
            if writer is not None and not reporter.errors:
                batch.append(values)
                if len(batch) >= CHUNK:
                    writer.write(table, batch)
                    batch = []
        if count % PROGRESS_EVERY == 0:
            report()
    links = checker.finish()
    if writer is not None and not reporter.errors:
        if batch:
            writer.write(table, batch)
        writer.end_table(table, links)
    report()
    return kept


def _record(connection: Connection, source: str, counts: dict[str, int], warnings: int) -> None:
    connection.execute(
        insert(DirectoryImport).values(
            imported_at=utcnow(), source=source, counts=counts, warnings=warnings
        )
    )
