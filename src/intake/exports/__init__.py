"""Exported referral summaries: what leaves the clinic as files (contract §5, `intake export`).

    export_csv(db, Path("out.csv"), since=date(2026, 1, 1), until=None, bom=True)
    export_json(db, Path("out.json"), since=None, until=None)
    export_fhir(db, Path("bundle.json"), since=None, until=None)    # FHIR R4 Bundle
    export_report(db, Path("report.csv"), since=None, until=None)   # or .json; de-identified
    EXPORTERS["csv"](db, path, since=..., until=...)                # by format name

Each reads the referrals of finished intakes only (drafts never leave), in the
inclusive range of days on which the intake was finished, and writes the file
atomically (a temporary file beside it, fsynced, then renamed; on any failure or
cancellation nothing is left at the target). Each takes an optional
`intake.progress.Progress` (the GUI's worker passes one; it may cancel) and returns an
`ExportResult` with counts and a one-line summary. Nothing here logs client details.
No Qt here.
"""

from collections.abc import Callable

from intake.exports.atomic import atomic_binary, atomic_text, check_target
from intake.exports.common import ExportResult
from intake.exports.fhir import export_fhir
from intake.exports.report import export_report
from intake.exports.rows import DateRange
from intake.exports.tabular import COLUMNS, export_csv, export_json, neutralize

EXPORTERS: dict[str, Callable[..., ExportResult]] = {
    "csv": export_csv,
    "json": export_json,
    "fhir": export_fhir,
    "report": export_report,
}
FORMATS = tuple(EXPORTERS)

__all__ = [
    "COLUMNS",
    "EXPORTERS",
    "FORMATS",
    "DateRange",
    "ExportResult",
    "atomic_binary",
    "atomic_text",
    "check_target",
    "export_csv",
    "export_fhir",
    "export_json",
    "export_report",
    "neutralize",
]
