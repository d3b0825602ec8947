"""Small helpers that put numbers and names into the rule files' texts."""

from collections.abc import Iterable


def km_text(km: float) -> str:
    """3.2 -> "3.2", 14.4 -> "14", 0.04 -> "0.1": one decimal only where it matters."""
    if km < 10:
        return f"{max(km, 0.1):.1f}"
    return f"{km:.0f}"


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def names_text(names: Iterable[str]) -> str:
    return ", ".join(names)


def lower_first(label: str) -> str:
    """A taxonomy label inside a sentence: "Opioids" -> "opioids" (but "LGBTQ+" stays)."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]
