"""The de-identified report: counts by month, pathway and goal, small cells suppressed.

Two tables, each one count per (month, category), months as YYYY-MM of the day the
intake was finished (UTC), from the first to the last month with a finished intake:

- `referrals_by_pathway`: referrals, by the pathway they belong to (contract §2 codes);
- `intakes_by_goal`: finished intakes, by each goal the client stated (an intake with
  two goals counts once under each).

What it never holds: names, dates of birth, ids, days, counselor names, notes or any
other free text. A pathway or goal outside the known codes is counted as `other`.

Suppression. A count from 1 to 4 is shown as "<5". Zero is shown as 0: "nobody" names
nobody, and it keeps "<5" meaning 1 to 4. No totals are printed, by month, category or
overall: every printed number is one cell and none is the sum of others, so no
suppressed cell can be worked out by subtraction. (Complementary suppression with
printed totals was considered and rejected: goals overlap, so their totals give bounds
rather than sums, and bounds can still pin a small cell, e.g. 9 intakes, 5 with
abstinence, none with reduced use, "<5" with safety means 4. Anyone who needs a total
can add the printed cells and know it is a lower bound.) Dates are applied by whole
months: `since` and `until` are widened to the first and last day of their months, so
two reports over ranges that differ by a few days cannot be subtracted to reveal the
intakes of those days.

Format by the output file's suffix:

- `.csv`: header `table,month,category,count`, one line per cell (UTF-8, optional BOM);
- `.json`: `{"generated_at", "filters", "suppression", "referrals_by_pathway": [{"month",
  "pathway", "referrals"}], "intakes_by_goal": [{"month", "goal", "intakes"}]}`.
"""

import calendar
import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from intake.exports.atomic import OUT_OPTION, atomic_text
from intake.exports.common import (
    ExportResult,
    progress_or_none,
    report_every,
    timestamp,
)
from intake.exports.rows import DateRange, finished_intakes, referral_pathways
from intake.intake_model import Goal
from intake.problems import InputError, error
from intake.progress import Progress
from intake.store.db import Database
from intake.taxonomy import load_taxonomy

THRESHOLD = 5
SUPPRESSED = "<5"
OTHER = "other"
SUFFIXES = (".csv", ".json")
CSV_COLUMNS = ("table", "month", "category", "count")
REFERRALS, INTAKES = "referrals_by_pathway", "intakes_by_goal"

Cell = int | str  # a count, or SUPPRESSED

_STAGE = "Counting"
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Table:
    """One report table: a count per month per category, suppressed as shown."""

    name: str
    category_key: str  # "pathway" | "goal"
    count_key: str  # "referrals" | "intakes"
    months: tuple[str, ...]
    categories: tuple[str, ...]
    cells: dict[tuple[str, str], Cell]

    @property
    def suppressed(self) -> int:
        return sum(1 for cell in self.cells.values() if cell == SUPPRESSED)

    def rows(self) -> list[tuple[str, str, Cell]]:
        return [(m, c, self.cells[(m, c)]) for m in self.months for c in self.categories]


def shown(count: int) -> Cell:
    """A count as the report prints it: 1-4 suppressed."""
    return SUPPRESSED if 0 < count < THRESHOLD else count


def month_of(moment: dt.datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


def whole_months(dates: DateRange) -> DateRange:
    """The range widened to whole months."""
    since = dates.since.replace(day=1) if dates.since else None
    until = None
    if dates.until is not None:
        last = calendar.monthrange(dates.until.year, dates.until.month)[1]
        until = dates.until.replace(day=last)
    return DateRange(since, until)


def report_format(out: Path) -> str:
    """ "csv" or "json" from the file's suffix; InputError for any other."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            [
                error(
                    f"a report is written as CSV or JSON, chosen by the file's suffix; got "
                    f"{out.suffix or 'no suffix'!r}, expected .csv or .json",
                    field=OUT_OPTION,
                )
            ]
        )
    return suffix[1:]


def export_report(
    database: Database,
    out: Path,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    bom: bool = False,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> ExportResult:
    """Write the de-identified report to `out` (.csv or .json), atomically."""
    kind = report_format(out)
    asked = DateRange(since, until)
    dates = whole_months(asked)
    watcher = progress_or_none(progress)
    intakes = list(_watched(finished_intakes(database, dates), watcher))
    referrals = list(_watched(referral_pathways(database, dates), watcher))
    months = _months(intake.finished_at for intake in intakes)
    pathways = load_taxonomy().pathway_codes()
    by_pathway = _table(
        REFERRALS,
        ("pathway", "referrals"),
        months,
        pathways,
        ((month_of(when), pathway) for when, pathway in referrals),
    )
    goals = tuple(goal.value for goal in Goal)
    by_goal = _table(
        INTAKES,
        ("goal", "intakes"),
        months,
        goals,
        ((month_of(i.finished_at), goal) for i in intakes for goal in set(i.goals)),
    )
    tables = (by_pathway, by_goal)
    if kind == "csv":
        _write_csv(out, tables, bom=bom)
    else:
        _write_json(out, tables, asked=asked, applied=dates, now=now)
    return ExportResult(
        out,
        "report",
        referrals=len(referrals),
        intakes=len(intakes),
        clients=0,
        suppressed=by_pathway.suppressed + by_goal.suppressed,
    )


def _watched(items: Iterable[_T], progress: Progress) -> Iterator[_T]:
    for done, item in enumerate(items, start=1):
        report_every(progress, _STAGE, done, done)
        yield item


def _months(moments: Iterable[dt.datetime]) -> tuple[str, ...]:
    """Every month from the first to the last with data, in order."""
    seen = sorted({(m.year, m.month) for m in moments})
    if not seen:
        return ()
    (year, month), last = seen[0], seen[-1]
    months: list[str] = []
    while (year, month) <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def _table(
    name: str,
    keys: tuple[str, str],
    months: tuple[str, ...],
    known: Sequence[str],
    facts: Iterable[tuple[str, str]],
) -> Table:
    counts = Counter((month, code if code in known else OTHER) for month, code in facts)
    categories = tuple(known) + ((OTHER,) if any(c == OTHER for _, c in counts) else ())
    cells = {(m, c): shown(counts.get((m, c), 0)) for m in months for c in categories}
    return Table(name, keys[0], keys[1], months, categories, cells)


def _write_csv(out: Path, tables: Sequence[Table], *, bom: bool) -> None:
    with atomic_text(out, encoding="utf-8-sig" if bom else "utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for table in tables:
            for month, category, cell in table.rows():
                writer.writerow((table.name, month, category, cell))


def _write_json(
    out: Path,
    tables: Sequence[Table],
    *,
    asked: DateRange,
    applied: DateRange,
    now: dt.datetime | None,
) -> None:
    document: dict[str, Any] = {
        "generated_at": timestamp(now),
        "filters": {**asked.as_json(), "applied": applied.as_json()},
        "suppression": {
            "threshold": THRESHOLD,
            "shown_as": SUPPRESSED,
            "totals": "none printed, so no suppressed cell can be recovered by subtraction",
            "dates": "whole months",
        },
    }
    for table in tables:
        document[table.name] = [
            {"month": month, table.category_key: category, table.count_key: cell}
            for month, category, cell in table.rows()
        ]
    with atomic_text(out, encoding="utf-8", newline="\n") as stream:
        json.dump(document, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
