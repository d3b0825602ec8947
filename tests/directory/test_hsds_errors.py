"""Broken directories: every error named by file, row and field, all at once, nothing changed."""

import zipfile
from pathlib import Path

import pytest
from hsds_samples import BROKEN, SMALL, build_directory, table_counts
from sqlalchemy import select

from intake.directory.hsds import import_directory, validate_directory
from intake.problems import InputError, Problem
from intake.store import Database
from intake.store.directory_tables import Service

# (file, row, field, words of the message) of each error a case must report.
CASES = {
    "missing_required": [("services.csv", 3, "name", "required")],
    "bad_number": [("services.csv", 2, "minimum_age", "expected a number, not 'twelve'")],
    "unknown_enum": [
        ("services.csv", 4, "status", "expected one of: active, inactive, defunct"),
        ("locations.csv", 3, "location_type", "expected one of: physical, postal, virtual"),
    ],
    "bad_dates": [
        ("services.csv", 2, "assured_date", "expected a date as YYYY-MM-DD"),
        ("services.csv", 3, "last_modified", "expected a date and time"),
    ],
    "missing_organization": [("services.csv", 4, "organization_id", "no organization with id")],
    "missing_location": [("service_at_location.csv", 4, "location_id", "no location with id")],
    "missing_term": [("attributes.csv", 5, "taxonomy_term_id", "no taxonomy_term with id")],
    "missing_header": [("services.csv", 1, "name", "missing from the header row")],
    "unnamed_column": [
        ("phones.csv", 2, None, "no name in the header row"),
        ("phones.csv", 3, None, "no name in the header row"),
        ("phones.csv", 4, None, "no name in the header row"),
    ],
    "non_utf8": [("organizations.csv", 2, "description", "not UTF-8 text (byte 0xF1)")],
    "duplicate_id": [("phones.csv", 5, "id", "already used by an earlier phone row")],
    "many_errors": [
        ("services.csv", 2, "minimum_age", "expected a number"),
        ("services.csv", 3, "name", "required"),
        ("services.csv", 4, "status", "expected one of"),
        ("service_at_location.csv", 3, "location_id", "no location with id"),
        ("attributes.csv", 2, "taxonomy_term_id", "no taxonomy_term with id"),
    ],
}


def _has(problems: list[Problem], file: str, row: int | None, field: str | None, text: str) -> bool:
    return any(
        p.severity == "error"
        and p.file == file
        and p.row == row
        and p.field == field
        and text in p.message
        for p in problems
    )


def _assert_reported(
    problems: list[Problem], expected: list[tuple[str, int, str | None, str]]
) -> None:
    listed = "\n".join(str(p) for p in problems)
    for file, row, field, text in expected:
        assert _has(problems, file, row, field, text), f"{file} {row} {field} {text!r}:\n{listed}"
    assert sum(p.severity == "error" for p in problems) == len(expected), listed


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_directory_is_refused_whole_and_changes_nothing(
    case: str, tmp_path: Path, database: Database
) -> None:
    import_directory(database, SMALL)  # so that "nothing changed" means something
    before = table_counts(database)
    broken = build_directory(tmp_path / case, case)

    with pytest.raises(InputError) as refused:
        import_directory(database, broken)

    _assert_reported(refused.value.problems, CASES[case])
    assert table_counts(database) == before
    with database.session() as session:  # the rows the broken files change are as they were
        names = sorted(s.name for s in session.exec(select(Service)).scalars())
        ages = sorted(str(s.minimum_age) for s in session.exec(select(Service)).scalars())
    assert names == ["Buprenorphine clinic", "Naloxone and test strips", "Syringe services program"]
    assert ages == ["12.0", "16.5", "18.0"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_reports_the_same_errors_without_a_database(case: str, tmp_path: Path) -> None:
    problems = validate_directory(build_directory(tmp_path / case, case))
    _assert_reported(problems, CASES[case])


def test_problems_read_as_a_spreadsheet_user_expects(tmp_path: Path) -> None:
    problems = validate_directory(build_directory(tmp_path / "d", "bad_number"))
    assert [str(p) for p in problems if p.severity == "error"] == [
        "services.csv, row 2, field minimum_age: error: expected a number, not 'twelve'"
    ]


def test_json_errors_name_file_path_and_field(database: Database) -> None:
    with pytest.raises(InputError) as refused:
        import_directory(database, BROKEN / "service_list_bad.json")
    errors = [str(p) for p in refused.value.errors]
    assert (
        "service_list_bad.json, contents[0].phones[1], field number: error: required by HSDS; "
        "the value is missing"
    ) in errors
    assert (
        "service_list_bad.json, contents[0], field minimum_age: error: expected a number, not 'ten'"
    ) in errors
    assert any(
        e.startswith(
            "service_list_bad.json, contents[0].service_at_locations[0].location, "
            "field location_type: error: expected one of"
        )
        for e in errors
    )
    assert len(errors) == 3
    assert table_counts(database)["service"] == 0


def test_not_json_says_where(database: Database) -> None:
    with pytest.raises(InputError) as refused:
        import_directory(database, BROKEN / "not_json.json")
    (problem,) = refused.value.problems
    assert problem.file == "not_json.json"
    assert "not valid JSON" in problem.message and "line 3" in problem.message


def test_a_file_that_is_not_a_zip(database: Database) -> None:
    with pytest.raises(InputError) as refused:
        import_directory(database, BROKEN / "not_a.zip")
    (problem,) = refused.value.problems
    assert (problem.file, problem.severity) == ("not_a.zip", "error")
    assert "not a readable .zip file" in problem.message


def test_a_zip_with_csv_files_in_two_folders(tmp_path: Path, database: Database) -> None:
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(SMALL / "organizations.csv", "a/organizations.csv")
        zipped.write(SMALL / "services.csv", "b/services.csv")
    with pytest.raises(InputError) as refused:
        import_directory(database, archive)
    assert "several folders" in refused.value.problems[0].message


def test_an_empty_folder(tmp_path: Path, database: Database) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError) as refused:
        import_directory(database, tmp_path / "empty")
    (problem,) = refused.value.problems
    assert problem.file == "empty" and "no HSDS CSV files found" in problem.message


def test_a_path_that_does_not_exist(tmp_path: Path) -> None:
    (problem,) = validate_directory(tmp_path / "nowhere")
    assert (problem.file, problem.message) == ("nowhere", "no such file or folder")


def test_an_empty_csv_file(tmp_path: Path) -> None:
    folder = build_directory(tmp_path / "d")
    (folder / "phones.csv").write_bytes(b"")
    errors = [p for p in validate_directory(folder) if p.severity == "error"]
    assert [(p.file, p.message) for p in errors] == [
        ("phones.csv", "the file is empty; expected a header row of HSDS field names")
    ]


def test_a_row_with_more_cells_than_the_header(tmp_path: Path) -> None:
    folder = build_directory(tmp_path / "d")
    with (folder / "languages.csv").open("a", encoding="utf-8") as stream:
        stream.write("lang-4,svc-naloxone-1,,,Tagalog,tl,,extra\n")
    errors = [p for p in validate_directory(folder) if p.severity == "error"]
    assert [(p.file, p.row) for p in errors] == [("languages.csv", 5)]
    assert "column 8, which has no name" in errors[0].message


def test_unknown_columns_and_files_are_warnings(tmp_path: Path) -> None:
    folder = build_directory(tmp_path / "d")
    (folder / "notes.csv").write_text("id,text\n1,hello\n", encoding="utf-8")
    (folder / "README.txt").write_text("not a table", encoding="utf-8")
    rows = (folder / "contacts.csv").read_text(encoding="utf-8").splitlines()
    rows = [rows[0] + ",favourite_colour", rows[1] + ",green"]
    (folder / "contacts.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    problems = validate_directory(folder)
    assert all(p.severity == "warning" for p in problems)
    assert {(p.file, p.row) for p in problems} == {("notes.csv", None), ("contacts.csv", 1)}
    assert any("favourite_colour" in p.message for p in problems)


def test_a_thousand_faults_of_one_kind_are_counted_not_all_listed(tmp_path: Path) -> None:
    folder = build_directory(tmp_path / "d")
    lines = ["id,service_id,name,code"] + [f"l{i},svc-naloxone-1,Lang,xx" for i in range(1000)]
    lines += [f"l{i},svc-naloxone-1,Lang,xx" for i in range(3)]  # three duplicate ids too
    (folder / "languages.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "services.csv").write_text(
        "id,organization_id,name,status\n"
        + "".join(f"s{i},org-nowhere,S,active\n" for i in range(1000)),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as refused:
        import_directory_into_memory(folder)
    errors = refused.value.errors
    listed = [e for e in errors if e.row is not None]
    assert sum(e.field == "organization_id" for e in listed) == 50
    assert sum(e.field == "id" for e in listed) == 3
    (summary,) = [e for e in errors if e.row is None]
    assert summary.message.startswith("950 more like this not listed (first: no organization")


def import_directory_into_memory(folder: Path) -> None:
    from intake.store import open_database

    database = open_database("sqlite://")
    try:
        import_directory(database, folder)
    finally:
        database.dispose()
