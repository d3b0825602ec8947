"""The intake fields a rule may test, read from the Intake model itself, and their values.

The catalogue is built by walking the pydantic models, so a rule naming a field the
model does not have is caught when the rules load (not silently never firing), and a
value outside a field's choices ("risks.uses_alone is "yes"") is caught too.

Values follow "missing is unknown": a skipped answer, or a section not asked, reads as
None. Lists read as tuples whose items may be None (a substance the client would rather
not name), so "contains" can answer unknown instead of a false "no".
"""

import enum
import functools
import types
import typing
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel

from intake.intake_model import Frequency, Intake

Kind = Literal["flag", "number", "text", "choice", "list"]

# Views of the substance list: every substance named, or only those used now. An unknown
# frequency counts as now, like Intake.current_substance_codes(): a skipped question must
# not hold back a safety referral.
RECORD_LISTS = {"substances": "substance"}  # list field -> the item field it stands for
CURRENT_VIEW = "current"
_NOT_NOW = Frequency.NOT_CURRENT


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """What a rule may ask of one field path."""

    path: str
    kind: Kind
    choices: frozenset[str] | None = None  # allowed values (of the items, for a list)
    description: str = ""


def field_catalogue() -> dict[str, FieldSpec]:
    """Every field path rules may name, e.g. "risks.uses_alone", "substances.current.route"."""
    return dict(_catalogue())


@functools.cache
def _catalogue() -> tuple[tuple[str, FieldSpec], ...]:
    specs: dict[str, FieldSpec] = {}
    for name, info in Intake.model_fields.items():
        _add(specs, name, info.annotation, info.description or "")
    # Age is answered as a date of birth or an age; rules see one number, on the plan's day.
    specs["client.age"] = FieldSpec("client.age", "number", None, "age in years on the day")
    for list_name in RECORD_LISTS:
        for path, spec in list(specs.items()):
            if path == list_name or path.startswith(list_name + "."):
                view = list_name + "." + CURRENT_VIEW + path[len(list_name) :]
                specs[view] = FieldSpec(
                    view, spec.kind, spec.choices, "used now: " + spec.description
                )
    return tuple(sorted(specs.items()))


def _add(specs: dict[str, FieldSpec], path: str, annotation: Any, description: str) -> None:
    inner, is_list = _unwrap(annotation)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        if is_list:
            key_field = RECORD_LISTS.get(path)
            if key_field is None:
                return  # a list of records with no key field: nothing a rule can test
            key = inner.model_fields[key_field]
            specs[path] = _leaf(path, key.annotation, True, description)
            for name, info in inner.model_fields.items():
                specs[f"{path}.{name}"] = _leaf(
                    f"{path}.{name}", info.annotation, True, info.description or ""
                )
            return
        for name, info in inner.model_fields.items():
            _add(specs, f"{path}.{name}", info.annotation, info.description or "")
        return
    specs[path] = _leaf(path, annotation, False, description)


def _leaf(path: str, annotation: Any, in_list: bool, description: str) -> FieldSpec:
    inner, is_list = _unwrap(annotation)
    choices: frozenset[str] | None = None
    kind: Kind
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        choices = frozenset(str(m.value) for m in inner)
        kind = "choice"
    elif inner is bool:
        kind = "flag"
    elif inner in (int, float):
        kind = "number"
    else:
        kind = "text"
    if is_list or in_list:
        return FieldSpec(path, "list", choices, description)
    return FieldSpec(path, kind, choices, description)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The core type of an annotation (Optional, Annotated and list taken off) and whether
    it was a list."""
    is_list = False
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType):
            rest = [a for a in args if a is not type(None)]
            annotation = rest[0] if len(rest) == 1 else str
        elif origin in (list, tuple, set, frozenset):
            is_list = True
            annotation = args[0] if args else str
        else:
            return annotation, is_list


# --- values ----------------------------------------------------------------------------


class IntakeFacts:
    """The values of field paths for one intake on one day; None means unknown."""

    __slots__ = ("_intake", "_today", "_values")

    def __init__(self, intake: Intake, today: date) -> None:
        self._intake = intake
        self._today = today
        self._values: dict[str, Any] = {}

    def value(self, path: str) -> Any:
        try:
            return self._values[path]
        except KeyError:
            value = self._values[path] = self._read(path)
            return value

    def _read(self, path: str) -> Any:
        if path == "client.age":
            return self._intake.age_on(self._today)
        head, _, rest = path.partition(".")
        if head in RECORD_LISTS:
            return self._read_records(head, rest)
        value: Any = self._intake
        for part in path.split("."):
            value = getattr(value, part, None)
            if value is None:
                return None
        return _plain(value)

    def _read_records(self, list_name: str, rest: str) -> tuple[Any, ...] | None:
        items = getattr(self._intake, list_name)
        if items is None:
            return None
        if rest == CURRENT_VIEW or rest.startswith(CURRENT_VIEW + "."):
            items = [i for i in items if getattr(i, "frequency", None) != _NOT_NOW]
            rest = rest[len(CURRENT_VIEW) + 1 :]
        attribute = rest or RECORD_LISTS[list_name]
        return tuple(_plain(getattr(item, attribute, None)) for item in items)


def _plain(value: Any) -> Any:
    """Enums as their codes and lists as tuples, so rules compare plain strings."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple):
        return tuple(_plain(v) for v in value)
    return value
