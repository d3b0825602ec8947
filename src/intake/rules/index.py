"""What matching needs to know about a directory, worked out once per snapshot.

A plan asks the same questions of every service ("which are free?", "which are for
veterans only?", "which are within 40 km?"). The index answers the ones that do not
depend on the client once, as sets of services (see bits.py) and a spatial grid, so a
plan costs a few set operations plus work on the few services it lists. It is cached
by the identity of the snapshot and the rule set (both immutable).
"""

import heapq
import itertools
import math
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from intake.directory.snapshot import DirectorySnapshot, ServiceView
from intake.geo import (
    Point,
    Vector,
    arc_km,
    chord_squared,
    chord_squared_for,
    distance_km,
    unit_vector,
)
from intake.rules.bits import from_indices
from intake.rules.conditions import (
    HasCodes,
    InPathway,
    ServiceAll,
    ServiceAny,
    ServiceCondition,
    ServiceConstant,
    ServiceNot,
)
from intake.rules.ruleset import RuleSet

CELL_DEGREES = 0.1  # see the comment above
_KM_PER_DEGREE = 2 * math.pi * 6371.0088 / 360
_CACHE_SIZE = 2  # a new snapshot replaces the old: keep the last two at most

AgeKey = tuple[float | None, float | None]
K = TypeVar("K")


# A place in the grid: (service, x, y, z), its point as a unit vector (geo.unit_vector),
# so that a plan's distance test is a few multiplications per place.
_Entry = tuple[int, float, float, float]


class Grid:
    """Service places bucketed by latitude/longitude cells, for "within R km" and
    "nearest few" without measuring every place in the country."""

    def __init__(self, places: Iterable[tuple[int, Point]]) -> None:
        cells: dict[tuple[int, int], list[_Entry]] = defaultdict(list)
        for service, point in places:
            cells[self.cell_of(point)].append((service, *unit_vector(point)))
        self.cells = dict(cells)
        self.lon_cells = round(360 / CELL_DEGREES)
        self._extents: dict[tuple[int, int], tuple[Vector, float]] | None = None
        self._sorted_for: tuple[Point, list[tuple[float, tuple[int, int]]]] | None = None

    @staticmethod
    def cell_of(point: Point) -> tuple[int, int]:
        lat, lon = point
        return math.floor(lat / CELL_DEGREES), math.floor(((lon + 180) % 360) / CELL_DEGREES)

    def within(self, center: Point, radius_km: float) -> dict[int, float]:
        """Service -> squared chord (geo.chord_squared) to its nearest place, for the
        services with a place within radius_km: the same arithmetic as geo.distance_km,
        so geo.arc_km of it is the distance to the last bit."""
        x0, y0, z0 = unit_vector(center)
        limit = chord_squared_for(radius_km)
        found: dict[int, float] = {}
        known = found.get
        for key in self._cells_near(center, radius_km):
            for service, x, y, z in self.cells.get(key, ()):
                # geo.chord_squared, inline: this loop is the plan's hottest.
                dx, dy, dz = x - x0, y - y0, z - z0
                chord = dx * dx + dy * dy + dz * dz
                if chord <= limit and chord < known(service, 4.0):
                    found[service] = chord
        return found

    def _cells_near(self, center: Point, radius_km: float) -> Iterable[tuple[int, int]]:
        lat, lon = center
        dlat = radius_km / _KM_PER_DEGREE
        low_lat, high_lat = lat - dlat, lat + dlat
        widest = max(abs(low_lat), abs(high_lat))
        # Near a pole every longitude is close: take them all.
        dlon = 180.0 if widest >= 89.9 else min(180.0, dlat / math.cos(math.radians(widest)))
        rows = range(math.floor(low_lat / CELL_DEGREES), math.floor(high_lat / CELL_DEGREES) + 1)
        if dlon >= 180.0:
            cols: Iterable[int] = range(self.lon_cells)
        else:
            first = math.floor(((lon - dlon + 180) % 360) / CELL_DEGREES)
            span = math.ceil(2 * dlon / CELL_DEGREES) + 1
            cols = sorted({(first + j) % self.lon_cells for j in range(span + 1)})
        return [(r, c) for r in rows for c in cols]

    def nearest(
        self, center: Point, wanted: Callable[[int], bool], k: int
    ) -> list[tuple[float, int]]:
        """The k nearest services passing `wanted`, as (km, service) nearest first (ties by
        service index). Visits cells nearest first and stops when no closer one can remain."""
        origin = unit_vector(center)
        best: dict[int, float] = {}
        for bound, key in self._cells_by_distance(center):
            if len(best) >= k and bound > heapq.nsmallest(k, best.values())[-1]:
                break
            for service, x, y, z in self.cells[key]:
                if wanted(service):
                    d = arc_km(chord_squared(origin, (x, y, z)))
                    if d < best.get(service, math.inf):
                        best[service] = d
        return sorted((d, s) for s, d in best.items())[:k]

    def _cells_by_distance(self, center: Point) -> list[tuple[float, tuple[int, int]]]:
        """(least distance any place in the cell can be, cell), nearest first; kept for the
        last center asked, as a plan asks for the same one a few times."""
        if self._sorted_for is not None and self._sorted_for[0] == center:
            return self._sorted_for[1]
        if self._extents is None:
            self._extents = {key: self._extent(key) for key in self.cells}
        origin = unit_vector(center)
        ordered = sorted(
            (max(0.0, arc_km(chord_squared(origin, middle)) - radius), key)
            for key, (middle, radius) in self._extents.items()
        )
        self._sorted_for = (center, ordered)
        return ordered

    @staticmethod
    def _extent(key: tuple[int, int]) -> tuple[Vector, float]:
        """A cell's middle (as a unit vector), and a radius no place in it is beyond (its
        corners, plus a margin)."""
        row, col = key
        lat0, lon0 = row * CELL_DEGREES, col * CELL_DEGREES - 180
        middle = (lat0 + CELL_DEGREES / 2, lon0 + CELL_DEGREES / 2)
        corners = [(lat0 + a, lon0 + b) for a in (0, CELL_DEGREES) for b in (0, CELL_DEGREES)]
        return unit_vector(middle), max(distance_km(middle, c) for c in corners) * 1.01 + 0.01


def service_distance(service: ServiceView, point: Point | None) -> float | None:
    """Distance to the nearest of the service's places on the map; None without one."""
    if point is None:
        return None
    distances = [distance_km(point, p.point) for p in service.places if p.point is not None]
    return min(distances) if distances else None


class DirectoryIndex:
    """Sets of services (bits.py) keyed by what the rules ask, in (name, id) order."""

    def __init__(self, snapshot: DirectorySnapshot, rules: RuleSet) -> None:
        self.services = _in_name_order(snapshot.services)
        self.size = size = len(self.services)
        self.all = (1 << size) - 1
        by_code: dict[str, list[int]] = defaultdict(list)
        by_status: dict[str, list[int]] = defaultdict(list)
        by_ages: dict[AgeKey, list[int]] = defaultdict(list)
        by_language: dict[tuple[str, ...], list[int]] = defaultdict(list)
        places: list[tuple[int, Point]] = []
        with_place: list[int] = []
        # One pass over the services, touching only what every service has; the rarer
        # facets (populations, substances) are derived from the code lists afterwards.
        for i, service in enumerate(self.services):
            for code in service.codes:
                by_code[code].append(i)
            by_status[service.status].append(i)
            if service.minimum_age is not None or service.maximum_age is not None:
                by_ages[(service.minimum_age, service.maximum_age)].append(i)
            by_language[service.languages].append(i)
            placed = False
            for place in service.places:
                if place.point is not None:
                    places.append((i, place.point))
                    placed = True
            if placed:
                with_place.append(i)
        self.code_bits = _as_bits(by_code, size)
        self.status_bits = _merged(by_status, lambda s: s.strip().lower() or "active", size)
        self.age_bits = _as_bits(by_ages, size)
        self.language_bits = _merged(by_language, lambda k: k or rules.language.default, size)
        self.population_bits = _combinations(by_code, "population.", size)
        self.substance_bits = {
            frozenset(c[len("substance.") :] for c in key): bits
            for key, bits in _combinations(by_code, "substance.", size).items()
        }
        self.pathway_bits = {p: self.codes_any(_codes_of(by_code, p)) for p in rules.pathway_labels}
        self.classified = 0
        for value in self.pathway_bits.values():
            self.classified |= value
        self.with_place = from_indices(with_place, size)
        self.grid = Grid(places)
        self.rule_bits: dict[str, int] = {}
        conditions: list[tuple[str, ServiceCondition | None]] = [
            *((r.id, r.service) for r in rules.excludes),
            *((r.id, r.service) for r in rules.cautions),
            *((r.id, r.service) for r in rules.ranking.reasons),
        ]
        for rule_id, condition in conditions:
            if condition is not None:
                self.rule_bits[rule_id] = self.matching(condition)

    def codes_any(self, codes: Iterable[str]) -> int:
        found = 0
        for code in codes:
            found |= self.code_bits.get(code, 0)
        return found

    def matching(self, condition: ServiceCondition) -> int:
        """The services a service condition holds for, by set algebra on the code sets."""
        if isinstance(condition, ServiceConstant):
            return self.all if condition.value else 0
        if isinstance(condition, HasCodes):
            if not condition.need_all:
                return self.codes_any(condition.wanted)
            found = self.all
            for code in condition.wanted:
                found &= self.code_bits.get(code, 0)
            return found
        if isinstance(condition, InPathway):
            return self.pathway_bits.get(condition.pathway, 0)
        if isinstance(condition, ServiceAll):
            found = self.all
            for part in condition.parts:
                found &= self.matching(part)
            return found
        if isinstance(condition, ServiceAny):
            found = 0
            for part in condition.parts:
                found |= self.matching(part)
            return found
        if isinstance(condition, ServiceNot):
            return self.all & ~self.matching(condition.part)
        raise TypeError(f"unknown service condition {condition!r}")


def _as_bits(groups: Mapping[K, list[int]], size: int) -> dict[K, int]:
    return {key: from_indices(members, size) for key, members in groups.items()}


def _merged(groups: Mapping[K, list[int]], key_of: Callable[[K], K], size: int) -> dict[K, int]:
    """Groups under normalized keys (e.g. "" and "active" are one status)."""
    merged: dict[K, list[int]] = defaultdict(list)
    for key, members in groups.items():
        merged[key_of(key)].extend(members)
    return _as_bits(merged, size)


def _combinations(
    by_code: Mapping[str, list[int]], prefix: str, size: int
) -> dict[frozenset[str], int]:
    """Services grouped by the set of their codes with this prefix (services with none left
    out): few services have any, so this walks their lists, not all services."""
    codes_of: dict[int, set[str]] = defaultdict(set)
    for code, members in by_code.items():
        if code.startswith(prefix):
            for i in members:
                codes_of[i].add(code)
    groups: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, codes in codes_of.items():
        groups[frozenset(codes)].append(i)
    return _as_bits(groups, size)


def _codes_of(by_code: Mapping[str, list[int]], pathway: str) -> list[str]:
    return [code for code in by_code if code.startswith(pathway + ".")]


def _in_name_order(services: tuple[ServiceView, ...]) -> tuple[ServiceView, ...]:
    """Services by (name, id): the snapshot loader's order already, so usually no sort."""
    if all((a.name, a.id) <= (b.name, b.id) for a, b in itertools.pairwise(services)):
        return services
    return tuple(sorted(services, key=lambda s: (s.name, s.id)))


_cache: OrderedDict[tuple[int, int], tuple[DirectorySnapshot, RuleSet, DirectoryIndex]] = (
    OrderedDict()
)
_lock = threading.Lock()


def index_for(snapshot: DirectorySnapshot, rules: RuleSet) -> DirectoryIndex:
    """The index of this snapshot under these rules, built once and kept for reuse.

    An index holds no text, so the rules in every language share their English set's."""
    rules = rules.english
    key = (id(snapshot), id(rules))
    with _lock:
        cached = _cache.get(key)
        # The objects are kept alive in the entry, so their ids cannot be reused by others.
        if cached is not None and cached[0] is snapshot and cached[1] is rules:
            _cache.move_to_end(key)
            return cached[2]
    index = DirectoryIndex(snapshot, rules)
    with _lock:
        _cache[key] = (snapshot, rules, index)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return index
