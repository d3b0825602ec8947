"""Does a text reveal substance use? The handout's guard, over words kept as data.

A client handout names no substance and no service type that would reveal one, so that
the client can carry it anywhere. Directory text printed on a handout (names, how to
get in) is checked against resources/letters/discreet.toml and left off when it holds
one of those words, unless the counselor and client choose full names.
"""

import functools
import re
import tomllib
from dataclasses import dataclass

from intake.paths import resource_path
from intake.problems import InputError, error


@dataclass(frozen=True, slots=True)
class Discretion:
    _pattern: re.Pattern[str]

    def reveals(self, text: str) -> bool:
        return bool(text) and self._pattern.search(text) is not None


@functools.cache
def load_discretion() -> Discretion:
    path = resource_path("letters", "discreet.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        words = [str(w) for w in data["words"]]
        acronyms = [str(a) for a in data["acronyms"]]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise InputError(
            [error(f"cannot read the discretion words: {exc}", file=path.name)]
        ) from exc
    prefixes = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w)
    wholes = "|".join(re.escape(a) for a in acronyms if a)
    # (?<!\w): a word starts here; acronyms must also end at a word boundary.
    parts = [f"(?i:(?<!\\w)(?:{prefixes}))"] if prefixes else []
    if wholes:
        parts.append(f"(?<!\\w)(?:{wholes})(?!\\w)")
    return Discretion(re.compile("|".join(parts) or "(?!)"))
