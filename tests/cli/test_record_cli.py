"""`intake record`: stores the intake and its chosen referrals; stdout is the id alone."""

import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from intake.cli import main
from intake.directory.hsds import import_directory
from intake.directory.snapshot_loader import load_snapshot
from intake.intake_model import load_intake
from intake.rules import load_rules, make_plan
from intake.rules.plan import ReferralPlan
from intake.store import Database, open_database
from intake.store.records_tables import Client, Consent, Referral
from intake.store.records_tables import Intake as IntakeRow

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "resources" / "examples" / "intakes"
DEMO = REPO / "resources" / "demo"
INTAKE = EXAMPLES / "consent_named_recipient.json"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file holding the demo directory, imported once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(f"sqlite:///{path}")
    import_directory(database, DEMO)
    database.dispose()
    return path


@pytest.fixture
def url(demo_file: Path, tmp_path: Path) -> str:
    """A fresh copy of the demo database for each test."""
    path = tmp_path / "intake.db"
    shutil.copyfile(demo_file, path)
    return f"sqlite:///{path}"


@pytest.fixture
def database(url: str) -> Iterator[Database]:
    db = open_database(url)
    yield db
    db.dispose()


def plan_for(database: Database, intake_file: Path) -> ReferralPlan:
    today = date.today()
    intake = load_intake(intake_file, today=today)
    return make_plan(intake, load_snapshot(database), load_rules(), today=today)


def count(database: Database, table: type) -> int:
    with database.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def nothing_stored(database: Database) -> bool:
    return all(count(database, t) == 0 for t in (Client, IntakeRow, Consent, Referral))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_record_prints_the_stored_intakes_id_alone(
    url: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    referral = plan_for(database, INTAKE).referrals()[0]
    code, out, err = run(
        capsys, "--database", url, "record", "--intake", str(INTAKE), "--refer", referral.service_id
    )
    assert code == 0, err
    assert UUID.match(out.strip()) and out == out.strip() + "\n"
    with database.session() as session:
        row = session.get(IntakeRow, out.strip())
        assert row is not None and row.status == "final"
        [stored] = session.exec(select(Referral)).all()
    assert (stored.intake_id, stored.service_id) == (row.id, referral.service_id)
    assert stored.service_name == referral.service_name
    assert stored.reasons == referral.reasons
    assert count(database, Consent) == 1


def test_record_without_referrals_stores_the_intake(
    url: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    intake = EXAMPLES / "minimal_alias_only.json"
    code, out, err = run(
        capsys,
        "--database",
        url,
        "record",
        "--intake",
        str(intake),
        "--alias",
        "--counselor",
        "Dana",
    )
    assert code == 0, err
    with database.session() as session:
        row = session.get(IntakeRow, out.strip())
        assert row is not None and row.counselor == "Dana"
        client = session.get(Client, row.client_id)
    assert client is not None and client.is_alias


def test_an_unknown_service_stores_nothing(
    url: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    good = plan_for(database, INTAKE).referrals()[0].service_id
    code, out, err = run(
        capsys,
        "--database",
        url,
        "record",
        "--intake",
        str(INTAKE),
        "--refer",
        good,
        "--refer",
        "no-such-service",
    )
    assert code == 1
    assert out == ""
    assert "no-such-service" in err and "expected" in err
    assert nothing_stored(database)


def test_an_excluded_service_needs_a_note(
    url: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    excluded = plan_for(database, INTAKE).excluded
    assert excluded, "the demo directory should keep some service out for this intake"
    service_id = excluded[0].service_id
    base = ["--database", url, "record", "--intake", str(INTAKE), "--refer", service_id]
    code, out, err = run(capsys, *base)
    assert (code, out) == (1, "")
    assert service_id in err and "needs a note" in err
    assert nothing_stored(database)

    code, out, err = run(capsys, *base, "--note", f"{service_id}=Client asked for it")
    assert code == 0, err
    with database.session() as session:
        [stored] = session.exec(select(Referral)).all()
    assert (stored.added_by_counselor, stored.note) == (True, "Client asked for it")


def test_a_note_needs_its_referral(
    url: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "--database", url, "record", "--intake", str(INTAKE), "--note", "svc-1=Why"
    )
    assert (code, out) == (1, "")
    assert "--refer svc-1" in err
    code, out, err = run(
        capsys, "--database", url, "record", "--intake", str(INTAKE), "--note", "no equals sign"
    )
    assert (code, out) == (1, "")
    assert "expected ID=TEXT" in err
    assert nothing_stored(database)


def test_a_bad_intake_file_names_the_file_and_stores_nothing(
    url: str, database: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad_intake.json"
    bad.write_text(json.dumps({"client": {"name": "Sky", "age": 400}, "goals": []}))
    code, out, err = run(capsys, "--database", url, "record", "--intake", str(bad))
    assert (code, out) == (1, "")
    assert "bad_intake.json" in err and "client.age" in err
    assert "Traceback" not in err
    assert nothing_stored(database)


def test_messages_hold_nothing_about_the_client(
    url: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "--database", url, "--verbose", "record", "--intake", str(INTAKE), "--refer", "x"
    )
    assert code == 1
    for secret in ("María", "López", "1990-04-12", "555 0100"):
        assert secret not in err


def test_missing_intake_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["record"])
    assert exited.value.code == 2


def test_a_possible_duplicate_client_is_named_by_id_only(
    url: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--database", url, "record", "--intake", str(INTAKE)]
    code, first, _err = run(capsys, *args)
    assert code == 0
    with database.session() as session:
        first_client = session.get(IntakeRow, first.strip()).client_id  # type: ignore[union-attr]
    code, _second, err = run(capsys, *args)
    assert code == 0
    assert "may be this one" in err and str(first_client) in err
    assert "María" not in err
    code, _third, err = run(capsys, *args, "--client", str(first_client))
    assert code == 0 and "may be this one" not in err
    assert count(database, Client) == 2
