"""Properties of every plan, over generated intakes and directories (hypothesis).

The hard rules and safety triggers are written again here, plainly and per service, from
the contract's words: an independent oracle for the engine's set-based version.
"""

import dataclasses
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rulekit import BUNDLED_RULES, TODAY, directory, km_north

from intake.directory.snapshot import Place, ServiceView
from intake.geo import distance_km, point_for_postal_code
from intake.intake_model import Intake, parse_intake
from intake.rules import ReferralPlan, load_rules, make_plan
from intake.rules.ruleset import Limits

# Limits high enough that nothing is cut: every eligible service is listed.
RULES = dataclasses.replace(load_rules(BUNDLED_RULES), limits=Limits(100, 1000, 100, 365))
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

TYPES = (
    "twelve_step.meeting",
    "moderation.program",
    "medication.methadone",
    "medication.buprenorphine",
    "medication.naltrexone",
    "treatment.withdrawal_management",
    "treatment.outpatient",
    "harm_reduction.naloxone",
    "harm_reduction.syringe_services",
    "harm_reduction.hiv_hcv_testing",
    "peer_support.recovery_coach",
    "crisis.hotline",
    "crisis.overdose_spotting",
    "basic_needs.shelter",
    "health.primary_care",
)
FEATURES = (
    "population.pregnant",
    "population.adolescent",
    "population.veteran",
    "population.women",
    "population.men",
    "population.lgbtq",
    "population.justice_involved",
    "requirement.abstinence",
    "approach.faith_based",
    "approach.low_barrier",
    "approach.walk_in",
    "format.online",
    "format.phone",
    "payment.free",
    "payment.sliding_scale",
    "payment.medicaid",
    "substance.alcohol",
    "substance.opioids",
    "substance.methamphetamine",
)
SUBSTANCES = ("alcohol", "opioids", "methamphetamine", "benzodiazepines", "cannabis")
ROUTES = ("injection", "smoking", "oral")
FREQUENCIES = ("daily", "weekly", "not_current")
RISKS = (
    "uses_alone",
    "reduced_tolerance",
    "severe_withdrawal_history",
    "suicidal_thoughts",
    "fentanyl_exposure_possible",
)
NOW = frozenset({"daily", "weekly", "monthly_or_less", None})


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def answers(keys: tuple[str, ...], values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.dictionaries(st.sampled_from(keys), values, max_size=len(keys))


substance_use = st.fixed_dictionaries(
    {},
    optional={
        "substance": st.sampled_from(SUBSTANCES),
        "route": st.sampled_from(ROUTES),
        "frequency": st.sampled_from(FREQUENCIES),
    },
)
client = st.fixed_dictionaries(
    {"name": st.just("Client")},
    optional={
        "age": st.integers(10, 80),
        "gender": st.sampled_from(("woman", "man", "nonbinary", "another")),
        "languages": st.lists(st.sampled_from(("en", "es", "vi")), min_size=1, unique=True),
        "postal_code": st.sampled_from(("59101", "59044", "99999")),
    },
)
intake_data = st.fixed_dictionaries(
    {
        "client": client,
        "goals": st.lists(
            st.sampled_from(("abstinence", "reduced_use", "safety")), min_size=1, unique=True
        ),
    },
    optional={
        "substances": st.lists(substance_use, max_size=3),
        "risks": answers(RISKS, st.booleans()),
        "circumstances": st.fixed_dictionaries(
            {},
            optional={
                "pregnant": st.booleans(),
                "postpartum": st.booleans(),
                "veteran": st.booleans(),
                "justice_involved": st.booleans(),
                "insurance": st.sampled_from((["medicaid"], ["none"], ["private", "va"])),
            },
        ),
        "preferences": st.fixed_dictionaries(
            {},
            optional={
                "faith_based": st.sampled_from(("welcome", "avoid", "no_preference")),
                "max_distance_km": st.sampled_from((5.0, 25.0, 60.0)),
            },
        ),
    },
)


@st.composite
def services(draw: st.DrawFn, count: int) -> ServiceView:
    places = draw(st.lists(st.integers(0, 150), max_size=2))
    ages = draw(st.sampled_from(((None, None), (18.0, None), (12.0, 17.0), (None, 64.0))))
    return ServiceView(
        id=f"s{count}",
        name=draw(st.sampled_from(("Alpha", "Beta", "Gamma"))),
        status=draw(st.sampled_from(("active",) * 6 + ("inactive", "temporarily closed"))),
        codes=frozenset(
            draw(st.lists(st.sampled_from(TYPES), min_size=1, max_size=2))
            + draw(st.lists(st.sampled_from(FEATURES), max_size=3))
        ),
        minimum_age=ages[0],
        maximum_age=ages[1],
        languages=tuple(
            draw(st.lists(st.sampled_from(("en", "es", "vi")), unique=True, max_size=2))
        ),
        places=tuple(
            Place(f"p{count}-{i}", address="x", point=km_north(km)) for i, km in enumerate(places)
        ),
    )


@st.composite
def directories(draw: st.DrawFn) -> list[ServiceView]:
    size = draw(st.integers(1, 12))
    return [draw(services(i)) for i in range(size)]


def plan_of(intake: Intake, items: list[ServiceView]) -> ReferralPlan:
    return make_plan(intake, directory(*items), RULES, today=TODAY)


# --- the oracle: the contract's rules, written per service ---------------------------------------


def _get(intake: Intake, section: str, name: str) -> Any:
    part = getattr(intake, section)
    return None if part is None else getattr(part, name)


def hard_rule_breaches(intake: Intake, service: ServiceView, *, distance: bool) -> list[str]:
    """The contract's hard rules this service breaks for this client (known answers only)."""
    codes = service.codes
    breaches = []
    if service.status != "active":
        breaches.append("status")
    age = intake.age_on(TODAY)
    if age is not None and (
        (service.minimum_age is not None and age < service.minimum_age)
        or (service.maximum_age is not None and age > service.maximum_age)
    ):
        breaches.append("age")
    pregnant, postpartum = (
        _get(intake, "circumstances", "pregnant"),
        _get(intake, "circumstances", "postpartum"),
    )
    gender = intake.client.gender
    not_member = {
        "population.pregnant": pregnant is False and postpartum is False,
        "population.veteran": _get(intake, "circumstances", "veteran") is False,
        "population.justice_involved": _get(intake, "circumstances", "justice_involved") is False,
        "population.adolescent": age is not None and age >= 18,
        "population.women": gender == "man",
        "population.men": gender == "woman",
    }
    breaches += [code for code, out in not_member.items() if out and code in codes]
    limited = {c.split(".", 1)[1] for c in codes if c.startswith("substance.")}
    named = [s.substance for s in intake.substances or ()]
    known = intake.substances is not None and None not in named
    if limited and known and not limited & {str(s) for s in named}:
        breaches.append("substance")
    if "requirement.abstinence" in codes and "abstinence" not in intake.goals:
        breaches.append("abstinence")
    spoken = intake.client.languages
    if spoken is not None and not set(service.languages or ("en",)) & set(spoken):
        breaches.append("language")
    if "approach.faith_based" in codes and _get(intake, "preferences", "faith_based") == "avoid":
        breaches.append("faith")
    if distance and _too_far(intake, service):
        breaches.append("distance")
    return breaches


def _too_far(intake: Intake, service: ServiceView) -> bool:
    point = point_for_postal_code(intake.client.postal_code)
    limit = _get(intake, "preferences", "max_distance_km")
    places = [p.point for p in service.places if p.point]
    if point is None or limit is None or not places:
        return False
    if {"format.online", "format.phone"} & service.codes:
        return False
    return min(distance_km(point, p) for p in places) > limit


def triggered(intake: Intake) -> dict[str, tuple[set[str], bool]]:
    """Safety needs by the contract's words: name -> (codes that meet it, urgent)."""
    uses = intake.substances or []
    now = [s for s in uses if s.frequency in NOW]
    named_now = {s.substance for s in now}
    risk = {name: _get(intake, "risks", name) for name in RISKS}
    pregnant = (_get(intake, "circumstances", "pregnant") is True) or (
        _get(intake, "circumstances", "postpartum") is True
    )
    opioids_now = "opioids" in named_now
    fentanyl = risk["fentanyl_exposure_possible"] is True
    needs: dict[str, tuple[set[str], bool]] = {}
    if (
        opioids_now
        or fentanyl
        or ("opioids" in {s.substance for s in uses} and risk["reduced_tolerance"] is True)
    ):
        needs["naloxone"] = ({"harm_reduction.naloxone"}, False)
    if (opioids_now or fentanyl) and risk["uses_alone"] is True:
        needs["spotting"] = ({"crisis.overdose_spotting"}, False)
    if any(s.route == "injection" for s in now):
        needs["syringes"] = ({"harm_reduction.syringe_services"}, False)
        needs["testing"] = ({"harm_reduction.hiv_hcv_testing"}, False)
    if risk["suicidal_thoughts"] is True:
        needs["988"] = ({"crisis.hotline"}, True)
    if risk["severe_withdrawal_history"] is True and named_now & {"alcohol", "benzodiazepines"}:
        needs["withdrawal"] = ({"treatment.withdrawal_management"}, True)
    if pregnant and opioids_now:
        needs["moud"] = ({"medication.methadone", "medication.buprenorphine"}, True)
    return needs


# --- the properties ------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(intake_data, directories())
def test_no_referral_breaks_a_hard_rule(data: dict, items: list[ServiceView]) -> None:
    intake = parse_intake(data, today=TODAY)
    plan = plan_of(intake, items)
    by_id = {s.id: s for s in items}
    for referral in plan.referrals():
        breaches = hard_rule_breaches(intake, by_id[referral.service_id], distance=True)
        if breaches == ["distance"]:  # allowed only to keep the safety floor, and said so
            assert referral.safety_net
            assert any("limit" in c for c in referral.cautions)
        else:
            assert breaches == [], (referral.service_id, breaches)
    for excluded in plan.excluded:
        assert hard_rule_breaches(intake, by_id[excluded.service_id], distance=True)


@PROPERTY_SETTINGS
@given(intake_data, directories())
def test_every_safety_trigger_yields_its_referral(data: dict, items: list[ServiceView]) -> None:
    intake = parse_intake(data, today=TODAY)
    plan = plan_of(intake, items)
    for need, (codes, urgent) in triggered(intake).items():
        available = [
            s
            for s in items
            if codes & s.codes and not hard_rule_breaches(intake, s, distance=False)
        ]
        met = [
            r
            for r in plan.referrals()
            if r.safety_net and codes & set(r.types) and (r.urgent or not urgent)
        ]
        assert bool(met) == bool(available), need
    if "988" in triggered(intake) and any(r.urgent for r in plan.referrals()):
        first = plan.pathways[0]
        if any("crisis.hotline" in r.types for r in first.referrals):
            assert first.code == "crisis"


@PROPERTY_SETTINGS
@given(intake_data, directories())
def test_every_pathway_with_an_eligible_service_appears(
    data: dict, items: list[ServiceView]
) -> None:
    intake = parse_intake(data, today=TODAY)
    plan = plan_of(intake, items)
    shown = {p.code for p in plan.pathways}
    for service in items:
        if not hard_rule_breaches(intake, service, distance=True):
            assert {c.split(".")[0] for c in service.codes if c in TYPES} <= shown


@PROPERTY_SETTINGS
@given(intake_data, directories())
def test_every_referral_has_a_reason_and_a_sane_score(data: dict, items: list[ServiceView]) -> None:
    plan = plan_of(parse_intake(data, today=TODAY), items)
    # The engine builds the plan without validation; the model must accept it as it is.
    assert ReferralPlan.model_validate_json(plan.to_json()) == plan
    for pathway in plan.pathways:
        assert pathway.referrals
        scores = [r.score for r in pathway.referrals]
        assert scores == sorted(scores, reverse=True)
        for referral in pathway.referrals:
            assert referral.reasons and all(r.strip() for r in referral.reasons)
            assert 0 <= referral.score <= 1


@PROPERTY_SETTINGS
@given(intake_data, directories(), st.randoms())
def test_the_plan_is_deterministic(data: dict, items: list[ServiceView], rnd: Any) -> None:
    intake = parse_intake(data, today=TODAY)
    first = plan_of(intake, items).to_json()
    shuffled = items[:]
    rnd.shuffle(shuffled)
    assert plan_of(intake, shuffled).to_json() == first


SKIPPABLE = (
    ("client", "age"),
    ("client", "gender"),
    ("client", "languages"),
    ("client", "postal_code"),
    ("substances", None),
    ("risks", None),
    ("circumstances", "pregnant"),
    ("circumstances", "veteran"),
    ("circumstances", None),
    ("preferences", "faith_based"),
    ("preferences", "max_distance_km"),
)


@PROPERTY_SETTINGS
@given(intake_data, directories(), st.sets(st.sampled_from(SKIPPABLE), min_size=1))
def test_skipping_questions_never_keeps_a_service_out(
    data: dict, items: list[ServiceView], skipped: set
) -> None:
    fewer: dict = {**data, "client": dict(data["client"])}
    for section, name in skipped:
        if name is None:
            fewer.pop(section, None)
        elif isinstance(fewer.get(section), dict):
            fewer[section] = {k: v for k, v in fewer[section].items() if k != name}
    full = kept_out(plan_of(parse_intake(data, today=TODAY), items), items)
    less = kept_out(plan_of(parse_intake(fewer, today=TODAY), items), items)
    assert less <= full


def kept_out(plan: ReferralPlan, items: list[ServiceView]) -> set[str]:
    """Services a hard rule keeps out (one kept beyond the distance limit for the safety
    floor counts as kept out: its distance is still too far)."""
    kept = {r.service_id for r in plan.referrals() if not any("limit" in c for c in r.cautions)}
    return {s.id for s in items} - kept


@PROPERTY_SETTINGS
@given(
    st.lists(st.sampled_from(("abstinence", "reduced_use", "safety")), min_size=1, unique=True),
    directories(),
)
def test_with_no_answers_only_status_and_the_goals_keep_services_out(
    goals: list[str], items: list[ServiceView]
) -> None:
    plan = plan_of(parse_intake({"client": {"name": "Sky"}, "goals": goals}, today=TODAY), items)
    for excluded in plan.excluded:
        assert set(excluded.rules) <= {"eligibility.status", "eligibility.requires_abstinence"}


TIGHT = dataclasses.replace(RULES, limits=Limits(2, 1000, 100, 365))


@PROPERTY_SETTINGS
@given(intake_data, directories())
def test_the_best_few_are_the_head_of_the_full_order(data: dict, items: list[ServiceView]) -> None:
    intake = parse_intake(data, today=TODAY)
    full = {p.code: p.referrals for p in plan_of(intake, items).pathways}
    tight = make_plan(intake, directory(*items), TIGHT, today=TODAY)
    for pathway in tight.pathways:
        head = [r.service_id for r in pathway.referrals[:2]]
        assert head == [r.service_id for r in full[pathway.code][:2]]
        assert pathway.more_available == len(full[pathway.code]) - len(pathway.referrals)


@PROPERTY_SETTINGS
@given(intake_data, directories())
def test_referrals_go_by_score_then_distance_then_name(
    data: dict, items: list[ServiceView]
) -> None:
    # Shown scores are rounded to 3 places; with the bundled weights two different scores
    # never round alike, so the shown values order like the exact ones.
    plan = plan_of(parse_intake(data, today=TODAY), items)
    by_id = {s.id: s for s in items}
    for pathway in plan.pathways:
        keys = [
            (
                -r.score,
                r.distance_km if r.distance_km is not None else float("inf"),
                by_id[r.service_id].name,
                r.service_id,
            )
            for r in pathway.referrals
        ]
        assert keys == sorted(keys)
