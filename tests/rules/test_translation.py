"""The rules in Spanish: the same plan, in other words; a broken translation is refused."""

import shutil
from pathlib import Path

import pytest
from rulekit import BUNDLED_RULES, EXAMPLES, TODAY, example

from intake.directory.snapshot import DirectorySnapshot
from intake.problems import InputError
from intake.rules import ReferralPlan, RuleSet, load_rules, make_plan
from intake.rules.loader import in_language
from intake.rules.translation import load_translation, rule_texts, translation_path

EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.glob("*.json"))


@pytest.fixture(scope="module")
def spanish(rules: RuleSet) -> RuleSet:
    return in_language(rules, "es")


def test_the_bundled_translation_gives_every_text_and_no_other(rules: RuleSet) -> None:
    texts = load_translation(BUNDLED_RULES, "es").texts
    wanted = rule_texts(rules)
    assert sorted(wanted - set(texts)) == [], "rule texts with no Spanish"
    assert sorted(set(texts) - wanted) == [], "Spanish for texts the rules no longer have"


def without_texts(plan: ReferralPlan) -> list[object]:
    """What a plan decides, leaving out what a person reads."""
    return [
        [
            (p.code, p.fit, p.more_available),
            [
                (r.service_id, r.score, r.urgent, r.safety_net, r.rules_fired, r.distance_km)
                for r in p.referrals
            ],
        ]
        for p in plan.pathways
    ] + [[e.service_id for e in plan.excluded], plan.excluded_not_listed, len(plan.cautions)]


def texts_of(plan: ReferralPlan) -> list[str]:
    found = [*plan.cautions, *(p.label for p in plan.pathways)]
    for referral in plan.referrals():
        found += [*referral.reasons, *referral.cautions]
    for excluded in plan.excluded:
        found += excluded.why
    return found


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_a_spanish_plan_is_the_english_plan_in_other_words(
    name: str, demo_directory: DirectorySnapshot, rules: RuleSet, spanish: RuleSet
) -> None:
    english_plan = make_plan(example(name), demo_directory, rules, today=TODAY)
    spanish_plan = make_plan(example(name), demo_directory, spanish, today=TODAY)
    assert without_texts(spanish_plan) == without_texts(english_plan)
    english_texts, spanish_texts = texts_of(english_plan), texts_of(spanish_plan)
    assert len(spanish_texts) == len(english_texts)
    # Every text changed, but for the few that read the same in both (a name like "Medicaid").
    same = [e for e, s in zip(english_texts, spanish_texts, strict=True) if e == s]
    assert len(same) <= len(english_texts) // 10, same


def test_reasons_read_in_spanish(demo_directory: DirectorySnapshot, spanish: RuleSet) -> None:
    plan = make_plan(
        example("unhoused_injecting_fentanyl_safety.json"), demo_directory, spanish, today=TODAY
    )
    shelter = next(r for r in plan.referrals() if r.service_name == "Low-barrier night shelter")
    assert "Gratis" in shelter.reasons
    assert plan.pathways[0].label == "Reducción de daños"
    assert [e.why for e in plan.excluded if e.service_name == "Methadone treatment"] == [
        ["A 5.1 km, más lejos que el límite de 5 km"]
    ]


def test_the_spanish_rules_share_the_english_index(rules: RuleSet, spanish: RuleSet) -> None:
    assert spanish.english is rules and rules.english is rules
    assert spanish.text_language == "es" and rules.text_language == "en"
    assert in_language(spanish, "en") is rules
    assert spanish.version_label == rules.version_label  # the same rules, in other words


def test_an_unknown_language_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(InputError) as caught:
        load_rules(BUNDLED_RULES, language="fr")
    assert "no translation of the rules into 'fr'; use en, es" in str(caught.value.problems[0])


def clinic_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(BUNDLED_RULES, folder)
    return folder


def test_a_clinic_folder_without_translations_uses_the_bundled_one(tmp_path: Path) -> None:
    folder = clinic_copy(tmp_path)
    shutil.rmtree(folder / "translations")
    assert translation_path(folder, "es") == translation_path(BUNDLED_RULES, "es")
    ranking = folder / "ranking.toml"
    ranking.write_text(
        ranking.read_text(encoding="utf-8").replace('free = "Free"', 'free = "No cost"'),
        encoding="utf-8",
    )
    spanish = load_rules(folder, language="es")
    assert spanish.ranking.free() == "No cost"  # reworded by the clinic: not lost, in English
    assert spanish.ranking.sliding_scale() != load_rules(folder).ranking.sliding_scale()


def write_translation(folder: Path, text: str) -> Path:
    path = folder / "translations" / "es.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_translation_with_other_places_is_refused_with_its_line(tmp_path: Path) -> None:
    folder = clinic_copy(tmp_path)
    path = write_translation(
        folder,
        '# Spanish\n"Free" = "Gratis"\n"Takes {coverage}" = "Acepta {seguro}"\n"Closed" = 3\n',
    )
    with pytest.raises(InputError) as caught:
        load_rules(folder, language="es")
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        f"{path}, field Takes {{coverage}}: error: line 3: the translation must use the same "
        "{places} as the English text: {coverage}",
        f'{path}, field Closed: error: line 4: expected "English text" = "translated text", '
        "both in quotes",
    ]


def test_a_translation_that_is_not_toml_is_refused_with_its_line(tmp_path: Path) -> None:
    folder = clinic_copy(tmp_path)
    path = write_translation(folder, '"Free" = "Gratis"\n"Closed" = \n')
    with pytest.raises(InputError) as caught:
        load_rules(folder, language="es")
    [problem] = caught.value.problems
    assert problem.file == str(path)
    assert "not valid TOML" in problem.message and "line 2" in problem.message
