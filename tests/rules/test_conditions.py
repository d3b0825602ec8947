"""The condition language: three-valued logic over intake answers, and service codes."""

from typing import Any

import pytest
from rulekit import TODAY, make_intake, use

from intake.rules.conditions import ConditionReader, Truth
from intake.rules.fields import IntakeFacts, field_catalogue
from intake.taxonomy import load_taxonomy


def reader() -> ConditionReader:
    taxonomy = load_taxonomy()
    return ConditionReader(field_catalogue(), taxonomy.is_known, taxonomy.pathway_codes())


def truth(raw: Any, **answers: Any) -> Truth:
    problems: list[str] = []
    condition = reader().client(raw, lambda message, _needle: problems.append(message))
    assert condition is not None, problems
    return condition.evaluate(IntakeFacts(make_intake(**answers), TODAY))


def problems_of(raw: Any) -> list[str]:
    found: list[str] = []
    reader().client(raw, lambda message, _needle: found.append(message))
    return found


ALONE = {"field": "risks.uses_alone", "is": True}


def test_a_field_test_is_true_false_or_unknown() -> None:
    assert truth(ALONE, risks={"uses_alone": True}) is True
    assert truth(ALONE, risks={"uses_alone": False}) is False
    assert truth(ALONE, risks={}) is None  # asked about risks, not this one
    assert truth(ALONE) is None  # risks not asked at all


def test_not_keeps_unknown_unknown() -> None:
    assert truth({"not": ALONE}) is None
    assert truth({"not": ALONE}, risks={"uses_alone": False}) is True


@pytest.mark.parametrize(
    ("alone", "expected_all", "expected_any"),
    [(True, None, True), (False, False, None), (None, None, None)],
)
def test_all_and_any_follow_kleene_logic(
    alone: bool | None, expected_all: Truth, expected_any: Truth
) -> None:
    unknown = {"field": "risks.reduced_tolerance", "is": True}  # never answered below
    risks = {} if alone is None else {"uses_alone": alone}
    assert truth({"all": [ALONE, unknown]}, risks=risks) is expected_all
    assert truth({"any": [ALONE, unknown]}, risks=risks) is expected_any


def test_if_unknown_says_what_to_assume() -> None:
    assert truth({**ALONE, "if_unknown": True}) is True
    assert truth({**ALONE, "if_unknown": False}) is False
    assert truth({**ALONE, "if_unknown": True}, risks={"uses_alone": False}) is False


def test_known_asks_whether_a_question_was_answered() -> None:
    asked = {"field": "preferences.faith_based", "known": True}
    assert truth(asked) is False
    assert truth(asked, preferences={"faith_based": "avoid"}) is True


def test_contains_is_unknown_when_a_substance_was_not_named() -> None:
    opioids = {"field": "substances", "contains": "opioids"}
    assert truth(opioids, substances=[use("opioids")]) is True
    assert truth(opioids, substances=[use("alcohol")]) is False
    assert truth(opioids, substances=[use("alcohol"), {"route": "injection"}]) is None
    assert truth(opioids) is None
    assert truth(opioids, substances=[]) is False  # asked: none


def test_current_substances_leave_out_past_use_but_count_unknown_frequency() -> None:
    current = {"field": "substances.current", "contains": "opioids"}
    assert truth(current, substances=[use("opioids", frequency="not_current")]) is False
    assert truth(current, substances=[{"substance": "opioids"}]) is True
    route = {"field": "substances.current.route", "contains": "injection"}
    assert truth(route, substances=[use("opioids", "injection", "not_current")]) is False
    assert truth(route, substances=[use("opioids", "injection", "weekly")]) is True


def test_age_comes_from_the_date_of_birth_on_the_day() -> None:
    minor = {"field": "client.age", "below": 18}
    assert truth(minor, client={"date_of_birth": "2008-11-24"}) is True
    assert truth(minor, client={"date_of_birth": "2008-11-23"}) is False
    assert truth(minor, client={"age": 17}) is True
    assert truth(minor) is None


def test_in_and_list_operators() -> None:
    housing = {"field": "circumstances.housing", "in": ["unhoused", "unstable"]}
    assert truth(housing, circumstances={"housing": "unstable"}) is True
    assert truth(housing, circumstances={"housing": "stable"}) is False
    any_goal = {"field": "goals", "contains_any": ["abstinence", "safety"]}
    assert truth(any_goal) is True  # make_intake's goal is safety
    all_goals = {"field": "goals", "contains_all": ["abstinence", "safety"]}
    assert truth(all_goals) is False


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"field": "risks.uses_alon", "is": True}, 'did you mean "risks.uses_alone"'),
        ({"field": "risks.uses_alone", "is": "yes"}, "expected true or false"),
        ({"field": "client.gender", "is": "female"}, "is not a possible answer"),
        ({"field": "goals", "is": "safety"}, "is a list: use contains"),
        ({"field": "client.gender", "contains": "woman"}, "is not a list"),
        ({"field": "client.gender", "below": 3}, "is not a number"),
        ({"field": "risks.uses_alone"}, "needs exactly one operator"),
        ({"field": "risks.uses_alone", "is": True, "equals": 1}, "unknown key 'equals'"),
        ({"all": []}, "non-empty list"),
        ({"when": 1}, "needs `field`"),
        ("risks.uses_alone", "must be a table"),
    ],
)
def test_mistakes_in_conditions_are_explained(raw: Any, message: str) -> None:
    found = problems_of(raw)
    assert any(message in p for p in found), found


def test_service_conditions_test_codes_and_pathways() -> None:
    found: list[str] = []
    condition = reader().service(
        {"all": [{"pathway": "medication"}, {"not": {"has": "format.online"}}]},
        lambda message, _needle: found.append(message),
    )
    assert condition is not None, found
    assert condition.matches(frozenset({"medication.methadone"}))
    assert not condition.matches(frozenset({"medication.methadone", "format.online"}))
    assert not condition.matches(frozenset({"health.primary_care"}))
    bad: list[str] = []
    reader().service({"has": "medication.methadon"}, lambda m, _n: bad.append(m))
    assert bad and "unknown taxonomy code" in bad[0]
