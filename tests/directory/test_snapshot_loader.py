"""The snapshot loader gives exactly what the loader before it gave (a frozen copy in
test_snapshot_loader_reference.py): the same services in the same order, field by field,
on the demo directory, a generated one, and a small one full of odd rows."""

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from test_snapshot_loader_reference import load_snapshot_before

from intake.directory.hsds import import_directory
from intake.directory.snapshot import DirectorySnapshot
from intake.directory.snapshot_loader import load_snapshot
from intake.paths import resource_path
from intake.store import Database, open_database
from intake.store.directory_tables import (
    Address,
    Attribute,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from intake.store.records_tables import DirectoryImport
from intake.taxonomy import TAXONOMY_NAME, load_taxonomy, term_id_of

REPO = Path(__file__).resolve().parents[2]
GENERATED_SERVICES = 5_000


def generator_module() -> ModuleType:
    path = REPO / "benchmarks" / "generate_directory.py"
    spec = importlib.util.spec_from_file_location("generate_directory", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_directory", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'intake.db'}")
    import_directory(database, resource_path("demo"))
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def generated_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("generated")
    generator_module().generate(
        folder / "csv", services=GENERATED_SERVICES, locations=GENERATED_SERVICES // 4
    )
    database = open_database(f"sqlite:///{folder / 'intake.db'}")
    import_directory(database, folder / "csv")
    yield database
    database.dispose()


def assert_same(new: DirectorySnapshot, old: DirectorySnapshot) -> None:
    """Equal snapshots, and on a difference the first service that differs, by field."""
    assert new.version == old.version
    assert [s.id for s in new.services] == [s.id for s in old.services]
    for a, b in zip(new.services, old.services, strict=True):
        assert a == b, {
            name: (getattr(a, name), getattr(b, name))
            for name in a.__slots__
            if getattr(a, name) != getattr(b, name)
        }
    assert new == old


def test_the_demo_directory_loads_as_before(demo_database: Database) -> None:
    old = load_snapshot_before(demo_database)
    assert len(old) > 50
    assert_same(load_snapshot(demo_database), old)


def test_a_generated_directory_loads_as_before(generated_database: Database) -> None:
    old = load_snapshot_before(generated_database)
    assert len(old) == GENERATED_SERVICES
    assert_same(load_snapshot(generated_database), old)


def test_an_empty_directory_loads_as_before(database: Database) -> None:
    assert_same(load_snapshot(database), load_snapshot_before(database))
    assert load_snapshot(database).version == "empty"


# --- a small directory of odd rows, written straight into the tables ------------------------


def odd_rows() -> list[object]:
    """Rows the importer may never write, but a store could hold: the loader's corners."""
    taxonomy = load_taxonomy()
    intake_id = taxonomy.taxonomy_id
    rows: list[object] = [
        Organization(id="org-1", name="First org"),
        Organization(id="org-2", name="Second org"),
        Taxonomy(id=intake_id, name=TAXONOMY_NAME),
        Taxonomy(id="tax-other", name="AIRS"),
        # An intake term found by taxonomy id, one by taxonomy name, one the taxonomy does
        # not know, and terms of another taxonomy (names kept, sorted, once).
        TaxonomyTerm(
            id=term_id_of("harm_reduction.naloxone"),
            code="harm_reduction.naloxone",
            name="Naloxone",
            taxonomy_id=intake_id,
        ),
        TaxonomyTerm(id="t-free", code="payment.free", name="Free", taxonomy=TAXONOMY_NAME),
        TaxonomyTerm(
            id="t-unknown", code="harm_reduction.no_such", name="?", taxonomy_id=intake_id
        ),
        TaxonomyTerm(id="t-airs-1", code="BD-1800", name="Food Pantries", taxonomy_id="tax-other"),
        TaxonomyTerm(id="t-airs-2", code=None, name="Crisis Lines", taxonomy="AIRS"),
        Service(id="svc-b", organization_id="org-1", name="Same name", status="", url=None),
        Service(
            id="svc-a",
            organization_id="org-2",
            name="Same name",
            description="A description",
            minimum_age=18,
            maximum_age=64.5,
            alert="Closed Fridays",
            assured_date="2025-01-02",
            fees_description="Fees",
            eligibility_description="Adults",
            application_process="Walk in",
            wait_time="None",
            email="a@example.org",
            url="https://example.org",
        ),
        Service(id="svc-c", organization_id="org-1", name="Another", status="inactive"),
        Location(id="loc-1", name="Main", latitude=45.78, longitude=-108.5, transportation="Bus 4"),
        Location(id="loc-2", name=None, latitude=None, longitude=-108.4),
        Location(id="loc-3", name="Postal only", latitude=46.0, longitude=-108.0),
        Address(
            id="adr-1b",
            location_id="loc-1",
            address_1="1 Main St",
            address_2="Suite 2",
            city="Billings",
            state_province="MT",
            postal_code="59101",
            country="US",
        ),
        Address(
            id="adr-1a",
            location_id="loc-1",
            address_1="PO Box 9",
            city="Billings",
            state_province="MT",
            postal_code="59103",
            country="US",
            address_type="postal",
        ),
        Address(
            id="adr-3",
            location_id="loc-3",
            address_1="PO Box 3",
            city="Laurel",
            country="US",
            address_type="postal",
        ),
        ServiceAtLocation(id="sal-2", service_id="svc-a", location_id="loc-2"),
        ServiceAtLocation(id="sal-1", service_id="svc-a", location_id="loc-1"),
        ServiceAtLocation(id="sal-3", service_id="svc-b", location_id="loc-3"),
        Phone(id="ph-2", service_id="svc-a", number="406-555-0102", extension=12),
        Phone(id="ph-1", service_id="svc-a", number="406-555-0101"),
        Phone(id="ph-3", service_id="svc-a", number="406-555-0101"),
        Phone(id="ph-4", location_id="loc-1", number="406-555-0199"),
        Phone(id="ph-5", service_id="svc-b", number="406-555-0105", extension=0),
        Schedule(
            id="sch-1",
            service_id="svc-a",
            byday="MO, TU,xx",
            opens_at="09:00:00",
            closes_at="17:00",
        ),
        Schedule(id="sch-2", service_id="svc-a", description="Closed on holidays"),
        Schedule(id="sch-3", service_id="svc-a", description="Closed on holidays"),
        Schedule(id="sch-4", service_id="svc-a"),
        Schedule(id="sch-5", location_id="loc-1", description="Location hours"),
        Language(id="lang-1", service_id="svc-a", code=" ES "),
        Language(id="lang-2", service_id="svc-a", code="en"),
        Language(id="lang-3", service_id="svc-a", code="es"),
        Language(id="lang-4", service_id="svc-a", code=" "),
        Language(id="lang-5", service_id="svc-a", code=None, name="Tagalog"),
        CostOption(
            id="co-1", service_id="svc-a", option="Sliding scale", amount=25, currency="usd"
        ),
        CostOption(id="co-2", service_id="svc-a", amount=0),
        CostOption(id="co-3", service_id="svc-a", option="free", amount=0.0),
        CostOption(id="co-4", service_id="svc-a", option="Call us"),
        CostOption(id="co-5", service_id="svc-a"),
        CostOption(id="co-6", service_id="svc-b", option="Fee", amount=10.5),
        DirectoryImport(source="odd rows", counts={"service": 3}),
    ]
    links = [
        ("svc-a", term_id_of("harm_reduction.naloxone")),
        ("svc-a", "t-free"),
        ("svc-a", "t-unknown"),
        ("svc-a", "t-airs-2"),
        ("svc-a", "t-airs-1"),
        ("svc-a", "t-airs-2"),
        ("svc-b", "t-airs-1"),
        ("svc-c", "t-free"),
    ]
    rows += [
        Attribute(id=f"attr-{n}", link_id=sid, link_entity="service", taxonomy_term_id=tid)
        for n, (sid, tid) in enumerate(links)
    ]
    rows.append(
        Attribute(id="attr-loc", link_id="loc-1", link_entity="location", taxonomy_term_id="t-free")
    )
    return rows


def test_odd_rows_load_as_before(database: Database) -> None:
    with database.session() as session:
        for row in odd_rows():
            session.add(row)
            session.flush()  # in order: the rows point at the ones before them
    old = load_snapshot_before(database)
    assert_same(load_snapshot(database), old)
    first = old.get("svc-a")
    assert first is not None and first.codes == {"harm_reduction.naloxone", "payment.free"}
    assert first.other_terms == ("Crisis Lines", "Food Pantries")


def test_the_loader_reads_only_columns_the_store_has() -> None:
    """The loader names the store's columns in plain table clauses (no ORM classes)."""
    from sqlalchemy.types import NullType
    from sqlmodel import SQLModel

    from intake.directory.snapshot_loader import _TABLES

    for clause in _TABLES:
        table = SQLModel.metadata.tables[clause.name]
        for column in clause.columns:
            assert column.name in table.columns, f"{clause.name}.{column.name}"
            if not isinstance(column.type, NullType):  # typed: converted as the store does
                assert type(table.columns[column.name].type) is type(column.type)


@pytest.mark.postgres
def test_the_demo_directory_loads_as_before_on_postgresql(postgres_database: Database) -> None:
    import_directory(postgres_database, resource_path("demo"))
    old = load_snapshot_before(postgres_database)
    assert old.version.startswith("import-")
    # Names sort by the server's collation in both: the same order, whatever it is.
    assert_same(load_snapshot(postgres_database), old)
