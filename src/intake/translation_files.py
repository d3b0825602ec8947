"""Reading translation files: English text -> the same text in another language, as TOML.

The rules' texts (`rules/translations/<language>.toml`) and the intake model's messages
(`messages/<language>.toml`) are both files of `"English" = "translation"` entries whose
{places} must match; the taxonomy's translation is read with the same care. Every
problem names the file and, where it can, the line. No Qt here.
"""

import json
import string
import tomllib
from pathlib import Path
from typing import Any

from intake.problems import InputError, Problem, error


def read_text(path: Path, what: str) -> str:
    """The file as UTF-8 text; InputError naming it (`what`: "the rules' translation")."""
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as exc:
        message = f"cannot read {what}: {exc.strerror or exc}"
        raise InputError([error(message, file=str(path))]) from None
    except UnicodeDecodeError as exc:
        message = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        raise InputError([error(message, file=str(path))]) from None


def read_toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its message ends "(at line L, column C)"
        raise InputError([error(f"not valid TOML: {exc}", file=str(path))]) from None


def read_translation(path: Path, what: str) -> dict[str, str]:
    """A file of `"English" = "translation"` entries, each checked by `entry_problem`;
    InputError with every bad entry and its line."""
    text = read_text(path, what)
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    for english, translation in read_toml(path, text).items():
        problem = entry_problem(english, translation)
        if problem:
            line = line_of_key(text, english)
            where = f"line {line}: " if line else ""
            problems.append(error(where + problem, file=str(path), field=english))
        else:
            texts[english] = translation.strip()
    if problems:
        raise InputError(problems)
    return texts


def entry_problem(english: str, translation: object) -> str | None:
    """What is wrong with one entry, or None: a text with the {places} of its English."""
    if not isinstance(translation, str) or not translation.strip():
        return 'expected "English text" = "translated text", both in quotes'
    try:
        wanted, found = places(english), places(translation)
    except ValueError as exc:  # an unmatched brace
        return f"{exc} (write {{{{ and }}}} for a literal brace)"
    if wanted != found:
        listed = ", ".join("{" + name + "}" for name in sorted(wanted)) or "none"
        return f"the translation must use the same {{places}} as the English text: {listed}"
    return None


def places(template: str) -> set[str]:
    """The names of a template's {places}; ValueError for an unmatched brace."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def line_of_key(text: str, key: str) -> int | None:
    """The line that starts the entry for `key`, written as a basic or a literal string."""
    # A basic string escapes quotes and backslashes as JSON does; a literal one does not.
    quoted = (json.dumps(key, ensure_ascii=False), f"'{key}'")
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(quoted):
            return number
    return None
