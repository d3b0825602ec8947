"""The rules' texts in another language, kept as data beside the rules.

    rules = load_rules(language="es")    # the same rules; reasons, cautions and labels in Spanish

A translation file (`translations/<language>.toml` in the rules folder) maps each English
text of the rule files, exactly as written there with its {places}, to the same text in
that language:

    "Takes {coverage}" = "Acepta {coverage}"

Only what a person reads changes: rule ids, conditions, weights and so every plan's
services, order and scores are those of the English rules (a test holds this). Labels
from the taxonomy come from its own translation (`intake.taxonomy_i18n`). A text with no
entry stays in English, so a clinic that rewords a rule never loses it; the tests hold
the bundled translation to cover every bundled text. A translation's {places} must be
those of its English text, or the file is refused with its line. No Qt here.
"""

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intake.paths import resource_path
from intake.problems import InputError, error
from intake.rules import ruleset
from intake.rules.ruleset import Coverage, Goal, RuleSet, Text
from intake.taxonomy_i18n import bundled_texts
from intake.translation_files import read_translation

ENGLISH = "en"
TRANSLATED_LANGUAGES = ("es",)  # with a bundled translation; English is the rule files


@dataclass(frozen=True, slots=True)
class RuleTranslation:
    """English text of the rule files -> the same text in `language`."""

    language: str
    texts: Mapping[str, str]
    path: Path


def translation_path(folder: Path, language: str) -> Path:
    """The folder's translation, else the bundled one (a clinic's copy may have none)."""
    own = folder / "translations" / f"{language}.toml"
    return own if own.is_file() else resource_path("rules", "translations", f"{language}.toml")


def load_translation(folder: Path, language: str) -> RuleTranslation:
    """The checked translation of the rules in `folder` into `language`; InputError if not."""
    if language not in TRANSLATED_LANGUAGES:
        known = ", ".join((ENGLISH, *TRANSLATED_LANGUAGES))
        raise InputError([error(f"no translation of the rules into {language!r}; use {known}")])
    path = translation_path(folder, language)
    return RuleTranslation(language, read_translation(path, "the rules' translation"), path)


def translate_rules(rules: RuleSet, translation: RuleTranslation) -> RuleSet:
    """`rules` with every text a person reads in the translation's language."""

    def text(english: str) -> str:
        return translation.texts.get(english, english)

    taxonomy = bundled_texts(translation.language).texts
    translated = _rebuilt(rules, text)
    return dataclasses.replace(
        translated,
        goals={code: _goal(goal, text) for code, goal in rules.goals.items()},
        ranking=dataclasses.replace(
            translated.ranking, coverages=tuple(_coverage(c, text) for c in rules.ranking.coverages)
        ),
        language_names={code: text(name) for code, name in rules.language_names.items()},
        pathway_labels={
            code: taxonomy[code].label if code in taxonomy else label
            for code, label in rules.pathway_labels.items()
        },
        term_labels={
            code: taxonomy[code].label if code in taxonomy else label
            for code, label in rules.term_labels.items()
        },
        text_language=translation.language,
        untranslated=rules,
    )


def rule_texts(rules: RuleSet) -> set[str]:
    """Every English text of the rule files a translation should give (taxonomy labels
    are the taxonomy's own translation's)."""
    found: set[str] = set()

    def note(english: str) -> str:
        found.add(english)
        return english

    _rebuilt(rules, note)
    found.update(goal.label for goal in rules.goals.values())
    found.update(coverage.name for coverage in rules.ranking.coverages)
    found.update(rules.language_names.values())
    return found


def _goal(goal: Goal, text: Callable[[str], str]) -> Goal:
    return dataclasses.replace(goal, label=text(goal.label))


def _coverage(coverage: Coverage, text: Callable[[str], str]) -> Coverage:
    return dataclasses.replace(coverage, name=text(coverage.name))


def _rebuilt(value: Any, text: Callable[[str], str]) -> Any:
    """`value` with each `Text` in it passed through `text`: the rule set's own records
    are rebuilt, everything else (conditions, numbers, ids) is shared as it is."""
    if isinstance(value, Text):
        return Text(text(value.template))
    if isinstance(value, tuple):
        return tuple(_rebuilt(item, text) for item in value)
    if isinstance(value, dict):
        return {key: _rebuilt(item, text) for key, item in value.items()}
    if (
        dataclasses.is_dataclass(value)
        and not isinstance(value, type)
        and type(value).__module__ == ruleset.__name__
    ):
        changes = {
            f.name: _rebuilt(getattr(value, f.name), text)
            for f in dataclasses.fields(value)
            if f.name != "untranslated"
        }
        return dataclasses.replace(value, **changes)
    return value
