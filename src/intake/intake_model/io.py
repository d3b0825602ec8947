"""Reading, writing and describing intakes: JSON files in, JSON-ready dicts out.

Every failure is an InputError carrying all problems found, each naming the file, the
field and what was expected; never a traceback.
"""

import json
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from intake.intake_model import wording as w
from intake.intake_model.errors import problems_from
from intake.intake_model.models import Intake
from intake.problems import InputError, Problem, Wording

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def parse_intake(data: object, *, source: str = "intake", today: date | None = None) -> Intake:
    """An Intake from parsed JSON; InputError with every problem, each naming `source`.

    `today` is the date "not in the future" is measured from (the clock by default).
    """
    try:
        return Intake.model_validate(data, context={"today": today or date.today()})
    except ValidationError as exc:
        raise InputError(problems_from(exc, source)) from None


def load_intake(path: Path | str, *, today: date | None = None) -> Intake:
    """Read an intake JSON file. Problems name the file by its name only, not its folders."""
    path = Path(path)
    text = _read_text(path)
    return parse_intake(_parse_json(text, path.name), source=path.name, today=today)


def dump_intake(intake: Intake) -> dict[str, Any]:
    """A JSON-ready dict without unknown (None) answers; parse_intake reads it back equal."""
    return intake.model_dump(mode="json", exclude_none=True)


def intake_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an intake, generated from the models."""
    schema = Intake.model_json_schema(mode="validation")
    return {
        "$schema": SCHEMA_DIALECT,
        "$comment": (
            "Generated from intake.intake_model by tools/write_intake_schema.py; do not edit. "
            "Some checks live only in the program: dates not in the future, "
            "consent.expires_on and revoked_on not before signed_on, insurance none alone. "
            "The program also trims spaces around text and reads blank text as unknown."
        ),
        **schema,
    }


def intake_schema_text() -> str:
    """The schema as the committed file holds it: sorted keys, two-space indent, newline."""
    return json.dumps(intake_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# --- reading a file ------------------------------------------------------------------------


def _problem(name: str, wording: Wording) -> Problem:
    return Problem("error", wording.text(), file=name, wording=wording)


def _fail(name: str, wording: Wording) -> InputError:
    return InputError([_problem(name, wording)])


class _ConstantError(ValueError):
    """NaN, Infinity or -Infinity in a file: Python's json reads them, JSON does not."""

    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.word = word


def _read_text(path: Path) -> str:
    name = path.name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(name, Wording(w.FILE_NOT_FOUND)) from None
    except IsADirectoryError:
        raise _fail(name, Wording(w.IS_A_FOLDER)) from None
    except PermissionError:
        raise _fail(name, Wording(w.PERMISSION_DENIED)) from None
    except OSError as exc:
        reason = exc.strerror or Wording(w.INPUT_OUTPUT_ERROR)
        raise _fail(name, Wording.of(w.CANNOT_BE_READ, reason=reason)) from None
    try:
        # utf-8-sig: Windows editors often start UTF-8 files with a byte-order mark.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = str(raw[: exc.start].count(b"\n") + 1)
        byte = f"{raw[exc.start]:02x}"
        raise _fail(name, Wording.of(w.NOT_UTF8, byte=byte, line=line)) from None


def _parse_json(text: str, name: str) -> object:
    if not text.strip():
        raise _fail(name, Wording(w.EMPTY_FILE))
    duplicates: list[str] = []

    def keep_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # json keeps the last of two equal keys without a word; a counselor would want to know.
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                duplicates.append(key)
            seen.add(key)
        return dict(pairs)

    def no_constant(word: str) -> object:
        raise _ConstantError(word)

    try:
        data = json.loads(text, object_pairs_hook=keep_pairs, parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        at = Wording.of(w.NOT_JSON_AT, detail=exc.msg, line=str(exc.lineno), column=str(exc.colno))
        raise _fail(name, at) from None
    except _ConstantError as exc:
        detail = Wording.of(w.CONSTANT_NOT_JSON, word=exc.word)
        raise _fail(name, Wording.of(w.NOT_JSON, detail=detail)) from None
    except ValueError as exc:  # e.g. a number too long for Python to read
        raise _fail(name, Wording.of(w.NOT_JSON, detail=str(exc))) from None
    if duplicates:
        raise InputError(_problem(name, Wording.of(w.KEY_TWICE, key=key)) for key in duplicates)
    return data
