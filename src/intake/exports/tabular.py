"""CSV and JSON: one row per referral of a finished intake.

Columns, in this order (the JSON rows have the same keys, in the same order):

    date             the day the intake was finished, YYYY-MM-DD (UTC)
    client_id        the client's id on record
    client_name      the name or alias on record; name_is_alias says which
    name_is_alias    true | false
    goals            the client's goals; in CSV joined with ";" (e.g. safety;reduced_use)
    pathway          contract §2 code
    service_id, service, organization
    status           the referral's status code (e.g. pending, got_help)
    urgent, safety_net   true | false
    counselor        who took the intake ("" / null when not recorded)
    intake_id, referral_id

CSV is UTF-8 (with a byte-order mark on request, for spreadsheets that need one to read
UTF-8), comma-separated, quoted where needed, CRLF line ends, one header row. A cell
whose text could start a spreadsheet formula (its first non-blank character is `=`,
`+`, `-`, `@`, tab, carriage return or line feed, or a full-width `＝＋－＠`) is
prefixed with a single quote, as OWASP advises against CSV injection; such a cell
then reads as text. JSON is not a spreadsheet format and keeps the text unchanged.
"""

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from intake.exports.atomic import atomic_text
from intake.exports.common import (
    ExportResult,
    progress_or_none,
    report_every,
    timestamp,
)
from intake.exports.rows import DateRange, ReferralRow, count_referrals, referral_rows
from intake.progress import Progress
from intake.store.db import Database

COLUMNS = (
    "date",
    "client_id",
    "client_name",
    "name_is_alias",
    "goals",
    "pathway",
    "service_id",
    "service",
    "organization",
    "status",
    "urgent",
    "safety_net",
    "counselor",
    "intake_id",
    "referral_id",
)
_FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")
_STAGE = "Writing referrals"


def neutralize(cell: str) -> str:
    """The cell as a spreadsheet will show it as text, never run it as a formula."""
    if cell and (cell[0] in _FORMULA_STARTS or cell.lstrip()[:1] in _FORMULA_STARTS):
        return "'" + cell
    return cell


def row_values(row: ReferralRow) -> dict[str, Any]:
    """The row as JSON values, keyed and ordered as COLUMNS."""
    return {
        "date": row.day.isoformat(),
        "client_id": row.client_id,
        "client_name": row.client_name,
        "name_is_alias": row.is_alias,
        "goals": list(row.goals),
        "pathway": row.pathway,
        "service_id": row.service_id,
        "service": row.service_name,
        "organization": row.organization_name,
        "status": row.status,
        "urgent": row.urgent,
        "safety_net": row.safety_net,
        "counselor": row.counselor,
        "intake_id": row.intake_id,
        "referral_id": row.referral_id,
    }


def csv_cells(row: ReferralRow) -> list[str]:
    return [neutralize(_csv_text(value)) for value in row_values(row).values()]


def export_csv(
    database: Database,
    out: Path,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    bom: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the referrals of finished intakes in the range to `out` as CSV, atomically."""
    dates = DateRange(since, until)
    watcher = progress_or_none(progress)
    total = count_referrals(database, dates)
    counter = _Counter()
    with atomic_text(out, encoding="utf-8-sig" if bom else "utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in counter.watch(referral_rows(database, dates), watcher, total):
            writer.writerow(csv_cells(row))
    return counter.result(out, "csv")


def export_json(
    database: Database,
    out: Path,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> ExportResult:
    """Write `{"generated_at", "filters", "rows"}` to `out` as UTF-8 JSON, atomically."""
    dates = DateRange(since, until)
    watcher = progress_or_none(progress)
    total = count_referrals(database, dates)
    counter = _Counter()
    rows = [row_values(r) for r in counter.watch(referral_rows(database, dates), watcher, total)]
    document = {"generated_at": timestamp(now), "filters": dates.as_json(), "rows": rows}
    with atomic_text(out, encoding="utf-8", newline="\n") as stream:
        # One string, one write: json.dump would write each of its ~60 pieces per row.
        stream.write(json.dumps(document, ensure_ascii=False, indent=2))
        stream.write("\n")
    return counter.result(out, "json")


class _Counter:
    """Counts rows, intakes and clients as they pass, reporting progress."""

    def __init__(self) -> None:
        self.referrals = 0
        self.intakes: set[str] = set()
        self.clients: set[str] = set()

    def watch(
        self, rows: Iterable[ReferralRow], progress: Progress, total: int
    ) -> Iterator[ReferralRow]:
        progress.step(_STAGE, 0, total)
        for row in rows:
            self.referrals += 1
            self.intakes.add(row.intake_id)
            self.clients.add(row.client_id)
            report_every(progress, _STAGE, self.referrals, max(total, self.referrals))
            yield row
        progress.check()

    def result(self, out: Path, kind: str) -> ExportResult:
        return ExportResult(out, kind, self.referrals, len(self.intakes), len(self.clients))


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return str(value)
