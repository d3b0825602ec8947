"""Problems found in what a user gave us: a file, a row, a field, and what was expected.

Every layer that reads user input reports through these, so the command line and the
GUI show the same sentences and never a traceback. A problem's `message` is English; one
that also carries its `wording` (the English template and its values) can be said in the
interface's language too (intake.wording_i18n).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Wording:
    """A sentence as an English template with {places} and the values that fill them.

    A value is put in as it is (text the user gave, a number, a code) or is another
    Wording: a phrase said inside the sentence, in the same language as the sentence.
    Values never go through the template, so braces in them cannot break it.
    """

    template: str
    values: tuple[tuple[str, "str | Wording"], ...] = ()

    @classmethod
    def of(cls, template: str, **values: "str | Wording") -> "Wording":
        return cls(template, tuple(values.items()))

    def text(self) -> str:
        """The sentence in English."""
        return self.template.format_map(
            {name: v.text() if isinstance(v, Wording) else v for name, v in self.values}
        )


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (error) or doubtful (warning) in an input."""

    severity: Severity
    message: str
    file: str | None = None
    row: int | None = None  # 1-based, as a spreadsheet shows it (the header is row 1)
    field: str | None = None
    wording: Wording | None = None  # `message` as a template and values, to translate it

    def __str__(self) -> str:
        where = [part for part in (self.file, self._row_text(), self._field_text()) if part]
        prefix = ", ".join(where)
        label = "error" if self.severity == "error" else "warning"
        return f"{prefix}: {label}: {self.message}" if prefix else f"{label}: {self.message}"

    def _row_text(self) -> str | None:
        return f"row {self.row}" if self.row is not None else None

    def _field_text(self) -> str | None:
        return f"field {self.field}" if self.field else None


def error(message: str, **where: object) -> Problem:
    return Problem("error", message, **where)  # type: ignore[arg-type]


def warning(message: str, **where: object) -> Problem:
    return Problem("warning", message, **where)  # type: ignore[arg-type]


class InputError(Exception):
    """Raised when an input cannot be used; carries every problem found, not only the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]
