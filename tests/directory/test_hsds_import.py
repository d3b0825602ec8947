"""Importing: typed values, warnings that drop values, re-import, links to stored records,
progress and cancelling, and the SQLite fast path leaving the database as it found it."""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hsds_samples import (
    INTAKE_TAXONOMY_ID,
    LOCATION_1,
    ORG_CHILD,
    ORG_PARENT,
    SMALL,
    SMALL_COUNTS,
    build_directory,
    sqlite_file,
    sqlite_indexes,
    table_counts,
)
from sqlalchemy import select

from intake.directory import hsds_write
from intake.directory.hsds import import_directory, validate_directory
from intake.directory.hsds_spec import spec
from intake.problems import InputError, Problem
from intake.progress import Cancelled
from intake.store import Database
from intake.store.directory_tables import (
    Attribute,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    TaxonomyTerm,
)
from intake.store.records_tables import DirectoryImport


def _row(database: Database, model: type, record_id: str) -> dict[str, object]:
    with database.session() as session:
        found = session.get(model, record_id)
        assert found is not None, record_id
        return found.model_dump()


def _warning(problems: list[Problem], file: str, row: int, field: str, text: str) -> None:
    listed = "\n".join(str(p) for p in problems)
    assert any(
        p.severity == "warning"
        and (p.file, p.row, p.field) == (file, row, field)
        and text in p.message
        for p in problems
    ), f"{file} {row} {field} {text!r} not in:\n{listed}"


def test_the_small_directory_imports_with_typed_values(database: Database) -> None:
    report = import_directory(database, SMALL)
    assert report.counts == SMALL_COUNTS
    assert report.problems == [] and report.warning_count == 0
    assert _row(database, Service, "svc-naloxone-1")["minimum_age"] == 12
    assert _row(database, Service, "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c44")["minimum_age"] == 16.5
    service = _row(database, Service, "svc-naloxone-1")
    assert service["description"] == (
        "Free naloxone kits, fentanyl and xylazine test strips.\nNo ID needed."
    )
    assert service["last_modified"] == "2026-10-01T09:30:00Z"  # as given: export gives it back
    location = _row(database, Location, LOCATION_1)
    assert (location["latitude"], location["longitude"]) == (45.7833, -108.5007)
    assert _row(database, Phone, "phone-2")["extension"] == 12
    assert "español" in str(_row(database, Organization, ORG_CHILD)["description"])
    assert _row(database, Schedule, "sched-1")["interval"] == 1


def test_a_parent_later_in_the_file_is_linked(database: Database) -> None:
    import_directory(database, SMALL)
    assert _row(database, Organization, ORG_CHILD)["parent_organization_id"] == ORG_PARENT
    assert _row(database, TaxonomyTerm, "term-bu")["parent_id"] == "term-pharm"


def test_the_import_is_recorded_by_name_only(database: Database, tmp_path: Path) -> None:
    folder = build_directory(tmp_path / "clinic export 2026", "implausible")
    report = import_directory(database, folder)
    with database.session() as session:
        (record,) = session.exec(select(DirectoryImport)).scalars().all()
    assert record.source == "clinic export 2026"
    assert str(tmp_path) not in json.dumps(record.model_dump(mode="json"))
    assert record.counts == report.counts
    assert record.warnings == report.warning_count > 0


def test_implausible_values_are_warnings_and_not_used(database: Database, tmp_path: Path) -> None:
    report = import_directory(database, build_directory(tmp_path / "d", "implausible"))
    problems = report.problems
    assert all(p.severity == "warning" for p in problems)

    _warning(problems, "locations.csv", 2, "latitude", "latitude 100 is outside -90 to 90")
    location = _row(database, Location, LOCATION_1)
    assert (location["latitude"], location["longitude"]) == (None, None)

    _warning(problems, "locations.csv", 3, "organization_id", "the link is dropped")
    assert (
        _row(database, Location, "2e3f4051-6b7c-4d8e-9f0a-1b2c3d4e5f66")["organization_id"] is None
    )

    _warning(problems, "services.csv", 2, "maximum_age", "130 is not a plausible age")
    assert _row(database, Service, "svc-naloxone-1")["maximum_age"] is None

    syringes = "3c2b1a09-8e7d-4c6b-9a5f-4e3d2c1b0a33"
    _warning(problems, "services.csv", 3, "status", "'Active' taken as 'active'")
    _warning(problems, "services.csv", 3, "fees_description", "looks like a placeholder")
    assert _row(database, Service, syringes)["status"] == "active"
    assert _row(database, Service, syringes)["fees_description"] is None

    _warning(problems, "phones.csv", 2, "number", "wrapped in quotes")
    assert _row(database, Phone, "phone-1")["number"] == "+1 406 555 0100"

    _warning(problems, "attributes.csv", 2, "link_type", "placeholder")
    assert _row(database, Attribute, "attr-1")["link_type"] is None
    _warning(problems, "attributes.csv", 3, "link_entity", "'program' is not a table")
    assert report.counts["attribute"] == SMALL_COUNTS["attribute"] - 1

    _warning(problems, "taxonomy_terms.csv", 2, "code", "'harm_reduction.unheard_of' is not a code")
    _warning(problems, "taxonomy_terms.csv", 7, "parent_id", "the link is dropped")
    assert _row(database, TaxonomyTerm, "term-bu")["parent_id"] is None


def test_reimporting_updates_by_id_and_keeps_the_rest(database: Database, tmp_path: Path) -> None:
    import_directory(database, SMALL)
    changed = build_directory(tmp_path / "changed")
    text = (changed / "services.csv").read_text(encoding="utf-8")
    (changed / "services.csv").write_text(
        text.replace("Naloxone and test strips", "Naloxone and drug checking"),
        encoding="utf-8",
    )
    (changed / "phones.csv").write_text(  # phone-2 and phone-3 left out of the new files
        "id,service_id,number\nphone-1,svc-naloxone-1,+1 406 555 0199\n", encoding="utf-8"
    )

    report = import_directory(database, changed)

    counts = table_counts(database)
    assert counts == {**SMALL_COUNTS, "directory_import": 2}
    assert report.counts["phone"] == 1
    assert _row(database, Service, "svc-naloxone-1")["name"] == "Naloxone and drug checking"
    assert _row(database, Phone, "phone-1")["number"] == "+1 406 555 0199"
    assert _row(database, Phone, "phone-2")["number"] == "+1 406 555 0101"  # kept: merge by id


def test_links_to_records_already_stored_count(database: Database, tmp_path: Path) -> None:
    import_directory(database, SMALL)
    more = tmp_path / "more"
    more.mkdir()
    (more / "services.csv").write_text(
        f"id,organization_id,name,status\nsvc-new,{ORG_PARENT},Peer recovery coaching,active\n",
        encoding="utf-8",
    )
    (more / "attributes.csv").write_text(
        "id,link_id,taxonomy_term_id,link_entity\n"
        "attr-new,svc-new,c3c7ba17-3544-5608-9dd3-295cf5a04ee7,service\n"
        f"attr-loc,{LOCATION_1},4f7022c4-093c-578e-b5f6-663e15112597,location\n",
        encoding="utf-8",
    )

    alone = [p for p in validate_directory(more) if p.severity == "error"]
    assert [(p.file, p.field) for p in alone] == [
        ("services.csv", "organization_id"),
        ("attributes.csv", "taxonomy_term_id"),
        ("attributes.csv", "taxonomy_term_id"),
    ]
    assert validate_directory(more, database=database) == []
    report = import_directory(database, more)
    assert (report.counts["service"], report.counts["attribute"]) == (1, 2)
    assert table_counts(database)["service"] == SMALL_COUNTS["service"] + 1


def test_an_intake_term_is_known_by_its_taxonomy_id(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "terms"
    folder.mkdir()
    (folder / "taxonomies.csv").write_text(
        f"id,name,description\n{INTAKE_TAXONOMY_ID},intake,Ours\n", encoding="utf-8"
    )
    (folder / "taxonomy_terms.csv").write_text(
        "id,code,name,description,taxonomy_id\n"
        f"t1,harm_reduction.naloxone,Naloxone,d,{INTAKE_TAXONOMY_ID}\n"
        f"t2,harm_reduction.teleportation,Teleportation,d,{INTAKE_TAXONOMY_ID}\n"
        "t3,whatever.else,Other,d,\n",  # not an intake term: any code goes
        encoding="utf-8",
    )
    problems = import_directory(database, folder).problems
    assert [(p.row, p.field) for p in problems] == [(3, "code")]
    assert "does not drive the rules" in problems[0].message


def test_the_same_record_twice_in_nested_json_is_merged(database: Database, tmp_path: Path) -> None:
    organization = {"id": "org-1", "name": "Harbor Outreach", "description": "Street outreach"}
    services = [
        {
            "id": f"svc-{n}",
            "name": f"Service {n}",
            "status": "active",
            "organization": organization,
            "phones": [{"id": "phone-shared", "number": f"+1 206 555 010{n}"}],
        }
        for n in (1, 2)
    ]
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"total_items": 2, "contents": services}), encoding="utf-8")
    report = import_directory(database, path)
    assert (report.counts["organization"], report.counts["service"], report.counts["phone"]) == (
        1,
        2,
        1,
    )
    phone = _row(database, Phone, "phone-shared")
    assert (phone["service_id"], phone["number"]) == ("svc-1", "+1 206 555 0101")
    (conflict,) = [p for p in report.problems if p.field == "service_id"]
    assert conflict.file == "list.json, contents[1].phones[0]"
    assert "the first, at list.json, contents[0].phones[0], is kept" in conflict.message


class _Recorder:
    def __init__(self, cancel_at: int | None = None) -> None:
        self.steps: list[tuple[str, int, int]] = []
        self.checks = 0
        self.cancel_at = cancel_at

    def step(self, stage: str, done: int, total: int) -> None:
        self.steps.append((stage, done, total))

    def check(self) -> None:
        self.checks += 1
        if self.checks == self.cancel_at:
            raise Cancelled()


def test_progress_is_reported_by_stage(database: Database) -> None:
    progress = _Recorder()
    import_directory(database, SMALL, progress=progress)
    stages = [stage for stage, _, _ in progress.steps]
    assert "Importing organizations.csv" in stages and "Importing attributes.csv" in stages
    assert all(0 <= done <= total for _, done, total in progress.steps)
    assert progress.steps[-1][1] == progress.steps[-1][2]
    assert progress.checks >= len(SMALL_COUNTS)


@pytest.mark.parametrize("cancel_at", [1, 12, 25])
def test_cancelling_rolls_back_everything(
    database: Database, cancel_at: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hsds_write, "CHUNK", 2)  # write early and often: more to undo
    monkeypatch.setattr("intake.directory.hsds_import.CHUNK", 2)
    indexes = sqlite_indexes(database)
    with pytest.raises(Cancelled):
        import_directory(database, SMALL, progress=_Recorder(cancel_at=cancel_at))
    assert set(table_counts(database).values()) == {0}
    assert sqlite_indexes(database) == indexes


def test_the_fast_path_restores_indexes_and_foreign_keys(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hsds_write, "CHUNK", 2)  # every table counts as large: indexes dropped
    monkeypatch.setattr("intake.directory.hsds_import.CHUNK", 2)
    indexes = sqlite_indexes(database)
    assert any(name.startswith("ix_attribute") for name, _ in indexes)
    import_directory(database, SMALL)
    assert sqlite_indexes(database) == indexes
    with pytest.raises(InputError):
        import_directory(database, build_directory(tmp_path / "d", "many_errors"))
    assert sqlite_indexes(database) == indexes
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with sqlite3.connect(sqlite_file(database)) as raw:
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_fault_in_the_checks_is_caught_before_commit(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database's own link check backs up hsds_check, whose work it skips per row."""
    original = hsds_write.Writer.write

    def write_a_broken_link(self: hsds_write.Writer, table: object, rows: list[dict]) -> None:
        if getattr(table, "name", "") == "phone":
            rows = [{**row, "contact_id": "contact-nowhere"} for row in rows]
        original(self, table, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(hsds_write.Writer, "write", write_a_broken_link)
    with pytest.raises(InputError) as refused:
        import_directory(database, SMALL)
    assert "broken link" in refused.value.problems[0].message
    assert set(table_counts(database).values()) == {0}


def test_the_portable_upsert_for_other_databases(database: Database) -> None:
    table = spec("taxonomy")
    rows = [{"id": "t1", "name": "one", "description": "", "uri": None, "version": None}]
    with database.engine.begin() as connection:
        writer = hsds_write.Writer(connection)
        writer.dialect = "some other database"
        writer.write(table, rows)
        writer.write(table, [{**rows[0], "name": "one, renamed"}, {**rows[0], "id": "t2"}])
        stored = connection.execute(select(table.sql.c.id, table.sql.c.name)).all()
    assert sorted(stored) == [("t1", "one, renamed"), ("t2", "one")]


def test_a_copy_of_the_small_directory_in_a_zip(database: Database, tmp_path: Path) -> None:
    archive = shutil.make_archive(
        str(tmp_path / "small"), "zip", root_dir=SMALL.parent, base_dir="small"
    )
    report = import_directory(database, Path(archive))
    assert report.counts == SMALL_COUNTS and report.source == "small.zip"


def test_the_postgresql_upsert_compiles() -> None:
    from sqlalchemy.dialects import postgresql

    statement = hsds_write._postgresql_upsert(spec("service"))
    sql = str(statement.compile(dialect=postgresql.dialect()))  # type: ignore[no-untyped-call]
    assert "ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id" in sql


@pytest.mark.postgres
def test_import_and_export_on_postgresql(tmp_path: Path, postgres_database: Database) -> None:
    """The same import and export on PostgreSQL give what SQLite gives."""
    from intake.directory.hsds import export_directory
    from intake.store import open_database

    database = postgres_database
    import_directory(database, SMALL)
    import_directory(database, SMALL)  # the upsert path
    assert {k: v for k, v in table_counts(database).items() if k != "directory_import"} == (
        SMALL_COUNTS
    )
    export_directory(database, tmp_path / "out")
    local = open_database(f"sqlite:///{tmp_path / 'local.db'}")
    try:
        import_directory(local, SMALL)
        export_directory(local, tmp_path / "local")
    finally:
        local.dispose()
    for path in sorted((tmp_path / "local").iterdir()):
        assert (tmp_path / "out" / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_busy_database_is_a_clear_message(database: Database) -> None:
    from sqlalchemy import event

    database.engine.dispose()
    # after the store's own settings: wait 50 ms for a lock, not 5 s
    event.listen(database.engine, "connect", lambda c, _: c.execute("PRAGMA busy_timeout=50"))
    with sqlite3.connect(sqlite_file(database), timeout=0) as other:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(InputError) as refused:
            import_directory(database, SMALL)
        other.rollback()
    assert "the database is busy" in refused.value.problems[0].message
    assert set(table_counts(database).values()) == {0}
