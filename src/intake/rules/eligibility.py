"""The hard rules for one client: which services are kept out, and why.

Each rule looks at one facet of a service (status, ages, populations, substances,
languages, generic [[exclude]] rules, distance). Services that share a facet value share
the verdict, so a verdict is worked out once per distinct value and applied to all of
them as a set (index.py). A verdict is one of: keep out (with `why`), keep with an "ask"
caution (an answer is missing), or keep, sometimes with a reason ("For veterans").
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from intake.directory.snapshot import ServiceView
from intake.rules.conditions import Truth
from intake.rules.fields import IntakeFacts
from intake.rules.index import AgeKey, DirectoryIndex
from intake.rules.reach import Reach
from intake.rules.ruleset import PopulationRule, RuleSet
from intake.rules.texts import km_text, lower_first, names_text, number_text


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's word about one service: its id and the sentence shown."""

    rule_id: str
    text: str


@dataclass(slots=True)
class Verdict:
    out: list[Finding] = field(default_factory=list)  # keeps the service out
    ask: list[Finding] = field(default_factory=list)  # keeps it, with a caution
    reasons: list[Finding] = field(default_factory=list)  # keeps it, with a reason


_KEEP = Verdict()


class Eligibility:
    """Verdicts of the hard rules for one client, as sets over the index and per service."""

    def __init__(
        self,
        index: DirectoryIndex,
        rules: RuleSet,
        facts: IntakeFacts,
        reach: Reach,
    ) -> None:
        self.index = index
        self.rules = rules
        self.facts = facts
        self.max_km = reach.max_km
        self.reach = reach
        self.age: int | None = facts.value("client.age")
        self.substances: tuple[str | None, ...] | None = facts.value("substances")
        self.languages: tuple[str, ...] | None = facts.value("client.languages")
        self.exclude_states: dict[str, Truth] = {
            rule.id: rule.when.evaluate(facts) for rule in rules.excludes
        }
        self._population_truths: dict[str, tuple[Truth, Truth]] = {}
        self._verdicts: dict[tuple[object, ...], list[Verdict]] = {}
        self._codes_looked_at = _codes_looked_at(index, rules)

    # -- sets -----------------------------------------------------------------------------

    @cached_property
    def out(self) -> int:
        """Services kept out by any rule but distance."""
        index = self.index
        out = 0
        for status, bits in index.status_bits.items():
            if self.status_verdict(status).out:
                out |= bits
        out |= _kept_out(index.age_bits, self.age_verdict)
        out |= _kept_out(index.population_bits, self.population_verdict)
        out |= _kept_out(index.substance_bits, self.substance_verdict)
        out |= _kept_out(index.language_bits, self.language_verdict)
        for rule in self.rules.excludes:
            if self.exclude_states[rule.id] is True:
                out |= index.rule_bits[rule.id]
        return out

    @cached_property
    def far(self) -> int:
        """Services beyond the limit: on the map, farther than max_distance_km, not remote."""
        if self.max_km is None:
            return 0
        remote = self.index.codes_any(self.rules.distance.remote)
        return self.index.with_place & ~remote & ~self.reach.near_bits

    # -- verdicts by facet value ----------------------------------------------------------

    def status_verdict(self, status: str) -> Verdict:
        if status == "active":
            return _KEEP
        rule = self.rules.status
        text = rule.why_by_status.get(status.replace(" ", "_"))
        why = text() if text else rule.other(status=status)
        return Verdict(out=[Finding(rule.id, why)])

    def age_verdict(self, key: AgeKey) -> Verdict:
        low, high = key
        if low is None and high is None:
            return _KEEP
        rule = self.rules.age
        if low is not None and high is not None:
            ages = rule.both(minimum=number_text(low), maximum=number_text(high))
        elif low is not None:
            ages = rule.minimum_only(minimum=number_text(low))
        else:
            ages = rule.maximum_only(maximum=number_text(high))  # type: ignore[arg-type]
        if self.age is None:
            return Verdict(ask=[Finding(rule.id, rule.ask(ages=ages))])
        if (low is not None and self.age < low) or (high is not None and self.age > high):
            return Verdict(out=[Finding(rule.id, rule.why(ages=ages))])
        return _KEEP

    def population_verdict(self, key: frozenset[str]) -> Verdict:
        verdict = Verdict()
        for code in sorted(key):
            rule = self.rules.populations.get(code)
            if rule is None:
                default = self.rules.population_default
                label = self.rules.term_labels.get(code, code)
                verdict.ask.append(Finding(default.id, default.ask(label=label)))
                continue
            member, not_member = self._population_truth(rule)
            if not_member is True:
                verdict.out.append(Finding(rule.id, rule.why()))
            elif member is True:
                verdict.reasons.append(Finding(rule.id, rule.reason()))
            else:
                verdict.ask.append(Finding(rule.id, rule.ask()))
        return verdict

    def _population_truth(self, rule: PopulationRule) -> tuple[Truth, Truth]:
        cached = self._population_truths.get(rule.code)
        if cached is None:
            member = rule.member_when.evaluate(self.facts)
            if rule.not_member_when is not None:
                not_member = rule.not_member_when.evaluate(self.facts)
            else:
                not_member = None if member is None else not member
            cached = self._population_truths[rule.code] = (member, not_member)
        return cached

    def substance_verdict(self, key: frozenset[str]) -> Verdict:
        if not key:
            return _KEEP
        rule = self.rules.substance
        names = names_text(
            lower_first(self.rules.term_labels.get(f"substance.{s}", s)) for s in sorted(key)
        )
        client = self.substances
        if client is not None and any(s in key for s in client if s is not None):
            return Verdict(reasons=[Finding(rule.id, rule.reason(substances=names))])
        if client is None or None in client:
            return Verdict(ask=[Finding(rule.id, rule.ask(substances=names))])
        return Verdict(out=[Finding(rule.id, rule.why(substances=names))])

    def language_verdict(self, key: tuple[str, ...]) -> Verdict:
        rule = self.rules.language
        names = names_text(self.rules.language_name(code) for code in key)
        if self.languages is None:
            if set(key) & set(rule.default):
                return _KEEP
            return Verdict(ask=[Finding(rule.id, rule.ask(languages=names))])
        if set(key) & set(self.languages):
            return _KEEP
        return Verdict(out=[Finding(rule.id, rule.why(languages=names))])

    # -- one service ----------------------------------------------------------------------

    def verdicts_of(self, service: ServiceView) -> list[Verdict]:
        """The verdict of each rule on this service (shared by services alike in all the
        rules look at, so worked out once for them)."""
        looked_at = frozenset(c for c in service.codes if c in self._codes_looked_at)
        key = (service.status, service.minimum_age, service.maximum_age, looked_at,
               service.languages)  # fmt: skip
        found = self._verdicts.get(key)
        if found is None:
            found = self._verdicts[key] = self._verdicts_of(service)
        return found

    def _verdicts_of(self, service: ServiceView) -> list[Verdict]:
        codes = service.codes
        verdicts = [
            self.status_verdict(service.status.strip().lower() or "active"),
            self.age_verdict((service.minimum_age, service.maximum_age)),
            self.population_verdict(frozenset(c for c in codes if c.startswith("population."))),
            self.substance_verdict(frozenset(c[10:] for c in codes if c.startswith("substance."))),
            self.language_verdict(service.languages or self.rules.language.default),
        ]
        generic = Verdict()
        for rule in self.rules.excludes:
            state = self.exclude_states[rule.id]
            if state is False or not rule.service.matches(codes):
                continue
            if state is True:
                generic.out.append(Finding(rule.id, rule.why()))
            elif rule.ask is not None:
                generic.ask.append(Finding(rule.id, rule.ask()))
        verdicts.append(generic)
        return verdicts

    def why_out(self, i: int, distance: float | None) -> list[Finding]:
        """Every reason service i is kept out, hard rules first, then distance."""
        found = [f for v in self.verdicts_of(self.index.services[i]) for f in v.out]
        if self.max_km is not None and distance is not None and self.is_far(i):
            found.append(self.distance_finding(distance))
        return found

    def is_far(self, i: int) -> bool:
        return bool(self.far >> i & 1)

    def distance_finding(self, distance: float) -> Finding:
        rule = self.rules.distance
        limit = self.max_km or 0
        km = km_text(distance)
        if float(km) <= limit:  # "15 km away, farther than 15 km" reads wrong: show 15.2
            km = f"{distance:.1f}"
        return Finding(rule.id, rule.why(km=km, max_km=number_text(round(limit, 1))))

    def kept_for_safety(self, distance: float | None) -> Finding:
        rule = self.rules.distance
        max_km = number_text(round(self.max_km or 0, 1))
        km = km_text(distance) if distance is not None else "?"
        return Finding(rule.id, rule.kept_for_safety(km=km, max_km=max_km))


K = TypeVar("K")


def _kept_out(groups: Mapping[K, int], verdict_of: Callable[[K], Verdict]) -> int:
    """The services of every group whose verdict keeps them out."""
    out = 0
    for key, bits in groups.items():
        if verdict_of(key).out:
            out |= bits
    return out


def _codes_looked_at(index: DirectoryIndex, rules: RuleSet) -> frozenset[str]:
    """The codes the hard rules look at: services that differ only in others share verdicts."""
    looked_at: set[str] = set()
    for rule in rules.excludes:
        for code in rule.service.codes():
            # a pathway name stands for all of the pathway's codes
            looked_at.update(c for c in index.code_bits if c == code or c.startswith(code + "."))
    looked_at.update(c for c in index.code_bits if c.startswith(("population.", "substance.")))
    return frozenset(looked_at)
