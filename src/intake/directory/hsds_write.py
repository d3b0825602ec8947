"""Writing checked HSDS rows to the store: upserts by id, in one transaction, fast.

Two things make a national directory (a million rows) import in seconds on SQLite:

- plain tuples go straight to the driver's executemany, and a large table's secondary
  indexes are dropped while it is written and rebuilt after it (sorting once beats a
  random insert per row into each index);
- the per-row foreign-key checks are off for the transaction (hsds_check has checked
  every link already), and the database checks all links once, in bulk, before commit.

Measured, and rejected: writing from a background thread while the next rows are
checked (sqlite3 releases the GIL only inside each row's step, so the threads fought
over it and the import got slower), larger chunks, chunks sorted by id, and a larger
page cache (no faster, and it costs memory).

Index changes happen inside the transaction, so a rollback restores them. PostgreSQL
uses its ON CONFLICT through SQLAlchemy Core; any other database a select, then update
or insert, which needs only standard SQL.
"""

import operator
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from intake.directory.hsds_spec import KEPT_TABLES, TableSpec
from intake.problems import InputError, error
from intake.store.db import Database

CHUNK = 2000  # rows per executemany: large enough to be fast, small enough to stay lean
_SQLITE = sqlite.dialect()

Row = dict[str, Any]
Links = list[tuple[str, str, str]]  # (column, id, parent id) within one table


@contextmanager
def transaction(database: Database) -> Iterator[Connection]:
    """One transaction for the whole import; on SQLite opened explicitly, foreign-key
    checks off, and all links checked at the end (see the module docstring)."""
    with database.engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            with connection.begin():
                yield connection
            return
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # no effect in a transaction
        connection.commit()
        try:
            with connection.begin():
                _begin_immediately(connection)
                yield connection
                _check_sqlite_links(connection)
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def _begin_immediately(connection: Connection) -> None:
    """The driver would begin only at the first INSERT, leaving the DROP INDEX before it
    outside the transaction. IMMEDIATE: take the write lock now, not halfway through."""
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    except OperationalError as exc:  # another program writes (busy_timeout has passed)
        raise InputError(
            [
                error(
                    "the database is busy: another import or the app is writing to it; "
                    f"nothing was imported, try again ({exc.orig})",
                    field="--database",
                )
            ]
        ) from None


def _check_sqlite_links(connection: Connection) -> None:
    quote = connection.dialect.identifier_preparer.quote
    broken: list[Any] = []
    for table in KEPT_TABLES:
        broken += connection.exec_driver_sql(f"PRAGMA foreign_key_check({quote(table)})").all()
    if broken:  # a fault in the checks, never in the user's files
        table, rowid, parent, _ = broken[0]
        raise InputError(
            [
                error(
                    f"the import would leave {len(broken)} broken link(s), e.g. {table} row "
                    f"{rowid} to {parent}; nothing was imported. Please report this.",
                    file=table,
                )
            ]
        )


class Writer:
    """Upserts rows by id, table by table, inside the caller's transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect.name
        self._statements: dict[str, Any] = {}
        self._dropped: dict[str, list[str]] = {}  # table: CREATE INDEX statements to restore

    def write(self, table: TableSpec, rows: list[Row]) -> None:
        if self.dialect == "sqlite":
            self._write_sqlite(table, rows)
        elif self.dialect == "postgresql":
            self.connection.execute(self._statement(table, _postgresql_upsert), _only(table, rows))
        else:
            self._write_portably(table, _only(table, rows))

    def end_table(self, table: TableSpec, links: Links) -> None:
        """Set links within the table (a parent organization), then rebuild its indexes."""
        for column in sorted({column for column, _, _ in links}):
            statement = (
                update(table.sql)
                .where(table.sql.c.id == bindparam("b_id"))
                .values({column: bindparam("b_parent")})
            )
            rows = [{"b_id": i, "b_parent": p} for c, i, p in links if c == column]
            self.connection.execute(statement, rows)
        for create in self._dropped.pop(table.name, []):
            self.connection.exec_driver_sql(create)

    def _statement(self, table: TableSpec, build: Callable[[TableSpec], Any]) -> Any:
        statement = self._statements.get(table.name)
        if statement is None:
            statement = self._statements[table.name] = build(table)
        return statement

    def _write_sqlite(self, table: TableSpec, rows: list[Row]) -> None:
        if len(rows) >= CHUNK and table.name not in self._dropped:
            self._drop_indexes(table.name)
        sql, as_tuple = self._statement(table, _sqlite_upsert)
        self.connection.exec_driver_sql(sql, list(map(as_tuple, rows)))

    def _drop_indexes(self, table: str) -> None:
        indexes = self.connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL",  # the primary key's own index has no SQL, and stays
            (table,),
        ).all()
        quote = self.connection.dialect.identifier_preparer.quote
        for name, _ in indexes:
            self.connection.exec_driver_sql(f"DROP INDEX {quote(name)}")
        self._dropped[table] = [create for _, create in indexes]

    def _write_portably(self, table: TableSpec, rows: list[Row]) -> None:
        sql = table.sql
        ids = [row["id"] for row in rows]
        stored = set(self.connection.execute(select(sql.c.id).where(sql.c.id.in_(ids))).scalars())
        new = [row for row in rows if row["id"] not in stored]
        if new:
            self.connection.execute(insert(sql), new)
        changed = [{f"b_{k}": v for k, v in row.items()} for row in rows if row["id"] in stored]
        if changed:
            statement = (
                update(sql)
                .where(sql.c.id == bindparam("b_id"))
                .values({n: bindparam(f"b_{n}") for n in table.field_names if n != "id"})
            )
            self.connection.execute(statement, changed)


def _only(table: TableSpec, rows: list[Row]) -> list[Row]:
    """The table's fields of each row: a JSON row may hold keys HSDS does not know."""
    names = table.field_names
    return [{name: row[name] for name in names} for row in rows]


def _sqlite_upsert(table: TableSpec) -> tuple[str, Callable[[Row], tuple[Any, ...]]]:
    names = table.field_names
    quote = _SQLITE.identifier_preparer.quote
    columns = ", ".join(quote(n) for n in names)
    updates = ", ".join(f"{quote(n)} = excluded.{quote(n)}" for n in names if n != "id")
    sql = (
        f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({', '.join('?' for _ in names)}) "
        f"ON CONFLICT ({quote('id')}) DO UPDATE SET {updates}"
    )
    return sql, operator.itemgetter(*names)


def _postgresql_upsert(table: TableSpec) -> Any:
    statement = postgresql_insert(table.sql)
    return statement.on_conflict_do_update(
        index_elements=[table.sql.c.id],
        set_={n: statement.excluded[n] for n in table.field_names if n != "id"},
    )
