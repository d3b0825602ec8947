"""Provider letters recorded in the accounting of disclosures, in the same step as the file."""

import datetime as dt
import os
from pathlib import Path

import pytest
from letterkit import SETTINGS, TODAY, consented, with_changes
from pdftext import pages, text
from sqlalchemy import func, select

from intake.directory.snapshot import DirectorySnapshot, ServiceView
from intake.intake_model import Intake
from intake.letters import (
    client_disclosures,
    load_stored_intake,
    make_handout,
    make_provider_letter,
    write_accounting,
)
from intake.problems import InputError
from intake.records import ChosenReferral, record_intake
from intake.rules import load_rules, make_plan
from intake.store import Database
from intake.store.records_tables import Consent, Disclosure, Referral
from intake.store.records_tables import Intake as IntakeRow

SENT = dt.datetime(2026, 11, 23, 15, 30, tzinfo=dt.UTC)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """Where letters go: apart from the database file (tmp_path holds it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def stored(database: Database, snapshot: DirectorySnapshot, intake: Intake, refer: str) -> str:
    plan = make_plan(intake, snapshot, load_rules(), today=TODAY)
    return record_intake(
        database, intake, chosen=[ChosenReferral(refer)], plan=plan, counselor="Dana Whitcomb"
    )


def disclosures(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Disclosure)).scalar_one())


def client_of(database: Database, intake_id: str) -> str:
    with database.session() as session:
        row = session.get(IntakeRow, intake_id)
        assert row is not None and row.client_id
        return row.client_id


def letter(
    database: Database,
    snapshot: DirectorySnapshot,
    service: ServiceView,
    intake_id: str,
    out: Path,
    **kwargs: object,
) -> object:
    return make_provider_letter(
        load_stored_intake(database, intake_id),
        service,
        out,
        settings=SETTINGS,
        directory=snapshot,
        database=database,
        intake_id=intake_id,
        today=TODAY,
        **kwargs,  # type: ignore[arg-type]
    )


def test_each_letter_is_recorded_once_with_who_what_when_and_consent(
    demo_db: Database, snapshot: DirectorySnapshot, methadone: ServiceView, out_dir: Path
) -> None:
    intake_id = stored(demo_db, snapshot, consented(), methadone.id)
    first = letter(
        demo_db, snapshot, methadone, intake_id, out_dir / "a.pdf", sections=["identity", "goals"]
    )
    letter(demo_db, snapshot, methadone, intake_id, out_dir / "b.pdf")
    assert disclosures(demo_db) == 2
    with demo_db.session() as session:
        row = session.get(Disclosure, first.disclosure_id)  # type: ignore[attr-defined]
        consent = session.exec(select(Consent).where(Consent.intake_id == intake_id)).one()[0]
        referral = session.exec(select(Referral).where(Referral.intake_id == intake_id)).one()[0]
    assert row is not None
    assert row.intake_id == intake_id and row.client_id == client_of(demo_db, intake_id)
    assert row.consent_id == consent.id and row.referral_id == referral.id
    assert row.recipient_service_id == methadone.id
    assert row.recipient_name == "Methadone treatment (Rimview Opioid Treatment Program)"
    assert row.information == ["identity", "goals"]
    assert row.purpose == "Referral for care at the client's request"
    assert row.counselor == "Dana Whitcomb" and row.document == "provider_letter"
    # The reference printed on the letter is the record's.
    assert f"Reference {first.reference}" in text((out_dir / "a.pdf").read_bytes())  # type: ignore[attr-defined]


def test_nothing_is_recorded_when_the_file_cannot_be_written(
    demo_db: Database,
    snapshot: DirectorySnapshot,
    methadone: ServiceView,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    intake_id = stored(demo_db, snapshot, consented(), methadone.id)

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(InputError, match="cannot write the file"):
        letter(demo_db, snapshot, methadone, intake_id, out_dir / "letter.pdf")
    monkeypatch.undo()
    assert disclosures(demo_db) == 0
    assert os.listdir(out_dir) == []


def test_the_file_is_removed_when_the_record_cannot_be_committed(
    demo_db: Database,
    snapshot: DirectorySnapshot,
    methadone: ServiceView,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    intake_id = stored(demo_db, snapshot, consented(), methadone.id)
    from sqlmodel import Session

    def fail(_self: Session) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(Session, "commit", fail)
    with pytest.raises(RuntimeError):
        letter(demo_db, snapshot, methadone, intake_id, out_dir / "letter.pdf")
    monkeypatch.undo()
    assert disclosures(demo_db) == 0
    assert not (out_dir / "letter.pdf").exists()


def test_a_refused_letter_writes_and_records_nothing(
    demo_db: Database, snapshot: DirectorySnapshot, syringe: ServiceView, out_dir: Path
) -> None:
    intake_id = stored(demo_db, snapshot, consented(), syringe.id)
    with pytest.raises(InputError, match="No consent on file names Syringe services program"):
        letter(demo_db, snapshot, syringe, intake_id, out_dir / "letter.pdf")
    assert disclosures(demo_db) == 0 and os.listdir(out_dir) == []


def test_recording_needs_the_stored_intake_with_the_same_answers(
    demo_db: Database, snapshot: DirectorySnapshot, methadone: ServiceView, out_dir: Path
) -> None:
    intake_id = stored(demo_db, snapshot, consented(), methadone.id)
    other = with_changes(consented(), consent={"information": ["identity", "risks"]})
    with pytest.raises(InputError, match="differs from stored intake"):
        make_provider_letter(
            other,
            methadone,
            out_dir / "x.pdf",
            settings=SETTINGS,
            database=demo_db,
            intake_id=intake_id,
            today=TODAY,
        )
    with pytest.raises(InputError, match="give the stored intake's id"):
        make_provider_letter(
            consented(),
            methadone,
            out_dir / "x.pdf",
            settings=SETTINGS,
            database=demo_db,
            today=TODAY,
        )
    with pytest.raises(InputError, match="no finished intake 'nope'"):
        make_provider_letter(
            consented(),
            methadone,
            out_dir / "x.pdf",
            settings=SETTINGS,
            database=demo_db,
            intake_id="nope",
            today=TODAY,
        )
    assert disclosures(demo_db) == 0 and os.listdir(out_dir) == []


def test_without_a_database_the_letter_is_written_not_recorded(
    methadone: ServiceView, out_dir: Path
) -> None:
    result = make_provider_letter(
        consented(), methadone, out_dir / "l.pdf", settings=SETTINGS, today=TODAY
    )
    assert result.disclosure_id is None and (out_dir / "l.pdf").read_bytes().startswith(b"%PDF")


def test_handouts_are_not_disclosures(
    demo_db: Database, snapshot: DirectorySnapshot, syringe: ServiceView, out_dir: Path
) -> None:
    result = make_handout(
        with_changes(consented(), consent=None),
        [syringe],
        out_dir / "h.pdf",
        settings=SETTINGS,
        directory=snapshot,
        today=TODAY,
    )
    assert result.places == 1 and result.names_withheld == 1
    assert disclosures(demo_db) == 0


def test_the_accounting_lists_and_prints_per_client(
    demo_db: Database, snapshot: DirectorySnapshot, methadone: ServiceView, out_dir: Path
) -> None:
    intake_id = stored(demo_db, snapshot, consented(), methadone.id)
    made = letter(demo_db, snapshot, methadone, intake_id, out_dir / "a.pdf", sections=["identity"])
    client_id = client_of(demo_db, intake_id)
    accounting = client_disclosures(demo_db, client_id)
    assert accounting.client_name == "María López Ruiz"
    [entry] = accounting.entries
    assert entry.reference == made.reference  # type: ignore[attr-defined]
    assert entry.information == ("identity",)
    assert (
        entry.consent_signed_on is not None and entry.consent_signed_on.isoformat() == "2025-11-17"
    )
    out = write_accounting(demo_db, client_id, out_dir / "acc.pdf", settings=SETTINGS, today=TODAY)
    content = text(out.read_bytes())
    for words in (
        "Accounting of disclosures",
        "María López Ruiz",
        client_id,
        "Methadone treatment (Rimview Opioid Treatment Program)",
        "signed November 17, 2025",
        entry.reference,
    ):
        assert words in content.replace("\n", " "), words
    assert all("42 CFR part 2 prohibits" in " ".join(p.split()) for p in pages(out.read_bytes()))


def test_the_accounting_of_an_unknown_client_is_an_input_error(demo_db: Database) -> None:
    with pytest.raises(InputError, match="no client 'nobody'"):
        client_disclosures(demo_db, "nobody")


def test_a_letter_to_print_is_recorded_only_once_it_is_delivered(
    demo_db: Database, snapshot: DirectorySnapshot, methadone: ServiceView, out_dir: Path
) -> None:
    from intake.letters.recording import record_delivered

    intake_id = stored(demo_db, snapshot, consented(), methadone.id)
    made = letter(demo_db, snapshot, methadone, intake_id, out_dir / "a.pdf", printing=True)
    pending = made.pending  # type: ignore[attr-defined]
    assert disclosures(demo_db) == 0 and (out_dir / "a.pdf").exists()
    assert made.disclosure_id is None and pending is not None  # type: ignore[attr-defined]
    # The reference printed on the letter is the one the record will have.
    assert f"Reference {made.reference}" in text((out_dir / "a.pdf").read_bytes())  # type: ignore[attr-defined]
    saved = letter(demo_db, snapshot, methadone, intake_id, out_dir / "b.pdf")
    record_delivered(demo_db, [pending], SENT)
    assert disclosures(demo_db) == 2
    with demo_db.session() as session:
        printed = session.get(Disclosure, pending.disclosure_id)
        written = session.get(Disclosure, saved.disclosure_id)  # type: ignore[attr-defined]
        assert printed is not None and written is not None
        same = ("client_id", "intake_id", "consent_id", "referral_id", "recipient_service_id",
                "recipient_name", "information", "purpose", "counselor", "document")  # fmt: skip
        assert {k: getattr(printed, k) for k in same} == {k: getattr(written, k) for k in same}
        assert printed.disclosed_at.replace(tzinfo=None) == SENT.replace(tzinfo=None)


def test_a_letter_to_print_is_checked_against_the_records_as_a_saved_one(
    demo_db: Database, snapshot: DirectorySnapshot, methadone: ServiceView, out_dir: Path
) -> None:
    intake_id = stored(demo_db, snapshot, consented(), methadone.id)
    other = with_changes(consented(), client={"name": "Someone else"})
    with pytest.raises(InputError, match="differs from stored intake"):
        make_provider_letter(
            other, methadone, out_dir / "a.pdf", settings=SETTINGS, directory=snapshot,
            database=demo_db, intake_id=intake_id, today=TODAY, printing=True,
        )  # fmt: skip
    assert os.listdir(out_dir) == [] and disclosures(demo_db) == 0
