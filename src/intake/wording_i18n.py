"""The intake model's problem messages in another language, kept as data.

    translated(problem, "es")      # '"1990-13-01" no es una fecha que exista'

A problem from the intake model carries its `wording`: an English template of
`intake.intake_model.wording` and the values that fill it. A catalog,
resources/messages/<language>.toml, maps each English template, exactly as written there
with its {places}, to the same template in that language:

    "{value} is listed twice" = "{value} aparece dos veces en la lista"

The values (what the user typed, numbers, dates, codes) are put in as they are; a value
that is itself a Wording (a phrase said inside the sentence) is said in the same language.
A template the catalog lacks stays English, alone: the rest of the sentence is still
translated. A translation's {places} must be those of its English template, or the
catalog is refused naming its line. `Problem.message` stays English whatever the
language: the command line, JSON files and records read it. No Qt here.
"""

import functools
import logging
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from intake.paths import resource_path
from intake.problems import InputError, Problem, Wording
from intake.translation_files import read_translation

log = logging.getLogger(__name__)

ENGLISH = "en"
TRANSLATED_LANGUAGES = ("es",)  # with a bundled catalog; English is the templates themselves


def messages_path(language: str) -> Path:
    """Where the bundled catalog of messages in `language` lives."""
    return resource_path("messages", f"{language}.toml")


@functools.lru_cache
def load_message_texts(language: str, path: Path | None = None) -> Mapping[str, str]:
    """English template -> the same template in `language`, from its catalog (the bundled
    one unless `path` is given), checked; read once per language and path.

    InputError, naming the file and each entry's line, if the file cannot be read, is not
    TOML, or has an entry that is not text or whose {places} differ from its key's.
    """
    texts = read_translation(path or messages_path(language), "the messages' translation")
    return MappingProxyType(texts)


def translated(item: Problem | Wording, language: str) -> str:
    """A problem (or a wording) said in `language`: the English message for English, for a
    language without a catalog, or for a problem that carries no wording."""
    wording = item.wording if isinstance(item, Problem) else item
    english = item.message if isinstance(item, Problem) else item.text()
    if wording is None or language == ENGLISH or language not in TRANSLATED_LANGUAGES:
        return english
    try:
        texts = load_message_texts(language)
    except InputError as exc:  # a broken catalog must not hide the problem itself
        log.warning("messages in %r shown in English: %s", language, exc.problems[0])
        return english
    return _render(wording, texts)


def _render(wording: Wording, texts: Mapping[str, str]) -> str:
    template = texts.get(wording.template, wording.template)
    values = {
        name: _render(value, texts) if isinstance(value, Wording) else value
        for name, value in wording.values
    }
    return template.format_map(values)
