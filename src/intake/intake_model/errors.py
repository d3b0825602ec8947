"""pydantic's validation errors, reworded as Problems a counselor can act on.

Each message names the value and what was expected, e.g. `"sobriety" is not one of
abstinence, reduced_use, safety`; the field path (`goals[0]`) goes in Problem.field.
pydantic's own wording and its links never reach the user.
"""

import difflib
import re
import types
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from intake.intake_model.fields import CUSTOM_ERROR_PREFIX, PATTERN_HELP, show
from intake.intake_model.models import Intake
from intake.problems import Problem

Loc = tuple[str | int, ...]

# What a required field holds, said when it is missing or empty.
_REQUIRED_HINTS = {
    "client": "an object with at least the client's name",
    "client.name": "a name or an alias, 1 to 200 characters",
    "consent.signed_by": "who signed the consent",
    "consent.signed_on": "the date the consent was signed, YYYY-MM-DD",
}


def problems_from(error: ValidationError, source: str) -> list[Problem]:
    """One error Problem per pydantic error, in the order pydantic found them."""
    problems = []
    for detail in error.errors(include_url=False):
        loc = _full_loc(detail)
        problems.append(
            Problem("error", _message(detail, loc), file=source, field=format_path(loc) or None)
        )
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


def _message(detail: ErrorDetails, loc: Loc) -> str:
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
        return str(ctx["message"])
    wording = _WORDING.get(kind)
    if wording is not None:
        return wording(value, ctx, loc)
    # A check this module does not word yet: still name the value, never a traceback.
    return f"{show(value)} is not valid here ({detail['msg']})"


def _required(loc: Loc, *, given_null: bool) -> str:
    hint = _REQUIRED_HINTS.get(format_path(loc)) or _expected_for(_annotation_at(loc))
    text = "required" + (f" ({hint})" if hint else "")
    return text + ("; null is not allowed here" if given_null else "")


# --- wording per pydantic error type ----------------------------------------------------


def _enum(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    choices = _enum_values(_annotation_at(loc))
    if not choices:
        return f"{show(value)} is not one of {ctx.get('expected', 'the allowed values')}"
    return f"{show(value)} is not one of {', '.join(choices)}" + _did_you_mean(value, choices)


def _unknown_field(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    names = _field_names(_annotation_at(loc[:-1]))
    if not names:
        return "unknown field"
    hint = _did_you_mean(loc[-1], names)
    return f"unknown field (expected one of {', '.join(names)}){hint}"


def _not_object(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    names = _field_names(_annotation_at(loc))
    expected = f" (expected an object with {', '.join(names)})" if names else ""
    return f"{show(value)} is not an object{expected}"


def _not_list(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    item = _annotation_at((*loc, 0))
    choices = _enum_values(item)
    expected = f" of {', '.join(choices)}" if choices else ""
    return f"{show(value)} is not a list (expected a list{expected})"


def _too_short(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    choices = _enum_values(_annotation_at((*loc, 0)))
    if choices:
        return f"the list is empty (expected at least one of {', '.join(choices)})"
    return f"the list is empty (expected at least {ctx.get('min_length', 1)} item)"


def _string_too_short(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    hint = _REQUIRED_HINTS.get(format_path(loc)) or f"at least {ctx.get('min_length')} character"
    return f"{show(value)} is empty (expected {hint})"


def _string_too_long(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    length = len(value) if isinstance(value, str) else "too many"
    return f"{show(value)} is {length} characters long (expected at most {ctx.get('max_length')})"


def _pattern(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    pattern = str(ctx.get("pattern", ""))
    expected = PATTERN_HELP.get(pattern, f"in the expected form ({pattern})")
    return f"{show(value)} is not {expected}{_lowercase_hint(value, pattern)}"


def _lowercase_hint(value: object, pattern: str) -> str:
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered != value and re.fullmatch(pattern, lowered):
            return f'; did you mean "{lowered}"?'
    return ""


def _ge(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    return f"{show(value)} is less than {show(ctx.get('ge'))}"


def _le(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    return f"{show(value)} is more than {show(ctx.get('le'))}"


def _gt(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    return f"{show(value)} is too small (expected more than {show(ctx.get('gt'))})"


def _lt(value: object, ctx: dict[str, Any], loc: Loc) -> str:
    return f"{show(value)} is too large (expected less than {show(ctx.get('lt'))})"


def _type(expected: str) -> Callable[[object, dict[str, Any], Loc], str]:
    def word(value: object, ctx: dict[str, Any], loc: Loc) -> str:
        return f"{show(value)} is not {expected}"

    return word


_WORDING: dict[str, Callable[[object, dict[str, Any], Loc], str]] = {
    "enum": _enum,
    "extra_forbidden": _unknown_field,
    "invalid_key": _type("a field name (field names are text)"),
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
    "bool_type": _type("true or false"),
    "int_type": _type("a whole number"),
    "float_type": _type("a number"),
    "finite_number": _type("a finite number"),
    "string_type": _type("text"),
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


def _expected_for(annotation: Any) -> str:
    choices = _enum_values(_unwrap(get_args(annotation)[0])) if get_args(annotation) else []
    if get_origin(annotation) is list and choices:
        return f"one or more of {', '.join(choices)}"
    return ""


def _did_you_mean(value: object, choices: Sequence[str]) -> str:
    if not isinstance(value, str):
        return ""
    match = difflib.get_close_matches(value.strip().lower(), list(choices), n=1, cutoff=0.75)
    return f'; did you mean "{match[0]}"?' if match and match[0] != value else ""
