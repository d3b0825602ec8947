"""Writing the stored directory as HSDS 3.0: CSV files with datapackage.json, or JSON.

CSV (the full directory): one file per table we keep, columns in HSDS schema order, rows
sorted by id, numbers without a spurious ".0", and a datapackage.json describing them.
Files are streamed from the database, so a national directory needs little memory.

JSON (for exchange with APIs): one list page (`{"total_items": …, "contents": […]}`)
of services, each fully nested as in the official `compiled/service.json`: phones,
schedules, service_at_locations with their locations, languages, organization (with its
contacts and phones), cost_options, contacts and attributes with their taxonomy terms.
Records that no service reaches (an organization without services, a location no
service is at, a term's parent term) are not in it; use CSV for a complete copy. It is
built in memory, so it suits regional rather than national sizes.

Either way the output is deterministic (the same database gives the same bytes) and
written atomically: into a temporary folder or file beside the target, then renamed, so
a failure leaves nothing half-written. A non-empty folder or an existing file is only
replaced with `force`.
"""

import csv
import json
import os
import shutil
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.engine import Connection

from intake.directory.hsds_spec import KEPT_TABLES, TableSpec, kept_specs, number_text, spec
from intake.problems import InputError, error
from intake.store.db import Database

FORMATS = ("csv", "json")
HSDS_VERSION = "3.0.0"

# What each record holds in the JSON form (see the module docstring); schema order is kept.
_JSON_NESTING = {
    "service": {
        "phones",
        "schedules",
        "service_at_locations",
        "languages",
        "organization",
        "cost_options",
        "contacts",
        "attributes",
    },
    "service_at_location": {"contacts", "phones", "schedules", "location", "attributes"},
    "location": {"languages", "addresses", "contacts", "phones", "schedules", "attributes"},
    "contact": {"phones", "attributes"},
    "phone": {"languages", "attributes"},
    "organization": {"contacts", "phones", "attributes"},
    "schedule": {"attributes"},
    "language": {"attributes"},
    "address": {"attributes"},
    "cost_option": {"attributes"},
    "attribute": {"taxonomy_term"},
    "taxonomy_term": {"taxonomy_detail"},
}


def export_directory(
    database: Database, path: Path, *, format: str = "csv", force: bool = False
) -> dict[str, int]:
    """Write the directory to `path`; records written per table."""
    if format not in FORMATS:
        raise InputError([error(f"expected one of: {', '.join(FORMATS)}", field="--format")])
    if format == "csv":
        return _export_csv(database, path, force)
    return _export_json(database, path, force)


# -- CSV ---------------------------------------------------------------------------------


def _export_csv(database: Database, target: Path, force: bool) -> dict[str, int]:
    _check_folder_target(target, force)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        with database.engine.connect() as connection:
            counts = {t.name: _write_table(connection, t, temporary) for t in kept_specs()}
        (temporary / "datapackage.json").write_text(
            json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        _put_folder(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return counts


def _check_folder_target(target: Path, force: bool) -> None:
    if target.exists() and not target.is_dir():
        raise InputError(
            [
                error(
                    "exists and is not a folder; expected a folder to write the CSV files into",
                    file=str(target),
                )
            ]
        )
    if target.is_dir() and any(target.iterdir()) and not force:
        raise InputError(
            [
                error(
                    "the folder is not empty; choose an empty or new folder, or "
                    "replace it with --force",
                    file=str(target),
                )
            ]
        )


def _put_folder(temporary: Path, target: Path) -> None:
    """Move the finished folder into place; an old one goes only once the new one is there."""
    old = None
    if target.is_dir():
        old = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
        target.rename(old)
    try:
        temporary.rename(target)
    except BaseException:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_table(connection: Connection, table: TableSpec, folder: Path) -> int:
    rows = 0
    with (folder / table.file_name).open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)  # RFC 4180 style: CRLF, quoting only where needed
        writer.writerow(table.field_names)
        for row in _rows(connection, table):
            writer.writerow([_cell(value) for value in row])
            rows += 1
    return rows


def _rows(connection: Connection, table: TableSpec) -> Iterator[Any]:
    columns = [table.sql.c[name] for name in table.field_names]
    result = connection.execution_options(yield_per=5000).execute(
        _by_id(select(*columns), table, connection)
    )
    yield from result


def _by_id(statement: Select[Any], table: TableSpec, connection: Connection) -> Select[Any]:
    # Byte order everywhere: SQLite compares bytes already; PostgreSQL would use the locale.
    order = table.sql.c.id
    if connection.dialect.name == "postgresql":
        return statement.order_by(order.collate("C"))
    return statement.order_by(order)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int):
        return number_text(value)
    return str(value)


def datapackage() -> dict[str, Any]:
    """The tabular data package of the CSV files the export writes."""
    return {
        "name": "human_services_data",
        "title": "Human Services Data Specification",
        "profile": "tabular-data-package",
        "version": HSDS_VERSION,
        "resources": [_resource(t) for t in kept_specs()],
    }


def _resource(table: TableSpec) -> dict[str, Any]:
    properties = table.schema["properties"]
    fields = [_field(properties[c.name], c.required) for c in table.columns]
    foreign_keys = [
        {
            "fields": c.name,
            "reference": {"resource": "" if c.target == table.name else c.target, "fields": "id"},
        }
        for c in table.columns
        if c.target
    ]
    schema: dict[str, Any] = {"primaryKey": "id", "fields": fields}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": table.name,
        "path": table.file_name,
        "description": table.schema.get("description", ""),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "profile": "tabular-data-resource",
        "schema": schema,
    }


def _field(prop: dict[str, Any], required: bool) -> dict[str, Any]:
    kind = "datetime" if prop.get("format") == "date-time" else prop.get("type", "string")
    field: dict[str, Any] = {"name": prop["name"], "type": kind}
    for key in ("title", "description"):
        if key in prop:
            field[key] = prop[key]
    if kind == "string" and "format" in prop:
        field["format"] = prop["format"]
    constraints: dict[str, Any] = {
        "required": required,
        "unique": bool(prop.get("constraints", {}).get("unique", False)),
    }
    if "enum" in prop:
        constraints["enum"] = prop["enum"]
    field["constraints"] = constraints
    return field


# -- JSON --------------------------------------------------------------------------------


def _export_json(database: Database, target: Path, force: bool) -> dict[str, int]:
    if target.is_dir():
        raise InputError(
            [error("is a folder; expected a file name for the JSON export", file=str(target))]
        )
    if target.exists() and not force:
        raise InputError(
            [
                error(
                    "the file exists; choose another name, or replace it with --force",
                    file=str(target),
                )
            ]
        )
    with database.engine.connect() as connection:
        nester = _Nester(connection)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            nester.write_page(stream)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return nester.counts()


class _Nester:
    """The stored directory in memory, indexed by link, to build nested services."""

    def __init__(self, connection: Connection) -> None:
        self.rows: dict[str, dict[str, dict[str, Any]]] = {}
        for table in kept_specs():
            self.rows[table.name] = {
                row["id"]: row
                for row in (
                    dict(r._mapping)
                    for r in connection.execute(_by_id(select(table.sql), table, connection))
                )
            }
        self.children: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for name, rows in self.rows.items():
            for row in rows.values():  # in id order, so each child list is sorted
                self._index(name, row)
        self.written: dict[str, set[str]] = {t: set() for t in KEPT_TABLES}

    def _index(self, table: str, row: dict[str, Any]) -> None:
        if table == "attribute":
            if row["link_entity"] and row["link_id"]:
                self.children[("attribute", row["link_entity"])][row["link_id"]].append(row)
            return
        for column in spec(table).columns:
            if column.kind == "ref" and column.target and row[column.name] is not None:
                self.children[(table, column.target)][row[column.name]].append(row)

    def counts(self) -> dict[str, int]:
        return {table: len(ids) for table, ids in self.written.items()}

    def write_page(self, stream: Any) -> None:
        services = list(self.rows["service"].values())
        header = {
            "total_items": len(services),
            "total_pages": 1,
            "page_number": 1,
            "size": len(services),
            "first_page": True,
            "last_page": True,
            "empty": not services,
        }
        stream.write("{\n")
        for key, value in header.items():
            stream.write(f"  {json.dumps(key)}: {json.dumps(value)},\n")
        stream.write('  "contents": [')
        for index, service in enumerate(services):
            text = json.dumps(self.nest("service", service), indent=2, ensure_ascii=False)
            stream.write(("," if index else "") + "\n    " + text.replace("\n", "\n    "))
        stream.write("\n  ]\n}\n" if services else "]\n}\n")

    def nest(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        self.written[table].add(row["id"])
        table_spec = spec(table)
        record: dict[str, Any] = {}
        for name in table_spec.field_names:
            value = row[name]
            if value is not None:  # HSDS JSON types have no null
                record[name] = _json_value(value)
        allowed = _JSON_NESTING.get(table, set())
        for nested in table_spec.nested:
            if nested.key not in allowed:
                continue
            if nested.many:
                children = self.children[(nested.table, table)].get(row["id"], [])
                if children:
                    record[nested.key] = [self.nest(nested.table, child) for child in children]
            else:
                target = self.rows[nested.table].get(row.get(f"{nested.table}_id") or "")
                if target is not None:
                    record[nested.key] = self.nest(nested.table, target)
        return record


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value
