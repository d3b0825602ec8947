"""Reading the directory from the store into a `DirectorySnapshot`.

Two ways in:

- `load_snapshot(database)`: every service, for browsing and for plans that need them all.
  A fixed handful of bulk queries (one per table, plain columns, no ORM objects), grouped
  in memory: never one query per service.
- `load_snapshot_for(database, intake, rules, today=...)`: only the services a plan for
  this intake can show or must weigh (see "Loading for one intake" below); with
  `complete_plan`, the plan is exactly the plan over the whole directory. A one-shot
  command (`intake match`, `intake record`) uses it through `plan_from_directory`.
"""

import bisect
import contextlib
import dataclasses
import gc
import hashlib
import logging
import math
import os
import pickle
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Connection,
    Select,
    and_,
    case,
    exists,
    func,
    or_,
)
from sqlalchemy import select as sa_select
from sqlalchemy.sql import TableClause, column, table
from sqlmodel.sql.sqltypes import UTCDateTime

from intake.directory.snapshot import DirectorySnapshot, Place, ServiceView
from intake.geo import EARTH_RADIUS_KM, Point, point_for_postal_code
from intake.store.db import Database, safe_url
from intake.taxonomy import TAXONOMY_NAME, IntakeTaxonomy, load_taxonomy

if TYPE_CHECKING:
    from intake.intake_model import Intake
    from intake.rules import ReferralPlan, RuleSet
    from intake.rules.fields import IntakeFacts
    from intake.rules.ruleset import SafetyRule

log = logging.getLogger(__name__)

_DAYS = {"MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri", "SA": "Sat", "SU": "Sun"}
# Services asked for by id go in chunks: a few hundred bound values suit every database.
_CHUNK = 500
_NO_CODES: frozenset[str] = frozenset()
# Which services to read: all (None), these ids, or those a query gives.
_Keys = Sequence[str] | Select[Any] | None


# The store's tables (intake.store.directory_tables), as plain table clauses naming only
# the columns read here: building the ORM classes would cost a command a tenth of its time.
# A test checks every name against the store's own tables.
def _table(name: str, *columns: str, **typed: Any) -> TableClause:
    return table(name, *(column(c) for c in columns), *(column(c, t) for c, t in typed.items()))


_SERVICE = _table(  # in the order _Reader._views unpacks them
    "service",
    "id",
    "name",
    "organization_id",
    "description",
    "status",
    "minimum_age",
    "maximum_age",
    "url",
    "email",
    "fees_description",
    "eligibility_description",
    "application_process",
    "wait_time",
    "alert",
    "assured_date",
)
_ORGANIZATION = _table("organization", "id", "name")
_LOCATION = _table("location", "id", "name", "latitude", "longitude", "transportation")
_AT_LOCATION = _table("service_at_location", "id", "service_id", "location_id")
_ADDRESS = _table(
    "address",
    "id",
    "location_id",
    "address_1",
    "address_2",
    "city",
    "state_province",
    "postal_code",
    "address_type",
)
_PHONE = _table("phone", "id", "service_id", "number", "extension")
_SCHEDULE = _table("schedule", "id", "service_id", "description", "byday", "opens_at", "closes_at")
_LANGUAGE = _table("language", "service_id", "code")
_COST = _table("cost_option", "id", "service_id", "option", "amount", "currency")
_TERM = _table("taxonomy_term", "id", "code", "name", "taxonomy", "taxonomy_id")
_ATTRIBUTE = _table("attribute", "link_id", "link_entity", "taxonomy_term_id")
_IMPORT = _table(
    "directory_import", "id", "source", "warnings", imported_at=UTCDateTime(), counts=JSON()
)
_TABLES = (
    _SERVICE,
    _ORGANIZATION,
    _LOCATION,
    _AT_LOCATION,
    _ADDRESS,
    _PHONE,
    _SCHEDULE,
    _LANGUAGE,
    _COST,
    _TERM,
    _ATTRIBUTE,
    _IMPORT,
)


def load_snapshot(database: Database, taxonomy: IntakeTaxonomy | None = None) -> DirectorySnapshot:
    """Every service in the store, with what matching and the browser show about it."""
    taxonomy = taxonomy or load_taxonomy()
    with database.engine.connect() as conn:
        version = _version(conn)
        services = _Reader(conn, taxonomy).views(None)
    return DirectorySnapshot(version=version, services=tuple(services))


def _version(conn: Connection) -> str:
    last = conn.execute(
        sa_select(_IMPORT.c.id, _IMPORT.c.imported_at).order_by(_IMPORT.c.id.desc()).limit(1)
    ).first()
    if last is None:
        return "empty"
    return f"import-{last.id}@{last.imported_at:%Y-%m-%dT%H:%M:%SZ}"


# --- reading services ---------------------------------------------------------------------


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector off while reading: it would walk every object made so far again
    and again (a third of the time of a national directory), and none of them can form a
    cycle; garbage of other threads waits until the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Reader:
    """Builds ServiceViews from plain rows: of every service (ids None), or of some, asked
    for by id. The order of every list inside a view is the database's, by the rows' ids."""

    def __init__(self, conn: Connection, taxonomy: IntakeTaxonomy) -> None:
        self.conn = conn
        # term id -> (True, intake code) or (False, another taxonomy's term name); decided
        # once per term (a few dozen), not once per attribute (hundreds of thousands).
        self.terms: dict[str, tuple[bool, str]] = {}
        for term in conn.execute(
            sa_select(_TERM.c.id, _TERM.c.code, _TERM.c.name, _TERM.c.taxonomy, _TERM.c.taxonomy_id)
        ).all():
            if term.taxonomy_id == taxonomy.taxonomy_id or term.taxonomy == TAXONOMY_NAME:
                if taxonomy.is_known(term.code or ""):
                    self.terms[term.id] = (True, term.code)
            else:
                self.terms[term.id] = (False, term.name)

    def term_ids(self, codes: Iterable[str]) -> list[str]:
        """The ids of the terms carrying these intake codes."""
        wanted = set(codes)
        return sorted(
            tid for tid, (is_code, code) in self.terms.items() if is_code and code in wanted
        )

    def rows(self, stmt: Select[Any], column: Any, keys: _Keys) -> Iterator[Any]:
        """The statement's rows, for every key (None) or for these keys of `column`: a list
        (asked in chunks) or a query giving them (asked once, computed by the database)."""
        if keys is None:
            yield from self.conn.execute(stmt).all()
        elif isinstance(keys, Select):
            yield from self.conn.execute(stmt.where(column.in_(keys))).all()
        else:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                yield from self.conn.execute(stmt.where(column.in_(chunk))).all()

    def views(self, ids: Collection[str] | Select[Any] | None) -> list[ServiceView]:
        """Every service (in (name, id) order), or these services (in no set order): ids
        as a collection, or as a query giving them."""
        keys: _Keys = ids if ids is None or isinstance(ids, Select) else sorted(ids)
        with _collector_paused():
            return self._views(keys)

    def _views(self, keys: _Keys) -> list[ServiceView]:
        services = list(
            self.rows(
                sa_select(*_SERVICE.c).order_by(_SERVICE.c.name, _SERVICE.c.id),
                _SERVICE.c.id,
                keys,
            )
        )
        if isinstance(keys, list):
            keys = [s.id for s in services]  # only those that exist
        organizations = self._organizations(
            None if keys is None else sorted({s.organization_id for s in services} - {None})
        )
        codes, others = self._terms_by_service(keys)
        places = self._places_by_service(keys)
        phones = self._phones_by_service(keys)
        languages = self._languages_by_service(keys)
        schedules = self._schedules_by_service(keys)
        costs = self._costs_by_service(keys)
        # Rows unpacked, not read by attribute name: ten times faster per value.
        return [
            ServiceView(
                id=sid,
                name=name,
                organization_id=organization_id or "",
                organization_name=organizations.get(organization_id, ""),
                description=description or "",
                status=status or "active",
                codes=codes.get(sid, _NO_CODES),
                other_terms=others.get(sid, ()),
                minimum_age=minimum_age,
                maximum_age=maximum_age,
                languages=languages.get(sid, ()),
                places=places.get(sid, ()),
                phones=phones.get(sid, ()),
                url=url or "",
                email=email or "",
                schedule=schedules.get(sid, ""),
                fees_description=fees_description or "",
                eligibility_description=eligibility_description or "",
                application_process=application_process or "",
                wait_time=wait_time or "",
                alert=alert or "",
                assured_date=assured_date or "",
                costs=costs.get(sid, ()),
            )
            for (
                sid,
                name,
                organization_id,
                description,
                status,
                minimum_age,
                maximum_age,
                url,
                email,
                fees_description,
                eligibility_description,
                application_process,
                wait_time,
                alert,
                assured_date,
            ) in services
        ]

    def _organizations(self, ids: _Keys) -> dict[str, str]:
        stmt = sa_select(_ORGANIZATION.c.id, _ORGANIZATION.c.name)
        return {row.id: row.name for row in self.rows(stmt, _ORGANIZATION.c.id, ids)}

    def _terms_by_service(
        self, ids: _Keys
    ) -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
        """Known `intake` codes per service, and names of other taxonomies' terms."""
        stmt = sa_select(_ATTRIBUTE.c.link_id, _ATTRIBUTE.c.taxonomy_term_id).where(
            _ATTRIBUTE.c.link_entity == "service"
        )
        codes: dict[str, set[str]] = defaultdict(set)
        others: dict[str, set[str]] = defaultdict(set)
        terms = self.terms
        for service_id, term_id in self.rows(stmt, _ATTRIBUTE.c.link_id, ids):
            kind = terms.get(term_id)
            if kind is None or service_id is None:
                continue
            (codes if kind[0] else others)[service_id].add(kind[1])
        # Services mostly share a few sets of codes: one frozenset per distinct set.
        shared: dict[frozenset[str], frozenset[str]] = {}
        frozen = {sid: shared.setdefault(fs := frozenset(s), fs) for sid, s in codes.items()}
        return frozen, {sid: tuple(sorted(names)) for sid, names in others.items()}

    def _places_by_service(self, ids: _Keys) -> dict[str, tuple[Place, ...]]:
        links = list(
            self.rows(
                sa_select(_AT_LOCATION.c.service_id, _AT_LOCATION.c.location_id).order_by(
                    _AT_LOCATION.c.service_id, _AT_LOCATION.c.id
                ),
                _AT_LOCATION.c.service_id,
                ids,
            )
        )
        location_ids = None if ids is None else sorted({link.location_id for link in links})
        places = self._places(location_ids)  # one Place per location, shared by its services
        by_service: dict[str, list[Place]] = defaultdict(list)
        for service_id, location_id in links:
            found = places.get(location_id)
            if found is not None:
                by_service[service_id].append(found)
        return {sid: tuple(found) for sid, found in by_service.items()}

    def _places(self, location_ids: Sequence[str] | None) -> dict[str, Place]:
        addresses = self._addresses(location_ids)
        stmt = sa_select(
            _LOCATION.c.id,
            _LOCATION.c.name,
            _LOCATION.c.latitude,
            _LOCATION.c.longitude,
            _LOCATION.c.transportation,
        )
        places: dict[str, Place] = {}
        for row in self.rows(stmt, _LOCATION.c.id, location_ids):
            address = addresses.get(row.id, "")
            point = None
            if row.latitude is not None and row.longitude is not None:
                point = (row.latitude, row.longitude)
            places[row.id] = Place(
                location_id=row.id,
                name=row.name or "",
                address=address,
                point=point,
                confidential=not address,
                transportation=row.transportation or "",
            )
        return places

    def _addresses(self, location_ids: Sequence[str] | None) -> dict[str, str]:
        """One line per location: its first physical address, else its first other one
        (a PO box is no place to go)."""
        not_physical = case((_ADDRESS.c.address_type == "physical", 0), else_=1)
        stmt = sa_select(
            _ADDRESS.c.location_id,
            _ADDRESS.c.address_1,
            _ADDRESS.c.address_2,
            _ADDRESS.c.city,
            _ADDRESS.c.state_province,
            _ADDRESS.c.postal_code,
        ).order_by(_ADDRESS.c.location_id, not_physical, _ADDRESS.c.id)
        addresses: dict[str, str] = {}
        for row in self.rows(stmt, _ADDRESS.c.location_id, location_ids):
            if row.location_id not in addresses:
                addresses[row.location_id] = _one_line(row)
        return addresses

    def _phones_by_service(self, ids: _Keys) -> dict[str, tuple[str, ...]]:
        stmt = (
            sa_select(_PHONE.c.service_id, _PHONE.c.number, _PHONE.c.extension)
            .where(_PHONE.c.service_id.is_not(None))
            .order_by(_PHONE.c.service_id, _PHONE.c.id)
        )
        phones: dict[str, dict[str, None]] = defaultdict(dict)  # an ordered set per service
        for service_id, number, extension in self.rows(stmt, _PHONE.c.service_id, ids):
            phones[service_id][f"{number} ext. {extension}" if extension else number] = None
        return {sid: tuple(numbers) for sid, numbers in phones.items()}

    def _languages_by_service(self, ids: _Keys) -> dict[str, tuple[str, ...]]:
        # In the database's own order, as imported: the directory's order of languages
        # (an id order would shuffle "en, es" by the rows' random ids).
        stmt = sa_select(_LANGUAGE.c.service_id, _LANGUAGE.c.code)
        codes: dict[str, dict[str, None]] = defaultdict(dict)
        for service_id, code in self.rows(stmt, _LANGUAGE.c.service_id, ids):
            if service_id is None or code is None:
                continue
            text = str(code).strip()
            if text:
                codes[service_id][text.lower()] = None
        return {sid: tuple(found) for sid, found in codes.items()}

    def _schedules_by_service(self, ids: _Keys) -> dict[str, str]:
        stmt = (
            sa_select(
                _SCHEDULE.c.service_id,
                _SCHEDULE.c.description,
                _SCHEDULE.c.byday,
                _SCHEDULE.c.opens_at,
                _SCHEDULE.c.closes_at,
            )
            .where(_SCHEDULE.c.service_id.is_not(None))
            .order_by(_SCHEDULE.c.service_id, _SCHEDULE.c.id)
        )
        schedules: dict[str, dict[str, None]] = defaultdict(dict)
        for service_id, description, byday, opens_at, closes_at in self.rows(
            stmt, _SCHEDULE.c.service_id, ids
        ):
            text = _schedule_text(description, byday, opens_at, closes_at)
            if text:
                schedules[service_id][text] = None
        return {sid: "; ".join(texts) for sid, texts in schedules.items()}

    def _costs_by_service(self, ids: _Keys) -> dict[str, tuple[str, ...]]:
        stmt = (
            sa_select(_COST.c.service_id, _COST.c.option, _COST.c.amount, _COST.c.currency)
            .where(_COST.c.service_id.is_not(None))
            .order_by(_COST.c.service_id, _COST.c.id)
        )
        costs: dict[str, list[str]] = defaultdict(list)
        for service_id, option, amount, currency in self.rows(stmt, _COST.c.service_id, ids):
            costs[service_id].append(_cost_text(option, amount, currency))
        return {sid: tuple(texts) for sid, texts in costs.items()}


def _one_line(row: Any) -> str:
    street = ", ".join(part for part in (row.address_1, row.address_2) if part)
    region = " ".join(part for part in (row.state_province, row.postal_code) if part)
    return ", ".join(part for part in (street, row.city, region) if part)


def _schedule_text(
    description: str | None, byday: str | None, opens_at: str | None, closes_at: str | None
) -> str:
    if description:
        return str(description)
    days = ", ".join(
        _DAYS.get(day.strip().upper(), day.strip())
        for day in (byday or "").split(",")
        if day.strip()
    )
    hours = "-".join(t[:5] for t in (opens_at, closes_at) if t)
    return " ".join(part for part in (days, hours) if part)


def _cost_text(option: str | None, amount: float | None, currency: str | None) -> str:
    if amount is None:
        return option or ""
    price = "Free" if amount == 0 else f"{amount:g} {(currency or '').upper()}".strip()
    if not option or option.strip().lower() == price.lower():
        return price
    return f"{option}: {price}"


# --- loading for one intake -----------------------------------------------------------------
#
# A plan over the whole directory looks at three kinds of services (engine.py):
# 1. those with a place within 1.5x the client's distance limit: referred, or listed as
#    kept out (the nearest few beyond the limit too);
# 2. those no distance keeps out, wherever they are: no place on the map (phone lines,
#    online programs) or offered remotely (the rules' `remote` codes);
# 3. for each safety rule with no service the client can use in 1 or 2, the nearest one
#    beyond the limit that the client could use, kept with a caution.
# Every other service is beyond the limit, so kept out for distance: a plan only counts
# them ("kept out and not listed here: N more"). The loader reads 1 and 3 with queries on
# the area around the client, counts the others (`DirectorySnapshot.left_out`), and keeps
# 2 with that count in a cache file rebuilt when the directory changes: in a national
# directory 2 is a tenth of the services, too many to read per plan. Nothing here
# depends on the client but 1 and 3, so the cache serves every intake.


def plan_from_directory(
    database: Database,
    intake: "Intake",
    rules: "RuleSet",
    *,
    today: date,
    now: datetime | None = None,
    cache_dir: Path | None = None,
) -> "ReferralPlan":
    """The plan `make_plan` gives over the whole directory, reading only what it needs."""
    from intake.rules import make_plan

    with _collector_paused():  # one collection at the end, not one per step
        snapshot = load_snapshot_for(database, intake, rules, today=today, cache_dir=cache_dir)
        plan = make_plan(intake, snapshot, rules, today=today, now=now)
    return complete_plan(plan, snapshot, rules)


def load_snapshot_for(
    database: Database,
    intake: "Intake",
    rules: "RuleSet",
    *,
    today: date,
    cache_dir: Path | None = None,
    taxonomy: IntakeTaxonomy | None = None,
) -> DirectorySnapshot:
    """The services a plan for this intake can show or must weigh (see above).

    Without a postal code we can place, or without a distance limit, every service can
    be in the plan: this is then `load_snapshot` (slower on a big directory). The
    services reachable from anywhere are kept in `cache_dir` (e.g. `default_cache_dir()`);
    without one they are read afresh, from the whole directory, on every call.
    """
    from intake.rules.reach import FARTHER_FACTOR

    taxonomy = taxonomy or load_taxonomy()
    point = point_for_postal_code(intake.client.postal_code)
    max_km = intake.preferences.max_distance_km if intake.preferences else None
    box = None if point is None or max_km is None else _Box.around(point, max_km * FARTHER_FACTOR)
    if point is None or max_km is None or box is None:
        return load_snapshot(database, taxonomy)
    area = _Area(point, max_km, box)
    with database.engine.connect() as conn:
        for _ in range(3):  # an import finishing meanwhile: read again, all from one version
            version = _version(conn)
            snapshot = _for_area(conn, version, area, intake, rules, today, taxonomy, cache_dir)
            if _version(conn) == version:
                break
    return snapshot


def complete_plan(
    plan: "ReferralPlan", snapshot: DirectorySnapshot, rules: "RuleSet"
) -> "ReferralPlan":
    """The plan made over `snapshot`, counting the services the loader left out (all kept
    out for distance) as a plan over the whole directory counts them."""
    if not snapshot.left_out:
        return plan
    text = rules.plan_text.excluded_not_listed
    before = plan.excluded_not_listed
    after = before + snapshot.left_out
    cautions = list(plan.cautions)
    old, new = text(count=f"{before:,}"), text(count=f"{after:,}")
    if before > 0 and old in cautions:
        cautions[cautions.index(old)] = new
    elif new not in cautions:
        cautions.append(new)  # the engine adds it last, when there is a count to give
    return plan.model_copy(update={"excluded_not_listed": after, "cautions": cautions})


def default_cache_dir() -> Path:
    """The user's cache folder of intake (beside the postal code table geo.py keeps)."""
    from intake.paths import data_dir

    return data_dir() / "cache"


@dataclass(frozen=True, slots=True)
class _Box:
    """A latitude/longitude box holding every point within some km of a centre."""

    south: float
    north: float
    west: float  # may be below -180 or east above 180: the box crosses the antimeridian
    east: float

    @classmethod
    def around(cls, center: Point, km: float) -> "_Box | None":
        """None when the box would hold the whole earth."""
        # Angles in radians, a hair wider than the circle, so that rounding in the
        # database never drops a point the engine measures as inside.
        reach = km / EARTH_RADIUS_KM * 1.001 + 1e-7
        if reach >= math.pi:
            return None
        lat = math.radians(center[0])
        south = math.degrees(max(lat - reach, -math.pi / 2))
        north = math.degrees(min(lat + reach, math.pi / 2))
        if lat + reach >= math.pi / 2 or lat - reach <= -math.pi / 2:
            return cls(south, north, -180.0, 180.0)  # a pole inside: every longitude
        # The widest longitude on a circle of angular radius `reach` around `lat`.
        spread = math.degrees(math.asin(min(1.0, math.sin(reach) / math.cos(lat)))) + 1e-7
        return cls(south, north, center[1] - spread, center[1] + spread)

    def holds(self, latitude: Any, longitude: Any) -> ColumnElement[bool]:
        """The SQL condition on two columns, in plain comparisons (any database)."""
        ranges = [
            longitude.between(self.west + shift, self.east + shift)
            for shift in (-360.0, 0.0, 360.0)
            if self.west + shift <= 180 and self.east + shift >= -180
        ]
        return and_(latitude.between(self.south, self.north), or_(*ranges))


_WHOLE_EARTH = _Box(-90.0, 90.0, -180.0, 180.0)


@dataclass(frozen=True, slots=True)
class _Area:
    point: Point
    max_km: float
    box: _Box  # every place within FARTHER_FACTOR x max_km of the point

    @property
    def radius_km(self) -> float:
        from intake.rules.reach import FARTHER_FACTOR

        return self.max_km * FARTHER_FACTOR


def _for_area(
    conn: Connection,
    version: str,
    area: _Area,
    intake: "Intake",
    rules: "RuleSet",
    today: date,
    taxonomy: IntakeTaxonomy,
    cache_dir: Path | None,
) -> DirectorySnapshot:
    reader = _Reader(conn, taxonomy)
    everywhere = _reachable_from_anywhere(conn, version, taxonomy, rules, cache_dir)
    known = {s.id for s in everywhere.services}
    near = [s for s in reader.views(_services_in(area.box)) if s.id not in known]
    rescued = _safety_rescues(reader, [*everywhere.services, *near], area, intake, rules, today)
    extra = {s.id: s for s in (*near, *rescued) if s.id not in known}
    prefixes = _pathway_prefixes(rules)
    # The cached services are all in a pathway; the others are counted here.
    loaded = len(known) + sum(1 for s in extra.values() if _is_classified(s, prefixes))
    if len(extra) < 100:  # the cached ones are in (name, id) order already: insert the few
        services = list(everywhere.services)
        for service in extra.values():
            bisect.insort(services, service, key=_name_order)
    else:
        services = sorted((*everywhere.services, *extra.values()), key=_name_order)
    return DirectorySnapshot(
        version=version, services=tuple(services), left_out=everywhere.classified - loaded
    )


def _name_order(service: ServiceView) -> tuple[str, str]:
    """The order of load_snapshot (SQL's on SQLite) and of the rules' index."""
    return (service.name, service.id)


def _services_in(box: _Box, term_ids: Sequence[str] | None = None) -> Select[Any]:
    """The ids of services with a place in the box (offering one of these terms, if given)."""
    in_box = sa_select(_LOCATION.c.id).where(box.holds(_LOCATION.c.latitude, _LOCATION.c.longitude))
    query = sa_select(_AT_LOCATION.c.service_id).where(_AT_LOCATION.c.location_id.in_(in_box))
    if term_ids is not None:
        query = query.where(
            exists().where(
                _ATTRIBUTE.c.link_entity == "service",
                _ATTRIBUTE.c.link_id == _AT_LOCATION.c.service_id,
                _ATTRIBUTE.c.taxonomy_term_id.in_(term_ids),
            )
        )
    return query


def _pathway_prefixes(rules: "RuleSet") -> tuple[str, ...]:
    return tuple(f"{pathway}." for pathway in rules.pathway_labels)


def _is_classified(service: ServiceView, prefixes: tuple[str, ...]) -> bool:
    """In a pathway of the rules: a service in none is never shown nor counted by a plan."""
    return any(code.startswith(prefixes) for code in service.codes)


# --- 3. the safety net beyond the limit ---------------------------------------------------


def _safety_rescues(
    reader: _Reader,
    services: Sequence[ServiceView],
    area: _Area,
    intake: "Intake",
    rules: "RuleSet",
    today: date,
) -> list[ServiceView]:
    """For each safety rule the plan will apply and cannot meet within reach, the services
    it may keep from beyond the limit: the nearest the client could use (ties included).

    The search widens a box around the client until such a service lies inside the circle
    the box holds, so no nearer one can be missing. It judges services with the engine's
    own classes (index, reach, eligibility), so it keeps what the engine would."""
    from intake.rules.fields import IntakeFacts

    facts = IntakeFacts(intake, today)
    applied = [rule for rule in rules.safety if rule.when.evaluate(facts) is True]
    if not applied:
        return []
    every_offer = frozenset(code for rule in applied for code in rule.offer)
    pool = [s for s in services if not every_offer.isdisjoint(s.codes)]
    judged = _Judged(pool, rules, facts, area)
    found: list[ServiceView] = []
    for rule in applied:
        if judged.usable(rule):
            continue  # the engine refers within reach: nothing comes from beyond
        found += _nearest_beyond(reader, pool, judged, rule, area)
    return found


def _nearest_beyond(
    reader: _Reader,
    candidates: list[ServiceView],
    judged: "_Judged",
    rule: "SafetyRule",
    area: _Area,
) -> list[ServiceView]:
    radius = area.radius_km  # every service within it is loaded already
    term_ids = reader.term_ids(rule.offer)
    offered = frozenset(rule.offer)
    while True:
        least, nearest = judged.nearest_beyond(rule)
        if nearest and least <= radius:
            return nearest  # nothing nearer can be outside the circle searched
        if math.isinf(radius):
            return nearest  # the whole earth searched
        radius *= 4
        box = _Box.around(area.point, radius)
        if box is None:
            box, radius = _WHOLE_EARTH, math.inf
        candidates = [s for s in candidates if not offered.isdisjoint(s.codes)]
        known = {s.id for s in candidates}
        in_box = reader.conn.execute(_services_in(box, term_ids).distinct()).scalars().all()
        new_ids = [sid for sid in in_box if sid not in known]
        candidates += reader.views(new_ids)
        judged = _Judged(candidates, judged.rules, judged.facts, area)


class _Judged:
    """Some services as the engine sees them for this client: kept out or not, far or not."""

    def __init__(
        self, services: Sequence[ServiceView], rules: "RuleSet", facts: "IntakeFacts", area: _Area
    ) -> None:
        from intake.rules.eligibility import Eligibility
        from intake.rules.index import DirectoryIndex
        from intake.rules.reach import measure

        self.rules = rules
        self.facts = facts
        self.area = area
        snapshot = DirectorySnapshot(version="", services=tuple(services))
        self.index = DirectoryIndex(snapshot, rules)
        reach = measure(self.index, area.point, area.max_km, rules.ranking.bands)
        self.eligibility = Eligibility(self.index, rules, facts, reach)

    def usable(self, rule: "SafetyRule") -> bool:
        """Some service offering it that the client can use within reach (engine: eligible)."""
        index, eligibility = self.index, self.eligibility
        eligible = index.classified & ~eligibility.out & ~eligibility.far
        return bool(index.codes_any(rule.offer) & eligible)

    def nearest_beyond(self, rule: "SafetyRule") -> tuple[float, list[ServiceView]]:
        """The least distance of a service offering it that distance alone keeps out, and
        the services at that distance (ties together); (inf, []) if none."""
        from intake.rules.bits import indices
        from intake.rules.index import service_distance

        index, eligibility = self.index, self.eligibility
        bits = index.codes_any(rule.offer) & eligibility.far & ~eligibility.out
        measured = [
            (service_distance(index.services[i], self.area.point) or 0.0, index.services[i])
            for i in indices(bits & index.classified)
        ]
        least = min((km for km, _ in measured), default=math.inf)
        # Equal distances may differ in the last bit between two formulas: keep near-ties.
        return least, [s for km, s in measured if km <= least * (1 + 1e-9) + 1e-9]


# --- 2. reachable from anywhere, kept in a cache file -------------------------------------

_CACHE_FORMAT = 1  # raise it when what the file holds, or how views are made, changes
_SERVICE_FIELDS = tuple(f.name for f in dataclasses.fields(ServiceView))
_PLACE_FIELDS = tuple(f.name for f in dataclasses.fields(Place))
_PLACES_AT = _SERVICE_FIELDS.index("places")


@dataclass(frozen=True, slots=True)
class _Everywhere:
    services: tuple[ServiceView, ...]  # in a pathway, and no distance keeps them out
    classified: int  # services in a pathway, in the whole directory


def _reachable_from_anywhere(
    conn: Connection,
    version: str,
    taxonomy: IntakeTaxonomy,
    rules: "RuleSet",
    cache_dir: Path | None,
) -> _Everywhere:
    remote = frozenset(rules.distance.remote)
    prefixes = _pathway_prefixes(rules)
    url = safe_url(conn.engine.url)
    # Everything the cached services depend on: a change to any of them rebuilds the file.
    key = (
        _CACHE_FORMAT,
        url,
        version,
        _last_import(conn),
        taxonomy.taxonomy_id,
        tuple(sorted(taxonomy.terms)),
        tuple(p.code for p in taxonomy.pathways),
        tuple(sorted(remote)),
        prefixes,
        _SERVICE_FIELDS,
        _PLACE_FIELDS,
    )
    path = None
    if cache_dir is not None:
        digest = hashlib.sha256(url.encode()).hexdigest()[:16]  # one file per database
        path = cache_dir / f"directory-{digest}.pickle"
        cached = _read_cache(path, key)
        if cached is not None:
            return cached
    reader = _Reader(conn, taxonomy)
    # Only the services that may be reachable from anywhere are read, not the whole
    # directory (a national one takes seconds); `_reachable_anywhere` decides exactly.
    query = _maybe_reachable_anywhere(reader.term_ids(remote))
    candidates = reader.views([row[0] for row in conn.execute(query)])  # asked once
    reachable = (
        s for s in candidates if _is_classified(s, prefixes) and _reachable_anywhere(s, remote)
    )
    found = _Everywhere(
        services=tuple(sorted(reachable, key=_name_order)),
        classified=_count_classified(conn, reader, prefixes),
    )
    if path is not None and _version(conn) == version:  # all read from that one version
        _write_cache(path, key, found)
    return found


def _maybe_reachable_anywhere(remote_term_ids: Sequence[str]) -> Select[Any]:
    """The ids of services with no place on the map or with a remote code: every service
    `_reachable_anywhere` keeps, and some it does not."""
    on_map = sa_select(_LOCATION.c.id).where(
        _LOCATION.c.latitude.is_not(None), _LOCATION.c.longitude.is_not(None)
    )
    mapped = sa_select(_AT_LOCATION.c.service_id).where(
        _AT_LOCATION.c.service_id.is_not(None),  # a NULL would make NOT IN match nothing
        _AT_LOCATION.c.location_id.in_(on_map),
    )
    remote = sa_select(_ATTRIBUTE.c.link_id).where(
        _ATTRIBUTE.c.link_entity == "service",
        _ATTRIBUTE.c.taxonomy_term_id.in_(remote_term_ids),
    )
    return sa_select(_SERVICE.c.id).where(
        or_(_SERVICE.c.id.not_in(mapped), _SERVICE.c.id.in_(remote))
    )


def _count_classified(conn: Connection, reader: _Reader, prefixes: tuple[str, ...]) -> int:
    """How many services of the whole directory are in a pathway (`_is_classified`),
    counted by the database."""
    term_ids = sorted(
        tid
        for tid, (is_code, code) in reader.terms.items()
        if is_code and code.startswith(prefixes)
    )
    query = sa_select(func.count(func.distinct(_ATTRIBUTE.c.link_id))).where(
        _ATTRIBUTE.c.link_entity == "service",
        _ATTRIBUTE.c.taxonomy_term_id.in_(term_ids),
        _ATTRIBUTE.c.link_id.in_(sa_select(_SERVICE.c.id)),
    )
    return int(conn.execute(query).scalar_one())


def _reachable_anywhere(service: ServiceView, remote: frozenset[str]) -> bool:
    """No place on the map, or offered remotely: no distance limit keeps it out."""
    if not remote.isdisjoint(service.codes):
        return True
    return all(place.point is None for place in service.places)


def _last_import(conn: Connection) -> tuple[Any, ...]:
    """The newest import in full: with the version, it tells one directory from another
    that a new database at the same address might hold."""
    row = conn.execute(
        sa_select(_IMPORT.c.id, _IMPORT.c.source, _IMPORT.c.counts, _IMPORT.c.warnings)
        .order_by(_IMPORT.c.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return ()
    return (row.id, row.source, tuple(sorted((row.counts or {}).items())), row.warnings)


class _PlainUnpickler(pickle.Unpickler):
    """Plain data only (tuples, strings, numbers, frozensets): the file can make no object
    of any class, so a damaged or planted file cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


def _read_cache(path: Path, key: tuple[Any, ...]) -> _Everywhere | None:
    try:
        with path.open("rb") as file, _collector_paused():
            stored_key, classified, rows = _PlainUnpickler(file).load()
            if stored_key != key:
                return None
            return _Everywhere(services=tuple(_views_of(rows)), classified=classified)
    except FileNotFoundError:
        return None
    except Exception as exc:  # damaged or from another version: rebuilt
        log.info("directory cache %s not used (%s)", path.name, type(exc).__name__)
        return None


def _views_of(rows: Iterable[tuple[Any, ...]]) -> Iterator[ServiceView]:
    # Equal places are one object in the file (see _plain_rows): made into Places once.
    places: dict[int, tuple[Place, ...]] = {}
    for row in rows:
        values = list(row)
        plain = values[_PLACES_AT]
        own = places.get(id(plain))
        if own is None:
            own = places[id(plain)] = tuple(Place(*p) for p in plain)
        values[_PLACES_AT] = own
        yield ServiceView(*values)


def _write_cache(path: Path, key: tuple[Any, ...], found: _Everywhere) -> None:
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as file:
            data = (key, found.classified, _plain_rows(found.services))
            pickle.dump(data, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as exc:  # only costs speed: the next call reads the directory again
        log.info("directory cache not written (%s)", type(exc).__name__)
        with contextlib.suppress(OSError):
            temporary.unlink()


def _plain_rows(services: Iterable[ServiceView]) -> list[tuple[Any, ...]]:
    """The services as tuples of plain values, in field order. Equal strings, tuples and
    sets become one object, which pickle then writes once: a smaller file, and fewer
    objects to make when it is read."""
    shared: dict[Any, Any] = {}
    rows = []
    for service in services:
        row = []
        for name in _SERVICE_FIELDS:
            value = getattr(service, name)
            if name == "places":
                value = tuple(tuple(getattr(p, f) for f in _PLACE_FIELDS) for p in value)
            if isinstance(value, str | tuple | frozenset):
                value = shared.setdefault(value, value)
            row.append(value)
        rows.append(tuple(row))
    return rows
