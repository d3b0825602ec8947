"""Folding text for search: case and accents ignored, so 'clinica' finds 'Clínica'.

Its own module, so that the client list (shown at start) can search without importing
the taxonomy and the directory's labels.
"""

import unicodedata


def folded(text: str) -> str:
    """`text` without case or accents."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
