"""Field types shared by the intake models, and the wording of their own errors.

The checks pydantic cannot word well (dates, duplicates, cross-field rules) raise
`invalid(...)`: a PydanticCustomError whose message is already a full sentence in
the counselor's words, optionally pointing one step further into the data than the
validator that found it (a list item, a sibling field).
"""

import json
import re
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, ValidationInfo
from pydantic_core import PydanticCustomError

CUSTOM_ERROR_PREFIX = "intake_"
_SHOWN_CHARS = 60
_OLDEST_AGE = 120

T = TypeVar("T")


def show(value: object) -> str:
    """A value as the user wrote it in JSON, shortened; objects and lists are only named."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, date):
        value = value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 4] + '..."'


def invalid(kind: str, message: str, *, at: str | int | None = None) -> PydanticCustomError:
    """An error in our own words; `at` extends the error's path (a list index, a field)."""
    context: dict[str, Any] = {"message": message}
    if at is not None:
        context["at"] = at
    # The message goes through the context, never the template, so braces in user text
    # cannot break formatting.
    return PydanticCustomError(CUSTOM_ERROR_PREFIX + kind, "{message}", context)


def today_of(info: ValidationInfo) -> date:
    """The date checks count from: the caller's `today` in the validation context, or the clock."""
    context = info.context if isinstance(info.context, dict) else {}
    given = context.get("today")
    return given if isinstance(given, date) else date.today()


# --- dates ---------------------------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_EXAMPLE = "a date written YYYY-MM-DD, e.g. 2026-11-23"


def _iso_date(value: object) -> object:
    # pydantic alone would take 1700000000 or "2026-11-23T00:00:00" as dates; a form or
    # a JSON file that says either is more likely a mistake than a date.
    if isinstance(value, datetime):
        raise invalid("date", f"{show(value)} is a date and time (expected {_DATE_EXAMPLE})")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise invalid("date", f"{show(value)} is not a real date") from None
    raise invalid("date", f"{show(value)} is not a date (expected {_DATE_EXAMPLE})")


def _not_in_future(value: date, info: ValidationInfo) -> date:
    today = today_of(info)
    if value > today:
        raise invalid("date", f"{show(value)} is in the future (today is {today.isoformat()})")
    return value


def _born_plausibly(value: date, info: ValidationInfo) -> date:
    today = today_of(info)
    if today.year - value.year > _OLDEST_AGE + 1:
        raise invalid("date", f"{show(value)} is more than {_OLDEST_AGE} years ago")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
PastDate = Annotated[IsoDate, AfterValidator(_not_in_future)]
BirthDate = Annotated[PastDate, AfterValidator(_born_plausibly)]


# --- text ----------------------------------------------------------------------------

# What each pattern means, for messages: "<value> is not <help>".
LANGUAGE_PATTERN = r"^[a-z]{2}$"
POSTAL_CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$"
PHONE_PATTERN = r"^\+?\(?[0-9][0-9 ().\-]{2,29}( *(x|ext\.?) *[0-9]{1,6})?$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PATTERN_HELP = {
    LANGUAGE_PATTERN: 'a two-letter lowercase ISO 639-1 language code, e.g. "en" or "es"',
    POSTAL_CODE_PATTERN: 'a postal code, e.g. "59101"',
    PHONE_PATTERN: 'a phone number, e.g. "+1 406 555 0100" or "(406) 555-0100 ext 12"',
    EMAIL_PATTERN: 'an email address, e.g. "name@example.org"',
}


def _blank_to_none(value: object) -> object:
    # A field left blank on a form was not answered: unknown, like a missing key.
    if isinstance(value, str) and not value.strip():
        return None
    return value


RequiredText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
ShortText = Annotated[
    Annotated[str, StringConstraints(max_length=200)] | None, BeforeValidator(_blank_to_none)
]
LongText = Annotated[
    Annotated[str, StringConstraints(max_length=2000)] | None, BeforeValidator(_blank_to_none)
]
LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
PostalCode = Annotated[
    Annotated[str, StringConstraints(pattern=POSTAL_CODE_PATTERN)] | None,
    BeforeValidator(_blank_to_none),
]
Phone = Annotated[
    Annotated[str, StringConstraints(pattern=PHONE_PATTERN)] | None,
    BeforeValidator(_blank_to_none),
]
Email = Annotated[
    Annotated[str, StringConstraints(max_length=254, pattern=EMAIL_PATTERN)] | None,
    BeforeValidator(_blank_to_none),
]
ServiceId = Annotated[str, StringConstraints(min_length=1, max_length=64)]


# --- lists ---------------------------------------------------------------------------


def _no_duplicates(values: list[T]) -> list[T]:
    seen: set[object] = set()
    for index, item in enumerate(values):
        if item in seen:
            raise invalid("duplicate", f"{show(str(item))} is listed twice", at=index)
        seen.add(item)
    return values


UniqueList = Annotated[
    list[T], AfterValidator(_no_duplicates), Field(json_schema_extra={"uniqueItems": True})
]
