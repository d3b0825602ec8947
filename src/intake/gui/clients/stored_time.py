"""Times as the records store them: in UTC, written without a zone by some databases."""

import datetime as dt


def aware(moment: dt.datetime) -> dt.datetime:
    """A stored time with its zone: the store writes UTC, and a naive time means UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def local_day(moment: dt.datetime | None) -> str:
    """A stored time as this computer's calendar day, ISO-written."""
    return "" if moment is None else aware(moment).astimezone().date().isoformat()
