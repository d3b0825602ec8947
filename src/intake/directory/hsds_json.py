"""The nested HSDS JSON forms, flattened into table rows.

Read: a service, an organization, a service_at_location (or a location or taxonomy term),
a list page of any of them (`{"total_items": …, "contents": […]}`), a plain list of them,
and the tabular form (`{"services.csv": [rows], …}`). A nested record takes its link to
the record that holds it when it does not give one itself (a phone inside a service gets
that service's id; an organization inside a service becomes the service's organization).

The nested forms repeat a record wherever it belongs (the same phone under the service,
its location and its contact): occurrences with one id are merged into one row, each
filling the fields the others left empty. Problems name the file and the JSON path of
the record's first occurrence, e.g. `service_list.json, contents[0].phones[1]`.
"""

from typing import Any

from intake.directory.hsds_report import Reporter
from intake.directory.hsds_spec import spec, specs, table_by_file_name

Record = tuple[str, int | None, dict[str, Any]]

# The tables a top-level object may be, in order of preference when its keys fit several.
_ENTITY_TABLES = (
    "service",
    "organization",
    "service_at_location",
    "location",
    "taxonomy_term",
    "taxonomy",
)


def flatten(document: Any, file: str, reporter: Reporter) -> dict[str, list[Record]]:
    """Rows by table name, in the order first met."""
    flattener = _Flattener(file, reporter)
    flattener.document(document)
    return flattener.result()


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _empty(value: Any) -> bool:
    return value is None or value == ""


class _Flattener:
    def __init__(self, file: str, reporter: Reporter) -> None:
        self.file = file
        self.reporter = reporter
        self.rows: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        self.by_id: dict[str, dict[str, dict[str, Any]]] = {}
        self.first_label: dict[tuple[str, str], str] = {}
        self.not_kept: dict[str, set[str]] = {}
        self.unknown_keys: set[tuple[str, str]] = set()

    def label(self, path: str) -> str:
        return f"{self.file}, {path}" if path else self.file

    def result(self) -> dict[str, list[Record]]:
        for table, ids in sorted(self.not_kept.items()):
            self.reporter.warning(
                f"{len(ids)} {table} record(s) read and not kept: this program does not keep "
                f"HSDS {table} records",
                file=self.file,
                kind=f"not kept {table}",
            )
        return {
            table: [(label, None, values) for label, values in rows]
            for table, rows in self.rows.items()
        }

    # -- the forms --------------------------------------------------------------------

    def document(self, document: Any) -> None:
        if isinstance(document, list):
            for index, item in enumerate(document):
                self.entity(item, f"[{index}]")
        elif isinstance(document, dict) and _is_tabular(document):
            self.tabular(document)
        elif isinstance(document, dict) and isinstance(document.get("contents"), list):
            self.page(document)
        elif isinstance(document, dict):
            self.entity(document, "")
        else:
            self.reporter.error(
                "not one of the HSDS JSON forms: expected an object or a list of objects",
                file=self.file,
                kind="form",
            )

    def page(self, page: dict[str, Any]) -> None:
        contents = page["contents"]
        total = page.get("total_items")
        pages = page.get("total_pages")
        if (isinstance(total, int) and total > len(contents)) or (
            isinstance(pages, int) and pages > 1
        ):
            self.reporter.warning(
                f"one page of a longer list (page {page.get('page_number', '?')} of "
                f"{pages if pages is not None else '?'}, {total} items in all): only the "
                f"{len(contents)} item(s) on this page are read",
                file=self.file,
                kind="page",
            )
        for index, item in enumerate(contents):
            self.entity(item, f"contents[{index}]")

    def entity(self, item: Any, path: str) -> None:
        table = _detect(item)
        if table is None:
            self.reporter.error(
                "not a record of a form this program reads: expected a service, an "
                "organization, a service_at_location, a location or a taxonomy term",
                file=self.label(path),
                kind="form",
            )
            return
        self.visit(table, item, path, {})

    def tabular(self, document: dict[str, list[Any]]) -> None:
        names = table_by_file_name()
        for key, rows in document.items():
            table = names.get(key.lower()) or (key if key in specs() else None)
            if table is None:
                self.reporter.warning(
                    "not an HSDS table; ignored", file=self.label(key), kind="unknown table"
                )
                continue
            if not spec(table).kept:
                self.reporter.warning(
                    f"{len(rows)} row(s) read and not kept: this program does not keep HSDS "
                    f"{table} records",
                    file=self.label(key),
                    kind="not kept",
                )
                continue
            fields = set(spec(table).field_names)
            for index, row in enumerate(rows):
                path = f"{key}[{index}]"
                if not isinstance(row, dict):
                    self.reporter.error(
                        "expected an object of field values", file=self.label(path), kind="form"
                    )
                    continue
                self.warn_unknown(table, [k for k in row if k not in fields], path)
                self.rows.setdefault(table, []).append((self.label(path), row))

    # -- nested records ---------------------------------------------------------------

    def visit(self, table: str, item: Any, path: str, inherited: dict[str, Any]) -> str | None:
        """Store one record and what it holds; its id, if it has a usable one."""
        if not isinstance(item, dict):
            self.reporter.error(
                f"expected a {table} object", file=self.label(path), kind=f"form {table}"
            )
            return None
        table_spec = spec(table)
        record_id = _id_text(item.get("id"))
        if not table_spec.kept:
            self.not_kept.setdefault(table, set()).add(record_id or path)
            return record_id
        fields = set(table_spec.field_names)
        values = {key: value for key, value in item.items() if key in fields}
        for column, value in inherited.items():
            if _empty(values.get(column)):
                values[column] = value
        nested = {n.key: n for n in table_spec.nested}
        unknown = []
        for key, value in item.items():
            if key in fields or value is None:
                continue
            link = nested.get(key)
            if link is None:
                unknown.append(key)
            elif link.many:
                self.visit_children(table, record_id, link.table, value, _join(path, key))
            else:
                child_id = self.visit(link.table, value, _join(path, key), {})
                column = f"{link.table}_id"
                if column in fields and _empty(values.get(column)) and child_id is not None:
                    values[column] = child_id
        self.warn_unknown(table, unknown, path)
        self.store(table, record_id, path, values)
        return record_id

    def visit_children(
        self, parent: str, parent_id: str | None, table: str, items: Any, path: str
    ) -> None:
        if not isinstance(items, list):
            self.reporter.error(
                f"expected a list of {table} objects", file=self.label(path), kind=f"form {table}"
            )
            return
        inherited = _link_to_parent(parent, parent_id, table)
        for index, item in enumerate(items):
            self.visit(table, item, f"{path}[{index}]", inherited)

    def store(self, table: str, record_id: str | None, path: str, values: dict[str, Any]) -> None:
        rows = self.rows.setdefault(table, [])
        if record_id is None:  # the checker reports the missing id where it is
            rows.append((self.label(path), values))
            return
        known = self.by_id.setdefault(table, {})
        first = known.get(record_id)
        if first is None:
            known[record_id] = values
            self.first_label[(table, record_id)] = self.label(path)
            rows.append((self.label(path), values))
            return
        for key, value in values.items():
            old = first.get(key)
            if _empty(old):
                first[key] = value
            elif not _empty(value) and value != old:
                self.reporter.warning(
                    f"this {table} ({record_id}) appears again with another {key}; the "
                    f"first, at {self.first_label[(table, record_id)]}, is kept",
                    file=self.label(path),
                    field=key,
                    kind="merge conflict",
                )

    def warn_unknown(self, table: str, keys: list[str], path: str) -> None:
        for key in keys:
            if (table, key) in self.unknown_keys:
                continue
            self.unknown_keys.add((table, key))
            self.reporter.warning(
                f"not an HSDS field of {table}; ignored",
                file=self.label(path),
                field=key,
                kind="unknown key",
            )


def _link_to_parent(parent: str, parent_id: str | None, child: str) -> dict[str, Any]:
    """The fields a record nested in `parent` takes from it when it does not say."""
    if parent_id is None:
        return {}
    if child == "attribute":
        return {"link_id": parent_id, "link_entity": parent}
    column = f"{parent}_id"
    if spec(child).kept and column in spec(child).field_names:
        return {column: parent_id}
    return {}


def _id_text(value: Any) -> str | None:
    if isinstance(value, bool) or _empty(value):
        return None
    if isinstance(value, str | int):
        return str(value)
    return None


def _is_tabular(document: dict[str, Any]) -> bool:
    names = table_by_file_name()
    tables = specs()
    return (
        bool(document)
        and all(isinstance(v, list) for v in document.values())
        and any(key.lower() in names or key in tables for key in document)
    )


def _detect(item: Any) -> str | None:
    """Which table a top-level object is, by how many of its keys that table has."""
    if not isinstance(item, dict):
        return None
    keys = set(item)
    best, best_score = None, 1  # an object with only an id could be anything
    for table in _ENTITY_TABLES:
        table_spec = spec(table)
        known = set(table_spec.field_names) | {n.key for n in table_spec.nested}
        score = len(keys & known)
        if score > best_score:
            best, best_score = table, score
    return best
