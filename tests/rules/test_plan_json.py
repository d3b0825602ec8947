"""The plan serialises exactly as contract §4, and is the same for the same input."""

import json
import random
from datetime import UTC, datetime

from rulekit import TODAY, directory, make_intake, plan_for, svc, use

from intake.rules import make_plan

REFERRAL_KEYS = {
    "service_id", "service_name", "organization_name", "pathway", "types", "score", "urgent",
    "safety_net", "reasons", "cautions", "distance_km", "address", "phones", "url", "schedule",
    "rules_fired",
}  # fmt: skip


def sample_services() -> list:
    return [
        svc("nx", "harm_reduction.naloxone", "payment.free", name="Naloxone pickup", km=3),
        svc("ssp", "harm_reduction.syringe_services", km=8),
        svc("otp", "medication.methadone", "payment.medicaid", km=2),
        svc("aa", "twelve_step.meeting", minimum_age=21),
        svc("line", "crisis.overdose_spotting", "format.phone", km=None),
        svc("vets", "peer_support.recovery_coach", "population.veteran"),
    ]


def sample_intake():  # type: ignore[no-untyped-def]
    return make_intake(
        ["safety", "reduced_use"],
        client={"postal_code": "59101", "age": 19},
        substances=[use("opioids", "injection")],
        risks={"uses_alone": True},
        preferences={"max_distance_km": 40},
    )


def test_the_plan_json_has_the_contracts_fields() -> None:
    plan = plan_for(sample_intake(), *sample_services())
    data = json.loads(plan.to_json())
    assert {"generated_at", "directory_version", "rules_version", "pathways", "excluded"} <= set(
        data
    )
    assert data["generated_at"] == "2026-11-23T00:00:00Z"
    assert data["directory_version"] == "test"
    assert data["rules_version"].startswith("bundled:")
    assert isinstance(data["cautions"], list)
    for pathway in data["pathways"]:
        assert {"code", "label", "fit", "referrals"} <= set(pathway)
        assert pathway["fit"] in ("matches_goal", "also_available")
        for referral in pathway["referrals"]:
            assert set(referral) >= REFERRAL_KEYS
            assert 0 <= referral["score"] <= 1
            assert referral["reasons"] and all(isinstance(r, str) for r in referral["reasons"])
            assert referral["pathway"] == pathway["code"]
    excluded = data["excluded"]
    assert [e["service_id"] for e in excluded] == ["aa"]
    assert {"service_id", "service_name", "why", "rules"} <= set(excluded[0])
    assert excluded[0]["why"] == ["For ages 21 and over only"]
    assert excluded[0]["rules"] == ["eligibility.age"]


def test_referrals_are_ordered_by_score_within_a_pathway() -> None:
    plan = plan_for(sample_intake(), *sample_services())
    for pathway in plan.pathways:
        scores = [r.score for r in pathway.referrals]
        assert scores == sorted(scores, reverse=True)


def test_generated_at_is_the_given_time_in_utc() -> None:
    now = datetime(2026, 11, 23, 10, 0, 0, 123456, tzinfo=UTC)
    plan = make_plan(sample_intake(), directory(*sample_services()), _rules(), today=TODAY, now=now)
    assert json.loads(plan.to_json())["generated_at"] == "2026-11-23T10:00:00Z"


def test_the_same_input_gives_the_same_plan_whatever_the_directory_order() -> None:
    services = sample_services() + [
        svc(f"food{i}", "basic_needs.food", name=f"Pantry {i % 3}", km=i) for i in range(12)
    ]
    first = plan_for(sample_intake(), *services).to_json()
    assert plan_for(sample_intake(), *services).to_json() == first
    for seed in range(5):
        shuffled = services[:]
        random.Random(seed).shuffle(shuffled)
        assert plan_for(sample_intake(), *shuffled).to_json() == first


def _rules():  # type: ignore[no-untyped-def]
    from rulekit import BUNDLED_RULES

    from intake.rules import load_rules

    return load_rules(BUNDLED_RULES)
