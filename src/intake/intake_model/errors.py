"""pydantic's validation errors, reworded as Problems a counselor can act on.

Each message names the value and what was expected, e.g. `"sobriety" is not one of
abstinence, reduced_use, safety`; the field path (`goals[0]`) goes in Problem.field.
Each is built as a Wording from the templates of intake_model.wording, kept in
Problem.wording so the interface can say it in its own language; Problem.message is its
English text. pydantic's own wording and its links never reach the user.
"""

import difflib
import re
import types
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from intake.intake_model import wording as w
from intake.intake_model.fields import CUSTOM_ERROR_PREFIX, PATTERN_HELP, show
from intake.intake_model.models import Intake
from intake.problems import Problem, Wording

Loc = tuple[str | int, ...]
Value = str | Wording  # what fills a place: text as it is, or a phrase said in words

# What a required field holds, said when it is missing or empty.
_REQUIRED_HINTS = {
    "client": w.CLIENT_HINT,
    "client.name": w.CLIENT_NAME_HINT,
    "consent.signed_by": w.SIGNED_BY_HINT,
    "consent.signed_on": w.SIGNED_ON_HINT,
}


def problems_from(error: ValidationError, source: str) -> list[Problem]:
    """One error Problem per pydantic error, in the order pydantic found them."""
    problems = []
    for detail in error.errors(include_url=False):
        loc = _full_loc(detail)
        wording = _wording(detail, loc)
        field = format_path(loc) or None
        problems.append(Problem("error", wording.text(), file=source, field=field, wording=wording))
    return problems


def format_path(loc: Sequence[str | int]) -> str:
    """("substances", 0, "route") -> "substances[0].route"."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _full_loc(detail: ErrorDetails) -> Loc:
    loc: Loc = tuple(detail["loc"])
    at = (detail.get("ctx") or {}).get("at")
    return (*loc, at) if isinstance(at, str | int) else loc


def _wording(detail: ErrorDetails, loc: Loc) -> Wording:
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    value = detail["input"]
    if kind == "missing":
        return _required(loc, given_null=False)
    # Fields that may be null take null before any check runs, so a null that fails a
    # check was given for a field that needs an answer (list items are not fields).
    if value is None and loc and isinstance(loc[-1], str):
        return _required(loc, given_null=True)
    if kind.startswith(CUSTOM_ERROR_PREFIX):
        custom: Wording = ctx["wording"]  # put there by fields.invalid()
        return custom
    word = _BY_TYPE.get(kind)
    if word is not None:
        return word(value, ctx, loc)
    # A check this module does not word yet: still name the value, never a traceback.
    return Wording.of(w.NOT_VALID_HERE, value=show(value), detail=detail["msg"])


def _required(loc: Loc, *, given_null: bool) -> Wording:
    hint = _required_hint(loc)
    if hint is None:
        return Wording(w.REQUIRED_NOT_NULL if given_null else w.REQUIRED)
    template = w.REQUIRED_WITH_HINT_NOT_NULL if given_null else w.REQUIRED_WITH_HINT
    return Wording.of(template, hint=hint)


def _required_hint(loc: Loc) -> Wording | None:
    named = _REQUIRED_HINTS.get(format_path(loc))
    if named is not None:
        return Wording(named)
    return _expected_for(_annotation_at(loc))


# --- wording per pydantic error type ----------------------------------------------------


def _enum(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    choices = _enum_values(_annotation_at(loc))
    if not choices:
        listed: Value = str(ctx["expected"]) if "expected" in ctx else Wording(w.THE_ALLOWED_VALUES)
        return Wording.of(w.NOT_ONE_OF, value=show(value), choices=listed, hint="")
    hint = _did_you_mean(value, choices)
    return Wording.of(w.NOT_ONE_OF, value=show(value), choices=", ".join(choices), hint=hint)


def _unknown_field(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    names = _field_names(_annotation_at(loc[:-1]))
    if not names:
        return Wording(w.UNKNOWN_FIELD)
    hint = _did_you_mean(loc[-1], names)
    return Wording.of(w.UNKNOWN_FIELD_EXPECTED, names=", ".join(names), hint=hint)


def _not_object(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    names = _field_names(_annotation_at(loc))
    if not names:
        return Wording.of(w.NOT_AN_OBJECT, value=show(value))
    return Wording.of(w.NOT_AN_OBJECT_WITH, value=show(value), names=", ".join(names))


def _not_list(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    choices = _enum_values(_annotation_at((*loc, 0)))
    if not choices:
        return Wording.of(w.NOT_A_LIST, value=show(value))
    return Wording.of(w.NOT_A_LIST_OF, value=show(value), choices=", ".join(choices))


def _too_short(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    choices = _enum_values(_annotation_at((*loc, 0)))
    if choices:
        return Wording.of(w.EMPTY_LIST_OF, choices=", ".join(choices))
    return Wording.of(w.EMPTY_LIST, count=str(ctx.get("min_length", 1)))


def _string_too_short(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    named = _REQUIRED_HINTS.get(format_path(loc))
    hint = (
        Wording(named)
        if named is not None
        else Wording.of(w.AT_LEAST_CHARACTERS, count=str(ctx.get("min_length")))
    )
    return Wording.of(w.EMPTY_TEXT, value=show(value), hint=hint)


def _string_too_long(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    length: Value = str(len(value)) if isinstance(value, str) else Wording(w.TOO_MANY)
    maximum = str(ctx.get("max_length"))
    return Wording.of(w.TOO_LONG, value=show(value), length=length, maximum=maximum)


def _pattern(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    pattern = str(ctx.get("pattern", ""))
    help_ = PATTERN_HELP.get(pattern)
    expected = (
        Wording(help_) if help_ is not None else Wording.of(w.IN_THE_EXPECTED_FORM, pattern=pattern)
    )
    hint = _lowercase_hint(value, pattern)
    return Wording.of(w.NOT_IN_FORM, value=show(value), expected=expected, hint=hint)


def _lowercase_hint(value: object, pattern: str) -> Value:
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered != value and re.fullmatch(pattern, lowered):
            return Wording.of(w.DID_YOU_MEAN, suggestion=lowered)
    return ""


def _ge(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    return Wording.of(w.LESS_THAN, value=show(value), minimum=show(ctx.get("ge")))


def _le(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    return Wording.of(w.MORE_THAN, value=show(value), maximum=show(ctx.get("le")))


def _gt(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    return Wording.of(w.TOO_SMALL, value=show(value), limit=show(ctx.get("gt")))


def _lt(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
    return Wording.of(w.TOO_LARGE, value=show(value), limit=show(ctx.get("lt")))


def _type(expected: str) -> Callable[[object, dict[str, Any], Loc], Wording]:
    def word(value: object, ctx: dict[str, Any], loc: Loc) -> Wording:
        return Wording.of(w.NOT_OF_TYPE, value=show(value), expected=Wording(expected))

    return word


_BY_TYPE: dict[str, Callable[[object, dict[str, Any], Loc], Wording]] = {
    "enum": _enum,
    "extra_forbidden": _unknown_field,
    "invalid_key": _type(w.A_FIELD_NAME),
    "model_type": _not_object,
    "model_attributes_type": _not_object,
    "dict_type": _not_object,
    "list_type": _not_list,
    "too_short": _too_short,
    "string_too_short": _string_too_short,
    "string_too_long": _string_too_long,
    "string_pattern_mismatch": _pattern,
    "greater_than_equal": _ge,
    "less_than_equal": _le,
    "greater_than": _gt,
    "less_than": _lt,
    "bool_type": _type(w.TRUE_OR_FALSE),
    "int_type": _type(w.A_WHOLE_NUMBER),
    "float_type": _type(w.A_NUMBER),
    "finite_number": _type(w.A_FINITE_NUMBER),
    "string_type": _type(w.TEXT),
}


# --- what the model expects at a path -----------------------------------------------------


def _annotation_at(loc: Loc) -> Any:
    """The type the Intake model declares at a path, or None when the path leaves it."""
    current: Any = Intake
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = get_args(current) if get_origin(current) in (list, tuple) else ()
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
        else:
            return None
    return _unwrap(current)


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated[...] and `| None` down to the type that carries the meaning."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            rest = [a for a in get_args(annotation) if a is not type(None)]
            if len(rest) != 1:
                return annotation
            annotation = rest[0]
        else:
            return annotation


def _enum_values(annotation: Any) -> list[str]:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(member.value) for member in annotation]
    return []


def _field_names(annotation: Any) -> list[str]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _expected_for(annotation: Any) -> Wording | None:
    choices = _enum_values(_unwrap(get_args(annotation)[0])) if get_args(annotation) else []
    if get_origin(annotation) is list and choices:
        return Wording.of(w.ONE_OR_MORE_OF, choices=", ".join(choices))
    return None


def _did_you_mean(value: object, choices: Sequence[str]) -> Value:
    """A near choice as a phrase to end a sentence with, or "" when there is none."""
    if not isinstance(value, str):
        return ""
    match = difflib.get_close_matches(value.strip().lower(), list(choices), n=1, cutoff=0.75)
    return Wording.of(w.DID_YOU_MEAN, suggestion=match[0]) if match and match[0] != value else ""
