"""Field types shared by the intake models, and the wording of their own errors.

The checks pydantic cannot word well (dates, duplicates, cross-field rules) raise
`invalid(...)`: a PydanticCustomError carrying a full sentence in the counselor's words
(a Wording of intake_model.wording, and its English text), optionally pointing one step
further into the data than the validator that found it (a list item, a sibling field).
"""

import json
import re
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, ValidationInfo
from pydantic_core import PydanticCustomError

from intake.intake_model import wording as w
from intake.problems import Wording

CUSTOM_ERROR_PREFIX = "intake_"
_SHOWN_CHARS = 60
_OLDEST_AGE = 120

T = TypeVar("T")


def show(value: object) -> str | Wording:
    """A value as the user wrote it in JSON, shortened; objects and lists are only named
    (in words, so they are said in the interface's language)."""
    if isinstance(value, dict):
        return Wording(w.SHOWN_OBJECT)
    if isinstance(value, list | tuple):
        return Wording(w.SHOWN_LIST)
    if isinstance(value, date):
        value = value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 4] + '..."'


def invalid(kind: str, wording: Wording, *, at: str | int | None = None) -> PydanticCustomError:
    """An error in our own words; `at` extends the error's path (a list index, a field).

    The context keeps the Wording, for problems_from to pass on, and its English text.
    """
    context: dict[str, Any] = {"message": wording.text(), "wording": wording}
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


def _iso_date(value: object) -> object:
    # pydantic alone would take 1700000000 or "2026-11-23T00:00:00" as dates; a form or
    # a JSON file that says either is more likely a mistake than a date.
    example = Wording(w.DATE_EXAMPLE)
    if isinstance(value, datetime):
        raise invalid("date", Wording.of(w.DATE_AND_TIME, value=show(value), expected=example))
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise invalid("date", Wording.of(w.NOT_A_REAL_DATE, value=show(value))) from None
    raise invalid("date", Wording.of(w.NOT_A_DATE, value=show(value), expected=example))


def _not_in_future(value: date, info: ValidationInfo) -> date:
    today = today_of(info)
    if value > today:
        future = Wording.of(w.IN_THE_FUTURE, value=show(value), today=today.isoformat())
        raise invalid("date", future)
    return value


def _born_plausibly(value: date, info: ValidationInfo) -> date:
    today = today_of(info)
    if today.year - value.year > _OLDEST_AGE + 1:
        raise invalid("date", Wording.of(w.TOO_LONG_AGO, value=show(value), years=str(_OLDEST_AGE)))
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
PastDate = Annotated[IsoDate, AfterValidator(_not_in_future)]
BirthDate = Annotated[PastDate, AfterValidator(_born_plausibly)]


# --- text ----------------------------------------------------------------------------

# What each pattern means, for messages: "<value> is not <help>" (w.NOT_IN_FORM).
LANGUAGE_PATTERN = r"^[a-z]{2}$"
POSTAL_CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$"
PHONE_PATTERN = r"^\+?\(?[0-9][0-9 ().\-]{2,29}( *(x|ext\.?) *[0-9]{1,6})?$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PATTERN_HELP = {
    LANGUAGE_PATTERN: w.LANGUAGE_CODE_HELP,
    POSTAL_CODE_PATTERN: w.POSTAL_CODE_HELP,
    PHONE_PATTERN: w.PHONE_HELP,
    EMAIL_PATTERN: w.EMAIL_HELP,
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
            raise invalid("duplicate", Wording.of(w.LISTED_TWICE, value=show(str(item))), at=index)
        seen.add(item)
    return values


UniqueList = Annotated[
    list[T], AfterValidator(_no_duplicates), Field(json_schema_extra={"uniqueItems": True})
]
