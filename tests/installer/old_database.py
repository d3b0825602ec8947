"""A database as the previous version left it: schema 0001, the demo directory, and records.

`make_previous_version_database(path)` builds it with the previous version's migrations
(alembic upgrade to "0001") and plain SQL inserts shaped like that version's tables, and
returns what it stored, for the upgrade tests (from source and with the frozen app) to
check after the current program has opened it.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from sqlalchemy import Connection, text

from intake.directory.demo import demo_directory_path
from intake.directory.hsds import import_directory
from intake.store import open_database
from intake.store.db import alembic_config, current_revision

PREVIOUS_REVISION = "0001"
EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/intakes"


@dataclass(frozen=True)
class OldRecords:
    clients: dict[str, tuple[str, bool, str | None]]  # id -> (name, is_alias, born)
    intakes: dict[str, tuple[str, str]]  # id -> (client id, status)
    referrals: dict[str, tuple[str, str, str]]  # id -> (intake id, service id, status)
    consents: tuple[str, ...]  # intake ids
    answers: dict[str, dict]  # intake id -> answers as stored


def make_previous_version_database(path: Path) -> OldRecords:
    url = f"sqlite:///{path}"
    old = open_database(url, migrate=False)
    try:
        command.upgrade(alembic_config(old), PREVIOUS_REVISION)
        assert current_revision(old) == PREVIOUS_REVISION
        import_directory(old, demo_directory_path())  # directory tables: same in 0001 and 0002
        with old.engine.connect() as conn:
            services = [row[0] for row in conn.execute(text("select id from service order by id"))]
        records = _records(services)
        with old.engine.begin() as conn:
            _insert(conn, records)
    finally:
        old.dispose()
    return records


def _records(services: list[str]) -> OldRecords:
    first = json.loads((EXAMPLE / "buprenorphine_peer_support.json").read_text("utf-8"))
    second = json.loads((EXAMPLE / "spanish_speaker_methamphetamine.json").read_text("utf-8"))
    return OldRecords(
        clients={
            "c-1": ("Zoë Nguyễn-王芳", False, "1983-04-14"),
            "c-2": ("K.", True, None),
        },
        intakes={"i-1": ("c-1", "final"), "i-2": ("c-2", "final"), "i-3": ("c-2", "draft")},
        referrals={
            "r-1": ("i-1", services[0], "pending"),
            "r-2": ("i-1", services[1], "attended"),
            "r-3": ("i-2", services[2], "pending"),
        },
        consents=("i-1",),
        answers={"i-1": first, "i-2": second, "i-3": {"goals": ["safety"]}},
    )


def _insert(conn: Connection, records: OldRecords) -> None:
    stamp = "2026-01-15 10:00:00.000000"
    for client_id, (name, alias, born) in records.clients.items():
        conn.execute(
            text(
                "insert into client (id, name, is_alias, date_of_birth, created_at, updated_at)"
                " values (:id, :name, :alias, :born, :at, :at)"
            ),
            {"id": client_id, "name": name, "alias": alias, "born": born, "at": stamp},
        )
    for intake_id, (client_id, status) in records.intakes.items():
        conn.execute(
            text(
                "insert into intake (id, client_id, status, answers, counselor, rules_version,"
                " directory_version, created_at, updated_at, finished_at) values (:id, :client,"
                " :status, :answers, 'Sam Lee', 'bundled:2026.11.1', 'import-1', :at, :at,"
                " :finished)"
            ),
            {
                "id": intake_id,
                "client": client_id,
                "status": status,
                "answers": json.dumps(records.answers[intake_id]),
                "at": stamp,
                "finished": stamp if status == "final" else None,
            },
        )
    for referral_id, (intake_id, service_id, status) in records.referrals.items():
        conn.execute(
            text(
                "insert into referral (id, intake_id, service_id, service_name,"
                " organization_name, pathway, types, reasons, urgent, safety_net,"
                " added_by_counselor, note, status, created_at) values (:id, :intake,"
                " :service, 'Service', 'Organization', 'harm_reduction', '[]',"
                " '[\"Matches the goal\"]', 0, 1, 0, 'called ahead', :status, :at)"
            ),
            {
                "id": referral_id,
                "intake": intake_id,
                "service": service_id,
                "status": status,
                "at": stamp,
            },
        )
    for n, intake_id in enumerate(records.consents, start=1):
        conn.execute(
            text(
                "insert into consent (id, intake_id, recipients, information, purpose,"
                " signed_by, signer_relationship, signed_on) values (:id, :intake, '[]',"
                " '[\"identity\"]', 'referral', 'Zoë Nguyễn-王芳', 'self', '2026-01-15')"
            ),
            {"id": f"consent-{n}", "intake": intake_id},
        )
