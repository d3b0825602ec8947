"""Words for a service's codes: its pathways, types, features and languages, as a counselor
reads them, in the taxonomy's order."""

import functools
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QLocale

from intake.directory.snapshot import ServiceView
from intake.taxonomy import IntakeTaxonomy, Term

ENGLISH = "en"  # a service with no language rows is taken to be offered in English


class Vocabulary:
    """The taxonomy indexed once, so that labelling a directory of thousands stays quick."""

    def __init__(self, taxonomy: IntakeTaxonomy) -> None:
        self.taxonomy = taxonomy
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


@functools.cache
def language_name(code: str) -> str:
    """'es' -> 'Spanish'; an unknown code is shown as given."""
    language = QLocale.codeToLanguage(code)
    if language in (QLocale.Language.AnyLanguage, QLocale.Language.C):
        return code
    return QLocale.languageToString(language)


def folded(text: str) -> str:
    """Text for searching: case and accents ignored, so 'clinica' finds 'Clínica'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
