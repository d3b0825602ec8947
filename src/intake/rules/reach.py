"""Where the client is, and how far the services around are: measured once per plan.

Only the services around the client are measured (up to 1.5 times the client's limit,
or the last distance band when there is no limit), and every set the plan needs by
distance (within the limit, each distance band) is made in that one pass. Distances are
kept as squared chords (geo.py), which order like distances; kilometres are worked out
only for the services a plan shows.
"""

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from intake.directory.snapshot import ServiceView
from intake.geo import Point, arc_km, chord_squared_for
from intake.rules.bits import from_indices
from intake.rules.index import DirectoryIndex, service_distance
from intake.rules.ruleset import DistanceBand

# Up to this many times the client's limit, distances are measured, so the nearest
# services just beyond it can be listed as "farther" exclusions (farther ones are only
# counted).
FARTHER_FACTOR = 1.5


@dataclass(frozen=True)  # not slots: `nearest` is cached on the instance
class Reach:
    point: Point | None = None
    max_km: float | None = None  # None without a limit or without a point
    chords: dict[int, float] = field(default_factory=dict)  # measured service -> chord²
    local_bits: int = 0  # the measured services
    near_bits: int = 0  # services within max_km (0 without a limit)
    band_bits: tuple[int, ...] = ()  # services in each distance band, within the limit

    def km(self, i: int) -> float:
        """The distance of a measured service."""
        return arc_km(self.chords[i])

    def distance_of(self, i: int, service: ServiceView) -> float | None:
        if i in self.chords:
            return self.km(i)
        return service_distance(service, self.point)

    @cached_property
    def nearest(self) -> list[tuple[float, int]]:
        """The measured services as (squared chord, service), nearest first (sorted when
        first asked). Kilometres only for the few a plan takes: `arc_km(chord)`."""
        return sorted((c, i) for i, c in self.chords.items())

    def beyond_limit(self, distance: float | None) -> bool:
        return self.max_km is not None and distance is not None and distance > self.max_km


def measure(
    index: DirectoryIndex,
    point: Point | None,
    max_km: float | None,
    bands: tuple[DistanceBand, ...],
) -> Reach:
    if point is None:
        return Reach()
    radius = max_km * FARTHER_FACTOR if max_km is not None else bands[-1].within_km
    chords = index.grid.within(point, radius)
    # Band and limit tests on chords: the same order as on kilometres, without an arc
    # sine per service.
    limits = [chord_squared_for(band.within_km) for band in bands]
    last = limits[-1]
    limit = chord_squared_for(max_km) if max_km is not None else float("inf")
    in_band: list[list[int]] = [[] for _ in bands]
    near: list[int] = []
    for i, chord in chords.items():
        if chord > limit:
            continue
        near.append(i)
        if chord <= last:
            in_band[bisect_left(limits, chord)].append(i)
    return Reach(
        point=point,
        max_km=max_km,
        chords=chords,
        local_bits=from_indices(chords, index.size),
        near_bits=from_indices(near, index.size) if max_km is not None else 0,
        band_bits=tuple(from_indices(members, index.size) for members in in_band),
    )
