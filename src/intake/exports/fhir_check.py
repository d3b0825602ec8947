"""The R4B models' own verdict on FHIR JSON, reached without running them on every object.

`Conformance().conforms(Model, data)` is True only if `Model.model_validate(data)` would
succeed. Why it can say so after running the model on a few objects only:

fhir_core validates a model's JSON object level by level. What it checks on one object
itself depends on the object's *shape* alone, not on its values:

- its keys (`extra="forbid"`; alias or field name), and the value of `resourceType`
  (compared with the model's type in `FHIRAbstractModel.__init__`);
- for each key, whether the value is null, a primitive (of which Python type), an object
  or a list, and the types of the list's items (`reject_null_complex_elements` refuses a
  null among objects);
- which elements are present (`validate_after_model_construction`: required elements,
  one value per choice `x[x]`; both only ask "is it None").

Everything else is a check of one value by its element's declared type, independent of
the other values: a primitive by the field's annotation (pattern, date parsing...), an
object by the element's model (the same two kinds of checks, one level down), each list
item on its own. No R4B list has a length constraint.

So the first object of each (model, shape) is validated by the model itself (a copy
with each list cut to its first item of each type: the same shape), which settles the
checks on the object itself for every object of that shape. Every object is then
checked value by value: each primitive by a `TypeAdapter` of its field's own annotation
(each distinct value once), each object recursively, a value whose model depends on it
(a resource in `Bundle.entry.resource`) by the field's annotation, whole. An object
seen before (the same Python object, under the same model) is not checked again, so
objects must not change while a `Conformance` is in use.

The argument holds for models that add nothing to fhir_core's base checks: any model
that does (its own validators, `__init__` or configuration), and any value that is not
plain JSON (a model instance, a JSON string where an object belongs), goes to the model
itself. A False verdict may be cautious: the caller then runs the model for the exact
error. `tests/exports/test_fhir_check.py` compares the verdicts on mutated resources.
"""

import functools
import typing
from collections.abc import Hashable
from typing import Any

from fhir_core.fhirabstractmodel import FHIRAbstractModel
from fhir_core.types import FhirBase, FhirElementOrResourceBase
from pydantic import BaseModel, TypeAdapter, ValidationError

Shape = tuple[object, ...]

# Keys FHIRAbstractModel.__init__ takes out and compares with the model's resource type
# (no R4B model has them as fields): their values are part of the shape.
_TYPE_KEYS = ("resourceType", "resource_type")
# What fhir_core's base model does on validation; a model overriding any of it is not
# covered by the argument above and is always validated whole.
_BASE_HOOKS = frozenset(
    {
        "__init__",
        "model_post_init",
        "model_validate",
        "reject_null_complex_elements",
        "validate_after_model_construction",
        "_validate_one_of_many",
        "_validate_required_primitive_elements",
    }
)
_BASE_VALIDATORS = frozenset(FHIRAbstractModel.__pydantic_decorators__.model_validators)
# Model settings that change nothing in how a primitive value is checked.
_NEUTRAL_CONFIG = frozenset({"extra", "validate_assignment", "populate_by_name"})


class Conformance:
    """One run of checks; remembers what it has settled (see the module's docstring)."""

    def __init__(self) -> None:
        self._shapes: set[tuple[type[BaseModel], Shape]] = set()
        self._leaves: set[tuple[_Field, type, Hashable]] = set()
        # Objects found valid, by identity; kept alive here so that no id is reused.
        self._objects: dict[tuple[type[BaseModel], int], object] = {}

    def conforms(self, model: type[BaseModel], data: Any) -> bool:
        """True only if `model.model_validate(data)` would succeed (False may be cautious)."""
        if type(data) is not dict or not _plain(model):
            return _valid(model, data)
        key = (model, id(data))
        if key in self._objects:
            return True
        if not self._settled(model, data):
            return False
        fields = _fields(model)
        for name, value in data.items():
            field = fields.get(name)
            if field is None:
                if name in _TYPE_KEYS:
                    continue  # its value is part of the shape, settled above
                return False
            if not self._value(field, value):
                return False
        self._objects[key] = data
        return True

    def _settled(self, model: type[BaseModel], data: dict[str, Any]) -> bool:
        """The checks on the object itself, run by the model once per shape."""
        shape = (model, _shape(data))
        if shape in self._shapes:
            return True
        if not _valid(model, _representative(data)):
            return False
        self._shapes.add(shape)
        return True

    def _value(self, field: "_Field", value: Any) -> bool:
        child = field.child
        if child is None or field.polymorphic:
            return self._leaf(field, value)
        kind = type(value)
        if kind is dict:
            return (child, id(value)) in self._objects or self.conforms(child, value)
        if kind is list:
            for item in value:
                if type(item) is not dict:
                    return field.accepts(value)
                if (child, id(item)) not in self._objects and not self.conforms(child, item):
                    return False
            return True
        return value is None or field.accepts(value)

    def _leaf(self, field: "_Field", value: Any) -> bool:
        """A value checked whole by the field's annotation, each distinct one once."""
        try:
            key = (field, type(value), value)
            if key in self._leaves:
                return True
        except TypeError:  # unhashable (a list, an object): checked every time
            return field.accepts(value)
        if not field.accepts(value):
            return False
        self._leaves.add(key)
        return True


class _Field:
    """One element of a model: its annotation, and its model if it holds objects."""

    __slots__ = ("_adapter", "_child", "_fhir_type", "annotation", "polymorphic")

    def __init__(self, annotation: Any, fhir_type: type[FhirBase] | None, polymorphic: bool):
        self.annotation = annotation
        self.polymorphic = polymorphic  # the model depends on the value: checked whole
        self._fhir_type = fhir_type
        self._child: type[BaseModel] | None = None
        self._adapter: TypeAdapter[Any] | None = None

    @property
    def child(self) -> type[BaseModel] | None:
        """The element's model, for an object or a list of objects (imported on first use)."""
        if self._child is None and self._fhir_type is not None:
            self._child = self._fhir_type.get_model_klass()
        return self._child

    def accepts(self, value: Any) -> bool:
        """Whether the field's own annotation accepts `value` (the adapter built on first use)."""
        if self._adapter is None:
            self._adapter = TypeAdapter(self.annotation)
        try:
            self._adapter.validate_python(value)
        except ValidationError:
            return False
        return True


def _shape(data: dict[str, Any]) -> Shape:
    """The keys, the type of each value, and the item types of each list, in order."""
    kinds = tuple(map(type, data.values()))
    shape: Shape = (tuple(data), kinds)
    if list in kinds:
        shape += tuple(frozenset(map(type, v)) for v in data.values() if type(v) is list)
    if "resourceType" in data or "resource_type" in data:
        # Compared with the model's resource type: a string, else a shape never shared.
        shape += tuple(
            data[name] if type(data[name]) is str else object()
            for name in _TYPE_KEYS
            if name in data
        )
    return shape


def _representative(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with each list cut to its first item of each type: the same shape."""
    return {
        name: _first_of_each_type(value) if type(value) is list else value
        for name, value in data.items()
    }


def _first_of_each_type(items: list[Any]) -> list[Any]:
    first: dict[type, Any] = {}
    for item in items:
        first.setdefault(type(item), item)
    return list(first.values())


def _valid(model: type[BaseModel], data: Any) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


@functools.cache
def _plain(model: type[BaseModel]) -> bool:
    """Whether `model` checks only what fhir_core's base model checks (see above)."""
    if not issubclass(model, FHIRAbstractModel):
        return False
    below_base = model.__mro__[: model.__mro__.index(FHIRAbstractModel)]
    if any(_BASE_HOOKS & vars(cls).keys() for cls in below_base):
        return False
    decorators = model.__pydantic_decorators__
    if decorators.validators or decorators.field_validators or decorators.root_validators:
        return False
    if set(decorators.model_validators) != _BASE_VALIDATORS:
        return False
    return set(model.model_config) <= _NEUTRAL_CONFIG


@functools.cache
def _fields(model: type[BaseModel]) -> dict[str, _Field]:
    """Each element by the keys it may be given as (alias and field name)."""
    found: dict[str, _Field] = {}
    for name, info in model.model_fields.items():
        annotation: Any = info.annotation
        if info.metadata:  # constraints given in Field(...): part of the element's check
            annotation = typing.Annotated.__class_getitem__((annotation, *info.metadata))  # type: ignore[attr-defined]
        types = _fhir_types(info.annotation)
        fhir_type = next(iter(types)) if len(types) == 1 else None
        # Resource-typed, or a choice of complex types: the model depends on the value.
        polymorphic = len(types) > 1 or (
            fhir_type is not None and issubclass(fhir_type, FhirElementOrResourceBase)
        )
        found[name] = _Field(annotation, fhir_type, polymorphic)
        if info.alias:
            found[info.alias] = found[name]
    return found


def _fhir_types(annotation: Any) -> set[type[FhirBase]]:
    """The FHIR complex types in an annotation (through Optional, Union and List)."""
    if isinstance(annotation, type) and issubclass(annotation, FhirBase):
        return {annotation}
    found: set[type[FhirBase]] = set()
    for argument in typing.get_args(annotation):
        found |= _fhir_types(argument)
    return found
