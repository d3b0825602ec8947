"""Export: valid HSDS 3.0, deterministic, byte-identical round trips, written atomically."""

import csv
import filecmp
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import referencing
from hsds_samples import COMPILED_SERVICE, SMALL, SMALL_COUNTS, build_directory
from jsonschema import Draft202012Validator

from intake.directory import hsds_export
from intake.directory.hsds import export_directory, import_directory
from intake.paths import resource_path
from intake.problems import InputError
from intake.store import Database, open_database

SCHEMAS = resource_path("hsds", "schema")
KEPT = (
    "organization",
    "service",
    "location",
    "service_at_location",
    "address",
    "contact",
    "phone",
    "schedule",
    "language",
    "taxonomy",
    "taxonomy_term",
    "attribute",
    "cost_option",
)


@cache
def _schema(table: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{table}.json").read_text(encoding="utf-8"))


@cache
def _registry() -> referencing.Registry:
    resources = [
        (
            path.name,
            referencing.Resource.from_contents(
                json.loads(path.read_text(encoding="utf-8")), referencing.jsonschema.DRAFT202012
            ),
        )
        for path in SCHEMAS.glob("*.json")
    ]
    return referencing.Registry().with_resources(resources)


def _typed(row: dict[str, str], table: str) -> dict[str, Any]:
    """A CSV row as the JSON the table schema describes: empty cells absent, numbers numbers."""
    properties = _schema(table)["properties"]
    typed: dict[str, Any] = {}
    for name, text in row.items():
        if text == "":
            continue
        typed[name] = float(text) if properties[name].get("type") == "number" else text
    return typed


def _assert_valid_hsds_csv(folder: Path) -> dict[str, int]:
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    resources = {r["name"]: r for r in package["resources"]}
    assert sorted(resources) == sorted(KEPT)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["datapackage.json", *(r["path"] for r in resources.values())]
    )
    rows_per_table = {}
    for table, resource in resources.items():
        schema = _schema(table)
        validator = Draft202012Validator(schema, registry=_registry())
        scalars = [
            n
            for n, p in schema["properties"].items()
            if "$ref" not in p and p.get("type") not in ("array", "object")
        ]
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as stream:
            reader = csv.DictReader(stream)
            assert reader.fieldnames == scalars  # every field, in schema order
            assert [f["name"] for f in resource["schema"]["fields"]] == scalars
            rows = list(reader)
        for row in rows:
            errors = [e.message for e in validator.iter_errors(_typed(row, table))]
            assert errors == [], (table, row["id"], errors)
        assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
        rows_per_table[table] = len(rows)
    return rows_per_table


def _listing(folder: Path) -> list[str]:
    """What is in `folder`, bar the test's database files."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("intake.db"))


def _fresh(tmp_path: Path, name: str) -> Database:
    return open_database(f"sqlite:///{tmp_path / name}.db")


def test_the_export_is_valid_hsds(database: Database, tmp_path: Path) -> None:
    import_directory(database, SMALL)
    counts = export_directory(database, tmp_path / "out")
    assert counts == SMALL_COUNTS
    assert _assert_valid_hsds_csv(tmp_path / "out") == SMALL_COUNTS


def test_numbers_are_written_as_given(database: Database, tmp_path: Path) -> None:
    import_directory(database, SMALL)
    export_directory(database, tmp_path / "out")
    with (tmp_path / "out" / "services.csv").open(encoding="utf-8", newline="") as stream:
        ages = {r["id"]: (r["minimum_age"], r["maximum_age"]) for r in csv.DictReader(stream)}
    assert ages["svc-naloxone-1"] == ("12", "")
    assert ages["9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c44"] == ("16.5", "99")
    locations = (tmp_path / "out" / "locations.csv").read_text(encoding="utf-8")
    assert "45.7833,-108.5007" in locations
    costs = (tmp_path / "out" / "cost_options.csv").read_text(encoding="utf-8")
    assert ",0," in costs and ",25.5," in costs and ".0," not in costs


def _round_trip(source: Path, tmp_path: Path) -> tuple[Path, Path]:
    first_db, second_db = _fresh(tmp_path, "first"), _fresh(tmp_path, "second")
    try:
        import_directory(first_db, source)
        export_directory(first_db, tmp_path / "first")
        import_directory(second_db, tmp_path / "first")
        export_directory(second_db, tmp_path / "second")
    finally:
        first_db.dispose()
        second_db.dispose()
    return tmp_path / "first", tmp_path / "second"


def _assert_identical(first: Path, second: Path) -> None:
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert len(match) == 14


def test_import_export_import_export_is_byte_identical(tmp_path: Path) -> None:
    _assert_identical(*_round_trip(SMALL, tmp_path))


def test_the_official_example_round_trips_byte_identically(examples: Path, tmp_path: Path) -> None:
    first, second = _round_trip(examples / "csv", tmp_path)
    _assert_identical(first, second)
    _assert_valid_hsds_csv(first)


def test_an_empty_directory_exports_headers_only(database: Database, tmp_path: Path) -> None:
    assert set(export_directory(database, tmp_path / "out").values()) == {0}
    assert set(_assert_valid_hsds_csv(tmp_path / "out").values()) == {0}


def test_a_non_empty_folder_is_only_replaced_with_force(database: Database, tmp_path: Path) -> None:
    import_directory(database, SMALL)
    target = tmp_path / "out"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        export_directory(database, target)
    assert "not empty" in refused.value.problems[0].message
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]

    export_directory(database, target, force=True)
    assert not (target / "notes.txt").exists()
    assert (target / "services.csv").exists()
    assert _listing(tmp_path) == ["out"]  # nothing left over


def test_an_empty_folder_is_used(database: Database, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    export_directory(database, tmp_path / "out")
    assert (tmp_path / "out" / "datapackage.json").exists()


def test_a_failure_half_way_leaves_nothing(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_directory(database, SMALL)
    original = hsds_export._write_table

    def fail_on_phones(connection: Any, table: Any, folder: Path) -> int:
        if table.name == "phone":
            raise OSError("disk full")
        return original(connection, table, folder)

    monkeypatch.setattr(hsds_export, "_write_table", fail_on_phones)
    with pytest.raises(OSError):
        export_directory(database, tmp_path / "out")
    assert _listing(tmp_path) == []

    previous = tmp_path / "previous"
    previous.mkdir()
    (previous / "services.csv").write_text("old", encoding="utf-8")
    with pytest.raises(OSError):
        export_directory(database, previous, force=True)
    assert (previous / "services.csv").read_text(encoding="utf-8") == "old"
    assert _listing(tmp_path) == ["previous"]


def test_the_json_export_is_a_list_page_of_nested_services(
    database: Database, tmp_path: Path
) -> None:
    import_directory(database, SMALL)
    target = tmp_path / "directory.json"
    counts = export_directory(database, target, format="json")
    page = json.loads(target.read_text(encoding="utf-8"))
    assert {k: page[k] for k in ("total_items", "total_pages", "page_number", "size")} == {
        "total_items": 3,
        "total_pages": 1,
        "page_number": 1,
        "size": 3,
    }
    assert (page["first_page"], page["last_page"], page["empty"]) == (True, True, False)
    naloxone = next(s for s in page["contents"] if s["id"] == "svc-naloxone-1")
    assert naloxone["minimum_age"] == 12 and "maximum_age" not in naloxone  # no nulls, no 12.0
    assert naloxone["organization"]["name"] == "Yellowstone Harm Reduction Project"
    assert [p["id"] for p in naloxone["phones"]] == ["phone-1"]
    assert naloxone["phones"][0]["languages"][0]["code"] == "es"
    location = naloxone["service_at_locations"][0]["location"]
    assert location["addresses"][0]["city"] == "Billings"
    assert {a["taxonomy_term"]["code"] for a in naloxone["attributes"]} == {
        "harm_reduction.naloxone",
        "payment.free",
    }
    assert naloxone["attributes"][0]["taxonomy_term"]["taxonomy_detail"]["name"] == "intake"
    assert counts["service"] == 3 and counts["organization"] == 2


def test_the_json_export_validates_against_the_compiled_schema(
    database: Database, tmp_path: Path
) -> None:
    if not COMPILED_SERVICE.exists():
        pytest.skip("the compiled HSDS schemas (../shared/hsds) are not beside this checkout")
    schema = json.loads(COMPILED_SERVICE.read_text(encoding="utf-8"))
    import_directory(database, SMALL)
    export_directory(database, tmp_path / "directory.json", format="json")
    page = json.loads((tmp_path / "directory.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    for service in page["contents"]:
        assert [e.message for e in validator.iter_errors(service)] == []


def test_the_json_export_imports_back_and_is_deterministic(
    database: Database, tmp_path: Path
) -> None:
    """What services reach survives: a second round gives the same bytes. (The first
    round loses what no service reaches, here a location no service is at and the parent
    of a term, so its link is dropped on the way back in.)"""
    import_directory(database, SMALL)
    export_directory(database, tmp_path / "a.json", format="json")
    export_directory(database, tmp_path / "b.json", format="json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()

    second, third = _fresh(tmp_path, "second"), _fresh(tmp_path, "third")
    try:
        report = import_directory(second, tmp_path / "a.json")
        export_directory(second, tmp_path / "c.json", format="json")
        import_directory(third, tmp_path / "c.json")
        export_directory(third, tmp_path / "d.json", format="json")
    finally:
        second.dispose()
        third.dispose()
    assert report.counts == {**SMALL_COUNTS, "location": 2, "taxonomy_term": 6}
    assert [p.field for p in report.problems] == ["parent_id"]
    assert (tmp_path / "d.json").read_bytes() == (tmp_path / "c.json").read_bytes()


def test_the_json_export_never_overwrites_without_force(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "directory.json"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError):
        export_directory(database, target, format="json")
    assert target.read_text(encoding="utf-8") == "keep me"

    def broken(self: Any, stream: Any) -> None:
        stream.write("{ half")
        raise OSError("disk full")

    monkeypatch.setattr(hsds_export._Nester, "write_page", broken)
    with pytest.raises(OSError):
        export_directory(database, target, format="json", force=True)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert _listing(tmp_path) == ["directory.json"]


def test_an_unknown_format(database: Database, tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        export_directory(database, tmp_path / "out", format="xml")
    assert refused.value.problems[0].field == "--format"


def test_exporting_after_warnings_drops_what_was_not_used(
    database: Database, tmp_path: Path
) -> None:
    import_directory(database, build_directory(tmp_path / "d", "implausible"))
    export_directory(database, tmp_path / "out")
    rows = _assert_valid_hsds_csv(tmp_path / "out")
    assert rows["attribute"] == SMALL_COUNTS["attribute"] - 1
    assert ",100," not in (tmp_path / "out" / "locations.csv").read_text(encoding="utf-8")
