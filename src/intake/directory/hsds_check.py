"""Checking HSDS rows against the 3.0 schemas, and against what a record cannot do without.

Plain Python per row (the national directory has millions of fields): each column has a
converter chosen once from the schema. Three outcomes per value:

- errors (the import is refused): a required field left empty, a number, whole number,
  date, date-time or enum value that is not one, an id longer than the store keeps, an
  id used twice in one table, and a link a record cannot do without (a service's
  organization, a service_at_location's service and location, an attribute's term);
- warnings with the value not used (stored empty): values HSDS allows but that cannot be
  meant (a latitude of 100, an age of 200, a field filled with its own name), links to
  records that exist nowhere (dropped), and attributes that describe nothing we keep;
- warnings with the value kept: quotes around a phone number (removed), an enum in the
  wrong case (corrected), a number where HSDS wants text (as text), a malformed e-mail
  address, web address or opening time.

Ids need not be uuids, as HSDS suggests: other tools use their own, so any text up to the
store's 64 characters is an id. A referenced record exists if it is in this import or
already in the database. Only ids are held in memory, and a table's stored ids are read
once, the first time one is needed.
"""

import datetime as dt
import math
import re
import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from intake.directory.hsds_report import Reporter
from intake.directory.hsds_spec import (
    ID_MAX_LENGTH,
    KEPT_TABLES,
    Column,
    TableSpec,
    number_text,
    spec,
)

Row = dict[str, Any]
Converter = Callable[[Any], Any]

MAX_AGE = 120
# Free-text fields whose value is their own name, or another field's name with an
# underscore in it (fees = "fees_description"), are placeholders left from a template.
_PLACEHOLDER_KINDS = frozenset({"text", "email", "uri", "time"})
_NO_PLACEHOLDER_CHECK = frozenset({"link_entity"})  # checked against the table names instead

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")
_TIME = re.compile(r"\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
_LARGEST_WHOLE = 2**53  # beyond this a float is not an exact whole number


class BadValue(Exception):
    """A value that does not fit its column: an error, or a warning with a replacement."""

    def __init__(
        self, message: str, kind: str, *, warning: bool = False, replacement: Any = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.warning = warning
        self.replacement = replacement


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return "an object" if isinstance(value, dict) else "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _text(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise BadValue(
            "a number where HSDS expects text; kept as text",
            "number as text",
            warning=True,
            replacement=number_text(value),
        )
    raise BadValue(f"expected text, not {_show(value)}", "type")


def _identifier(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    elif not isinstance(value, str):
        raise BadValue(f"expected an id (text), not {_show(value)}", "type")
    if len(value) > ID_MAX_LENGTH:
        raise BadValue(
            f"an id of {len(value)} characters; expected at most {ID_MAX_LENGTH}", "id length"
        )
    return value


def _number(value: Any) -> float:
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            raise BadValue(f"expected a number, not {_show(value)}", "number") from None
        if "_" in value or not math.isfinite(number):
            raise BadValue(f"expected a number, not {_show(value)}", "number")
        return number
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise BadValue(f"expected a number, not {_show(value)}", "number")
    return float(value)


def _integer(value: Any) -> int:
    number = _number(value)
    if not number.is_integer() or abs(number) > _LARGEST_WHOLE:
        raise BadValue(f"expected a whole number, not {_show(value)}", "whole number")
    return int(number)


def _enum(allowed: tuple[str, ...]) -> Converter:
    exact = frozenset(allowed)
    folded = {a.lower(): a for a in allowed}

    def convert(value: Any) -> str:
        if value in exact:
            return str(value)
        if isinstance(value, str) and value.strip().lower() in folded:
            fixed = folded[value.strip().lower()]
            raise BadValue(
                f"{value!r} taken as {fixed!r}", "enum case", warning=True, replacement=fixed
            )
        raise BadValue(f"expected one of: {', '.join(allowed)}; not {_show(value)}", "enum")

    return convert


def _date(value: Any) -> str:
    if isinstance(value, str) and _DATE.fullmatch(value) and _valid_date(value[:10]):
        return value
    raise BadValue(f"expected a date as YYYY-MM-DD, not {_show(value)}", "date")


def _datetime(value: Any) -> str:
    if isinstance(value, str) and _DATETIME.fullmatch(value):
        try:
            dt.datetime.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise BadValue(
        f"expected a date and time as YYYY-MM-DDThh:mm:ss (ISO 8601), not {_show(value)}",
        "date-time",
    )


def _valid_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _kept_if(pattern: re.Pattern[str], what: str, kind: str) -> Converter:
    def convert(value: Any) -> str:
        text = value if isinstance(value, str) else _text(value)
        if not pattern.fullmatch(text):
            raise BadValue(
                f"{_show(text)} does not look like {what}; kept as given",
                kind,
                warning=True,
                replacement=text,
            )
        return text

    return convert


_CONVERTERS: dict[str, Converter] = {
    "id": _identifier,
    "ref": _identifier,
    "text": _text,
    "number": _number,
    "integer": _integer,
    "date": _date,
    "datetime": _datetime,
    "time": _kept_if(_TIME, "a time as HH:MM", "time"),
    "email": _kept_if(_EMAIL, "an e-mail address", "email"),
    "uri": _kept_if(_URI, "a web address (e.g. https://…)", "uri"),
}


class Context:
    """What the checks of one import share: the ids met so far, and the database."""

    def __init__(self, connection: Connection | None) -> None:
        self.connection = connection
        self.imported: dict[str, set[str]] = {table: set() for table in KEPT_TABLES}
        self._stored: dict[str, set[str]] = {}
        self.taxonomy_names: dict[str, str] = {}
        self._stored_taxonomy_names: dict[str, str] | None = None
        self.intake = _intake_taxonomy()

    def exists(self, table: str, record_id: str) -> bool:
        return record_id in self.imported[table] or record_id in self.stored(table)

    def stored(self, table: str) -> set[str]:
        ids = self._stored.get(table)
        if ids is None:
            ids = self._stored[table] = self._read_ids(table)
        return ids

    def _read_ids(self, table: str) -> set[str]:
        if self.connection is None:
            return set()
        column = spec(table).sql.c.id
        return set(self.connection.execute(select(column)).scalars())

    def taxonomy_name(self, taxonomy_id: str) -> str | None:
        name = self.taxonomy_names.get(taxonomy_id)
        if name is not None:
            return name
        if self._stored_taxonomy_names is None:
            self._stored_taxonomy_names = self._read_taxonomy_names()
        return self._stored_taxonomy_names.get(taxonomy_id)

    def _read_taxonomy_names(self) -> dict[str, str]:
        if self.connection is None:
            return {}
        table = spec("taxonomy").sql
        rows = self.connection.execute(select(table.c.id, table.c.name))
        return {row.id: row.name for row in rows}


class _IntakeCodes:
    """The `intake` taxonomy's codes, if its module and file can be loaded."""

    def __init__(self, name: str, taxonomy_id: str, is_known: Callable[[str], bool]) -> None:
        self.name = name
        self.taxonomy_id = taxonomy_id
        self.is_known = is_known


def _intake_taxonomy() -> _IntakeCodes | None:
    try:
        # Imported here, and optional: the directory's own checks do not need the file,
        # and a broken one is reported where the program loads it for the rules.
        from intake.problems import InputError
        from intake.taxonomy import TAXONOMY_NAME, load_taxonomy
    except ImportError:
        return None
    try:
        taxonomy = load_taxonomy()
    except (InputError, OSError):
        return None
    return _IntakeCodes(TAXONOMY_NAME, taxonomy.taxonomy_id, taxonomy.is_known)


class TableChecker:
    """Checks and converts the rows of one table, in the import's dependency order."""

    def __init__(
        self, table: TableSpec, reporter: Reporter, context: Context, absent: set[str]
    ) -> None:
        self.spec = table
        self.name = table.name
        self.reporter = reporter
        self.context = context
        self.absent = absent  # required columns the header lacks: reported once already
        self._plan = [_plan_column(c, table) for c in table.columns]
        self._ids = context.imported[table.name]
        self._links = [
            (c.name, c.target, c.required, context.imported[c.target])
            for c in table.columns
            if c.kind == "ref" and c.target
        ]
        self._pending: list[tuple[str, str, str, int | None, str]] = []
        self._hook = _HOOKS.get(table.name)
        self._row_ok = True

    # -- one row ----------------------------------------------------------------------

    def check(self, raw: dict[str, Any], where: str, row: int | None) -> Row | None:
        """The row's typed values (`raw`, converted in place); None if it has an error or
        is not to be kept. In place, because a row's dict is the reader's to give away and
        most values need no change: a national import saves millions of dict writes."""
        self._row_ok = True
        out = raw
        for name, required, longest, accept, convert, placeholders in self._plan:
            value = out.get(name)
            if value is None or value == "":
                out[name] = None
                if required and name not in self.absent:
                    self.error(
                        "required by HSDS; the value is missing", where, row, name, "required"
                    )
                continue
            # The common cases cost two or three comparisons: text, an id, an enum value.
            if type(value) is not str or (len(value) > longest and value not in accept):
                out[name] = value = self._convert(convert, value, where, row, name)
            if placeholders is not None and value in placeholders:
                out[name] = self._placeholder(value, required, where, row, name)
        record_id = out["id"]
        if record_id is not None:
            if record_id in self._ids:
                self.error(
                    f"the id {record_id} is already used by an earlier {self.name} row; "
                    "expected each id once",
                    where,
                    row,
                    "id",
                    "duplicate id",
                )
            else:
                self._ids.add(record_id)
        for name, target, required, known in self._links:
            value = out[name]
            if value is not None and value not in known:
                self._link(out, name, target, required, where, row)
        if self._hook is not None and self._row_ok and not self._hook(self, out, where, row):
            return None
        return out if self._row_ok else None

    def _convert(
        self, convert: Converter, value: Any, where: str, row: int | None, name: str
    ) -> Any:
        try:
            return convert(value)
        except BadValue as bad:
            if bad.warning:
                self.warning(bad.message, where, row, name, bad.kind)
                return bad.replacement
            self.error(bad.message, where, row, name, bad.kind)
            return None

    def _placeholder(
        self, value: str, required: bool, where: str, row: int | None, name: str
    ) -> str | None:
        if required:  # an empty required field would refuse the whole import
            self.warning(
                f"{value!r} looks like a placeholder, not real data; kept as it is required",
                where,
                row,
                name,
                "placeholder",
            )
            return value
        self.warning(
            f"{value!r} looks like a placeholder, not real data; not used",
            where,
            row,
            name,
            "placeholder",
        )
        return None

    def _link(
        self, out: Row, name: str, target: str, required: bool, where: str, row: int | None
    ) -> None:
        """A link to a record not (yet) met in this import."""
        value = out[name]
        if target == self.name:  # a parent may come later in the file: see finish()
            out[name] = None
            if out["id"] is not None:
                self._pending.append((out["id"], value, where, row, name))
        elif self.context.exists(target, value):
            return
        elif required:
            self.error(
                f"no {target} with id {value} in this import or the database; "
                f"expected the id of a {target}",
                where,
                row,
                name,
                "missing link",
            )
        else:
            self.warning(
                f"links to {target} {value}, which is neither in this import nor in "
                "the database; the link is dropped",
                where,
                row,
                name,
                "dangling link",
            )
            out[name] = None

    def finish(self) -> list[tuple[str, str, str]]:
        """Links within the table, now that all its ids are known: (column, id, parent)."""
        links = []
        for record_id, parent, where, row, name in self._pending:
            if self.context.exists(self.name, parent):
                links.append((name, record_id, parent))
            else:
                self.warning(
                    f"links to {self.name} {parent}, which is neither in this import "
                    "nor in the database; the link is dropped",
                    where,
                    row,
                    name,
                    "dangling link",
                )
        self._pending = []
        return links

    def error(
        self, message: str, where: str, row: int | None, field: str | None, kind: str
    ) -> None:
        self._row_ok = False
        self.reporter.error(message, file=where, row=row, field=field, kind=kind)

    def warning(
        self, message: str, where: str, row: int | None, field: str | None, kind: str
    ) -> None:
        self.reporter.warning(message, file=where, row=row, field=field, kind=kind)


def _plan_column(
    column: Column, table: TableSpec
) -> tuple[str, bool, int, frozenset[Any], Converter, frozenset[str] | None]:
    """(name, required, longest string taken as is, values taken as is, converter,
    placeholder values)."""
    convert = _enum(column.enum) if column.kind == "enum" else _CONVERTERS[column.kind]
    longest = {"text": sys.maxsize, "id": ID_MAX_LENGTH, "ref": ID_MAX_LENGTH}.get(column.kind, -1)
    accept = frozenset(column.enum)
    placeholders = None
    if column.kind in _PLACEHOLDER_KINDS and column.name not in _NO_PLACEHOLDER_CHECK:
        others = {n for n in table.field_names if "_" in n}
        placeholders = frozenset({column.name, *others})
    return column.name, column.required, longest, accept, convert, placeholders


# -- what one table needs beyond its column types ------------------------------------------

Hook = Callable[[TableChecker, Row, str, int | None], bool]


def _location_point(checker: TableChecker, out: Row, where: str, row: int | None) -> bool:
    latitude, longitude = out["latitude"], out["longitude"]
    if latitude is None and longitude is None:
        return True
    field, problem = "latitude", None
    if latitude is None or longitude is None:
        field = "longitude" if longitude is None else "latitude"
        problem = "only one of latitude and longitude is given"
    elif not -90 <= latitude <= 90:
        problem = f"latitude {number_text(latitude)} is outside -90 to 90"
    elif not -180 <= longitude <= 180:
        field, problem = "longitude", f"longitude {number_text(longitude)} is outside -180 to 180"
    elif latitude == 0 and longitude == 0:
        problem = "latitude 0 and longitude 0 is a placeholder (a point in the ocean)"
    if problem:
        checker.warning(
            f"{problem}; the point is not used (latitude and longitude left empty)",
            where,
            row,
            field,
            "point",
        )
        out["latitude"] = out["longitude"] = None
    return True


def _service_ages(checker: TableChecker, out: Row, where: str, row: int | None) -> bool:
    for name in ("minimum_age", "maximum_age"):
        age = out[name]
        if age is not None and not 0 <= age <= MAX_AGE:
            checker.warning(
                f"{number_text(age)} is not a plausible age (0 to {MAX_AGE}); not used",
                where,
                row,
                name,
                "age",
            )
            out[name] = None
    return True


def _phone_number(checker: TableChecker, out: Row, where: str, row: int | None) -> bool:
    number = out["number"]
    if number is None:
        return True
    stripped = number.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in "\"'":
        unquoted = stripped[1:-1].strip()
        if not unquoted:
            checker.error(
                "required by HSDS; the number is empty inside its quotes",
                where,
                row,
                "number",
                "required",
            )
            return False
        checker.warning(
            f"the number is wrapped in quotes; stored without them: {unquoted}",
            where,
            row,
            "number",
            "quoted number",
        )
        out["number"] = unquoted
    return True


def _attribute_link(checker: TableChecker, out: Row, where: str, row: int | None) -> bool:
    entity, link = out["link_entity"], out["link_id"]
    if entity is None or link is None:
        checker.warning(
            "does not say which record it describes (link_entity and link_id are "
            "needed); the attribute is not kept",
            where,
            row,
            "link_entity" if entity is None else "link_id",
            "attribute link",
        )
        return False
    if entity not in KEPT_TABLES:
        checker.warning(
            f"link_entity {entity!r} is not a table this program keeps (expected "
            f"one of: {', '.join(KEPT_TABLES)}); the attribute is not kept",
            where,
            row,
            "link_entity",
            "attribute entity",
        )
        return False
    if not checker.context.exists(entity, link):
        checker.warning(
            f"describes {entity} {link}, which is neither in this import nor in "
            "the database; the attribute is not kept",
            where,
            row,
            "link_id",
            "attribute link",
        )
        return False
    return True


def _taxonomy_name(checker: TableChecker, out: Row, where: str, row: int | None) -> bool:
    checker.context.taxonomy_names[out["id"]] = out["name"]
    return True


def _intake_code(checker: TableChecker, out: Row, where: str, row: int | None) -> bool:
    intake = checker.context.intake
    if intake is None or not _is_intake_term(checker.context, intake, out):
        return True
    code = out["code"]
    if code is None:
        checker.warning(
            f"a term of the {intake.name} taxonomy without a code; it does not drive the rules",
            where,
            row,
            "code",
            "intake code",
        )
    elif not intake.is_known(code):
        checker.warning(
            f"{code!r} is not a code of the {intake.name} taxonomy this program "
            "knows; the term is kept but does not drive the rules",
            where,
            row,
            "code",
            "intake code",
        )
    return True


def _is_intake_term(context: Context, intake: _IntakeCodes, out: Row) -> bool:
    if out["taxonomy"] == intake.name:
        return True
    taxonomy_id = out["taxonomy_id"]
    return taxonomy_id is not None and (
        taxonomy_id == intake.taxonomy_id or context.taxonomy_name(taxonomy_id) == intake.name
    )


_HOOKS: dict[str, Hook] = {
    "location": _location_point,
    "service": _service_ages,
    "phone": _phone_number,
    "attribute": _attribute_link,
    "taxonomy": _taxonomy_name,
    "taxonomy_term": _intake_code,
}
