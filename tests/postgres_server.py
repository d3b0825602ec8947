"""A throwaway PostgreSQL server for the tests that prove the store runs on PostgreSQL.

Uses INTAKE_TEST_POSTGRES_URL when set (a server of your own; the tests create and drop
databases on it). Otherwise starts a private cluster with the machine's `initdb` and
`pg_ctl`, listening on a Unix socket only (no TCP port), and removes it afterwards.
"""

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import URL


class NoPostgres(Exception):
    """Why no PostgreSQL server can be had here (the tests skip with this reason)."""


def _as_user(command: list[str]) -> list[str]:
    # initdb refuses to run as root; the Debian package's `postgres` user can.
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            raise NoPostgres("running as root without runuser to start PostgreSQL as another user")
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def postgres_server() -> Iterator[URL]:
    """The URL of a server's maintenance database, for as long as the context lasts."""
    configured = os.environ.get("INTAKE_TEST_POSTGRES_URL")
    if configured:
        yield make_url(configured)
        return
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise NoPostgres("psycopg is not installed") from exc
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if not initdb or not pg_ctl:
        raise NoPostgres("PostgreSQL's initdb/pg_ctl are not on this machine")
    root = Path(tempfile.mkdtemp(prefix="intake-pg-"))
    data, socket = root / "data", root / "socket"
    socket.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(socket, "postgres")
    try:
        _run(_as_user([initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]))
        options = f"-k {socket} -c listen_addresses='' -c fsync=off"
        _run(
            _as_user(
                [pg_ctl, "-D", str(data), "-o", options, "-w", "-l", str(root / "log"), "start"]
            )
        )
        try:
            yield URL.create(
                "postgresql+psycopg",
                username="postgres",
                database="postgres",
                query={"host": str(socket)},
            )
        finally:
            stop = _as_user([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"])
            subprocess.run(stop, capture_output=True, timeout=120, check=False)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        raise NoPostgres(f"{Path(command[-1]).name} failed: {result.stderr.strip()[:300]}")


@contextmanager
def fresh_database(server: URL) -> Iterator[str]:
    """A new empty database on the server, dropped afterwards; yields its URL."""
    name = f"intake_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield server.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
