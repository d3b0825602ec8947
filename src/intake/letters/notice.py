"""The 42 CFR §2.32 notice, kept as versioned data in resources/notices/part2_notice.toml."""

import functools
import tomllib
from dataclasses import dataclass

from intake.paths import resource_path
from intake.problems import InputError, error

NOTICE_FILE = "part2_notice.toml"


@dataclass(frozen=True, slots=True)
class Part2Notice:
    version: str
    citation: str
    source: str
    verify: str
    full: str  # statement 1 of §2.32(a): printed in full in every provider letter
    short: str  # statement 2: printed in every page footer


@functools.cache
def load_notice() -> Part2Notice:
    """The notice; InputError if the file is missing or lacks a part (no letter without it)."""
    path = resource_path("notices", NOTICE_FILE)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(
            [error(f"cannot read the 42 CFR part 2 notice: {exc}", file=path.name)]
        ) from exc
    values: dict[str, str] = {}
    problems = []
    for key in ("version", "citation", "source", "verify", "full", "short"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(
                error(f'needs {key} = "..." (a non-empty text)', file=path.name, field=key)
            )
        else:
            values[key] = " ".join(value.split())
    if problems:
        raise InputError(problems)
    return Part2Notice(**values)
