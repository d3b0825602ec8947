"""`intake export`: referral summaries of stored intakes, written to a file.

    intake export --format csv|json|fhir|report --out PATH [--since DATE] [--until DATE] [--bom]

csv and json: one row per referral; fhir: an R4 Bundle; report: de-identified counts by
month, pathway and goal, written as CSV or JSON by the --out file's suffix. Dates are
YYYY-MM-DD, inclusive, on the day the intake was finished. The file is written whole or
not at all; standard output stays empty, and a one-line summary goes to standard error.
Exit 0 written, 1 bad input (a bad date, since after until, a missing folder), 2 wrong
usage. Heavy modules are imported inside the handler.
"""

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from intake.problems import InputError, error

FORMATS = ("csv", "json", "fhir", "report")
EXIT_USAGE = 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export referral summaries (CSV, JSON, FHIR R4, de-identified report)",
        description="Write the referrals of finished intakes to a file: csv or json, one row "
        "per referral; fhir, an R4 Bundle (Patient, ServiceRequest per referral, the "
        "services and organizations), every resource labelled 42 CFR Part 2; report, "
        "de-identified counts by month, pathway and goal with counts under 5 shown as <5, "
        "as CSV or JSON by the --out suffix (.csv or .json). Drafts are never exported.",
    )
    parser.add_argument("--format", choices=FORMATS, required=True, help="what to write")
    parser.add_argument("--out", metavar="PATH", type=Path, required=True, help="file to write")
    parser.add_argument(
        "--since", metavar="DATE", help="first day, YYYY-MM-DD (intakes finished on or after)"
    )
    parser.add_argument(
        "--until", metavar="DATE", help="last day, YYYY-MM-DD (intakes finished on or before)"
    )
    parser.add_argument(
        "--bom",
        action="store_true",
        help="start a CSV file with a UTF-8 byte-order mark (for spreadsheets that need one)",
    )
    parser.set_defaults(handler=_export)


def option_date(text: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value; InputError naming the option and the expected form."""
    if text is None:
        return None
    try:
        if len(text.strip()) != 10:
            raise ValueError(text)
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            [error(f"{text!r} is not a date; expected YYYY-MM-DD, e.g. 2026-11-23", field=option)]
        ) from None


def _export(args: argparse.Namespace) -> int:
    if args.bom and not _is_csv(args.format, args.out):
        print(
            "intake export: error: --bom applies to CSV only (--format csv, or a report "
            "written to a .csv file)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    since = option_date(args.since, "--since")
    until = option_date(args.until, "--until")

    from intake.exports import EXPORTERS, DateRange, check_target
    from intake.exports.report import report_format
    from intake.store.db import open_database

    # The cheap checks first, so a typo fails before the database is opened.
    DateRange(since, until)
    check_target(args.out)
    if args.format == "report":
        report_format(args.out)
    options: dict[str, Any] = {"since": since, "until": until}
    if _is_csv(args.format, args.out):
        options["bom"] = args.bom
    database = open_database(args.database)
    try:
        result = EXPORTERS[args.format](database, args.out, **options)
    finally:
        database.dispose()
    print(result.summary(), file=sys.stderr)
    return 0


def _is_csv(kind: str, out: Path) -> bool:
    return kind == "csv" or (kind == "report" and out.suffix.lower() == ".csv")
