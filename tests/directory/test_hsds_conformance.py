"""The official HSDS 3.0 examples import as they are, with their oddities reported."""

import shutil
import zipfile
from pathlib import Path

import pytest
from hsds_samples import table_counts
from sqlalchemy import select

from intake.directory.hsds import import_directory, validate_directory
from intake.problems import Problem
from intake.store import Database
from intake.store.directory_tables import Location, Phone, Service

ALL_TABLES_ONE = {
    "organization": 1,
    "service": 1,
    "location": 1,
    "service_at_location": 1,
    "address": 1,
    "contact": 1,
    "phone": 1,
    "schedule": 1,
    "language": 1,
    "taxonomy": 1,
    "taxonomy_term": 1,
    "attribute": 0,  # its link_entity is the placeholder "link_entity": not a table we keep
    "cost_option": 1,
}
ONLY = {name: 0 for name in ALL_TABLES_ONE}
NOT_KEPT = (
    "accessibility",
    "funding",
    "meta_table_description",
    "metadata",
    "organization_identifier",
    "program",
    "required_document",
    "service_area",
)


def _find(problems: list[Problem], *, file: str, field: str | None, text: str) -> Problem:
    for problem in problems:
        if problem.file == file and problem.field == field and text in problem.message:
            return problem
    listed = "\n".join(str(p) for p in problems)
    raise AssertionError(f"no problem in {file}, field {field}, saying {text!r}; got:\n{listed}")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("service_full.json", ALL_TABLES_ONE),
        ("organization_full.json", ALL_TABLES_ONE),
        ("service_at_location_full.json", ALL_TABLES_ONE),
        ("tabular.json", ALL_TABLES_ONE),
        ("service_list.json", {**ONLY, "organization": 1, "service": 1}),
        ("organization_list.json", {**ONLY, "organization": 1}),
    ],
)
def test_each_official_json_form_imports_as_it_is(
    examples: Path, database: Database, name: str, expected: dict[str, int]
) -> None:
    report = import_directory(database, examples / name)
    assert report.counts == expected
    assert report.source == name
    assert all(p.severity == "warning" for p in report.problems)
    stored = table_counts(database)
    assert {t: stored[t] for t in expected} == expected
    assert stored["directory_import"] == 1


def test_the_official_csv_folder_imports_with_its_oddities_reported(
    examples: Path, database: Database
) -> None:
    report = import_directory(database, examples / "csv")
    assert report.counts == ALL_TABLES_ONE
    problems = report.problems
    assert report.warning_count == len(problems) and all(p.severity == "warning" for p in problems)

    _find(problems, file="locations.csv", field="latitude", text="latitude 100 is outside")
    assert _find(problems, file="locations.csv", field="latitude", text="not used").row == 2
    _find(problems, file="organizations.csv", field="tax_status", text="placeholder")
    _find(problems, file="services.csv", field="fees", text="'fees_description' looks like")
    _find(problems, file="attributes.csv", field="link_type", text="placeholder")
    _find(problems, file="attributes.csv", field="link_entity", text="is not kept")
    _find(problems, file="phones.csv", field="number", text="wrapped in quotes")
    # Dangling optional links: dropped with a warning each.
    _find(problems, file="locations.csv", field="organization_id", text="link is dropped")
    _find(problems, file="organizations.csv", field="parent_organization_id", text="dropped")
    _find(problems, file="contacts.csv", field="organization_id", text="dropped")
    _find(problems, file="taxonomy_terms.csv", field="parent_id", text="dropped")
    _find(problems, file="taxonomy_terms.csv", field="taxonomy_id", text="dropped")
    for table in NOT_KEPT:
        matches = [p for p in problems if f"does not keep HSDS {table} records" in p.message]
        assert len(matches) == 1, table
    _find(problems, file="datapackage.json", field=None, text="not a JSON data package")

    with database.session() as session:
        location = session.exec(select(Location)).scalars().one()
        phone = session.exec(select(Phone)).scalars().one()
        service = session.exec(select(Service)).scalars().one()
    assert (location.latitude, location.longitude) == (None, None)  # both dropped together
    assert location.organization_id is None
    assert phone.number == "+44 1234 234567"
    assert (service.wait_time, service.fees, service.minimum_age) == (None, None, 12)


def test_json_problems_name_the_json_path(examples: Path, database: Database) -> None:
    problems = import_directory(database, examples / "service_full.json").problems
    where = "service_full.json, service_at_locations[0].location"
    _find(problems, file=where, field="latitude", text="latitude 100")
    _find(problems, file="service_full.json, phones[0]", field="number", text="quotes")
    _find(problems, file="service_full.json", field="wait_time", text="placeholder")


def test_the_nested_forms_give_the_same_rows_as_the_csv_folder(
    examples: Path, tmp_path: Path, database: Database
) -> None:
    """Nested records take their links from the records that hold them: the phone that
    service_full.json repeats under its service, location, contact, service_at_location
    and organization becomes one row, the same as the one of phones.csv."""
    import_directory(database, examples / "csv")
    with database.session() as session:
        from_csv = session.exec(select(Phone)).scalars().one().model_dump()
    import_directory(database, examples / "service_full.json")  # same ids: updates
    with database.session() as session:
        from_json = session.exec(select(Phone)).scalars().one().model_dump()
    assert from_json == from_csv
    assert table_counts(database)["phone"] == 1


def test_the_official_examples_have_no_errors(examples: Path) -> None:
    for path in [examples / "csv", *sorted(examples.glob("*_full.json"))]:
        assert [p for p in validate_directory(path) if p.severity == "error"] == [], path


@pytest.mark.parametrize("inner", ["", "hsds/"])
def test_a_zip_of_the_csv_folder_at_its_root_or_in_one_folder(
    examples: Path, tmp_path: Path, database: Database, inner: str
) -> None:
    archive = tmp_path / "directory.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted((examples / "csv").iterdir()):
            zipped.write(path, inner + path.name)
        zipped.writestr("__MACOSX/._services.csv", b"\x00\x05")  # what macOS adds
    report = import_directory(database, archive)
    assert report.counts == ALL_TABLES_ONE
    assert report.source == "directory.zip"
    _find(
        report.problems,
        file=f"directory.zip/{inner}locations.csv",
        field="latitude",
        text="latitude 100",
    )


def test_the_csv_folder_without_its_datapackage(
    examples: Path, tmp_path: Path, database: Database
) -> None:
    folder = shutil.copytree(examples / "csv", tmp_path / "csv")
    (folder / "datapackage.json").unlink()
    report = import_directory(database, folder)
    assert report.counts == ALL_TABLES_ONE
    assert not [p for p in report.problems if p.file == "datapackage.json"]
