"""The intake model's messages as templates (intake_model/wording.py): the Spanish catalog
covers every template, the English stays word for word what it was, and the Spanish says
the user's own value."""

import string
from datetime import date
from typing import Any

import pytest

from intake.intake_model import parse_intake, wording
from intake.problems import InputError, Problem, Wording
from intake.wording_i18n import load_message_texts, translated

TODAY = date(2026, 11, 23)
CONSENT: dict[str, Any] = {
    "recipients": ["svc-123"],
    "information": ["identity"],
    "signed_by": "Maria Lopez",
    "signed_on": "2026-11-23",
    "expires_on": "2027-05-23",
}


def intake(**client: Any) -> dict[str, Any]:
    return {"client": {"name": "Sky", **client}, "goals": ["safety"]}


def only_problem(data: object) -> Problem:
    with pytest.raises(InputError) as caught:
        parse_intake(data, today=TODAY)
    problems = caught.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def places(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_template_has_a_spanish_entry_with_its_places_and_none_is_unused() -> None:
    templates = set(wording.templates().values())
    texts = load_message_texts("es")
    missing = sorted(templates - set(texts))
    unused = sorted(set(texts) - templates)
    assert not missing, f"add these to resources/messages/es.toml: {missing}"
    assert not unused, f"not a template of intake_model/wording.py (any more?): {unused}"
    for english, spanish in texts.items():
        assert places(spanish) == places(english), english
        assert spanish != english or not places(english), english


def test_templates_are_distinct_so_each_has_one_translation() -> None:
    values = list(wording.templates().values())
    assert len(values) == len(set(values)) > 50


# Each: answers, field, the English message exactly as before templates (recorded from the
# f-strings these replaced), and what the Spanish must say as it is (the user's value).
CASES = [
    (
        intake(date_of_birth="1990-13-01"),
        "client.date_of_birth",
        '"1990-13-01" is not a real date',
        '"1990-13-01"',
    ),
    (
        intake(date_of_birth="2030-01-01"),
        "client.date_of_birth",
        '"2030-01-01" is in the future (today is 2026-11-23)',
        '"2030-01-01"',
    ),
    (
        intake(date_of_birth={"year": 1990}),
        "client.date_of_birth",
        "an object is not a date (expected a date written YYYY-MM-DD, e.g. 2026-11-23)",
        "2026-11-23",
    ),
    (
        intake(postal_code="59101!!"),
        "client.postal_code",
        '"59101!!" is not a postal code, e.g. "59101"',
        '"59101!!"',
    ),
    (
        intake(languages=["ES"]),
        "client.languages[0]",
        '"ES" is not a two-letter lowercase ISO 639-1 language code, e.g. "en" or "es"; '
        'did you mean "es"?',
        '"ES"',
    ),
    (
        intake(languages=["en", "en"]),
        "client.languages[1]",
        '"en" is listed twice',
        '"en"',
    ),
    (
        {"client": {"name": "Sky"}, "goals": ["reduced use"]},
        "goals[0]",
        '"reduced use" is not one of abstinence, reduced_use, safety; did you mean "reduced_use"?',
        '"reduced use"',
    ),
    (
        {**intake(), "consent": {**CONSENT, "expires_on": None}},
        "consent.expires_on",
        "required: a consent needs an expiry date (expires_on) or event (expires_event)",
        "expires_on",
    ),
    (
        {"client": {"name": "Sky"}},
        "goals",
        "required (one or more of abstinence, reduced_use, safety)",
        "abstinence, reduced_use, safety",
    ),
]


@pytest.mark.parametrize(("data", "field", "english", "kept"), CASES)
def test_the_english_is_as_before_and_the_spanish_says_the_value(
    data: object, field: str, english: str, kept: str
) -> None:
    problem = only_problem(data)
    assert (problem.field, problem.message) == (field, english)
    assert problem.wording is not None and problem.wording.text() == english
    assert translated(problem, "en") == english
    spanish = translated(problem, "es")
    assert spanish != english
    assert kept in spanish


def test_phrases_inside_a_sentence_are_said_in_spanish_too() -> None:
    problem = only_problem({"client": {"name": "Sky"}, "goals": ["reduced use"]})
    spanish = translated(problem, "es")
    assert spanish.endswith('; ¿quiso decir "reduced_use"?')
    shown = translated(only_problem(intake(date_of_birth=[1990])), "es")
    assert shown.startswith("una lista no es una fecha (se esperaba una fecha escrita AAAA-MM-DD")


def test_braces_in_what_the_user_typed_are_shown_as_they_are() -> None:
    problem = only_problem(intake(postal_code="{value}!"))
    assert problem.message == '"{value}!" is not a postal code, e.g. "59101"'
    assert translated(problem, "es").startswith('"{value}!" no es un código postal')


def test_a_wording_says_its_values_in_english_and_nests() -> None:
    inner = Wording.of("at least {count} character", count="1")
    outer = Wording.of("{value} is empty (expected {hint})", value='""', hint=inner)
    assert outer.text() == '"" is empty (expected at least 1 character)'
    assert outer.values == (("value", '""'), ("hint", inner))
