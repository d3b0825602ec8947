"""Comparing and searching names the way a counselor reads them.

"María  López-Ruiz", "maria lopez ruiz" and "MARIA LÓPEZ RUIZ" are one name: case,
accents, punctuation and extra spaces do not count. Dates of birth are searched as the
ISO text "1990-04-12", whole or in part, and a US-style "4/12/1990" is read as that too.
"""

import functools
import re
import unicodedata
from datetime import date

_NOT_WORD = re.compile(r"[\W_]+")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_PART = re.compile(r"^\d[\d-]*$")  # "1990", "1990-04", "1990-04-12", "04-12"


@functools.lru_cache(maxsize=65536)  # a search folds every client's name at each keystroke
def name_key(name: str) -> str:
    """The name folded for comparison: no accents, no case, words joined by one space."""
    if not name.isascii():  # most names: skip the slow part
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", name.casefold()).split())


def search_terms(text: str) -> list[str]:
    """What a search box holds, as folded words; a US-style date becomes ISO text."""
    return [term for term in (_term(word) for word in text.split()) if term]


def matches(terms: list[str], name: str, date_of_birth: date | None) -> bool:
    """Does every search word appear in the folded name or the date of birth?"""
    key = name_key(name)
    born = date_of_birth.isoformat() if date_of_birth else ""
    return all(term in key or term in born for term in terms)


def _term(word: str) -> str:
    if _ISO_PART.match(word):
        return word
    return _as_iso_date(word) or name_key(word)


def _as_iso_date(word: str) -> str | None:
    found = _US_DATE.match(word)
    if not found:
        return None
    month, day, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
