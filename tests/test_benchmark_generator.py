"""The benchmark directory generator: sizes, determinism, HSDS validity, and that it imports."""

import csv
import importlib.util
import json
import sys
import uuid
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from intake.problems import InputError
from intake.store import Database
from intake.taxonomy import CONTRACT_FEATURE_CODES, CONTRACT_PATHWAYS, CONTRACT_TYPE_CODES

REPO = Path(__file__).resolve().parents[1]
SCHEMA_DIR = REPO / "resources" / "hsds" / "schema"
EXAMPLE_CSV = REPO.parent / "shared" / "hsds" / "examples" / "csv"
TERM_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "intake:taxonomy")

SERVICES = 200
LOCATIONS = 50
SEED = 7


def _load_generator() -> ModuleType:
    path = REPO / "benchmarks" / "generate_directory.py"
    spec = importlib.util.spec_from_file_location("generate_directory", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_directory", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


generator = _load_generator()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("benchmark") / "directory"
    counts = generator.generate(out, services=SERVICES, locations=LOCATIONS, seed=SEED)
    return out, counts


def _resources(folder: Path) -> list[dict[str, Any]]:
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return package["resources"]


def _rows(folder: Path, file_name: str) -> list[dict[str, str]]:
    with (folder / file_name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _table(folder: Path, table: str) -> list[dict[str, str]]:
    (resource,) = [r for r in _resources(folder) if r["name"] == table]
    return _rows(folder, resource["path"])


def test_sizes_follow_the_request(generated: tuple[Path, dict[str, int]]) -> None:
    folder, counts = generated
    assert counts["service"] == SERVICES
    assert counts["organization"] == SERVICES // 4
    assert counts["location"] == counts["address"] == LOCATIONS
    assert counts["schedule"] == counts["cost_option"] == SERVICES
    assert counts["taxonomy"] == 1
    assert SERVICES <= counts["phone"] <= 2 * SERVICES
    assert 3.0 * SERVICES <= counts["attribute"] <= 5.0 * SERVICES
    for resource in _resources(folder):
        assert len(_rows(folder, resource["path"])) == counts[resource["name"]], resource["name"]


def test_the_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        generator.generate(tmp_path / name, services=40, locations=10, seed=seed)
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    services = "services.csv"
    assert (tmp_path / "a" / services).read_bytes() != (tmp_path / "c" / services).read_bytes()


@pytest.mark.skipif(not EXAMPLE_CSV.is_dir(), reason="the official HSDS examples are not here")
def test_file_names_and_columns_are_those_of_the_official_example(
    generated: tuple[Path, dict[str, int]],
) -> None:
    folder, _ = generated
    for resource in _resources(folder):
        with (EXAMPLE_CSV / resource["path"]).open(encoding="utf-8", newline="") as handle:
            expected = next(csv.reader(handle))
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == expected, resource["path"]
        assert [f["name"] for f in resource["schema"]["fields"]] == expected


def _typed(schema: dict[str, Any], row: dict[str, str]) -> dict[str, Any]:
    """A CSV row as the JSON schema sees it: numbers converted, empty cells dropped."""
    typed: dict[str, Any] = {}
    for name, text in row.items():
        if text == "":
            continue
        number = schema["properties"][name].get("type") == "number"
        typed[name] = float(text) if number else text
    return typed


def _datapackage_type_problems(schema: dict[str, Any], row: dict[str, Any]) -> list[str]:
    """The date, time and datetime fields parse as ISO 8601."""
    parsers = {"date": date.fromisoformat, "time": time.fromisoformat}
    parsers["datetime"] = datetime.fromisoformat
    problems = []
    for name, value in row.items():
        kind = schema["properties"][name].get("datapackage_type")
        try:
            if kind in parsers:
                parsers[kind](value)
        except ValueError:
            problems.append(f"{name}={value!r} is not an ISO {kind}")
    return problems


def _row_problems(
    validator: Draft202012Validator, schema: dict[str, Any], row: dict[str, str]
) -> list[str]:
    typed = _typed(schema, row)
    problems = [error.message for error in validator.iter_errors(typed)]
    for name in (*schema.get("required", ()), *schema.get("tabular_required", ())):
        if name not in typed:
            problems.append(f"{name} is required")
    return problems + _datapackage_type_problems(schema, typed)


def test_every_row_validates_against_the_hsds_table_schemas(
    generated: tuple[Path, dict[str, int]],
) -> None:
    folder, _ = generated
    failures = []
    for resource in _resources(folder):
        schema = json.loads((SCHEMA_DIR / f"{resource['name']}.json").read_text(encoding="utf-8"))
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        for number, row in enumerate(_rows(folder, resource["path"]), start=2):
            for problem in _row_problems(validator, schema, row):
                failures.append(f"{resource['path']} row {number}: {problem}")
    assert failures[:10] == []


def _ids(folder: Path, table: str) -> set[str]:
    return {row["id"] for row in _table(folder, table)}


def test_every_link_points_at_a_row(generated: tuple[Path, dict[str, int]]) -> None:
    folder, _ = generated
    for resource in _resources(folder):
        rows = _rows(folder, resource["path"])
        for key in resource["schema"].get("foreignKeys", []):
            targets = _ids(folder, key["reference"]["resource"])
            dangling = {r[key["fields"]] for r in rows if r[key["fields"]]} - targets
            assert not dangling, f"{resource['name']}.{key['fields']}"
    services = _ids(folder, "service")
    attributes = _table(folder, "attribute")
    assert {a["link_id"] for a in attributes} <= services
    assert {a["link_entity"] for a in attributes} == {"service"}


def test_the_intake_taxonomy_has_every_contract_code_with_uuid5_ids(
    generated: tuple[Path, dict[str, int]],
) -> None:
    folder, _ = generated
    (taxonomy,) = _table(folder, "taxonomy")
    assert taxonomy["name"] == "intake"
    assert taxonomy["id"] == str(uuid.uuid5(TERM_NAMESPACE, "intake"))
    terms = _table(folder, "taxonomy_term")
    for term in terms:
        assert term["id"] == str(uuid.uuid5(TERM_NAMESPACE, term["code"])), term["code"]
        assert term["taxonomy_id"] == taxonomy["id"]
    codes = {term["code"] for term in terms}
    assert set(CONTRACT_PATHWAYS) | set(CONTRACT_TYPE_CODES) | set(CONTRACT_FEATURE_CODES) <= codes


def _codes_by_service(folder: Path) -> Iterator[list[str]]:
    code_of = {term["id"]: term["code"] for term in _table(folder, "taxonomy_term")}
    by_service: dict[str, list[str]] = {row["id"]: [] for row in _table(folder, "service")}
    for attribute in _table(folder, "attribute"):
        by_service[attribute["link_id"]].append(code_of[attribute["taxonomy_term_id"]])
    yield from by_service.values()


def test_every_service_has_a_pathway_type_and_places_are_in_the_contiguous_us(
    generated: tuple[Path, dict[str, int]],
) -> None:
    folder, _ = generated
    for codes in _codes_by_service(folder):
        assert 1 <= sum(1 for c in codes if c.split(".")[0] in CONTRACT_PATHWAYS) <= 3
    for location in _table(folder, "location"):
        assert 25.0 <= float(location["latitude"]) <= 49.0
        assert -124.0 <= float(location["longitude"]) <= -67.0


def test_the_directory_imports_without_errors(
    generated: tuple[Path, dict[str, int]], database: Database
) -> None:
    hsds = pytest.importorskip("intake.directory.hsds")
    folder, counts = generated
    try:
        report = hsds.import_directory(database, folder)
    except InputError as exc:
        pytest.fail(f"the import refused the generated directory:\n{str(exc)[:3000]}")
    assert [str(p) for p in report.problems] == []
    for table in ("organization", "service", "location", "attribute"):
        assert dict(report.counts).get(table) == counts[table], table
