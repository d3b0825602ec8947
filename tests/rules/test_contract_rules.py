"""One test per rule of contract §3a, on small directories built in the test."""

import pytest
from rulekit import (
    km_north,
    make_intake,
    only,
    pathway_codes,
    plan_for,
    referrals,
    referred_ids,
    svc,
    use,
    why,
)

from intake.directory.snapshot import Place

OPIOIDS = [use("opioids")]


# --- goals order pathways, never hide one -------------------------------------------------


def test_goals_order_pathways_but_every_pathway_with_a_service_appears() -> None:
    plan = plan_for(
        make_intake(["abstinence"]),
        svc("hr", "harm_reduction.test_strips"),
        svc("aa", "twelve_step.meeting"),
        svc("food", "basic_needs.food"),
    )
    assert pathway_codes(plan) == ["twelve_step", "harm_reduction", "basic_needs"]
    fits = {p.code: p.fit for p in plan.pathways}
    assert fits == {
        "twelve_step": "matches_goal",
        "harm_reduction": "also_available",
        "basic_needs": "also_available",
    }


def test_goal_table_order_follows_the_clients_first_goal() -> None:
    services = [svc("mod", "moderation.program"), svc("hr", "harm_reduction.test_strips")]
    assert pathway_codes(plan_for(make_intake(["reduced_use"]), *services)) == [
        "moderation",
        "harm_reduction",
    ]
    assert pathway_codes(plan_for(make_intake(["safety"]), *services)) == [
        "harm_reduction",
        "moderation",
    ]


def test_a_pathway_with_an_urgent_referral_comes_first() -> None:
    plan = plan_for(
        make_intake(
            ["abstinence"],
            substances=[use("alcohol")],
            risks={"severe_withdrawal_history": True},
        ),
        svc("aa", "twelve_step.meeting"),
        svc("wm", "treatment.withdrawal_management"),
        svc("hr", "harm_reduction.test_strips"),
    )
    assert pathway_codes(plan)[0] == "treatment"
    assert only(referrals(plan, "wm")).urgent


def test_within_a_band_pathways_with_a_safety_net_come_first() -> None:
    # Both also_available for an abstinence goal; crisis holds the spotting line.
    plan = plan_for(
        make_intake(["abstinence"], substances=OPIOIDS, risks={"uses_alone": True}),
        svc("food", "basic_needs.food"),
        svc("line", "crisis.overdose_spotting", km=None),
        svc("aa", "twelve_step.meeting"),
    )
    assert pathway_codes(plan) == ["twelve_step", "crisis", "basic_needs"]


def test_suicidal_thoughts_put_988_first_and_urgent() -> None:
    plan = plan_for(
        make_intake(
            ["reduced_use"],
            substances=[use("alcohol")],
            risks={"suicidal_thoughts": True, "severe_withdrawal_history": True},
        ),
        svc("wm", "treatment.withdrawal_management"),
        svc("988", "crisis.hotline", km=None),
        svc("mod", "moderation.program"),
    )
    assert pathway_codes(plan)[:2] == ["crisis", "treatment"]
    line = only(referrals(plan, "988"))
    assert line.urgent and line.safety_net
    assert "safety.crisis_line" in line.rules_fired


# --- hard exclusions -----------------------------------------------------------------------


def test_age_outside_the_services_ages_excludes() -> None:
    adults = svc("adults", "treatment.outpatient", minimum_age=18)
    teens = svc("teens", "treatment.outpatient", minimum_age=12, maximum_age=17)
    plan = plan_for(make_intake(client={"age": 16}), adults, teens)
    assert referred_ids(plan) == {"teens"}
    assert why(plan, "adults") == ["For ages 18 and over only"]
    plan = plan_for(make_intake(client={"age": 40}), adults, teens)
    assert referred_ids(plan) == {"adults"}
    assert why(plan, "teens") == ["For ages 12 to 17 only"]


def test_age_from_the_date_of_birth_on_the_plans_day() -> None:
    adults = svc("adults", "treatment.outpatient", minimum_age=18)
    born = {"date_of_birth": "2008-11-24"}  # 18 tomorrow
    assert referred_ids(plan_for(make_intake(client=born), adults)) == set()


def test_unknown_age_keeps_the_service_with_a_caution() -> None:
    plan = plan_for(make_intake(), svc("adults", "treatment.outpatient", minimum_age=18))
    assert "For ages 18 and over only: ask if this applies" in only(referrals(plan)).cautions


@pytest.mark.parametrize(
    ("code", "answers", "kept"),
    [
        ("population.pregnant", {"circumstances": {"pregnant": False, "postpartum": False}}, False),
        ("population.pregnant", {"circumstances": {"pregnant": False, "postpartum": True}}, True),
        ("population.veteran", {"circumstances": {"veteran": False}}, False),
        ("population.veteran", {"circumstances": {"veteran": True}}, True),
        ("population.adolescent", {"client": {"age": 25}}, False),
        ("population.adolescent", {"client": {"age": 16}}, True),
        ("population.women", {"client": {"gender": "man"}}, False),
        ("population.women", {"client": {"gender": "woman"}}, True),
        ("population.men", {"client": {"gender": "woman"}}, False),
        ("population.justice_involved", {"circumstances": {"justice_involved": False}}, False),
    ],
)
def test_a_known_no_to_a_population_excludes(code: str, answers: dict, kept: bool) -> None:
    plan = plan_for(make_intake(**answers), svc("only", "peer_support.recovery_coach", code))
    assert ("only" in referred_ids(plan)) is kept
    if not kept:
        assert only([e for e in plan.excluded]).rules == [f"eligibility.{code}"]


@pytest.mark.parametrize(
    ("code", "caution"),
    [
        ("population.veteran", "Veterans only: ask if this applies"),
        (
            "population.pregnant",
            "Only for people who are pregnant or just gave birth: ask if this applies",
        ),
        ("population.adolescent", "Only for young people under 18: ask if this applies"),
        ("population.women", "Only for women: ask if this applies"),
        ("population.lgbtq", "For LGBTQ+ people: ask if this applies"),
    ],
)
def test_a_skipped_population_question_keeps_the_service_with_a_caution(
    code: str, caution: str
) -> None:
    plan = plan_for(make_intake(), svc("only", "peer_support.recovery_coach", code))
    assert caution in only(referrals(plan)).cautions
    assert plan.excluded == []


def test_lgbtq_services_are_never_excluded_and_nonbinary_clients_are_asked() -> None:
    lgbtq = svc("lgbtq", "secular_mutual_aid.meeting", "population.lgbtq")
    women = svc("women", "secular_mutual_aid.meeting", "population.women")
    man = plan_for(make_intake(client={"gender": "man"}), lgbtq, women)
    assert referred_ids(man) == {"lgbtq"}
    nonbinary = plan_for(make_intake(client={"gender": "nonbinary"}), lgbtq, women)
    assert referred_ids(nonbinary) == {"lgbtq", "women"}
    assert "For LGBTQ+ people" in only(referrals(nonbinary, "lgbtq")).reasons
    assert "Only for women: ask if this applies" in only(referrals(nonbinary, "women")).cautions


def test_none_of_the_clients_substances_excludes_a_substance_limited_service() -> None:
    alcohol = svc("aa", "twelve_step.meeting", "substance.alcohol")
    opioids = svc("na", "twelve_step.meeting", "substance.opioids")
    everyone = svc("smart", "secular_mutual_aid.meeting")
    plan = plan_for(make_intake(substances=[use("alcohol")]), alcohol, opioids, everyone)
    assert referred_ids(plan) == {"aa", "smart"}
    assert why(plan, "na") == ["Only for people who use opioids"]


def test_past_use_counts_for_substance_limited_services() -> None:
    plan = plan_for(
        make_intake(substances=[use("opioids", frequency="not_current")]),
        svc("na", "twelve_step.meeting", "substance.opioids"),
    )
    assert referred_ids(plan) == {"na"}


def test_unknown_substances_keep_the_service_with_a_caution() -> None:
    na = svc("na", "twelve_step.meeting", "substance.opioids")
    for answers in ({}, {"substances": [{"route": "injection"}]}):  # not asked / not named
        plan = plan_for(make_intake(**answers), na)
        assert (
            "Only for people who use opioids: ask if this applies" in only(referrals(plan)).cautions
        )


def test_requirement_abstinence_excludes_unless_a_goal_is_abstinence() -> None:
    residence = svc("home", "basic_needs.recovery_housing", "requirement.abstinence")
    plan = plan_for(make_intake(["reduced_use", "safety"]), residence)
    assert referred_ids(plan) == set()
    assert only(plan.excluded).rules == ["eligibility.requires_abstinence"]
    assert referred_ids(plan_for(make_intake(["abstinence"]), residence)) == {"home"}


def test_a_service_offered_only_in_other_languages_is_excluded() -> None:
    spanish = svc("es", "twelve_step.meeting", languages=("es",))
    english = svc("en", "twelve_step.meeting")  # no language rows: English
    plan = plan_for(make_intake(client={"languages": ["en"]}), spanish, english)
    assert referred_ids(plan) == {"en"}
    assert why(plan, "es") == ["Offered only in Spanish"]
    plan = plan_for(make_intake(client={"languages": ["es"]}), spanish, english)
    assert referred_ids(plan) == {"es"}
    assert why(plan, "en") == ["Offered only in English"]


def test_unknown_languages_exclude_nothing_and_ask_about_non_english_services() -> None:
    spanish = svc("es", "twelve_step.meeting", languages=("es",))
    english = svc("en", "twelve_step.meeting")
    plan = plan_for(make_intake(), spanish, english)
    assert referred_ids(plan) == {"es", "en"}
    assert "Offered only in Spanish: ask if this works" in only(referrals(plan, "es")).cautions
    assert only(referrals(plan, "en")).cautions == []


def test_farther_than_the_limit_excludes_unless_online_or_by_phone() -> None:
    near = svc("near", "treatment.outpatient", km=10)
    far = svc("far", "treatment.outpatient", km=55)
    far_online = svc("far-online", "treatment.outpatient", "format.online", km=60)
    far_phone = svc("far-phone", "treatment.outpatient", "format.phone", km=60)
    no_place = svc("line", "treatment.outpatient", km=None)
    intake = make_intake(client={"postal_code": "59101"}, preferences={"max_distance_km": 40})
    plan = plan_for(intake, near, far, far_online, far_phone, no_place)
    assert referred_ids(plan) == {"near", "far-online", "far-phone", "line"}
    assert why(plan, "far") == ["55 km away, farther than the 40 km limit"]
    assert only(referrals(plan, "line")).distance_km is None


def test_unknown_or_missing_postal_code_checks_no_distance_and_says_so() -> None:
    far = svc("far", "treatment.outpatient", km=600)
    unknown = plan_for(
        make_intake(client={"postal_code": "99999"}, preferences={"max_distance_km": 10}), far
    )
    assert referred_ids(unknown) == {"far"}
    assert "Postal code 99999 not found: distances not checked" in unknown.cautions
    assert only(referrals(unknown)).distance_km is None
    missing = plan_for(make_intake(preferences={"max_distance_km": 10}), far)
    assert referred_ids(missing) == {"far"}
    assert "No postal code given: distances not checked" in missing.cautions


def test_faith_based_services_are_excluded_for_a_client_who_avoids_them() -> None:
    faith = svc("faith", "twelve_step.meeting", "approach.faith_based")
    avoid = plan_for(make_intake(preferences={"faith_based": "avoid"}), faith)
    assert only(avoid.excluded).rules == ["eligibility.faith_based"]
    for answer in ("welcome", "no_preference"):
        plan = plan_for(make_intake(preferences={"faith_based": answer}), faith)
        assert referred_ids(plan) == {"faith"}


@pytest.mark.parametrize(
    ("status", "text"),
    [
        ("inactive", "No longer offered"),
        ("defunct", "Closed"),
        ("temporarily closed", "Temporarily closed"),
    ],
)
def test_services_that_are_not_active_are_excluded_with_why(status: str, text: str) -> None:
    plan = plan_for(make_intake(), svc("shut", "basic_needs.food", status=status))
    assert referred_ids(plan) == set()
    assert why(plan, "shut") == [text]


def test_every_service_is_either_referred_or_listed_as_excluded() -> None:
    services = [
        svc("a", "twelve_step.meeting", minimum_age=21),
        svc("b", "moderation.program", "population.veteran"),
        svc("c", "treatment.residential", "requirement.abstinence"),
        svc("d", "harm_reduction.naloxone"),
        svc("e", "basic_needs.food", status="inactive"),
        svc("f", "twelve_step.meeting", languages=("vi",)),
    ]
    plan = plan_for(
        make_intake(
            ["reduced_use"],
            client={"age": 19, "languages": ["en"]},
            circumstances={"veteran": False},
        ),
        *services,
    )
    assert referred_ids(plan) == {"d"}
    assert {e.service_id for e in plan.excluded} == {"a", "b", "c", "e", "f"}
    assert all(e.why and e.rules for e in plan.excluded)


# --- missing answers are unknown, not "no" ------------------------------------------------------


def test_a_minimal_intake_excludes_nothing_that_depends_on_an_answer() -> None:
    services = [
        svc("vets", "twelve_step.meeting", "population.veteran"),
        svc("preg", "health.perinatal", "population.pregnant"),
        svc("adult", "treatment.outpatient", minimum_age=18),
        svc("teen", "treatment.outpatient", maximum_age=17),
        svc("alcohol", "twelve_step.meeting", "substance.alcohol"),
        svc("faith", "twelve_step.meeting", "approach.faith_based"),
        svc("vi", "health.primary_care", languages=("vi",)),
        svc("far", "health.primary_care", km=5000),
    ]
    plan = plan_for(make_intake(["abstinence"]), *services)
    assert plan.excluded == []
    assert referred_ids(plan) == {s.id for s in services}


# --- the safety floor -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answers",
    [
        {"substances": [use("opioids")]},
        {"substances": [use("opioids", frequency="weekly")]},
        {"substances": [{"substance": "opioids"}]},  # frequency skipped: counts as now
        {"substances": [use("methamphetamine")], "risks": {"fentanyl_exposure_possible": True}},
        {
            "substances": [use("opioids", frequency="not_current")],
            "risks": {"reduced_tolerance": True},
        },
    ],
)
def test_opioids_or_fentanyl_exposure_bring_a_naloxone_source(answers: dict) -> None:
    for goals in (["abstinence"], ["reduced_use"], ["safety"]):
        plan = plan_for(make_intake(goals, **answers), svc("nx", "harm_reduction.naloxone"))
        referral = only(referrals(plan, "nx"))
        assert referral.safety_net and "safety.naloxone" in referral.rules_fired
        assert "Naloxone (Narcan) to reverse an overdose" in referral.reasons


def test_no_naloxone_safety_net_without_a_trigger() -> None:
    plan = plan_for(
        make_intake(substances=[use("opioids", frequency="not_current")], risks={}),
        svc("nx", "harm_reduction.naloxone"),
    )
    assert not only(referrals(plan, "nx")).safety_net


def test_using_opioids_alone_brings_an_overdose_spotting_line() -> None:
    line = svc("nua", "crisis.overdose_spotting", "format.phone", km=None)
    alone = make_intake(["abstinence"], substances=OPIOIDS, risks={"uses_alone": True})
    assert only(referrals(plan_for(alone, line))).safety_net
    fentanyl = make_intake(
        substances=[use("cocaine")],
        risks={"uses_alone": True, "fentanyl_exposure_possible": True},
    )
    assert only(referrals(plan_for(fentanyl, line))).safety_net
    unknown = make_intake(substances=OPIOIDS)  # uses_alone not asked
    assert not only(referrals(plan_for(unknown, line))).safety_net


def test_injection_brings_syringe_services_and_hiv_hcv_testing() -> None:
    plan = plan_for(
        make_intake(["abstinence"], substances=[use("methamphetamine", route="injection")]),
        svc("ssp", "harm_reduction.syringe_services"),
        svc("test", "harm_reduction.hiv_hcv_testing"),
        svc("strips", "harm_reduction.test_strips"),
    )
    assert {r.service_id for r in plan.referrals() if r.safety_net} == {"ssp", "test"}


def test_severe_withdrawal_with_alcohol_or_benzodiazepines_brings_urgent_withdrawal_care() -> None:
    wm = svc("wm", "treatment.withdrawal_management")
    for substance in ("alcohol", "benzodiazepines"):
        plan = plan_for(
            make_intake(
                ["reduced_use"],
                substances=[use(substance)],
                risks={"severe_withdrawal_history": True},
            ),
            wm,
        )
        referral = only(referrals(plan, "wm"))
        assert referral.urgent and referral.safety_net
    opioids_only = plan_for(
        make_intake(substances=OPIOIDS, risks={"severe_withdrawal_history": True}), wm
    )
    assert not only(referrals(opioids_only, "wm")).urgent


def test_moderation_is_cautioned_not_excluded_after_severe_withdrawal() -> None:
    plan = plan_for(
        make_intake(
            ["reduced_use"],
            substances=[use("alcohol")],
            risks={"severe_withdrawal_history": True},
        ),
        svc("mm", "moderation.program"),
        svc("wm", "treatment.withdrawal_management"),
    )
    moderation = only(referrals(plan, "mm"))
    assert "caution.moderation_after_severe_withdrawal" in moderation.rules_fired
    assert any("medically managed withdrawal" in c for c in moderation.cautions)
    assert pathway_codes(plan) == ["treatment", "moderation"]


@pytest.mark.parametrize("answer", [{"pregnant": True}, {"postpartum": True}])
def test_pregnant_or_postpartum_with_opioids_brings_urgent_moud(answer: dict) -> None:
    plan = plan_for(
        make_intake(["reduced_use"], substances=OPIOIDS, circumstances=answer),
        svc("otp", "medication.methadone"),
        svc("bup", "medication.buprenorphine"),
        svc("ntx", "medication.naltrexone"),
    )
    assert pathway_codes(plan)[0] == "medication"
    assert {r.service_id for r in plan.referrals() if r.urgent} == {"otp", "bup"}
    naltrexone = only(referrals(plan, "ntx"))
    assert "caution.naltrexone_in_pregnancy" in naltrexone.rules_fired


def test_a_safety_net_beyond_the_distance_limit_keeps_the_nearest_with_a_caution() -> None:
    plan = plan_for(
        make_intake(
            substances=OPIOIDS,
            client={"postal_code": "59101"},
            preferences={"max_distance_km": 20},
        ),
        svc("nx-far", "harm_reduction.naloxone", km=90),
        svc("nx-farther", "harm_reduction.naloxone", km=150),
        svc("strips-far", "harm_reduction.test_strips", "health.primary_care", km=90),
    )
    kept = only(referrals(plan, "nx-far"))
    assert kept.safety_net
    assert kept.cautions[0] == (
        "Farther than the 20 km limit (90 km), but the nearest place that offers this"
    )
    assert referred_ids(plan) == {"nx-far"}
    assert "nx-far" not in {e.service_id for e in plan.excluded}


def test_the_safety_floor_shows_beyond_the_per_pathway_limit() -> None:
    # Nine free walk-in harm reduction services nearer than the only naloxone source.
    many = [
        svc(f"hr{i}", "harm_reduction.test_strips", "payment.free", "approach.walk_in", km=1)
        for i in range(9)
    ]
    plan = plan_for(make_intake(substances=OPIOIDS), *many, svc("nx", "harm_reduction.naloxone"))
    harm_reduction = plan.pathways[0]
    assert "nx" in {r.service_id for r in harm_reduction.referrals}
    assert harm_reduction.referrals[0].service_id == "nx"  # safety first within a pathway


def test_a_missing_safety_service_is_said_in_the_plan() -> None:
    plan = plan_for(
        make_intake(risks={"suicidal_thoughts": True}), svc("aa", "twelve_step.meeting")
    )
    assert any("988" in caution for caution in plan.cautions)


# --- ranking and reasons ---------------------------------------------------------------------


def test_cost_the_client_can_meet_ranks_higher_and_says_why() -> None:
    plan = plan_for(
        make_intake(circumstances={"insurance": ["medicaid"]}),
        svc("a-private", "health.primary_care", "payment.private"),
        svc("b-free", "health.primary_care", "payment.free"),
        svc("c-sliding", "health.primary_care", "payment.sliding_scale"),
        svc("d-medicaid", "health.primary_care", "payment.medicaid"),
    )
    order = [r.service_id for r in plan.pathways[0].referrals]
    assert order[-1] == "a-private"
    assert "Free" in only(referrals(plan, "b-free")).reasons
    assert "Sliding scale: cost depends on income" in only(referrals(plan, "c-sliding")).reasons
    assert "Takes Medicaid" in only(referrals(plan, "d-medicaid")).reasons


def test_a_shared_language_is_a_reason() -> None:
    plan = plan_for(
        make_intake(client={"languages": ["es", "en"]}),
        svc("a", "health.primary_care"),
        svc("b", "health.primary_care", languages=("en", "es")),
    )
    assert [r.service_id for r in plan.pathways[0].referrals] == ["b", "a"]
    assert "Offers services in Spanish" in only(referrals(plan, "b")).reasons


def test_nearer_ranks_higher_and_the_distance_is_a_reason() -> None:
    plan = plan_for(
        make_intake(client={"postal_code": "59101"}),
        svc("a-far", "health.primary_care", km=30),
        svc("b-near", "health.primary_care", km=4),
    )
    first, second = plan.pathways[0].referrals
    assert (first.service_id, second.service_id) == ("b-near", "a-far")
    assert "4.0 km away" in first.reasons and first.distance_km == 4.0


def test_low_barrier_and_walk_in_count_when_safety_is_a_goal() -> None:
    services = [
        svc("a", "harm_reduction.test_strips"),
        svc("b", "harm_reduction.test_strips", "approach.walk_in", "approach.low_barrier"),
    ]
    safety = plan_for(make_intake(["safety"]), *services)
    assert [r.service_id for r in safety.pathways[0].referrals] == ["b", "a"]
    assert {"Walk-in, no appointment", "Low barrier: no need to have stopped using"} <= set(
        only(referrals(safety, "b")).reasons
    )
    other = plan_for(make_intake(["abstinence"]), *services)
    assert "Walk-in, no appointment" not in only(referrals(other, "b")).reasons


def test_every_referral_has_a_reason_even_when_no_factor_applies() -> None:
    plan = plan_for(make_intake(["abstinence"]), svc("food", "basic_needs.food", km=None))
    assert only(referrals(plan)).reasons == ["Offers Food"]


def test_ties_are_broken_by_name_then_id() -> None:
    plan = plan_for(
        make_intake(),
        svc("z", "basic_needs.food", name="Pantry"),
        svc("b", "basic_needs.food", name="Pantry"),
        svc("a", "basic_needs.food", name="Meals"),
    )
    assert [r.service_id for r in plan.pathways[0].referrals] == ["a", "b", "z"]


def test_a_service_in_two_pathways_is_referred_in_each_with_its_types() -> None:
    clinic = svc("clinic", "health.primary_care", "medication.buprenorphine", "payment.free")
    plan = plan_for(make_intake(), clinic)
    assert {(r.pathway, tuple(r.types)) for r in referrals(plan)} == {
        ("health", ("health.primary_care",)),
        ("medication", ("medication.buprenorphine",)),
    }


def test_address_is_the_nearest_place_and_confidential_ones_say_call() -> None:
    two = svc(
        "two",
        "basic_needs.shelter",
        places=(
            Place("far", address="Far St", point=km_north(30)),
            Place("near", address="Near St", point=km_north(2)),
        ),
    )
    hidden = svc(
        "hidden",
        "basic_needs.shelter",
        places=(Place("x", address="", point=km_north(1), confidential=True),),
    )
    plan = plan_for(make_intake(client={"postal_code": "59101"}), two, hidden)
    assert only(referrals(plan, "two")).address == "Near St"
    assert only(referrals(plan, "hidden")).address == "Call for the address"
