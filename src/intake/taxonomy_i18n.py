"""The `intake` taxonomy's labels and descriptions in another language, kept as data.

    texts = load_taxonomy_texts("es")                  # resources/taxonomy/intake.es.toml
    spanish = translated_taxonomy(load_taxonomy(), texts)
    spanish.label("harm_reduction.naloxone")          # "Naloxona (Narcan)"

A translation file has the shape of `intake.toml`: `[[pathways]]` and `[[terms]]` tables
of `code`, `label` and `description`. It must give every code of the taxonomy and no
other, so that a code added to `intake.toml` cannot show up in English in the middle of a
Spanish screen without a test saying so. Codes, and so the rules, never change with the
language: only what a person reads does. No Qt here.
"""

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from intake.paths import resource_path
from intake.problems import InputError, Problem, error
from intake.taxonomy import IntakeTaxonomy, load_taxonomy
from intake.translation_files import read_text, read_toml

# The languages with a bundled translation; English is the taxonomy file itself.
TRANSLATED_LANGUAGES = ("es",)

_TOP_KEYS = ("language", "taxonomy_version", "pathways", "terms")
_ENTRY_KEYS = ("code", "label", "description")


@dataclass(frozen=True, slots=True)
class TermText:
    """What a person reads for one code."""

    label: str
    description: str


@dataclass(frozen=True, slots=True)
class TaxonomyTexts:
    """A whole translation: every code of the taxonomy -> its label and description."""

    language: str
    taxonomy_version: str  # the version of intake.toml it was written for
    texts: Mapping[str, TermText]


def translation_path(language: str) -> Path:
    """Where the bundled translation into `language` lives."""
    return resource_path("taxonomy", f"intake.{language}.toml")


def load_taxonomy_texts(
    language: str, *, path: Path | None = None, taxonomy: IntakeTaxonomy | None = None
) -> TaxonomyTexts:
    """Read and check a translation of `taxonomy` (the bundled one by default).

    InputError, naming the file and each code at fault, if the file is not valid TOML,
    misses a code, has a code the taxonomy does not know, or an entry without text.
    """
    path = path or translation_path(language)
    taxonomy = taxonomy or load_taxonomy()
    text = read_text(path, "the taxonomy translation")
    return _Checker(path, text, taxonomy).build(read_toml(path, text), language)


def translated_taxonomy(taxonomy: IntakeTaxonomy, texts: TaxonomyTexts) -> IntakeTaxonomy:
    """`taxonomy` with the labels and descriptions of `texts`; the same codes and ids.

    A code `texts` lacks (a clinic's own taxonomy may add some) keeps its own words.
    """
    words = texts.texts
    pathways = tuple(
        replace(p, label=words[p.code].label, description=words[p.code].description)
        if p.code in words
        else p
        for p in taxonomy.pathways
    )
    terms = {
        code: replace(t, label=words[code].label, description=words[code].description)
        if code in words
        else t
        for code, t in taxonomy.terms.items()
    }
    return IntakeTaxonomy(taxonomy.version, pathways, terms, taxonomy.description)


# Translated taxonomies already made, by language: (the taxonomy given, its translation).
_made: dict[str, tuple[IntakeTaxonomy, IntakeTaxonomy]] = {}


def taxonomy_in_language(taxonomy: IntakeTaxonomy, language: str) -> IntakeTaxonomy:
    """`taxonomy` in `language` from its bundled translation; itself for English or for a
    language without one. Made once per taxonomy and language, so callers need not keep it.

    InputError if the bundled translation is broken.
    """
    if language not in TRANSLATED_LANGUAGES:
        return taxonomy
    made = _made.get(language)
    if made is not None and any(t is taxonomy for t in made):  # again, or its translation
        return made[1]
    result = translated_taxonomy(taxonomy, bundled_texts(language))
    _made[language] = (taxonomy, result)
    return result


@functools.cache
def bundled_texts(language: str) -> TaxonomyTexts:
    """The bundled translation into `language`, read and checked once."""
    return load_taxonomy_texts(language)


class _Checker:
    """Collects every problem of a parsed translation, then builds it or raises them all."""

    def __init__(self, path: Path, text: str, taxonomy: IntakeTaxonomy) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.taxonomy = taxonomy
        self.problems: list[Problem] = []
        self.seen: set[str] = set()  # codes with an entry, sound or not

    def build(self, data: Mapping[str, Any], language: str) -> TaxonomyTexts:
        for key in data:
            if key not in _TOP_KEYS:
                self._report(f"unknown key {key!r}; allowed: {', '.join(_TOP_KEYS)}", key)
        if data.get("language") != language:
            self._report(f'expected language = "{language}" for this file', "language")
        version = data.get("taxonomy_version")
        if not isinstance(version, str) or not version.strip():
            self._report('needs taxonomy_version = "..." (the intake.toml it translates)')
            version = ""
        pathway_codes = self.taxonomy.pathway_codes()
        texts = self._section(data, "pathways", pathway_codes)
        texts |= self._section(data, "terms", tuple(self.taxonomy.terms))
        self._check_complete(pathway_codes)
        if self.problems:
            raise InputError(self.problems)
        return TaxonomyTexts(language, version.strip(), texts)

    def _report(self, message: str, field_name: str | None = None) -> None:
        self.problems.append(error(message, file=str(self.path), field=field_name))

    def _section(
        self, data: Mapping[str, Any], section: str, known: tuple[str, ...]
    ) -> dict[str, TermText]:
        value = data.get(section, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self._report(f"expected a list of [[{section}]] tables", section)
            return {}
        texts: dict[str, TermText] = {}
        for where, entry in zip(self._places(section, len(value)), value, strict=True):
            text = self._entry(where, entry)
            code = entry.get("code")
            if not isinstance(code, str) or not code.strip():
                continue
            code = code.strip()
            if code not in known:
                self._report(f"{where}: {self._unknown(code, section)}", code)
            elif code in self.seen:
                self._report(f"{where}: code {code!r} is translated twice", code)
            elif text is not None:
                texts[code] = text
            self.seen.add(code)
        return texts

    def _unknown(self, code: str, section: str) -> str:
        if self.taxonomy.is_known(code):
            other = "terms" if section == "pathways" else "pathways"
            return f"code {code!r} belongs under [[{other}]], as in intake.toml"
        return f"code {code!r} is not in the taxonomy (intake.toml); check its spelling"

    def _entry(self, where: str, entry: Mapping[str, Any]) -> TermText | None:
        code = entry.get("code")
        named = f" (code {code!r})" if isinstance(code, str) else ""
        for key in entry:
            if key not in _ENTRY_KEYS:
                allowed = ", ".join(_ENTRY_KEYS)
                self._report(f"{where}{named} has unknown key {key!r}; allowed: {allowed}", key)
        values = []
        for key in _ENTRY_KEYS:
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                self._report(f'{where}{named} has no {key}; write {key} = "..."', key)
                return None
            values.append(value.strip())
        return TermText(label=values[1], description=values[2])

    def _check_complete(self, pathway_codes: tuple[str, ...]) -> None:
        for code in (*pathway_codes, *self.taxonomy.terms):
            if code not in self.seen:
                section = "pathways" if code in pathway_codes else "terms"
                message = f"code {code!r} has no translation; add a [[{section}]] entry for it"
                self._report(message, code)

    def _places(self, section: str, count: int) -> list[str]:
        """A phrase per entry saying where it is: its header's line when there is one."""
        pattern = re.compile(rf"^\s*\[\[\s*{re.escape(section)}\s*\]\]")
        lines = [n for n, line in enumerate(self.lines, start=1) if pattern.match(line)]
        if len(lines) != count:  # written as an inline array: no header lines to name
            return [f"[[{section}]] entry {i}" for i in range(1, count + 1)]
        return [f"the [[{section}]] entry at line {n}" for n in lines]
