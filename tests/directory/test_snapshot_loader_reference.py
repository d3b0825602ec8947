"""The snapshot loader as it was before it was made faster (a frozen copy, not a test).

tests/directory/test_snapshot_loader.py checks that the loader gives exactly what this
one gave: same services, same order, same fields. Do not change this file along with
the loader; it is the reference.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select
from sqlalchemy import select as sa_select
from sqlmodel import SQLModel, select

from intake.directory.snapshot import DirectorySnapshot, Place, ServiceView
from intake.store.db import Database
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
    TaxonomyTerm,
)
from intake.store.records_tables import DirectoryImport
from intake.taxonomy import TAXONOMY_NAME, IntakeTaxonomy, load_taxonomy

_DAYS = {"MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri", "SA": "Sat", "SU": "Sun"}


def load_snapshot_before(
    database: Database, taxonomy: IntakeTaxonomy | None = None
) -> DirectorySnapshot:
    """Every service in the store, with what matching and the browser show about it."""
    taxonomy = taxonomy or load_taxonomy()
    with database.engine.connect() as conn:
        version = _version(conn)
        organizations = dict(conn.execute(select(Organization.id, Organization.name)).all())
        codes, other_terms = _terms_by_service(conn, taxonomy)
        places = _places_by_service(conn)
        phones = _phones_by_service(conn)
        languages = _group(conn.execute(select(Language.service_id, Language.code)).all())
        schedules = _schedules_by_service(conn)
        costs = _costs_by_service(conn)
        rows = conn.execute(select(Service).order_by(Service.name, Service.id)).mappings().all()
    services = tuple(
        _service_view(
            row, organizations, codes, other_terms, places, phones, languages, schedules, costs
        )
        for row in rows
    )
    return DirectorySnapshot(version=version, services=services)


def _service_view(
    row: Any,
    organizations: dict[str, str],
    codes: dict[str, set[str]],
    other_terms: dict[str, list[str]],
    places: dict[str, list[Place]],
    phones: dict[str, list[str]],
    languages: dict[str, list[Any]],
    schedules: dict[str, list[str]],
    costs: dict[str, list[str]],
) -> ServiceView:
    sid = row["id"]
    return ServiceView(
        id=sid,
        name=row["name"],
        organization_id=row["organization_id"] or "",
        organization_name=organizations.get(row["organization_id"], ""),
        description=row["description"] or "",
        status=row["status"] or "active",
        codes=frozenset(codes.get(sid, ())),
        other_terms=tuple(sorted(set(other_terms.get(sid, ())))),
        minimum_age=row["minimum_age"],
        maximum_age=row["maximum_age"],
        languages=_language_codes(languages.get(sid, ())),
        places=tuple(places.get(sid, ())),
        phones=tuple(dict.fromkeys(phones.get(sid, ()))),
        url=row["url"] or "",
        email=row["email"] or "",
        schedule="; ".join(dict.fromkeys(schedules.get(sid, ()))),
        fees_description=row["fees_description"] or "",
        eligibility_description=row["eligibility_description"] or "",
        application_process=row["application_process"] or "",
        wait_time=row["wait_time"] or "",
        alert=row["alert"] or "",
        assured_date=row["assured_date"] or "",
        costs=tuple(costs.get(sid, ())),
    )


def _version(conn: Any) -> str:
    last = conn.execute(
        select(DirectoryImport.id, DirectoryImport.imported_at)
        .order_by(DirectoryImport.id.desc())  # type: ignore[union-attr]
        .limit(1)
    ).first()
    if last is None:
        return "empty"
    return f"import-{last.id}@{last.imported_at:%Y-%m-%dT%H:%M:%SZ}"


def _columns(model: type[SQLModel], *names: str) -> Select[Any]:
    """A Core select of some columns of a table (SQLModel's typed select stops at four)."""
    table = model.__table__  # type: ignore[attr-defined]
    return sa_select(*(table.c[name] for name in names))


def _group(pairs: Iterable[tuple[Any, Any]]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for key, value in pairs:
        if key is not None and value is not None:
            grouped[key].append(value)
    return grouped


def _terms_by_service(
    conn: Any, taxonomy: IntakeTaxonomy
) -> tuple[dict[str, set[str]], dict[str, list[str]]]:
    """Known `intake` codes per service, and names of other taxonomies' terms."""
    terms = {
        row.id: row
        for row in conn.execute(
            _columns(TaxonomyTerm, "id", "code", "name", "taxonomy", "taxonomy_id")
        )
    }
    codes: dict[str, set[str]] = defaultdict(set)
    others: dict[str, list[str]] = defaultdict(list)
    links = conn.execute(
        select(Attribute.link_id, Attribute.taxonomy_term_id).where(
            Attribute.link_entity == "service"
        )
    )
    for service_id, term_id in links:
        term = terms.get(term_id)
        if term is None or service_id is None:
            continue
        if _is_intake_term(term, taxonomy):
            if taxonomy.is_known(term.code or ""):
                codes[service_id].add(term.code)
        else:
            others[service_id].append(term.name)
    return codes, others


def _is_intake_term(term: Any, taxonomy: IntakeTaxonomy) -> bool:
    return term.taxonomy_id == taxonomy.taxonomy_id or term.taxonomy == TAXONOMY_NAME


def _places_by_service(conn: Any) -> dict[str, list[Place]]:
    addresses: dict[str, str] = {}
    rows = conn.execute(
        _columns(
            Address,
            "location_id",
            "address_1",
            "address_2",
            "city",
            "state_province",
            "postal_code",
            "address_type",
        ).order_by(Address.location_id, Address.id)
    )
    for row in sorted(rows, key=lambda r: r.address_type != "physical"):
        # Stable sort: a physical address wins over a postal one (a PO box is no place to go).
        addresses.setdefault(row.location_id, _one_line(row))
    locations = {
        row.id: row
        for row in conn.execute(
            _columns(Location, "id", "name", "latitude", "longitude", "transportation")
        )
    }
    places: dict[str, list[Place]] = defaultdict(list)
    links = conn.execute(
        select(ServiceAtLocation.service_id, ServiceAtLocation.location_id).order_by(
            ServiceAtLocation.service_id, ServiceAtLocation.id
        )
    )
    for service_id, location_id in links:
        location = locations.get(location_id)
        if location is None:
            continue
        address = addresses.get(location_id, "")
        point = None
        if location.latitude is not None and location.longitude is not None:
            point = (location.latitude, location.longitude)
        places[service_id].append(
            Place(
                location_id=location_id,
                name=location.name or "",
                address=address,
                point=point,
                confidential=not address,
                transportation=location.transportation or "",
            )
        )
    return places


def _one_line(row: Any) -> str:
    street = ", ".join(part for part in (row.address_1, row.address_2) if part)
    region = " ".join(part for part in (row.state_province, row.postal_code) if part)
    return ", ".join(part for part in (street, row.city, region) if part)


def _phones_by_service(conn: Any) -> dict[str, list[str]]:
    phones: dict[str, list[str]] = defaultdict(list)
    rows = conn.execute(
        select(Phone.service_id, Phone.number, Phone.extension)
        .where(Phone.service_id.is_not(None))  # type: ignore[union-attr]
        .order_by(Phone.service_id, Phone.id)
    )
    for service_id, number, extension in rows:
        phones[service_id].append(f"{number} ext. {extension}" if extension else number)
    return phones


def _schedules_by_service(conn: Any) -> dict[str, list[str]]:
    schedules: dict[str, list[str]] = defaultdict(list)
    rows = conn.execute(
        _columns(Schedule, "service_id", "description", "byday", "opens_at", "closes_at")
        .where(Schedule.service_id.is_not(None))  # type: ignore[union-attr]
        .order_by(Schedule.service_id, Schedule.id)
    )
    for row in rows:
        text = _schedule_text(row)
        if text:
            schedules[row.service_id].append(text)
    return schedules


def _schedule_text(row: Any) -> str:
    if row.description:
        return str(row.description)
    days = ", ".join(
        _DAYS.get(day.strip().upper(), day.strip())
        for day in (row.byday or "").split(",")
        if day.strip()
    )
    hours = "-".join(_hhmm(t) for t in (row.opens_at, row.closes_at) if t)
    return " ".join(part for part in (days, hours) if part)


def _hhmm(value: str) -> str:
    return value[:5]


def _costs_by_service(conn: Any) -> dict[str, list[str]]:
    costs: dict[str, list[str]] = defaultdict(list)
    rows = conn.execute(
        select(CostOption.service_id, CostOption.option, CostOption.amount, CostOption.currency)
        .where(CostOption.service_id.is_not(None))  # type: ignore[union-attr]
        .order_by(CostOption.service_id, CostOption.id)
    )
    for service_id, option, amount, currency in rows:
        costs[service_id].append(_cost_text(option, amount, currency))
    return costs


def _cost_text(option: str | None, amount: float | None, currency: str | None) -> str:
    if amount is None:
        return option or ""
    price = "Free" if amount == 0 else f"{amount:g} {(currency or '').upper()}".strip()
    if not option or option.strip().lower() == price.lower():
        return price
    return f"{option}: {price}"


def _language_codes(codes: Iterable[Any]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(code).strip().lower() for code in codes if str(code).strip()))
