"""An upgrade keeps the data: a database made by the previous version's migrations (0001),
with a directory, clients, intakes, referrals and a consent, opened by the current program."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from old_database import EXAMPLE, PREVIOUS_REVISION, make_previous_version_database
from sqlalchemy import text
from sqlmodel import SQLModel

from intake.directory.snapshot_loader import load_snapshot
from intake.first_run import needs_first_run_setup
from intake.records import client_history, find_clients
from intake.settings import load_settings
from intake.store import open_database
from intake.store.db import SCHEMA_HEAD, current_revision, head_revision


def test_the_current_program_upgrades_an_old_database_and_keeps_every_record(
    tmp_path: Path,
) -> None:
    path = tmp_path / "intake.db"
    old = make_previous_version_database(path)

    database = open_database(f"sqlite:///{path}")
    try:
        assert current_revision(database) == head_revision() == SCHEMA_HEAD != PREVIOUS_REVISION
        with database.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, SQLModel.metadata) == []
            clients = {
                row[0]: (row[1], bool(row[2]), row[3])
                for row in conn.execute(
                    text("select id, name, is_alias, date_of_birth from client")
                )
            }
            intakes = {
                row[0]: (row[1], row[2])
                for row in conn.execute(text("select id, client_id, status from intake"))
            }
            answers = {
                row[0]: json.loads(row[1])
                for row in conn.execute(text("select id, answers from intake"))
            }
            referrals = {
                row[0]: (row[1], row[2], row[3])
                for row in conn.execute(
                    text("select id, intake_id, service_id, status from referral")
                )
            }
            positions = {row[0] for row in conn.execute(text("select position from referral"))}
            consents = tuple(conn.execute(text("select intake_id from consent")).scalars())
        assert clients == old.clients
        assert intakes == old.intakes
        assert answers == old.answers
        assert referrals == old.referrals
        assert positions == {0}  # the column 0002 added, with its default
        assert consents == old.consents

        # The records service and the directory read the upgraded data as their own.
        assert [c.id for c in find_clients(database, "zoe nguyen")] == ["c-1"]
        history = client_history(database, "c-1")
        assert [h.id for h in history] == ["i-1"]
        assert history[0].has_consent
        assert {r.id for r in history[0].referrals} == {"r-1", "r-2"}
        assert len(load_snapshot(database)) == 77
        # Settings are new in 0002: an upgraded desk is asked the first-run questions.
        assert load_settings(database).clinic_name == ""
        assert needs_first_run_setup(database)
    finally:
        database.dispose()

    assert (tmp_path / f"intake.db.before-{PREVIOUS_REVISION}.bak").is_file()
    with sqlite3.connect(path) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        assert conn.execute("pragma foreign_key_check").fetchall() == []


def test_the_command_line_matches_on_an_upgraded_database(tmp_path: Path) -> None:
    path = tmp_path / "intake.db"
    make_previous_version_database(path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "intake",
            "--database",
            f"sqlite:///{path}",
            "match",
            "--intake",
            str(EXAMPLE / "buprenorphine_peer_support.json"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert any(p["referrals"] for p in plan["pathways"])
    with sqlite3.connect(path) as conn:
        assert conn.execute("select version_num from alembic_version").fetchone() == (SCHEMA_HEAD,)
