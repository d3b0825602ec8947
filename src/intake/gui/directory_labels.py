"""Words for a service's codes: its pathways, types, features and languages, as a counselor
reads them, in the taxonomy's order and in the interface's language.

The taxonomy's Spanish is data (`resources/taxonomy/intake.es.toml`, read by
`intake.taxonomy_i18n`); language names come from Qt in English and are translated
through the interface's own translation files, like any other string.
"""

import functools
import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from intake.directory.snapshot import ServiceView
from intake.gui import i18n
from intake.problems import InputError
from intake.taxonomy import IntakeTaxonomy, Term
from intake.taxonomy_i18n import taxonomy_in_language

log = logging.getLogger("intake.gui")

ENGLISH = "en"  # a service with no language rows is taken to be offered in English

# Names Qt does not know, by code; shown as the code otherwise.
_OTHER_LANGUAGES = {
    "asl": QT_TRANSLATE_NOOP("LanguageNames", "American Sign Language"),
    "hmn": QT_TRANSLATE_NOOP("LanguageNames", "Hmong"),
}
# Qt's English names of the languages directories list most (resources/rules/languages.toml),
# marked here so that lupdate offers them for translation.
_QT_NAMES = (
    QT_TRANSLATE_NOOP("LanguageNames", "Amharic"),
    QT_TRANSLATE_NOOP("LanguageNames", "Arabic"),
    QT_TRANSLATE_NOOP("LanguageNames", "Bangla"),
    QT_TRANSLATE_NOOP("LanguageNames", "Bosnian"),
    QT_TRANSLATE_NOOP("LanguageNames", "Cantonese"),
    QT_TRANSLATE_NOOP("LanguageNames", "Chinese"),
    QT_TRANSLATE_NOOP("LanguageNames", "English"),
    QT_TRANSLATE_NOOP("LanguageNames", "Filipino"),
    QT_TRANSLATE_NOOP("LanguageNames", "French"),
    QT_TRANSLATE_NOOP("LanguageNames", "German"),
    QT_TRANSLATE_NOOP("LanguageNames", "Greek"),
    QT_TRANSLATE_NOOP("LanguageNames", "Haitian Creole"),
    QT_TRANSLATE_NOOP("LanguageNames", "Hindi"),
    QT_TRANSLATE_NOOP("LanguageNames", "Italian"),
    QT_TRANSLATE_NOOP("LanguageNames", "Japanese"),
    QT_TRANSLATE_NOOP("LanguageNames", "Khmer"),
    QT_TRANSLATE_NOOP("LanguageNames", "Korean"),
    QT_TRANSLATE_NOOP("LanguageNames", "Lao"),
    QT_TRANSLATE_NOOP("LanguageNames", "Navajo"),
    QT_TRANSLATE_NOOP("LanguageNames", "Nepali"),
    QT_TRANSLATE_NOOP("LanguageNames", "Pashto"),
    QT_TRANSLATE_NOOP("LanguageNames", "Persian"),
    QT_TRANSLATE_NOOP("LanguageNames", "Polish"),
    QT_TRANSLATE_NOOP("LanguageNames", "Portuguese"),
    QT_TRANSLATE_NOOP("LanguageNames", "Punjabi"),
    QT_TRANSLATE_NOOP("LanguageNames", "Russian"),
    QT_TRANSLATE_NOOP("LanguageNames", "Samoan"),
    QT_TRANSLATE_NOOP("LanguageNames", "Somali"),
    QT_TRANSLATE_NOOP("LanguageNames", "Spanish"),
    QT_TRANSLATE_NOOP("LanguageNames", "Swahili"),
    QT_TRANSLATE_NOOP("LanguageNames", "Tigrinya"),
    QT_TRANSLATE_NOOP("LanguageNames", "Ukrainian"),
    QT_TRANSLATE_NOOP("LanguageNames", "Urdu"),
    QT_TRANSLATE_NOOP("LanguageNames", "Vietnamese"),
    QT_TRANSLATE_NOOP("LanguageNames", "Yiddish"),
)


def shown_taxonomy(taxonomy: IntakeTaxonomy) -> IntakeTaxonomy:
    """`taxonomy` with its labels and descriptions in the interface's language.

    The codes stay the same, so filters and rules are unaffected. Should the bundled
    translation be broken (its tests say so first), the English words are shown.
    """
    language = i18n.current_language()
    try:
        return taxonomy_in_language(taxonomy, language)
    except InputError as exc:  # file names and codes only: nothing about a client
        log.warning("taxonomy translation %r not used:\n%s", language, exc)
        return taxonomy


class Vocabulary:
    """The taxonomy indexed once, so that labelling a directory of thousands stays quick."""

    def __init__(self, taxonomy: IntakeTaxonomy) -> None:
        self.taxonomy = taxonomy = shown_taxonomy(taxonomy)
        self._pathways = {code: i for i, code in enumerate(taxonomy.pathway_codes())}
        self._terms = {code: (i, term) for i, (code, term) in enumerate(taxonomy.terms.items())}

    def pathway_codes(self, service: ServiceView) -> tuple[str, ...]:
        """The pathways a service belongs to (through its types or the pathway code itself)."""
        groups = {code.split(".", 1)[0] for code in service.codes}
        return tuple(sorted(groups & self._pathways.keys(), key=self._pathways.__getitem__))

    def type_terms(self, service: ServiceView) -> tuple[Term, ...]:
        """The service types (not the eligibility features) of a service."""
        return self._terms_where(service, lambda term: term.is_type)

    def feature_terms(self, service: ServiceView, group: str) -> tuple[Term, ...]:
        """A service's codes of one feature group, e.g. "population" or "payment"."""
        return self._terms_where(service, lambda term: term.group == group)

    def _terms_where(self, service: ServiceView, keep: Callable[[Term], bool]) -> tuple[Term, ...]:
        found = [self._terms[code] for code in service.codes if code in self._terms]
        return tuple(term for _, term in sorted(found, key=lambda pair: pair[0]) if keep(term))


def language_codes(service: ServiceView) -> tuple[str, ...]:
    return service.languages or (ENGLISH,)


def language_name(code: str) -> str:
    """'es' -> 'Spanish' ('Español' in the Spanish interface); an unknown code as given."""
    return _language_name(code, i18n.current_language())


@functools.cache
def _language_name(code: str, _interface_language: str) -> str:
    english = english_language_name(code)
    return code if english is None else QCoreApplication.translate("LanguageNames", english)


def english_language_name(code: str) -> str | None:
    """'es' -> 'Spanish', whatever the interface shows; None for a code nobody knows."""
    english = _OTHER_LANGUAGES.get(code)
    if english is not None:
        return english
    language = QLocale.codeToLanguage(code)
    if language in (QLocale.Language.AnyLanguage, QLocale.Language.C):
        return None
    return QLocale.languageToString(language)
