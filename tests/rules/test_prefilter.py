"""A plan made from the services loaded for one intake (snapshot_loader.plan_from_directory:
load_snapshot_for + complete_plan) is the plan over the whole directory, to the byte of
its JSON: on the demo directory and a generated one, for every example intake at
several postal codes and distance limits, on random small directories (hypothesis), and
on PostgreSQL."""

import csv
import dataclasses
import importlib.util
import json
import math
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rulekit import BILLINGS, BUNDLED_RULES, EXAMPLES, TODAY
from sqlalchemy import delete, insert
from test_properties import FEATURES, TYPES, intake_data

from intake.cli import main
from intake.directory.hsds import import_directory
from intake.directory.snapshot import DirectorySnapshot
from intake.directory.snapshot_loader import (
    load_snapshot,
    load_snapshot_for,
    plan_from_directory,
)
from intake.geo import distance_km
from intake.intake_model import Intake, parse_intake
from intake.paths import resource_path
from intake.rules import RuleSet, load_rules, make_plan
from intake.rules.ruleset import Limits
from intake.store import Database, open_database
from intake.store.directory_tables import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from intake.store.records_tables import DirectoryImport
from intake.taxonomy import TAXONOMY_NAME, load_taxonomy, term_id_of

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
RULES = load_rules(BUNDLED_RULES)
# Limits low enough that every list is cut: which services are listed then matters.
TIGHT = dataclasses.replace(RULES, limits=Limits(1, 2, 1, 365))
# Billings (the demo's town), a village 25 km away, New York, Anchorage (far from all).
DEMO_POSTAL_CODES = ("59101", "59044", "10001", "99501")
DISTANCES: tuple[float | None, ...] = (None, 2.0, 40.0, 700.0)  # None: the intake's own
EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.glob("*.json"))


def example_at(name: str, postal_code: str | None, max_km: float | None) -> Intake:
    data = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    if postal_code is not None:
        data["client"]["postal_code"] = postal_code
    if max_km is not None:
        data.setdefault("preferences", {})["max_distance_km"] = max_km
    return parse_intake(data, today=TODAY)


def assert_same_plan(
    database: Database, full: DirectorySnapshot, intake: Intake, rules: RuleSet, cache: Path
) -> DirectorySnapshot:
    """The plans as JSON, equal; the prefiltered snapshot, for more checks."""
    expected = make_plan(intake, full, rules, today=TODAY, now=NOW).to_json()
    got = plan_from_directory(database, intake, rules, today=TODAY, now=NOW, cache_dir=cache)
    assert got.to_json() == expected
    snapshot = load_snapshot_for(database, intake, rules, today=TODAY, cache_dir=cache)
    assert snapshot.version == full.version
    assert {s.id for s in snapshot.services} <= {s.id for s in full.services}
    assert 0 <= snapshot.left_out <= len(full) - len(snapshot)
    return snapshot


# --- the demo directory and a generated one --------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DirectorySnapshot]]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'intake.db'}")
    import_directory(database, resource_path("demo"))
    yield database, load_snapshot(database)
    database.dispose()


def generator_module() -> ModuleType:
    path = REPO / "benchmarks" / "generate_directory.py"
    spec = importlib.util.spec_from_file_location("generate_directory", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_directory", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Database, DirectorySnapshot, tuple[str, ...]]]:
    """5,000 services around US cities, and postal codes of some of their places."""
    folder = tmp_path_factory.mktemp("generated")
    generator_module().generate(folder / "csv", services=5_000, locations=1_250)
    database = open_database(f"sqlite:///{folder / 'intake.db'}")
    import_directory(database, folder / "csv")
    with (folder / "csv" / "addresses.csv").open(encoding="utf-8", newline="") as file:
        codes = sorted({row["postal_code"] for row in csv.DictReader(file)})
    yield database, load_snapshot(database), tuple(codes[:: max(1, len(codes) // 3)][:3])
    database.dispose()


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_every_example_plans_alike_on_the_demo_directory(
    name: str, demo: tuple[Database, DirectorySnapshot], tmp_path: Path
) -> None:
    database, full = demo
    for postal_code in DEMO_POSTAL_CODES:
        for max_km in DISTANCES:
            intake = example_at(name, postal_code, max_km)
            assert_same_plan(database, full, intake, RULES, tmp_path)
    assert_same_plan(database, full, example_at(name, "59101", 3.0), TIGHT, tmp_path)


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_every_example_plans_alike_on_a_generated_directory(
    name: str, generated: tuple[Database, DirectorySnapshot, tuple[str, ...]], tmp_path: Path
) -> None:
    database, full, postal_codes = generated
    for postal_code in (*postal_codes, "59101", "99501"):
        for max_km in (None, 10.0, 80.0):
            intake = example_at(name, postal_code, max_km)
            assert_same_plan(database, full, intake, RULES, tmp_path)
    assert_same_plan(database, full, example_at(name, postal_codes[0], 30.0), TIGHT, tmp_path)


def test_a_near_client_loads_a_small_part_of_a_big_directory(
    generated: tuple[Database, DirectorySnapshot, tuple[str, ...]], tmp_path: Path
) -> None:
    database, full, postal_codes = generated
    intake = example_at("unhoused_injecting_fentanyl_safety.json", postal_codes[0], 5.0)
    snapshot = assert_same_plan(database, full, intake, RULES, tmp_path)
    assert len(snapshot) < len(full) / 3
    assert snapshot.left_out > len(full) / 2


def test_without_a_place_or_a_limit_the_whole_directory_loads(
    demo: tuple[Database, DirectorySnapshot], tmp_path: Path
) -> None:
    database, full = demo
    for intake in (
        example_at("minimal_alias_only.json", None, None),  # no postal code
        example_at("unknown_postal_code_tobacco_alcohol.json", None, 20.0),
        parse_intake({"client": {"name": "A", "postal_code": "59101"}, "goals": ["safety"]}),
    ):
        snapshot = assert_same_plan(database, full, intake, RULES, tmp_path)
        assert snapshot == full


# --- the safety net beyond the limit: the search widens past services kept out ------------


def test_the_nearest_usable_safety_net_beyond_the_limit_is_found_past_nearer_kept_out_ones(
    database: Database, tmp_path: Path
) -> None:
    write_directory(
        database,
        [
            # The nearest naloxone is for women only: kept out for a man, not kept for safety.
            place_service("women", ["harm_reduction.naloxone", "population.women"], (80, 0)),
            # The nearest he can use: two at one place (a tie, by name), far beyond the limit.
            place_service("tie-b", ["harm_reduction.naloxone"], (0, 900), name="Beta"),
            place_service("tie-a", ["harm_reduction.naloxone"], (0, 900), name="Alpha"),
            place_service("farther", ["harm_reduction.naloxone"], (-2500, 0)),
            place_service("near", ["basic_needs.food"], (1, 0)),
        ],
    )
    full = load_snapshot(database)
    intake = opioid_user_at("59101", 10.0)
    snapshot = assert_same_plan(database, full, intake, RULES, tmp_path)
    assert {s.id for s in snapshot.services} == {"near", "tie-a", "tie-b"}
    assert snapshot.left_out == 2
    plan = plan_from_directory(database, intake, RULES, today=TODAY, cache_dir=tmp_path)
    rescued = [r for p in plan.pathways for r in p.referrals if r.safety_net]
    assert [r.service_id for r in rescued] == ["tie-a"]
    assert (
        plan.excluded_not_listed == make_plan(intake, full, RULES, today=TODAY).excluded_not_listed
    )


def opioid_user_at(postal_code: str, max_km: float, gender: str = "man") -> Intake:
    return parse_intake(
        {
            "client": {"name": "A", "gender": gender, "postal_code": postal_code},
            "goals": ["safety"],
            "substances": [{"substance": "opioids", "frequency": "daily"}],
            "preferences": {"max_distance_km": max_km},
        },
        today=TODAY,
    )


def test_a_service_in_a_corner_of_the_box_searched_is_not_taken_for_the_nearest(
    database: Database, tmp_path: Path
) -> None:
    # Searched boxes hold circles: 15 km, then 60 km. "corner" lies in the 60 km box but
    # 78 km away; "east", 70 km away, is outside it, and is the nearest.
    write_directory(
        database,
        [
            place_service("corner", ["harm_reduction.naloxone"], (55, 55)),
            place_service("east", ["harm_reduction.naloxone"], (0, 70)),
        ],
    )
    full = load_snapshot(database)
    snapshot = assert_same_plan(database, full, opioid_user_at("59101", 10.0), RULES, tmp_path)
    assert {s.id for s in snapshot.services} == {"east"}


def test_a_client_by_the_antimeridian_or_a_pole_finds_the_places_across(
    database: Database, tmp_path: Path
) -> None:
    # Adak (ZIP 99546) is at 176.6 degrees west: "across" lies 4.8 degrees of longitude
    # west of it, over the 180th meridian; "east" 6.7 degrees east. Utqiagvik (99723) is
    # 2,000 km from "pole".
    write_directory(
        database,
        [
            place_service("across", ["harm_reduction.naloxone"], point=(51.88, 178.5)),
            place_service("east", ["harm_reduction.naloxone"], point=(51.88, -170.0)),
            place_service("pole", ["harm_reduction.naloxone"], point=(89.9, 10.0)),
        ],
    )
    full = load_snapshot(database)
    adak = assert_same_plan(database, full, opioid_user_at("99546", 30.0), RULES, tmp_path)
    assert {s.id for s in adak.services} == {"across"}
    for postal_code, max_km in (("99546", 400.0), ("99723", 2000.0), ("99723", 10.0)):
        assert_same_plan(database, full, opioid_user_at(postal_code, max_km), RULES, tmp_path)


# --- random small directories ------------------------------------------------------------------

ORIGIN_OFFSETS = st.one_of(
    st.tuples(st.integers(-60, 60), st.integers(-60, 60)),  # around the client
    st.tuples(st.integers(-3000, 3000), st.integers(-3000, 3000)),  # anywhere in a country
)


@st.composite
def random_services(draw: st.DrawFn) -> list[dict[str, Any]]:
    found = []
    for n in range(draw(st.integers(1, 14))):
        ages = draw(st.sampled_from(((None, None), (18.0, None), (12.0, 17.0), (None, 64.0))))
        found.append(
            {
                "id": f"s{n}",
                "name": draw(st.sampled_from(("Alpha", "Beta", "Gamma"))),
                "status": draw(st.sampled_from(("active",) * 5 + ("inactive",))),
                "codes": draw(st.lists(st.sampled_from(TYPES), min_size=1, max_size=2))
                + draw(st.lists(st.sampled_from(FEATURES), max_size=3)),
                "ages": ages,
                "languages": draw(st.lists(st.sampled_from(("en", "es", "vi")), max_size=2)),
                "offsets": draw(st.lists(ORIGIN_OFFSETS, max_size=2)),
            }
        )
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(services=random_services(), data=intake_data, tight=st.booleans())
def test_random_directories_and_intakes_plan_alike(
    database: Database,
    tmp_path: Path,
    services: list[dict[str, Any]],
    data: dict[str, Any],
    tight: bool,
) -> None:
    write_directory(
        database,
        [
            place_service(
                s["id"],
                s["codes"],
                *s["offsets"],
                name=s["name"],
                status=s["status"],
                ages=s["ages"],
                languages=s["languages"],
            )
            for s in services
        ],
    )
    intake = parse_intake(data, today=TODAY)
    assert_same_plan(database, load_snapshot(database), intake, TIGHT if tight else RULES, tmp_path)


# --- the command, its cache, and PostgreSQL -------------------------------------------------------


def test_intake_match_prints_the_plan_over_the_whole_directory(
    demo: tuple[Database, DirectorySnapshot], capsys: pytest.CaptureFixture[str]
) -> None:
    database, full = demo
    name = "unhoused_injecting_fentanyl_safety.json"
    url = database.engine.url.render_as_string(hide_password=False)
    for _ in range(2):  # the second reads the cache the first wrote
        code = main(
            ["--database", url, "match", "--intake", str(EXAMPLES / name), "--format", "json",
             "--today", TODAY.isoformat()]
        )  # fmt: skip
        out, err = capsys.readouterr()
        assert code == 0, err
        got = json.loads(out)
        expected = json.loads(
            make_plan(example_at(name, None, None), full, RULES, today=TODAY).to_json()
        )
        assert {k: v for k, v in got.items() if k != "generated_at"} == {
            k: v for k, v in expected.items() if k != "generated_at"
        }


def test_a_new_import_or_a_damaged_cache_file_is_never_served(
    database: Database, tmp_path: Path
) -> None:
    intake = example_at("unhoused_injecting_fentanyl_safety.json", "59101", 5.0)
    write_directory(
        database, [place_service("online", ["harm_reduction.naloxone", "format.online"], (800, 0))]
    )
    assert_same_plan(database, load_snapshot(database), intake, RULES, tmp_path)
    (cached,) = tmp_path.glob("directory-*.pickle")
    write_directory(
        database, [place_service("phone", ["crisis.overdose_spotting", "format.phone"])]
    )
    snapshot = assert_same_plan(database, load_snapshot(database), intake, RULES, tmp_path)
    assert [s.id for s in snapshot.services] == ["phone"]
    cached.write_bytes(b"\x80\x05not a pickle")
    assert_same_plan(database, load_snapshot(database), intake, RULES, tmp_path)
    # A file that would make objects of a class is refused, not run.
    cached.write_bytes(b"cos\nsystem\n(S'echo planted'\ntR.")
    assert_same_plan(database, load_snapshot(database), intake, RULES, tmp_path)


@pytest.mark.postgres
def test_the_prefiltered_loader_runs_on_postgresql(
    postgres_database: Database, tmp_path: Path
) -> None:
    import_directory(postgres_database, resource_path("demo"))
    full = load_snapshot(postgres_database)
    for name in ("unhoused_injecting_fentanyl_safety.json", "pregnant_opioids_reduced_use.json"):
        for postal_code, max_km in (("59101", None), ("59101", 3.0), ("10001", 20.0)):
            intake = example_at(name, postal_code, max_km)
            assert_same_plan(postgres_database, full, intake, RULES, tmp_path)


# --- writing a small directory straight into the store --------------------------------------------

KM_PER_DEGREE = 2 * math.pi * 6371.0088 / 360


def place_service(
    service_id: str,
    codes: list[str],
    *offsets: tuple[float, float],
    point: tuple[float, float] | None = None,
    name: str | None = None,
    status: str = "active",
    ages: tuple[float | None, float | None] = (None, None),
    languages: list[str] | None = None,
) -> dict[str, Any]:
    """A service with places at (km north, km east) of Billings, or at `point`."""
    points = [point] if point is not None else [_offset(n, e) for n, e in offsets]
    return {
        "id": service_id,
        "name": name or service_id,
        "status": status,
        "codes": sorted(set(codes)),
        "ages": ages,
        "languages": languages or [],
        "points": points,
    }


def _offset(north_km: float, east_km: float) -> tuple[float, float]:
    lat = max(-89.0, min(89.0, BILLINGS[0] + north_km / KM_PER_DEGREE))
    lon = BILLINGS[1] + east_km / (KM_PER_DEGREE * math.cos(math.radians(lat)))
    return (lat, (lon + 180) % 360 - 180)


def write_directory(database: Database, services: list[dict[str, Any]]) -> None:
    """Replace the directory with these services, as a new import (a new version)."""
    taxonomy = load_taxonomy()
    tables = [Attribute, Language, Address, ServiceAtLocation, Location, Service, Organization]
    with database.engine.begin() as conn:
        for model in tables:
            conn.execute(delete(model))
        if not conn.execute(Taxonomy.__table__.select()).first():  # type: ignore[attr-defined]
            conn.execute(insert(Taxonomy).values(id=taxonomy.taxonomy_id, name=TAXONOMY_NAME))
            conn.execute(
                insert(TaxonomyTerm),
                [
                    {"id": term_id_of(code), "code": code, "name": term.label,
                     "taxonomy_id": taxonomy.taxonomy_id}
                    for code, term in taxonomy.terms.items()
                ],
            )  # fmt: skip
        conn.execute(insert(Organization).values(id="org", name="Org"))
        for s in services:
            conn.execute(
                insert(Service).values(
                    id=s["id"], organization_id="org", name=s["name"], status=s["status"],
                    minimum_age=s["ages"][0], maximum_age=s["ages"][1],
                )
            )  # fmt: skip
            for n, (lat, lon) in enumerate(s["points"]):
                location = f"{s['id']}-loc{n}"
                conn.execute(insert(Location).values(id=location, latitude=lat, longitude=lon))
                conn.execute(insert(Address).values(id=location, location_id=location, city="X"))
                conn.execute(
                    insert(ServiceAtLocation).values(
                        id=location, service_id=s["id"], location_id=location
                    )
                )
            for n, code in enumerate(s["codes"]):
                conn.execute(
                    insert(Attribute).values(
                        id=f"{s['id']}-a{n}", link_id=s["id"], link_entity="service",
                        taxonomy_term_id=term_id_of(code),
                    )
                )  # fmt: skip
            for n, language in enumerate(s["languages"]):
                conn.execute(
                    insert(Language).values(id=f"{s['id']}-l{n}", service_id=s["id"], code=language)
                )
        conn.execute(
            insert(DirectoryImport).values(source="test", counts={"service": len(services)})
        )


def test_the_writer_places_services_where_asked() -> None:
    assert distance_km(BILLINGS, _offset(100, 0)) == pytest.approx(100, rel=1e-3)
    assert distance_km(BILLINGS, _offset(0, 100)) == pytest.approx(100, rel=1e-2)
