"""What every export shares: its result, its clock and its progress reports."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from intake.progress import NoProgress, Progress

CHECK_EVERY = 250  # rows between progress reports (and chances to cancel)


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written: the file and how many referrals, intakes and clients it covers.

    `suppressed` counts the report's cells shown as "<5" (0 for the other formats).
    """

    path: Path
    format: str
    referrals: int
    intakes: int
    clients: int
    suppressed: int = 0

    def summary(self) -> str:
        """One line for a person: counts and the file, never a client detail."""
        noun = "referral" if self.referrals == 1 else "referrals"
        text = f"Wrote {self.referrals} {noun} to {self.path}"
        if self.format == "fhir":
            text += f" (FHIR R4 Bundle, {self.clients} client(s))"
        elif self.format == "report":
            text = (
                f"Wrote a de-identified report of {self.referrals} {noun} from "
                f"{self.intakes} intake(s) to {self.path}; {self.suppressed} cell(s) "
                "under 5 shown as <5"
            )
        return text


def timestamp(now: dt.datetime | None) -> str:
    """`now` (default: this second) as an ISO UTC timestamp, e.g. 2026-11-23T10:00:00Z."""
    moment = now or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def progress_or_none(progress: Progress | None) -> Progress:
    return progress if progress is not None else NoProgress()


def report_every(progress: Progress, stage: str, done: int, total: int) -> None:
    """Report (and let the user cancel) every CHECK_EVERY rows and at the end."""
    if done % CHECK_EVERY == 0 or done == total:
        progress.step(stage, done, total)
        progress.check()
