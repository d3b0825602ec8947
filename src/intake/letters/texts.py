"""The words of letters and handouts, as data: resources/letters/<language>.toml.

    texts = load_texts("es")                  # Spanish, English for anything not translated
    texts["handout.title"], texts.format("handout.prepared_for", name=...), texts.date(day)

A clinic administrator can reword these files without touching code. English is
complete; another language's file may leave keys out, and those fall back to English.
"""

import functools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from intake.paths import resource_path
from intake.problems import InputError, error

FALLBACK = "en"


@dataclass(frozen=True)
class Texts:
    language: str
    _values: Mapping[str, Any]

    def __getitem__(self, key: str) -> str:
        value = self._values.get(key)
        if not isinstance(value, str):
            raise KeyError(f"no text {key!r} in the letter texts")
        return value

    def get(self, key: str, default: str = "") -> str:
        value = self._values.get(key)
        return value if isinstance(value, str) else default

    def format(self, key: str, **values: object) -> str:
        return self[key].format(**values)

    def sequence(self, key: str) -> tuple[str, ...]:
        value = self._values.get(key)
        if not isinstance(value, list):
            raise KeyError(f"no list {key!r} in the letter texts")
        return tuple(str(item) for item in value)

    def label(self, group: str, code: str) -> str:
        """A code's words (`substances.opioids`), or the code itself if the file has none."""
        return self.get(f"{group}.{code}", code.replace("_", " "))

    def labels(self, group: str, codes: Iterable[str]) -> list[str]:
        return [self.label(group, code) for code in codes]

    def date(self, day: date) -> str:
        month = self.sequence("months")[day.month - 1]
        return self["date_format"].format(day=day.day, month=month, year=day.year)

    def names(self) -> set[str]:
        return set(self._values)


@functools.cache
def available_languages() -> tuple[str, ...]:
    """The languages with a texts file, read once per process (every letter asks)."""
    folder = resource_path("letters")
    return tuple(sorted(p.stem for p in folder.glob("*.toml") if len(p.stem) == 2))


def choose_language(preferred: Sequence[str] | None, fallback: str = FALLBACK) -> str:
    """The first of the client's languages (preferred first) that has a translation."""
    have = available_languages()
    for code in preferred or ():
        if code.lower() in have:
            return code.lower()
    return fallback if fallback in have else FALLBACK


def load_texts(language: str = FALLBACK) -> Texts:
    """The texts in `language` (English where it has none); English for an unknown language."""
    return _load(language if language in available_languages() else FALLBACK)


@functools.cache
def _load(language: str) -> Texts:
    values = dict(_flat(_read(resource_path("letters", f"{FALLBACK}.toml"))))
    if language != FALLBACK:
        values.update(_flat(_read(resource_path("letters", f"{language}.toml"))))
    return Texts(language, values)


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError([error(f"cannot read the letter texts: {exc}", file=path.name)]) from exc


def _flat(data: Mapping[str, Any], prefix: str = "") -> Iterable[tuple[str, Any]]:
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flat(value, f"{name}.")
        else:
            yield name, value
