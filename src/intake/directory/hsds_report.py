"""Collecting the problems of one directory import: every one counted, the first of a kind shown.

A national directory with one systematic fault (say, every phone number in quotes) would
otherwise bury the other problems under 100,000 copies of the same line and hold them all
in memory. So each kind of problem (same file, field and check) is listed up to a limit,
and one more line says how many others were like it. Counts stay exact.
"""

from dataclasses import dataclass, field

from intake.problems import Problem, Severity

PER_KIND = 50


@dataclass
class _Kind:
    first_message: str
    file: str
    field: str | None
    shown: int = 0
    hidden: int = 0


@dataclass
class Reporter:
    limit: int = PER_KIND
    errors: int = 0
    warnings: int = 0
    _problems: list[Problem] = field(default_factory=list)
    _kinds: dict[tuple[Severity, str, str | None, str], _Kind] = field(default_factory=dict)

    def error(
        self,
        message: str,
        *,
        file: str,
        row: int | None = None,
        field: str | None = None,
        kind: str = "",
    ) -> None:
        self.add("error", message, file=file, row=row, field=field, kind=kind)

    def warning(
        self,
        message: str,
        *,
        file: str,
        row: int | None = None,
        field: str | None = None,
        kind: str = "",
    ) -> None:
        self.add("warning", message, file=file, row=row, field=field, kind=kind)

    def add(
        self,
        severity: Severity,
        message: str,
        *,
        file: str,
        row: int | None,
        field: str | None,
        kind: str,
    ) -> None:
        if severity == "error":
            self.errors += 1
        else:
            self.warnings += 1
        source = file.partition(", ")[0]  # a JSON label is "file.json, path.to[0]"
        key = (severity, source, field, kind or message)
        seen = self._kinds.get(key)
        if seen is None:
            seen = self._kinds[key] = _Kind(message, source, field)
        if seen.shown >= self.limit:
            seen.hidden += 1
            return
        seen.shown += 1
        self._problems.append(Problem(severity, message, file=file, row=row, field=field))

    @property
    def problems(self) -> list[Problem]:
        """Every problem shown, then one line per kind that had more than the limit."""
        summaries = [
            Problem(
                severity,
                f"{kind.hidden} more like this not listed (first: {kind.first_message})",
                file=kind.file,
                field=kind.field,
            )
            for (severity, *_), kind in self._kinds.items()
            if kind.hidden
        ]
        return [*self._problems, *summaries]
