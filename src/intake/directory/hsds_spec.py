"""What the HSDS 3.0 schemas say about the tables we keep, compiled once for fast checks.

Reading, checking, importing and exporting all take field order, types, enums, required
fields, file names and nesting from here, and this module takes them from the schemas
shipped in `resources/hsds/schema/`, so the program follows the official files rather
than a hand copy of them. Our SQL tables (store.directory_tables) add what the schemas
cannot say: which links are foreign keys and which columns hold whole numbers.
"""

import functools
import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Integer, Table

from intake.paths import resource_path
from intake.store.directory_tables import DIRECTORY_TABLES

Kind = Literal[
    "id", "ref", "text", "number", "integer", "enum", "date", "datetime", "time", "email", "uri"
]

ID_MAX_LENGTH = 64  # the store's id columns; PostgreSQL refuses longer values

# HSDS keeps these as plain strings; their descriptions ask for ISO dates or times.
DATE_FIELDS = frozenset({"assured_date", "valid_from", "valid_to", "dtstart", "until"})
TIME_FIELDS = frozenset({"opens_at", "closes_at"})

# The store's dependency order, but attributes last: an attribute may describe a record
# of any table (a cost option, say), which must have been read before it is checked.
KEPT_TABLES: tuple[str, ...] = tuple(
    sorted(
        (model.__tablename__ for model in DIRECTORY_TABLES),  # type: ignore[misc]
        key=lambda name: name == "attribute",
    )
)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: Kind
    required: bool
    enum: tuple[str, ...] = ()
    target: str | None = None  # the table a "ref" column points into


@dataclass(frozen=True, slots=True)
class Nested:
    """A key of a nested JSON object that holds other records."""

    key: str
    table: str
    many: bool  # a list of child records, or one record this one points at


# The nested JSON forms hold two links the per-table schemas do not list.
EXTRA_NESTING = {
    "organization": (Nested("services", "service", many=True),),
    "service_at_location": (Nested("service", "service", many=False),),
}


@dataclass(frozen=True)
class TableSpec:
    name: str
    file_name: str  # e.g. services.csv
    kept: bool
    columns: tuple[Column, ...]  # HSDS field order; empty for tables we do not keep
    nested: tuple[Nested, ...]
    schema: dict[str, Any]  # the HSDS JSON schema of the table, as shipped

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def sql(self) -> Table:
        return _sql_tables()[self.name]


@functools.cache
def _sql_tables() -> dict[str, Table]:
    return {model.__tablename__: model.__table__ for model in DIRECTORY_TABLES}  # type: ignore[misc,attr-defined]


@functools.cache
def specs() -> dict[str, TableSpec]:
    """Every HSDS table by name: the ones we keep first, in dependency order."""
    schemas = _load_schemas()
    kept = {name: _kept_spec(name, schemas) for name in KEPT_TABLES}
    others = {
        name: _spec(name, schema, kept=False, columns=())
        for name, schema in sorted(schemas.items())
        if name not in kept
    }
    return {**kept, **others}


def spec(name: str) -> TableSpec:
    return specs()[name]


def kept_specs() -> tuple[TableSpec, ...]:
    return tuple(s for s in specs().values() if s.kept)


@functools.cache
def table_by_file_name() -> dict[str, str]:
    """HSDS file names and table names, lower case, to the table name."""
    names: dict[str, str] = {}
    for table in specs().values():
        names[table.file_name.lower()] = table.name
        names[f"{table.name}.csv"] = table.name
    return names


def _load_schemas() -> dict[str, dict[str, Any]]:
    folder = resource_path("hsds", "schema")
    schemas: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        # openapi.json and the like are not tables: a table schema names its CSV file.
        if isinstance(schema, dict) and isinstance(schema.get("path"), str):
            schemas[schema["name"]] = schema
    return schemas


def _kept_spec(name: str, schemas: dict[str, dict[str, Any]]) -> TableSpec:
    schema = schemas[name]
    sql = _sql_tables()[name]
    required = set(schema.get("required", ()))
    columns = []
    for field_name, prop in schema["properties"].items():
        if _is_nested(prop):
            continue
        sql_column = sql.columns[field_name]
        targets = [fk.column.table.name for fk in sql_column.foreign_keys]
        # A link our table cannot store empty (service.organization_id) is required too.
        is_required = field_name in required or (bool(targets) and not sql_column.nullable)
        columns.append(
            Column(
                name=field_name,
                kind=_kind(field_name, prop, targets, isinstance(sql_column.type, Integer)),
                required=is_required,
                enum=tuple(prop.get("enum", ())),
                target=targets[0] if targets else None,
            )
        )
    return _spec(name, schema, kept=True, columns=tuple(columns))


def _spec(
    name: str, schema: dict[str, Any], *, kept: bool, columns: tuple[Column, ...]
) -> TableSpec:
    return TableSpec(
        name=name,
        file_name=schema["path"],
        kept=kept,
        columns=columns,
        nested=_nesting(name, schema),
        schema=schema,
    )


def _is_nested(prop: dict[str, Any]) -> bool:
    return "$ref" in prop or prop.get("type") in ("array", "object")


def _kind(name: str, prop: dict[str, Any], targets: list[str], integer: bool) -> Kind:
    if name == "id":
        return "id"
    if targets:
        return "ref"
    if prop.get("enum"):
        return "enum"
    if prop.get("type") == "number":
        return "integer" if integer else "number"
    if prop.get("format") == "date-time":
        return "datetime"
    if name in DATE_FIELDS:
        return "date"
    if name in TIME_FIELDS:
        return "time"
    if prop.get("format") == "email":
        return "email"
    if prop.get("format") == "uri":
        return "uri"
    return "text"


def _nesting(name: str, schema: dict[str, Any]) -> tuple[Nested, ...]:
    nested = []
    for key, prop in schema["properties"].items():
        if prop.get("type") == "array" and "$ref" in prop.get("items", {}):
            nested.append(Nested(key, _ref_table(prop["items"]["$ref"]), many=True))
        elif "$ref" in prop:
            nested.append(Nested(key, _ref_table(prop["$ref"]), many=False))
    return (*nested, *EXTRA_NESTING.get(name, ()))


def _ref_table(ref: str) -> str:
    return ref.rsplit("/", 1)[-1].removesuffix(".json")


def number_text(value: float | int) -> str:
    """A number as the export writes it: 12 not 12.0, else the shortest exact form."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(value)
    return str(value)
