"""The intake model (contract §1): validation, wording of problems, files, schema, round trip."""

import copy
import json
import subprocess
import sys
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.intake_model import (
    CIRCUMSTANCE_NAMES,
    PREFERENCE_NAMES,
    RISK_NAMES,
    Consent,
    FaithPreference,
    FormatPreference,
    Frequency,
    Gender,
    Goal,
    Housing,
    InformationKind,
    Insurance,
    Intake,
    MedicationPreference,
    Route,
    SignerRelationship,
    Substance,
    dump_intake,
    intake_json_schema,
    intake_schema_text,
    load_intake,
    parse_intake,
)
from intake.paths import resource_path
from intake.problems import InputError, Problem

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(resource_path("examples", "intakes").glob("*.json"))
SCHEMA_FILE = resource_path("schemas", "intake.schema.json")
TODAY = date(2026, 11, 23)

FULL: dict[str, Any] = {
    "client": {
        "name": "Maria Lopez",
        "date_of_birth": "1990-04-12",
        "age": 34,
        "gender": "woman",
        "pronouns": "she/her",
        "languages": ["es", "en"],
        "postal_code": "59101",
        "phone": "+1 406 555 0100",
        "email": None,
        "safe_to_contact": True,
    },
    "goals": ["safety", "reduced_use"],
    "goal_statement": "Stay alive, use less, keep my kids",
    "substances": [
        {
            "substance": "opioids",
            "route": "injection",
            "frequency": "daily",
            "days_since_last_use": 0,
        }
    ],
    "risks": {
        "uses_alone": True,
        "overdose_last_12_months": False,
        "reduced_tolerance": False,
        "mixes_depressants": False,
        "severe_withdrawal_history": False,
        "suicidal_thoughts": False,
        "fentanyl_exposure_possible": True,
    },
    "circumstances": {
        "pregnant": False,
        "postpartum": False,
        "parenting": False,
        "housing": "unhoused",
        "insurance": ["medicaid"],
        "veteran": False,
        "justice_involved": False,
        "mental_health_concerns": False,
        "needs_transportation": True,
    },
    "preferences": {
        "medication": "open",
        "faith_based": "no_preference",
        "format": "either",
        "gender_specific": False,
        "max_distance_km": 40,
    },
    "consent": {
        "recipients": ["svc-123"],
        "information": [
            "identity",
            "contact",
            "goals",
            "substance_use",
            "risks",
            "circumstances",
        ],
        "purpose": "Referral for care at the client's request",
        "expires_on": "2027-05-23",
        "signed_by": "Maria Lopez",
        "signer_relationship": "self",
        "signed_on": "2026-11-23",
        "revoked_on": None,
    },
}
MINIMAL: dict[str, Any] = {"client": {"name": "Sky"}, "goals": ["safety"]}


def full(**changes: Any) -> dict[str, Any]:
    """The contract's example with changes at dotted paths ("client.age": 130)."""
    data = copy.deepcopy(FULL)
    for path, value in changes.items():
        set_path(data, path.replace("__", "."), value)
    return data


def set_path(data: Any, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data[int(part) if isinstance(data, list) else part]
    data[int(last) if isinstance(data, list) else last] = value


def problems_of(data: object, **kwargs: Any) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        parse_intake(data, today=TODAY, **kwargs)
    return caught.value.problems


def only_problem(data: object) -> Problem:
    problems = problems_of(data)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def parse(data: object) -> Intake:
    return parse_intake(data, today=TODAY)


# --- the examples ---------------------------------------------------------------------------


def test_there_are_a_dozen_examples() -> None:
    assert len(EXAMPLES) >= 12


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_loads_and_round_trips(path: Path) -> None:
    intake = load_intake(path)
    assert parse_intake(dump_intake(intake)) == intake
    # The committed file says no more and no less than the model keeps.
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert dump_intake(intake) == _without_nulls(raw)


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def example(stem: str) -> Intake:
    return load_intake(resource_path("examples", "intakes", f"{stem}.json"))


def test_examples_cover_the_cases_later_tests_rely_on() -> None:
    unhoused = example("unhoused_injecting_fentanyl_safety")
    assert unhoused.goals == [Goal.SAFETY] and unhoused.injects()
    assert unhoused.risk("uses_alone") is True and unhoused.circumstance("housing") == "unhoused"

    pregnant = example("pregnant_opioids_reduced_use")
    assert pregnant.circumstance("pregnant") is True and pregnant.uses("opioids")

    seizures = example("alcohol_withdrawal_seizures_abstinence")
    assert seizures.risk("severe_withdrawal_history") and seizures.uses("alcohol")

    teen = example("adolescent_cannabis_alcohol")
    assert teen.age_on(TODAY) == 16 and teen.substance_codes() == {"cannabis", "alcohol"}

    assert example("spanish_speaker_methamphetamine").client.languages == ["es"]
    veteran = example("veteran_alcohol_va")
    assert veteran.circumstance("veteran") is True
    assert veteran.circumstance("insurance") == [Insurance.VA, Insurance.MEDICARE]
    assert veteran.client.postal_code == "59044"

    released = example("released_from_prison_opioid_history")
    assert released.risk("reduced_tolerance") and released.uses("opioids")
    assert not released.injects()  # injected before, not now
    assert example("suicidal_thoughts_cocaine_alcohol").risk("suicidal_thoughts") is True
    assert example("abstinence_avoids_faith_based").preference("faith_based") == "avoid"

    skipped = example("minimal_alias_only")
    assert skipped.substances is None and skipped.risks is None and skipped.consent is None

    bup = example("buprenorphine_peer_support")
    assert bup.preference("medication") == MedicationPreference.CURRENTLY_TAKING
    mixing = example("benzodiazepines_and_opioids_mixing")
    assert mixing.substance_codes() >= {"benzodiazepines", "opioids"}
    assert mixing.risk("mixes_depressants") is True

    consented = example("consent_named_recipient")
    assert consented.consent is not None and consented.consent.recipients
    assert consented.consent.allows(consented.consent.recipients[0], TODAY)
    assert example("unknown_postal_code_tobacco_alcohol").client.postal_code == "59199"


def test_example_postal_codes_are_billings_laurel_or_the_one_unknown() -> None:
    known = {"59101", "59102", "59103", "59104", "59105", "59106", "59044"}
    codes = {load_intake(p).client.postal_code for p in EXAMPLES} - {None}
    assert codes - known == {"59199"}


# --- the JSON Schema ------------------------------------------------------------------------


def test_committed_schema_is_the_generated_one() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == intake_schema_text(), (
        "run: .venv/bin/python tools/write_intake_schema.py"
    )


def test_schema_tool_check_passes_on_the_committed_file() -> None:
    tool = ROOT / "tools" / "write_intake_schema.py"
    result = subprocess.run(
        [sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_schema_is_draft_2020_12_with_readable_descriptions() -> None:
    schema = intake_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["client", "goals"]
    for name, definition in schema["$defs"].items():
        assert definition.get("description"), f"{name} has no description"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_schema_accepts_every_example(path: Path) -> None:
    validator().validate(json.loads(path.read_text(encoding="utf-8")))


BAD_FOR_BOTH = {
    "unknown root key": full(notes="x"),
    "unknown client key": full(client__nickname="x"),
    "unknown substance key": full(substances__0__amount="x"),
    "unknown consent key": full(consent__witness="x"),
    "goal not in list": full(goals=["sobriety"]),
    "no goals": full(goals=[]),
    "duplicate goal": full(goals=["safety", "safety"]),
    "age too high": full(client__age=130),
    "age as text": full(client__age="34"),
    "flag as text": full(risks__uses_alone="yes"),
    "language name": full(client__languages=["Spanish"]),
    "zero distance": full(preferences__max_distance_km=0),
    "no name": {"client": {}, "goals": ["safety"]},
    "no client": {"goals": ["safety"]},
    "consent without signer": full(consent__signed_by=None),
    "consent without expiry": full(consent__expires_on=None),
    "bad date": full(client__date_of_birth="12/04/1990"),
}


@pytest.mark.parametrize("data", BAD_FOR_BOTH.values(), ids=BAD_FOR_BOTH.keys())
def test_schema_and_model_both_reject(data: dict[str, Any]) -> None:
    assert list(validator().iter_errors(data))
    assert problems_of(data)


# --- unknown keys ---------------------------------------------------------------------------

LEVELS = {
    "": "Intake",
    "client": "ClientInfo",
    "substances.0": "SubstanceUse",
    "risks": "Risks",
    "circumstances": "Circumstances",
    "preferences": "Preferences",
    "consent": "Consent",
}


@pytest.mark.parametrize("parent", LEVELS, ids=lambda p: p or "root")
def test_unknown_keys_are_rejected_at_every_level_with_their_path(parent: str) -> None:
    data = full()
    target: Any = data
    for part in filter(None, parent.split(".")):
        target = target[int(part) if part.isdigit() else part]
    target["zzz_extra"] = 1
    problem = only_problem(data)
    path = (parent.replace(".0", "[0]") + ".zzz_extra").lstrip(".")
    assert problem.field == path
    expected_fields = list(target.keys())[:-1]
    assert problem.message.startswith("unknown field (expected one of ")
    for name in expected_fields:
        assert name in problem.message


def test_unknown_field_message_lists_the_fields_and_suggests_a_near_one() -> None:
    problem = only_problem(full(client__date_of_brith="1990-04-12"))
    assert problem.field == "client.date_of_brith"
    assert problem.message.startswith(
        "unknown field (expected one of name, date_of_birth, age, gender, pronouns, languages"
    )
    assert problem.message.endswith('did you mean "date_of_birth"?')


# --- enum errors ----------------------------------------------------------------------------

ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "goals.0": Goal,
    "client.gender": Gender,
    "substances.0.substance": Substance,
    "substances.0.route": Route,
    "substances.0.frequency": Frequency,
    "circumstances.housing": Housing,
    "circumstances.insurance.0": Insurance,
    "preferences.medication": MedicationPreference,
    "preferences.faith_based": FaithPreference,
    "preferences.format": FormatPreference,
    "consent.signer_relationship": SignerRelationship,
    "consent.information.0": InformationKind,
}


@pytest.mark.parametrize("path", ENUM_FIELDS, ids=str)
def test_each_enum_error_names_the_path_the_value_and_every_choice(path: str) -> None:
    problem = only_problem(full(**{path.replace(".", "__"): "bogus"}))
    assert problem.field == path.replace(".0", "[0]")
    choices = ", ".join(member.value for member in ENUM_FIELDS[path])
    assert problem.message == f'"bogus" is not one of {choices}'
    assert problem.severity == "error" and problem.file == "intake"


def test_the_brief_wording_of_a_goal_error() -> None:
    problem = only_problem(full(goals=["sobriety"]))
    assert str(problem) == (
        'intake, field goals[0]: error: "sobriety" is not one of abstinence, reduced_use, safety'
    )


def test_enum_codes_are_case_sensitive_with_a_hint() -> None:
    problem = only_problem(full(substances__0__substance="Opioids"))
    assert problem.message.endswith('did you mean "opioids"?')


# --- required fields, ages, dates -----------------------------------------------------------


def test_missing_name_is_required() -> None:
    problem = only_problem({"client": {}, "goals": ["safety"]})
    assert problem.field == "client.name" and problem.message.startswith("required")


@pytest.mark.parametrize("name", ["", "   "])
def test_blank_name_is_an_error(name: str) -> None:
    problem = only_problem(full(client__name=name))
    assert problem.field == "client.name" and "is empty" in problem.message


def test_name_is_stripped_and_limited_to_200_characters() -> None:
    assert parse(full(client__name="  Maria  ")).client.name == "Maria"
    assert parse(full(client__name="x" * 200)).client.name == "x" * 200
    problem = only_problem(full(client__name="x" * 201))
    assert "201 characters long (expected at most 200)" in problem.message


def test_goals_are_required_non_empty_and_unique() -> None:
    assert only_problem({"client": {"name": "A"}}).field == "goals"
    empty = only_problem(full(goals=[]))
    assert empty.message == (
        "the list is empty (expected at least one of abstinence, reduced_use, safety)"
    )
    duplicate = only_problem(full(goals=["safety", "reduced_use", "safety"]))
    assert duplicate.field == "goals[2]" and duplicate.message == '"safety" is listed twice'


@pytest.mark.parametrize(
    ("age", "message"),
    [
        (130, "130 is more than 120"),
        (-1, "-1 is less than 0"),
        ("34", '"34" is not a whole number'),
        (34.5, "34.5 is not a whole number"),
        (True, "true is not a whole number"),
    ],
)
def test_age_rules(age: object, message: str) -> None:
    problem = only_problem(full(client__age=age))
    assert (problem.field, problem.message) == ("client.age", message)


@pytest.mark.parametrize("age", [0, 120])
def test_age_bounds_are_inclusive(age: int) -> None:
    assert parse(full(client__age=age)).client.age == age


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-11-24", '"2026-11-24" is in the future (today is 2026-11-23)'),
        ("1990-02-30", '"1990-02-30" is not a real date'),
        ("04/12/1990", '"04/12/1990" is not a date (expected a date written YYYY-MM-DD'),
        (19900412, "19900412 is not a date (expected"),
        ("1990-04-12T00:00:00", '"1990-04-12T00:00:00" is not a date'),
        ("1900-01-01", '"1900-01-01" is more than 120 years ago'),
    ],
)
def test_date_of_birth_rules(value: object, message: str) -> None:
    problem = only_problem(full(client__date_of_birth=value))
    assert problem.field == "client.date_of_birth"
    assert problem.message.startswith(message)


def test_date_of_birth_today_is_allowed() -> None:
    assert parse(full(client__date_of_birth=TODAY.isoformat())).age_on(TODAY) == 0


def test_age_on_counts_whole_years_from_the_date_of_birth() -> None:
    intake = parse(full(client__date_of_birth="1990-04-12", client__age=99))
    assert intake.age_on(date(2026, 4, 11)) == 35
    assert intake.age_on(date(2026, 4, 12)) == 36  # date of birth wins over a stated age


def test_age_on_falls_back_to_the_stated_age_then_unknown() -> None:
    assert parse(full(client__date_of_birth=None, client__age=34)).age_on(TODAY) == 34
    assert parse(MINIMAL).age_on(TODAY) is None


def test_leap_day_birthday() -> None:
    intake = parse(full(client__date_of_birth="2008-02-29"))
    assert intake.age_on(date(2026, 2, 28)) == 17
    assert intake.age_on(date(2026, 3, 1)) == 18


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("client.languages", ["ES"], 'did you mean "es"?'),
        ("client.languages", ["spanish"], "is not a two-letter lowercase ISO 639-1"),
        ("client.languages", ["en", "en"], '"en" is listed twice'),
        ("preferences.max_distance_km", 0, "0 is too small (expected more than 0)"),
        ("preferences.max_distance_km", -5, "-5 is too small (expected more than 0)"),
        ("preferences.max_distance_km", "40", '"40" is not a number'),
        ("substances.0.days_since_last_use", -1, "-1 is less than 0"),
        ("risks.uses_alone", "yes", '"yes" is not true or false'),
        ("risks.uses_alone", 1, "1 is not true or false"),
        ("client.phone", "call me", 'is not a phone number, e.g. "+1 406 555 0100"'),
        ("client.email", "maria at home", "is not an email address"),
        ("client.postal_code", "59101!!", 'is not a postal code, e.g. "59101"'),
        ("circumstances.insurance", ["none", "va"], '"none" cannot be listed together'),
        ("client", "Maria", '"Maria" is not an object (expected an object with name'),
        ("goals", "safety", '"safety" is not a list (expected a list of abstinence'),
        ("substances", {"substance": "alcohol"}, "an object is not a list"),
        ("goals", None, "required (one or more of abstinence, reduced_use, safety)"),
    ],
)
def test_other_field_rules(path: str, value: object, message: str) -> None:
    problem = only_problem(full(**{path.replace(".", "__"): value}))
    assert problem.field is not None and problem.field.startswith(path.replace(".0", "[0]"))
    assert message in problem.message


def test_a_non_object_intake_is_one_problem_without_a_field() -> None:
    problem = only_problem(["client", "goals"])
    assert problem.field is None
    assert problem.message.startswith("a list is not an object (expected an object with client")


def test_every_problem_is_reported_at_once_in_plain_words() -> None:
    data = full(
        goals=["sobriety"],
        client__age=130,
        client__nickname="M",
        substances__0__route="iv",
        consent__signed_on="soon",
    )
    problems = problems_of(data, source="maria.json")
    assert {p.field for p in problems} == {
        "goals[0]",
        "client.age",
        "client.nickname",
        "substances[0].route",
        "consent.signed_on",
    }
    for problem in problems:
        assert problem.severity == "error" and problem.file == "maria.json"
        assert "Input should" not in problem.message and "http" not in problem.message


# --- unknown is not "no" --------------------------------------------------------------------


@pytest.mark.parametrize("data", [MINIMAL, {**MINIMAL, "substances": None, "risks": None}])
def test_missing_sections_stay_unknown(data: dict[str, Any]) -> None:
    intake = parse(data)
    assert intake.substances is None and intake.risks is None
    assert intake.circumstances is None and intake.preferences is None and intake.consent is None
    assert all(intake.risk(name) is None for name in RISK_NAMES)
    assert all(intake.circumstance(name) is None for name in CIRCUMSTANCE_NAMES)
    assert all(intake.preference(name) is None for name in PREFERENCE_NAMES)
    assert intake.substance_codes() == frozenset() and not intake.injects()


def test_no_substances_differs_from_not_asked() -> None:
    assert parse({**MINIMAL, "substances": []}).substances == []
    assert parse(MINIMAL).substances is None
    assert "substances" not in dump_intake(parse(MINIMAL))
    assert dump_intake(parse({**MINIMAL, "substances": []}))["substances"] == []


def test_unanswered_questions_in_a_section_are_unknown_not_false() -> None:
    intake = parse({**MINIMAL, "risks": {"uses_alone": True}, "circumstances": {}})
    assert intake.risk("uses_alone") is True
    assert intake.risk("suicidal_thoughts") is None
    assert intake.circumstance("pregnant") is None


def test_blank_optional_text_is_unknown() -> None:
    intake = parse(full(client__phone="  ", client__pronouns=""))
    assert intake.client.phone is None and intake.client.pronouns is None


def test_asking_for_a_field_that_does_not_exist_is_an_error() -> None:
    intake = parse(FULL)
    with pytest.raises(ValueError, match="unknown risk 'use_alone'"):
        intake.risk("use_alone")
    with pytest.raises(ValueError, match="unknown circumstance"):
        intake.circumstance("homeless")
    with pytest.raises(ValueError, match="unknown preference"):
        intake.preference("faith")


def test_substances_current_and_past() -> None:
    intake = parse(
        full(
            substances=[
                {"substance": "alcohol", "frequency": "not_current"},
                {"substance": "opioids", "route": "smoking"},
                {"route": "injection", "frequency": "weekly"},  # declined to say what
            ]
        )
    )
    assert intake.substance_codes() == {"alcohol", "opioids"}
    assert intake.current_substance_codes() == {"opioids"}
    assert intake.uses("alcohol") and intake.uses("opioids") and not intake.uses("cocaine")
    assert intake.injects()


def test_injects_counts_unknown_frequency_but_not_past_use() -> None:
    past = parse(full(substances__0__frequency="not_current"))
    unknown = parse(full(substances__0__frequency=None))
    assert not past.injects() and unknown.injects()


# --- consent ---------------------------------------------------------------------------------


def consent(**changes: Any) -> Consent:
    intake = parse(full(**{f"consent__{k}": v for k, v in changes.items()}))
    assert intake.consent is not None
    return intake.consent


def test_consent_allows_named_recipients_while_valid() -> None:
    given = consent()
    assert given.allows("svc-123", date(2026, 11, 23))
    assert given.allows("svc-123", date(2027, 5, 23))  # valid through its last day
    assert not given.allows("svc-123", date(2027, 5, 24))
    assert not given.allows("svc-123", date(2026, 11, 22))  # before it was signed
    assert not given.allows("svc-999", date(2026, 12, 1))


def test_revoked_consent_allows_nothing_from_that_day() -> None:
    revoked = consent(revoked_on="2026-12-01")
    assert revoked.allows("svc-123", date(2026, 11, 30))
    assert not revoked.allows("svc-123", date(2026, 12, 1))


def test_consent_ending_with_an_event_stays_valid() -> None:
    by_event = consent(expires_on=None, expires_event="End of treatment")
    assert by_event.allows("svc-123", date(2030, 1, 1))


def test_consent_covers_only_listed_information() -> None:
    narrow = consent(information=["identity", "contact"])
    assert narrow.covers(InformationKind.IDENTITY) and narrow.covers("contact")
    assert not narrow.covers("substance_use")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"signed_by": None}, "consent.signed_by", "required"),
        ({"signed_on": None}, "consent.signed_on", "required"),
        ({"signed_on": "2026-12-01"}, "consent.signed_on", "is in the future"),
        ({"expires_on": None}, "consent.expires_on", "required: a consent needs an expiry"),
        ({"expires_on": "2026-11-01"}, "consent.expires_on", "is before the consent was signed"),
        ({"revoked_on": "2026-01-01"}, "consent.revoked_on", "is before the consent was signed"),
        ({"recipients": ["a", "a"]}, "consent.recipients[1]", '"a" is listed twice'),
        ({"recipients": [""]}, "consent.recipients[0]", '"" is empty'),
    ],
)
def test_consent_rules(changes: dict[str, Any], field: str, message: str) -> None:
    problem = only_problem(full(**{f"consent__{k}": v for k, v in changes.items()}))
    assert problem.field == field and message in problem.message


def test_no_consent_is_none() -> None:
    assert parse(full(consent=None)).consent is None


# --- files -----------------------------------------------------------------------------------


def load_problem(path: Path) -> Problem:
    with pytest.raises(InputError) as caught:
        load_intake(path)
    assert len(caught.value.problems) == 1
    return caught.value.problems[0]


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    problem = load_problem(tmp_path / "nobody.json")
    assert problem.file == "nobody.json" and problem.message.startswith("file not found")


def test_a_folder_is_not_an_intake(tmp_path: Path) -> None:
    assert "is a folder" in load_problem(tmp_path).message


def test_bad_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "client": {"name": "A"}\n  "goals": ["safety"]\n}\n', encoding="utf-8")
    problem = load_problem(path)
    assert problem.file == "broken.json"
    assert problem.message == "is not valid JSON: Expecting ',' delimiter at line 3, column 3"


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"client": {"name": "Tomás"}, "goals": ["safety"]}'.encode("latin-1"))
    assert load_problem(path).message.startswith("is not UTF-8 text (byte 0xe1 on line 1)")


def test_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text("  \n", encoding="utf-8")
    assert load_problem(path).message.startswith("is empty")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(MINIMAL).encode())
    assert load_intake(path).client.name == "Sky"


def test_duplicate_keys_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    path.write_text('{"client": {"name": "A"}, "goals": ["safety"], "goals": []}', encoding="utf-8")
    assert load_problem(path).message == 'the key "goals" appears twice in one object'


def test_nan_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "nan.json"
    data = json.dumps(full()).replace('"max_distance_km": 40', '"max_distance_km": NaN')
    path.write_text(data, encoding="utf-8")
    assert "NaN is not valid JSON" in load_problem(path).message


def test_schema_problems_in_a_file_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "client7.json"
    path.write_text(json.dumps(full(goals=["sobriety"])), encoding="utf-8")
    problem = load_problem(path)
    assert (problem.file, problem.field) == ("client7.json", "goals[0]")


# --- dump and parse round trip ---------------------------------------------------------------


def test_dump_omits_unknown_answers_and_is_json() -> None:
    dumped = dump_intake(parse(full(client__email=None, consent__revoked_on=None)))
    assert "email" not in dumped["client"] and "revoked_on" not in dumped["consent"]
    assert json.loads(json.dumps(dumped)) == dumped


def test_assignment_is_validated() -> None:
    intake = parse(FULL)
    with pytest.raises(ValueError):
        intake.client.age = 500


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def codes(enum: type[StrEnum]) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in enum])


text = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")
flags = optional(st.booleans())
past = st.dates(min_value=date(1910, 1, 1), max_value=TODAY)


def sections(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


clients = st.fixed_dictionaries(
    {"name": st.text(min_size=1, max_size=200).filter(lambda s: s.strip() != "")},
    optional={
        "date_of_birth": optional(past.map(date.isoformat)),
        "age": optional(st.integers(0, 120)),
        "gender": optional(codes(Gender)),
        "pronouns": optional(text),
        "languages": optional(st.lists(st.from_regex(r"[a-z]{2}", fullmatch=True), unique=True)),
        "postal_code": optional(st.from_regex(r"[0-9]{5}(-[0-9]{4})?", fullmatch=True)),
        "phone": optional(st.from_regex(r"\+1 406 555 [0-9]{4}", fullmatch=True)),
        "email": optional(st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.org", fullmatch=True)),
        "safe_to_contact": flags,
    },
)
substance_uses = sections(
    substance=optional(codes(Substance)),
    description=optional(text),
    route=optional(codes(Route)),
    frequency=optional(codes(Frequency)),
    days_since_last_use=optional(st.integers(0, 20000)),
)
risks = sections(**{name: flags for name in sorted(RISK_NAMES)})
circumstances = sections(
    **{name: flags for name in sorted(CIRCUMSTANCE_NAMES - {"housing", "insurance"})},
    housing=optional(codes(Housing)),
    insurance=optional(
        st.one_of(
            st.just(["none"]),
            st.lists(st.sampled_from(["medicaid", "medicare", "private", "va"]), unique=True),
        )
    ),
)
preferences = sections(
    medication=optional(codes(MedicationPreference)),
    faith_based=optional(codes(FaithPreference)),
    format=optional(codes(FormatPreference)),
    gender_specific=flags,
    max_distance_km=optional(
        st.one_of(st.integers(1, 500), st.floats(0.1, 20000, allow_nan=False))
    ),
)


@st.composite
def consents(draw: st.DrawFn) -> dict[str, Any]:
    signed_on = draw(st.dates(min_value=date(2000, 1, 1), max_value=TODAY))
    later = st.dates(min_value=signed_on, max_value=signed_on + timedelta(days=3650))
    expiry = draw(
        st.sampled_from([{"expires_on"}, {"expires_event"}, {"expires_on", "expires_event"}])
    )
    data: dict[str, Any] = {"signed_by": draw(text), "signed_on": signed_on.isoformat()}
    if "expires_on" in expiry:
        data["expires_on"] = draw(later).isoformat()
    if "expires_event" in expiry:
        data["expires_event"] = draw(text)
    data |= draw(
        sections(
            recipients=st.lists(st.from_regex(r"svc-[0-9]{1,4}", fullmatch=True), unique=True),
            information=st.lists(codes(InformationKind), unique=True),
            purpose=optional(text),
            signer_relationship=optional(codes(SignerRelationship)),
            revoked_on=optional(later.map(date.isoformat)),
        )
    )
    return data


intakes = st.fixed_dictionaries(
    {"client": clients, "goals": st.lists(codes(Goal), min_size=1, unique=True)},
    optional={
        "goal_statement": optional(st.text(max_size=300)),
        "substances": optional(st.lists(substance_uses, max_size=4)),
        "risks": optional(risks),
        "circumstances": optional(circumstances),
        "preferences": optional(preferences),
        "consent": optional(consents()),
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intakes)
def test_any_valid_intake_round_trips_and_its_dump_meets_the_schema(data: dict[str, Any]) -> None:
    intake = parse(data)
    dumped = dump_intake(intake)
    again = parse(json.loads(json.dumps(dumped)))
    assert again == intake
    assert dump_intake(again) == dumped
    assert not list(SCHEMA_VALIDATOR.iter_errors(dumped))


SCHEMA_VALIDATOR = validator()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
FIELDS_BY_SECTION = {
    "": list(Intake.model_fields),
    "client": list(FULL["client"]),
    "substances.0": ["substance", "description", "route", "frequency", "days_since_last_use"],
    "risks": sorted(RISK_NAMES),
    "circumstances": sorted(CIRCUMSTANCE_NAMES),
    "preferences": sorted(PREFERENCE_NAMES),
    "consent": [*FULL["consent"], "expires_event"],
}


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_any_wrong_value_gives_worded_problems_never_a_traceback(data: st.DataObject) -> None:
    section = data.draw(st.sampled_from(sorted(FIELDS_BY_SECTION)))
    name = data.draw(st.sampled_from(FIELDS_BY_SECTION[section]) | st.text(max_size=8))
    value = data.draw(json_values)
    path = f"{section}.{name}".lstrip(".") if name else section
    document = full()
    try:
        set_path(document, path, value)
    except (KeyError, IndexError, TypeError):
        return
    try:
        parse(document)
    except InputError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.severity == "error" and problem.message
            assert "is not valid here" not in problem.message, problem  # unworded error type
            assert "Input should" not in problem.message
