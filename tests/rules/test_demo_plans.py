"""Plans a thoughtful counselor would want, for varied clients over the demo directory
(resources/demo, imported with the HSDS importer and read by the snapshot loader)."""

import pytest
from rulekit import TODAY, example, pathway_codes

from intake.directory.snapshot import DirectorySnapshot
from intake.rules import ReferralPlan, RuleSet, make_plan
from intake.rules.plan import Referral


@pytest.fixture(scope="module")
def plan_of(demo_directory: DirectorySnapshot, rules: RuleSet):  # type: ignore[no-untyped-def]
    def make(name: str) -> ReferralPlan:
        return make_plan(example(name), demo_directory, rules, today=TODAY)

    return make


def named(plan: ReferralPlan, name: str) -> list[Referral]:
    return [r for r in plan.referrals() if r.service_name == name]


def excluded_named(plan: ReferralPlan, name: str) -> list[list[str]]:
    return [e.why for e in plan.excluded if e.service_name == name]


def safety_rules(plan: ReferralPlan) -> set[str]:
    """The safety rules behind the plan's safety-net referrals."""
    return {
        rule
        for r in plan.referrals()
        if r.safety_net
        for rule in r.rules_fired
        if rule.startswith("safety.")
    }


def test_unhoused_injecting_fentanyl_with_a_safety_goal(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("unhoused_injecting_fentanyl_safety.json")
    assert pathway_codes(plan)[:2] == ["harm_reduction", "crisis"]
    assert {
        "safety.naloxone",
        "safety.syringe_services",
        "safety.hiv_hcv_testing",
        "safety.overdose_spotting",
    } <= safety_rules(plan)
    shelter = named(plan, "Low-barrier night shelter")[0]
    assert "A place to stay" in shelter.reasons and "Free" in shelter.reasons
    # A 5 km limit: the methadone program 5.1 km away is listed as kept out, with why.
    assert excluded_named(plan, "Methadone treatment") == [
        ["5.1 km away, farther than the 5 km limit"]
    ]
    remote = ("Online, from anywhere", "By phone, from anywhere")
    for referral in plan.referrals():
        if referral.distance_km is not None and referral.distance_km > 5:
            assert any(reason in referral.reasons for reason in remote), referral.service_name


def test_pregnant_woman_using_opioids_who_wants_to_cut_down(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("pregnant_opioids_reduced_use.json")
    medication = plan.pathways[0]
    assert medication.code == "medication"
    urgent = {r.service_name for r in medication.referrals if r.urgent}
    assert {"Methadone treatment", "Pregnancy and parenting opioid treatment"} <= urgent
    perinatal = named(plan, "Pregnancy and parenting opioid treatment")[0]
    assert "For people who are pregnant or just gave birth" in perinatal.reasons
    assert any("during pregnancy" in c for c in perinatal.cautions)
    assert "safety.naloxone" in safety_rules(plan)
    assert (
        "Care during pregnancy and after birth"
        in named(plan, "Prenatal and postpartum care")[0].reasons
    )


def test_man_with_past_withdrawal_seizures_who_wants_to_stop_drinking(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("alcohol_withdrawal_seizures_abstinence.json")
    first = plan.pathways[0]
    assert first.code == "treatment" and first.referrals[0].urgent
    assert first.referrals[0].service_name == "Medically managed withdrawal"
    # The one near Bozeman is beyond his 40 km limit; the Billings one is in reach.
    assert first.referrals[0].distance_km is not None and first.referrals[0].distance_km < 40
    moderation = named(plan, "Moderation Management group")[0]
    assert "caution.moderation_after_severe_withdrawal" in moderation.rules_fired
    assert any("seizures" in c for c in plan.cautions)


def test_sixteen_year_old(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("adolescent_cannabis_alcohol.json")
    assert named(plan, "Teen outpatient program") and named(plan, "Teen recovery coaching")
    assert "For young people" in named(plan, "Teen recovery coaching")[0].reasons
    for adults_only in (
        "Inpatient treatment",
        "Low-barrier night shelter",
        "Moderation Management group",
    ):
        assert excluded_named(plan, adults_only) == [["For ages 18 and over only"]]
        assert not named(plan, adults_only)
    assert "For LGBTQ+ people" in named(plan, "LGBTQ+ recovery meeting")[0].reasons


def test_spanish_speaker(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("spanish_speaker_methamphetamine.json")
    for referral in plan.referrals():
        assert "Offers services in Spanish" in referral.reasons
    assert excluded_named(plan, "SMART Recovery meeting") == [["Offered only in English"]]
    assert "safety.naloxone" in safety_rules(plan)  # fentanyl in the supply


def test_veteran_who_wants_to_stop_drinking(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("veteran_alcohol_va.json")
    counseling = named(plan, "Veterans counseling")[0]
    assert {"For veterans", "Takes VA benefits"} <= set(counseling.reasons)
    assert "A men's group, as you prefer" in named(plan, "Men's recovery circle")[0].reasons
    assert excluded_named(plan, "Women for Sobriety meeting") == [["Only for women"]]
    assert pathway_codes(plan)[0] in ("twelve_step", "secular_mutual_aid", "treatment")


def test_thoughts_of_suicide_put_988_first(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("suicidal_thoughts_cocaine_alcohol.json")
    crisis = plan.pathways[0]
    assert crisis.code == "crisis"
    assert crisis.referrals[0].urgent and "crisis.hotline" in crisis.referrals[0].types
    assert any("988" in c for c in plan.cautions)


def test_released_from_prison_with_opioid_history(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("released_from_prison_opioid_history.json")
    assert "safety.naloxone" in safety_rules(plan)
    assert any("smaller amount can cause an overdose" in c for c in plan.cautions)
    coaching = named(plan, "Re-entry recovery coaching")[0]
    assert "For people involved with the justice system" in coaching.reasons
    # Injection was in the past: syringe services are offered, not pushed as a safety net.
    assert "safety.syringe_services" not in safety_rules(plan)


def test_abstinence_without_religion(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("abstinence_avoids_faith_based.json")
    assert excluded_named(plan, "Christ-centered 12-step recovery group") == [
        ["Faith-based, and you asked for programs without religion"]
    ]
    assert named(plan, "SMART Recovery meeting") and named(plan, "LifeRing online meeting")
    assert pathway_codes(plan)[:2] == ["twelve_step", "secular_mutual_aid"]
    medication = named(plan, "Medication for alcohol use")[0]
    assert any("not open to medication" in c for c in medication.cautions)


def test_unknown_postal_code_checks_no_distance(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("unknown_postal_code_tobacco_alcohol.json")
    assert "Postal code 59199 not found: distances not checked" in plan.cautions
    assert all(r.distance_km is None for r in plan.referrals())
    assert not any("km away" in w for e in plan.excluded for w in e.why)
    assert named(plan, "Quit tobacco program")


def test_alias_only_intake_keeps_out_nothing_that_depends_on_an_answer(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("minimal_alias_only.json")
    assert {rule for e in plan.excluded for rule in e.rules} <= {
        "eligibility.status",
        "eligibility.requires_abstinence",
    }
    vets = named(plan, "Veteran peer mentors")[0]
    assert "Veterans only: ask if this applies" in vets.cautions


def test_mixing_benzodiazepines_and_opioids(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("benzodiazepines_and_opioids_mixing.json")
    assert pathway_codes(plan)[0] == "harm_reduction"
    assert plan.pathways[0].referrals[0].safety_net
    assert any(c.startswith("Mixing opioids") for c in plan.cautions)
    assert named(plan, "Benzodiazepine taper clinic")


def test_on_buprenorphine_looking_for_peers(plan_of) -> None:  # type: ignore[no-untyped-def]
    plan = plan_of("buprenorphine_peer_support.json")
    assert "peer_support" in pathway_codes(plan)
    bup = named(plan, "Walk-in buprenorphine clinic")[0]
    assert "Can help you keep taking your medication" in bup.reasons


def test_every_demo_plan_explains_every_referral(plan_of) -> None:  # type: ignore[no-untyped-def]
    from rulekit import EXAMPLES

    for path in sorted(EXAMPLES.glob("*.json")):
        plan = plan_of(path.name)
        assert plan.pathways, path.name
        for referral in plan.referrals():
            assert referral.reasons and referral.rules_fired, (path.name, referral.service_name)
