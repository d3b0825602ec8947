"""The referral engine: one client's intake and the directory in, an explained plan out.

    plan = make_plan(intake, snapshot, rules, today=date.today())

A pure function: no clock (unless `now` is given), no database, no Qt; the same input
gives the same plan in the same order. Every referral carries the reasons it is there
and the ids of the rules that fired; every service a hard rule kept out is listed (up to
the rules' limit) with why, so a counselor can override knowingly.

The steps, in the order the contract (§3a) ranks them:
1. where the client is (postal code -> point), and what is within reach;
2. the hard rules (eligibility.py): who is kept out, who stays with an "ask" caution;
3. the safety floor (safety.toml): referrals that come whatever the goals;
4. every pathway with a service the client can use, best referrals first (ranking.py);
5. pathways ordered: urgent, then fitting a goal, then also available.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from intake.directory.snapshot import DirectorySnapshot, ServiceView
from intake.geo import Point, distance_km, point_for_postal_code
from intake.intake_model import Intake
from intake.rules.bits import Membership, count, lowest
from intake.rules.eligibility import Eligibility, Finding, Verdict
from intake.rules.fields import IntakeFacts
from intake.rules.index import DirectoryIndex, index_for
from intake.rules.plan import Exclusion, PathwayPlan, Referral, ReferralPlan
from intake.rules.ranking import Pick, Ranker
from intake.rules.reach import measure
from intake.rules.ruleset import RuleSet, SafetyRule
from intake.rules.texts import km_text, names_text

# Ids of the built-in ranking factors, as `rules_fired` shows them (see the README).
COST, LANGUAGE, DISTANCE, LOW_BARRIER, FALLBACK = (
    "ranking.cost",
    "ranking.language",
    "ranking.distance",
    "ranking.low_barrier",
    "ranking.fallback",
)


def make_plan(
    intake: Intake,
    directory: DirectorySnapshot,
    rules: RuleSet,
    *,
    today: date,
    now: datetime | None = None,
) -> ReferralPlan:
    """The referral plan for this intake over this directory, under these rules.

    `today` counts ages and listing freshness; `now` stamps `generated_at` (default: the
    start of `today`, UTC, so that a plan is reproducible).
    """
    return _Planner(intake, directory, rules, today).plan(now)


@dataclass(frozen=True, slots=True)
class _SafetyHit:
    rule: SafetyRule
    pathway: str
    services: int  # bits
    rescued: bool  # kept though beyond the distance limit


class _Findings:
    """Texts with the ids of the rules that produced them; a text shown once."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.ids: list[str] = []

    def add(self, rule_id: str, text: str) -> None:
        if text not in self.texts:
            self.texts.append(text)
        self.ids.append(rule_id)

    def append(self, finding: Finding) -> None:
        self.add(finding.rule_id, finding.text)

    def extend(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.append(finding)

    def __bool__(self) -> bool:
        return bool(self.texts)


# The plan's parts are built with model_construct, without validation: every value comes
# from this module, already of the right type (the tests validate every plan they make).


class _Planner:
    def __init__(
        self, intake: Intake, directory: DirectorySnapshot, rules: RuleSet, today: date
    ) -> None:
        self.intake = intake
        self.directory = directory
        self.rules = rules
        self.today = today
        self.index: DirectoryIndex = index_for(directory, rules)
        self.facts = IntakeFacts(intake, today)
        self.plan_cautions: list[str] = []
        self.point = self._locate()
        max_km = intake.preferences.max_distance_km if intake.preferences else None
        self.reach = measure(self.index, self.point, max_km, rules.ranking.bands)
        self.eligibility = Eligibility(self.index, rules, self.facts, self.reach)
        self.eligible = self.index.classified & ~self.eligibility.out & ~self.eligibility.far
        self.fitting = self._fitting_pathways()
        self.safety_hits = self._safety_floor()
        self.ranker = self._ranker()
        self._hit_members = {id(h): Membership(h.services) for h in self.safety_hits}
        self._term_order = {code: n for n, code in enumerate(rules.term_labels)}
        # The cautions on referrals whose client side holds, decided once for the plan.
        self._service_cautions = [
            r for r in rules.cautions if r.service and r.when.evaluate(self.facts) is True
        ]

    # -- 1. where ---------------------------------------------------------------------------

    def _locate(self) -> Point | None:
        code = self.intake.client.postal_code
        text = self.rules.plan_text
        if not code:
            self.plan_cautions.append(text.no_postal_code())
            return None
        point = point_for_postal_code(code)
        if point is None:
            self.plan_cautions.append(text.postal_code_not_found(postal_code=code))
        return point

    def distance_of(self, i: int) -> float | None:
        return self.reach.distance_of(i, self.index.services[i])

    # -- 3. the safety floor --------------------------------------------------------------

    def _safety_floor(self) -> list[_SafetyHit]:
        hits: list[_SafetyHit] = []
        for rule in self.rules.safety:
            if rule.when.evaluate(self.facts) is not True:
                continue
            offered = self.index.codes_any(rule.offer)
            services = offered & self.eligible
            rescued = False
            if not services:
                services = self._nearest_beyond_reach(offered)
                rescued = bool(services)
            if not services:
                if rule.missing is not None:
                    self.plan_cautions.append(rule.missing())
                continue
            for pathway, codes in _by_pathway(rule.offer):
                in_pathway = services & self.index.codes_any(codes)
                if in_pathway:
                    hits.append(_SafetyHit(rule, pathway, in_pathway, rescued))
        return hits

    def _nearest_beyond_reach(self, offered: int) -> int:
        """The nearest service kept out only by distance, as bits; 0 if none."""
        candidates = offered & self.eligibility.far & ~self.eligibility.out & self.index.classified
        if not candidates or self.point is None:
            return 0
        member = Membership(candidates)
        nearest = self.index.grid.nearest(self.point, member.__contains__, 1)
        return 1 << nearest[0][1] if nearest else 0

    # -- 4. pathways ----------------------------------------------------------------------

    def _fitting_pathways(self) -> dict[str, list[str]]:
        """Pathway -> the goals it fits, in the client's order of goals."""
        fitting: dict[str, list[str]] = {}
        for goal in self.intake.goals:
            rule = self.rules.goals.get(str(goal))
            for pathway in rule.pathways if rule else ():
                fitting.setdefault(pathway, []).append(str(goal))
        return fitting

    def _ranker(self) -> Ranker:
        ranking = self.rules.ranking
        insurance = self.facts.value("circumstances.insurance") or ()
        cost_codes = {"payment.free", "payment.sliding_scale"}
        cost_codes |= {c.code for c in ranking.coverages if c.insurance in insurance}
        languages = frozenset(self.facts.value("client.languages") or ()) - set(
            self.rules.language.default
        )
        language_bits = 0
        for key, bits in self.index.language_bits.items():
            if languages.intersection(key):
                language_bits |= bits
        return Ranker(
            self.index,
            ranking,
            reach=self.reach,
            cost_codes=frozenset(cost_codes),
            language_bits=language_bits,
            language_codes=languages,
            low_barrier=ranking.low_barrier_when.evaluate(self.facts) is True,
            reasons=tuple(r for r in ranking.reasons if r.when.evaluate(self.facts) is True),
            remote_codes=frozenset(self.rules.distance.remote),
        )

    def _pathway_plan(self, pathway: str) -> PathwayPlan | None:
        hits = [h for h in self.safety_hits if h.pathway == pathway]
        rescued = 0
        for hit in hits:
            if hit.rescued:
                rescued |= hit.services
        candidates = (self.eligible & self.index.pathway_bits[pathway]) | rescued
        if not candidates:
            return None
        safety_bits = 0
        for hit in hits:
            safety_bits |= hit.services
        goal_fit = pathway in self.fitting
        limit = self.rules.limits.referrals_per_pathway
        picks = self.ranker.best(candidates, limit, goal_fit=goal_fit, safety_bits=safety_bits)
        chosen = {p.index for p in picks}
        for hit in hits:  # the safety floor: the best of each kind, even beyond the limit
            if any(p.index in self._hit_members[id(hit)] for p in picks):
                continue
            for pick in self.ranker.best(
                hit.services & candidates, 1, goal_fit=goal_fit, safety_bits=safety_bits
            ):
                if pick.index not in chosen:
                    picks.append(pick)
                    chosen.add(pick.index)
        picks.sort(key=lambda p: p.key)
        referrals = [self._referral(pick, pathway, hits) for pick in picks]
        return PathwayPlan.model_construct(
            code=pathway,
            label=self.rules.pathway_labels.get(pathway, pathway),
            fit="matches_goal" if goal_fit else "also_available",
            referrals=referrals,
            more_available=count(candidates) - len(referrals),
        )

    # -- one referral ----------------------------------------------------------------------

    def _referral(self, pick: Pick, pathway: str, hits: list[_SafetyHit]) -> Referral:
        i = pick.index
        service = self.index.services[i]
        distance = self.distance_of(i)
        mine = [h for h in hits if i in self._hit_members[id(h)]]
        factors = self.ranker.factors_of(
            service, goal_fit=pathway in self.fitting, safety_net=bool(mine), distance=distance
        )
        types = self._types(service, pathway)
        reasons = _Findings()
        for hit in mine:
            reasons.add(hit.rule.id, hit.rule.reason())
        self._goal_reason(pathway, reasons)
        verdicts = self.eligibility.verdicts_of(service)
        for verdict in verdicts:
            reasons.extend(verdict.reasons)
        self._ranking_reasons(service, factors.cost, distance, reasons)
        if not reasons:
            labels = names_text(self.rules.term_labels.get(t, t) for t in types)
            reasons.add(FALLBACK, self.rules.ranking.fallback(types=labels))
        cautions = self._cautions(service, distance, mine, verdicts)
        return Referral.model_construct(
            service_id=service.id,
            service_name=service.name,
            organization_name=service.organization_name,
            pathway=pathway,
            types=types,
            score=round(pick.score, 3),
            urgent=any(h.rule.urgent for h in mine),
            safety_net=bool(mine),
            reasons=reasons.texts,
            cautions=cautions.texts,
            distance_km=None if distance is None else round(distance, 1),
            address=self._address(service),
            phones=list(service.phones),
            url=service.url,
            schedule=service.schedule,
            rules_fired=_unique([*reasons.ids, *cautions.ids]),
        )

    def _types(self, service: ServiceView, pathway: str) -> list[str]:
        """The service's types in this pathway, in the taxonomy's order."""
        return sorted(
            (c for c in service.codes if c.startswith(pathway + ".")),
            key=lambda code: self._term_order.get(code, len(self._term_order)),
        )

    def _goal_reason(self, pathway: str, reasons: _Findings) -> None:
        goals = self.fitting.get(pathway)
        if not goals:
            return
        labels = names_text(self.rules.goals[g].label for g in goals)
        reasons.add(self.rules.goals[goals[0]].rule_id, self.rules.fits_goal(goals=labels))
        for goal in goals[1:]:
            reasons.ids.append(self.rules.goals[goal].rule_id)

    def _ranking_reasons(
        self, service: ServiceView, cost: bool, distance: float | None, reasons: _Findings
    ) -> None:
        ranking, codes = self.rules.ranking, service.codes
        if cost:
            if "payment.free" in codes:
                reasons.add(COST, ranking.free())
            elif "payment.sliding_scale" in codes:
                reasons.add(COST, ranking.sliding_scale())
            names = [
                c.name
                for c in ranking.coverages
                if c.code in self.ranker.cost_codes and c.code in codes
            ]
            if names:
                reasons.add(COST, ranking.coverage(coverage=names_text(names)))
        client_languages = self.facts.value("client.languages") or ()
        for code in client_languages:
            if code in self.ranker.language_codes and code in service.languages:
                reasons.add(LANGUAGE, ranking.language(language=self.rules.language_name(code)))
                break
        if distance is not None:
            reasons.add(DISTANCE, ranking.distance(km=km_text(distance)))
        if "format.online" in codes:
            reasons.add(DISTANCE, ranking.online())
        if "format.phone" in codes:
            reasons.add(DISTANCE, ranking.phone())
        if "approach.low_barrier" in self.ranker.low_codes and "approach.low_barrier" in codes:
            reasons.add(LOW_BARRIER, ranking.low_barrier())
        if "approach.walk_in" in self.ranker.low_codes and "approach.walk_in" in codes:
            reasons.add(LOW_BARRIER, ranking.walk_in())
        for rule in self.ranker.reasons:
            if rule.service.matches(codes):
                reasons.add(rule.id, rule.text())

    def _cautions(
        self,
        service: ServiceView,
        distance: float | None,
        hits: list[_SafetyHit],
        verdicts: Iterable[Verdict],
    ) -> _Findings:
        cautions = _Findings()
        if any(h.rescued for h in hits):
            cautions.append(self.eligibility.kept_for_safety(distance))
        for hit in hits:
            if hit.rule.caution is not None:
                cautions.add(hit.rule.id, hit.rule.caution())
        for verdict in verdicts:
            cautions.extend(verdict.ask)
        for rule in self._service_cautions:
            if rule.service is not None and rule.service.matches(service.codes):
                cautions.add(rule.id, rule.text())
        texts = self.rules.referral_text
        if service.alert.strip():
            cautions.add("referral.alert", texts.alert(alert=service.alert.strip()))
        if self._stale(service.assured_date):
            cautions.add("referral.stale_listing", texts.stale_listing(date=service.assured_date))
        return cautions

    def _stale(self, assured: str) -> bool:
        if not assured:
            return False
        try:
            checked = date.fromisoformat(assured[:10])
        except ValueError:
            return False
        return (self.today - checked).days > self.rules.limits.stale_after_days

    def _address(self, service: ServiceView) -> str:
        places = list(service.places)
        if not places:
            return ""
        point = self.point
        placed = [p for p in places if p.point is not None]
        if point is not None and placed:
            places = sorted(placed, key=lambda p: distance_km(point, p.point or point))
        place = places[0]
        if place.confidential or not place.address:
            return self.rules.referral_text.call_for_address()
        return place.address

    # -- the excluded services ---------------------------------------------------------------

    def _excluded(self, referred: int) -> tuple[list[Exclusion], int]:
        eligibility, index = self.eligibility, self.index
        out = eligibility.out & index.classified & ~referred
        far_only = eligibility.far & index.classified & ~eligibility.out & ~referred
        # Those the client could reach first (a place within the limit), then the ones
        # with no place (online, phone), each by name, up to the rules' limit.
        limit = self.rules.limits.excluded_listed
        listed = set(lowest(out & self.reach.near_bits, limit))
        listed.update(lowest(out & ~eligibility.far & ~self.reach.near_bits, limit - len(listed)))
        per_pathway = self.rules.limits.farther_listed_per_pathway
        if far_only and per_pathway:
            for bits in index.pathway_bits.values():
                if far_only & bits:
                    picks = self.ranker.nearest_first(
                        far_only & bits,
                        per_pathway,
                        beyond_km=self.reach.max_km or 0.0,
                        measured_only=True,
                    )
                    listed.update(i for _, i in picks)
        exclusions = [self._exclusion(i) for i in sorted(listed)]
        not_listed = count(out | far_only) - len(exclusions)
        return exclusions, not_listed

    def _exclusion(self, i: int) -> Exclusion:
        service = self.index.services[i]
        distance = self.distance_of(i)
        findings = self.eligibility.why_out(i, distance)
        prefixes = {c.split(".", 1)[0] for c in service.codes}
        return Exclusion.model_construct(
            service_id=service.id,
            service_name=service.name,
            why=_unique(f.text for f in findings),
            rules=_unique(f.rule_id for f in findings),
            pathways=[p for p in self.index.pathway_bits if p in prefixes],
            distance_km=None if distance is None else round(distance, 1),
        )

    # -- 5. the plan ----------------------------------------------------------------------

    def plan(self, now: datetime | None) -> ReferralPlan:
        pathways = [p for p in map(self._pathway_plan, self.index.pathway_bits) if p]
        pathways.sort(key=self._pathway_order)
        referred = 0
        for hit in self.safety_hits:
            if hit.rescued:
                referred |= hit.services
        excluded, not_listed = self._excluded(referred)
        cautions = list(self.plan_cautions)
        for rule in self.rules.cautions:
            if rule.service is None and rule.when.evaluate(self.facts) is True:
                cautions.append(rule.text())
        if not_listed > 0:
            cautions.append(self.rules.plan_text.excluded_not_listed(count=f"{not_listed:,}"))
        stamp = now or datetime.combine(self.today, time(), tzinfo=UTC)
        plan = ReferralPlan.model_construct(
            generated_at=stamp.astimezone(UTC).replace(microsecond=0),
            directory_version=self.directory.version,
            rules_version=self.rules.version_label,
            pathways=pathways,
            excluded=excluded,
            cautions=_unique(cautions),
            excluded_not_listed=not_listed,
        )
        return plan

    def _pathway_order(self, plan: PathwayPlan) -> tuple[int, bool, int, int, int]:
        urgent = [r for r in plan.referrals if r.urgent]
        if urgent:
            band = 0
        elif plan.fit == "matches_goal":
            band = 1
        else:
            band = 2
        safety_net = any(r.safety_net for r in plan.referrals)
        priority = min(
            (h.rule.priority for h in self.safety_hits if h.pathway == plan.code and h.rule.urgent),
            default=0,
        )
        goal_order = list(self.fitting)
        goal_position = goal_order.index(plan.code) if plan.code in goal_order else len(goal_order)
        contract_position = list(self.index.pathway_bits).index(plan.code)
        return (
            band,
            not safety_net,
            priority if band == 0 else 0,
            goal_position,
            contract_position,
        )


def _by_pathway(codes: Iterable[str]) -> Iterator[tuple[str, list[str]]]:
    grouped: dict[str, list[str]] = {}
    for code in codes:
        grouped.setdefault(code.split(".", 1)[0], []).append(code)
    yield from grouped.items()


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
