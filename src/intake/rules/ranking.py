"""Ranking inside a pathway: the score, and the best k services of a set without scoring
every service of a national directory.

A score depends on a few yes/no factors (safety net, cost, language, low barrier, extra
reasons) and a distance band, so services fall into a small number of score classes.
The classes are worked out as sets (bits.py); the best k are then taken class by class,
best class first, nearest first (then by name) within a class. The order is the same as
sorting every service by (score descending, distance, name, id): only faster.
"""

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from intake.directory.snapshot import ServiceView
from intake.geo import arc_km, chord_squared_for
from intake.rules.bits import Membership, count, indices, lowest
from intake.rules.index import DirectoryIndex, service_distance
from intake.rules.reach import Reach
from intake.rules.ruleset import Ranking, ReasonRule


@dataclass(frozen=True, slots=True)
class Factors:
    goal_fit: bool
    safety_net: bool
    cost: bool
    language: bool
    low_barrier: bool
    bonus: float  # sum of the extra reasons' bonuses (counted up to 1)
    distance: float  # 0..1 from the distance bands


def score(factors: Factors, ranking: Ranking) -> float:
    """The weighted share of the factors that apply, 0..1 (one formula for sets and services)."""
    w = ranking.weights
    total = (
        w["goal_fit"] * factors.goal_fit
        + w["safety_net"] * factors.safety_net
        + w["cost"] * factors.cost
        + w["language"] * factors.language
        + w["low_barrier"] * factors.low_barrier
        + w["other"] * min(1.0, factors.bonus)
        + w["distance"] * factors.distance
    )
    return min(1.0, max(0.0, total / ranking.total_weight))


@dataclass(frozen=True, slots=True)
class Pick:
    """A chosen service: its place in the order and what it scored."""

    score: float
    distance: float | None
    index: int

    @property
    def key(self) -> tuple[float, float, int]:
        return (
            -self.score,
            self.distance if self.distance is not None else float("inf"),
            self.index,
        )


class Ranker:
    """Scores and picks for one client: the client-dependent sets are made once per plan."""

    def __init__(
        self,
        index: DirectoryIndex,
        ranking: Ranking,
        *,
        reach: Reach,
        cost_codes: frozenset[str],
        language_bits: int,
        language_codes: frozenset[str],
        low_barrier: bool,
        reasons: tuple[ReasonRule, ...],
        remote_codes: frozenset[str],
    ) -> None:
        self.index = index
        self.ranking = ranking
        self.reach = reach
        self.point = reach.point
        self.cost_codes = cost_codes
        self.cost_bits = index.codes_any(cost_codes)
        self.language_bits = language_bits
        self.language_codes = language_codes
        self.low_codes = ("approach.low_barrier", "approach.walk_in") if low_barrier else ()
        self.low_bits = index.codes_any(self.low_codes)
        self.reasons = reasons  # the [[reason]] rules whose `when` holds for this client
        self.remote_codes = remote_codes
        self.remote_bits = index.codes_any(remote_codes)
        self.local_bits = reach.local_bits
        self.distance_classes = self._distance_classes()

    def _distance_classes(self) -> list[tuple[float, int]]:
        """(value, services) for every distance band, places off the map, and the rest.
        A service also offered online or by phone counts at least `remote`."""
        index, ranking = self.index, self.ranking
        if self.point is None:
            return [(0.0, index.all)]
        classes = [
            (band.value, bits)
            for band, bits in zip(ranking.bands, self.reach.band_bits, strict=True)
        ]
        banded = 0
        for _, bits in classes:
            banded |= bits
        classes.append((ranking.beyond, index.with_place & ~banded))
        remote = self.remote_bits | (index.all & ~index.with_place)
        split = [(value, bits & ~remote) for value, bits in classes]
        split += [(max(value, ranking.remote), bits & remote) for value, bits in classes]
        split.append((ranking.remote, index.all & ~index.with_place))
        return [(value, bits) for value, bits in split if bits]

    # -- one service ----------------------------------------------------------------------

    def distance_value(self, service: ServiceView, distance: float | None) -> float:
        if self.point is None:
            return 0.0
        if distance is None:
            return self.ranking.remote
        value = self.ranking.beyond
        if not self.reach.beyond_limit(distance):  # bands count only within the limit
            value = next(
                (band.value for band in self.ranking.bands if distance <= band.within_km),
                self.ranking.beyond,
            )
        if not self.remote_codes.isdisjoint(service.codes):
            value = max(value, self.ranking.remote)
        return value

    def factors_of(
        self,
        service: ServiceView,
        *,
        goal_fit: bool,
        safety_net: bool,
        distance: float | None,
    ) -> Factors:
        codes = service.codes
        languages = frozenset(service.languages)
        return Factors(
            goal_fit=goal_fit,
            safety_net=safety_net,
            cost=not self.cost_codes.isdisjoint(codes),
            language=bool(languages & self.language_codes),
            low_barrier=any(c in codes for c in self.low_codes),
            bonus=sum(r.bonus for r in self.reasons if r.service.matches(codes)),
            distance=self.distance_value(service, distance),
        )

    # -- the best k of a set --------------------------------------------------------------

    def best(self, candidates: int, k: int, *, goal_fit: bool, safety_bits: int) -> list[Pick]:
        """The k best services of `candidates`, best first."""
        picks: list[Pick] = []
        for value, bits in self._score_classes(candidates, goal_fit, safety_bits):
            if len(picks) >= k:
                break
            picks.extend(Pick(value, d, i) for d, i in self.nearest_first(bits, k - len(picks)))
        return picks

    def _score_classes(
        self, candidates: int, goal_fit: bool, safety_bits: int
    ) -> list[tuple[float, int]]:
        """The candidates grouped by score, best first; equal scores merged, so that
        distance and name alone order a group."""
        # By distance class first (few are non-empty among the candidates), then by each
        # yes/no factor that some candidate has.
        parts: list[Part] = []
        for value, distance_bits in self.distance_classes:
            members = candidates & distance_bits
            if members:
                parts.append((members, (False, False, False, False), 0.0, value))
        for position, bits in enumerate(
            (safety_bits, self.cost_bits, self.language_bits, self.low_bits)
        ):
            if bits & candidates:
                parts = _split(parts, bits, _with_flag(position))
        for rule in self.reasons:
            bits = self.index.rule_bits[rule.id]
            if bits & candidates:
                parts = _split(parts, bits, _with_bonus(rule.bonus))
        classes: dict[float, int] = {}
        for members, flags, bonus, distance in parts:
            s = score(Factors(goal_fit, *flags, bonus=bonus, distance=distance), self.ranking)
            classes[s] = classes.get(s, 0) | members
        return sorted(classes.items(), key=lambda item: -item[0])

    def nearest_first(
        self, bits: int, k: int, *, beyond_km: float = -1.0, measured_only: bool = False
    ) -> list[tuple[float | None, int]]:
        """k members of `bits` by (distance, index); those with no distance last.
        `beyond_km`: all members are known to be farther than this (skips the nearer);
        `measured_only`: only among the services measured around the client."""
        if self.point is None:
            return [(None, i) for i in lowest(bits, k)]
        found: list[tuple[float | None, int]] = []
        near = bits & self.local_bits
        if near and count(near) <= 4 * k:
            found.extend(sorted((self.reach.km(i), i) for i in indices(near))[:k])
        elif near:  # many: walk the measured services nearest first until k are found
            member = Membership(near)
            nearest = self.reach.nearest
            # Members are farther than beyond_km: start a hair before its chord, so that
            # rounding can only add a few non-members to skip, never skip a member.
            bound = chord_squared_for(beyond_km) * (1 - 1e-9) if beyond_km > 0 else -1.0
            for chord, i in islice(nearest, bisect_left(nearest, (bound, -1)), None):
                if i in member:
                    found.append((arc_km(chord), i))
                    if len(found) == k:
                        break
        farther = bits & self.index.with_place & ~self.local_bits
        if measured_only:
            return found
        if len(found) < k and farther:
            need = k - len(found)
            if count(farther) <= 4 * need:
                ranked_far = sorted(
                    (service_distance(self.index.services[i], self.point) or 0.0, i)
                    for i in indices(farther)
                )
                found.extend(ranked_far[:need])
            else:
                member = Membership(farther)
                found.extend(self.index.grid.nearest(self.point, member.__contains__, need))
        unplaced = bits & ~self.index.with_place
        if len(found) < k and unplaced:
            found.extend((None, i) for i in lowest(unplaced, k - len(found)))
        return found


Flags = tuple[bool, bool, bool, bool]
# Services that share a score: the set, their yes/no factors, bonus sum, distance value.
Part = tuple[int, Flags, float, float]
Update = Callable[[Flags, float], tuple[Flags, float]]


def _with_flag(position: int) -> Update:
    def update(flags: Flags, bonus: float) -> tuple[Flags, float]:
        values = list(flags)
        values[position] = True
        return (values[0], values[1], values[2], values[3]), bonus

    return update


def _with_bonus(extra: float) -> Update:
    def update(flags: Flags, bonus: float) -> tuple[Flags, float]:
        return flags, bonus + extra

    return update


def _split(parts: list[Part], bits: int, update: Update) -> list[Part]:
    """Each part divided into the services in `bits` (updated) and the others."""
    result: list[Part] = []
    for members, flags, bonus, distance in parts:
        inside = members & bits
        if inside:
            result.append((inside, *update(flags, bonus), distance))
            outside = members ^ inside
            if outside:
                result.append((outside, flags, bonus, distance))
        else:
            result.append((members, flags, bonus, distance))
    return result
