"""Loading the rules folder: every mistake named with its file and line; all or nothing;
a clinic's folder replaces the bundled one and the plan says which was used."""

import re
import shutil
from pathlib import Path

import pytest
from rulekit import BUNDLED_RULES, make_intake, plan_for, svc

from intake.paths import data_dir
from intake.problems import InputError
from intake.rules import load_rules, rules_folder
from intake.rules.loader import RULE_FILES


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(BUNDLED_RULES, copy)
    return copy


def edit(folder: Path, name: str, old: str, new: str, count: int = 1) -> int:
    """Replace `old` in a rules file; the 1-based line of the first change."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def problems(folder: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_rules(folder)
    return [str(p) for p in caught.value.problems]


def one_problem(folder: Path) -> str:
    found = problems(folder)
    assert len(found) == 1, found
    return found[0]


def test_the_bundled_rules_load_and_name_their_version() -> None:
    rules = load_rules(BUNDLED_RULES)
    assert re.fullmatch(r"bundled:\d{4}\.\d+\.\d+", rules.version_label)
    assert {r.id for r in rules.safety} >= {"safety.naloxone", "safety.crisis_line"}


def test_an_unknown_key_names_file_and_line(folder: Path) -> None:
    line = edit(
        folder, "safety.toml", "urgent = false\npriority = 10", "urgnet = false\npriority = 10"
    )
    message = one_problem(folder)
    assert "safety.toml" in message
    assert f"line {line}: unknown key 'urgnet'" in message


def test_an_unknown_intake_field_names_file_line_and_a_suggestion(folder: Path) -> None:
    line = edit(folder, "safety.toml", '"risks.uses_alone"', '"risks.uses_alon"')
    message = one_problem(folder)
    assert message.startswith(str(folder / "safety.toml"))
    assert f"line {line}: rule safety.overdose_spotting: unknown intake field" in message
    assert 'did you mean "risks.uses_alone"' in message


def test_an_unknown_taxonomy_code_names_file_and_line(folder: Path) -> None:
    line = edit(folder, "cautions.toml", '"medication.naltrexone"', '"medication.naltrexon"')
    message = one_problem(folder)
    assert "cautions.toml" in message and f"line {line}:" in message
    assert 'unknown taxonomy code "medication.naltrexon"' in message


def test_an_unknown_pathway_names_file_and_line(folder: Path) -> None:
    line = edit(folder, "cautions.toml", 'pathway = "moderation"', 'pathway = "moderate"')
    message = one_problem(folder)
    assert f"cautions.toml, field caution: error: line {line}:" in message
    assert 'unknown pathway "moderate"' in message


@pytest.mark.parametrize("bad", ["-0.1", "1.5", '"high"', "true"])
def test_a_bad_weight_names_file_and_line(folder: Path, bad: str) -> None:
    line = edit(folder, "ranking.toml", "cost = 0.15", f"cost = {bad}")
    message = one_problem(folder)
    assert "ranking.toml" in message and f"line {line}: cost must be a number" in message


def test_all_weights_zero_is_refused(folder: Path) -> None:
    text = (folder / "ranking.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(\w+) = 0\.\d+", r"\1 = 0", text)
    (folder / "ranking.toml").write_text(text, encoding="utf-8")
    assert "at least one weight must be above 0" in one_problem(folder)


def test_broken_toml_names_file_line_and_column(folder: Path) -> None:
    line = edit(folder, "goals.toml", 'label = "safety"', 'label = "safety')
    message = one_problem(folder)
    assert "goals.toml" in message and "not valid TOML" in message
    assert f"line {line}" in message


def test_a_bad_answer_value_is_refused(folder: Path) -> None:
    line = edit(
        folder,
        "safety.toml",
        '{ field = "risks.suicidal_thoughts", is = true }',
        '{ field = "risks.suicidal_thoughts", is = "yes" }',
    )
    message = one_problem(folder)
    assert f"line {line}:" in message and "expected true or false" in message


def test_a_choice_outside_the_answers_is_refused(folder: Path) -> None:
    edit(folder, "eligibility.toml", 'is = "woman" }', 'is = "female" }')
    message = one_problem(folder)
    assert '"female" is not a possible answer' in message
    assert "another, man, nonbinary, woman" in message


def test_an_unknown_place_in_a_text_is_refused(folder: Path) -> None:
    line = edit(folder, "ranking.toml", 'text = "{km} km away"', 'text = "{kms} km away"')
    message = one_problem(folder)
    assert f"line {line}: text: unknown place {{kms}}; this text may use: {{km}}" in message


def test_a_contract_safety_rule_cannot_be_dropped_or_made_not_urgent(folder: Path) -> None:
    edit(folder, "safety.toml", 'id = "safety.naloxone"', 'id = "safety.naloxone_kit"')
    edit(folder, "safety.toml", "urgent = true\npriority = 1", "urgent = false\npriority = 1")
    found = "\n".join(problems(folder))
    assert "'safety.naloxone' is required by the intake contract" in found
    assert "rule safety.crisis_line: the contract requires urgent = true" in found


def test_a_contract_pathway_cannot_be_removed_from_a_goal(folder: Path) -> None:
    edit(folder, "goals.toml", '"moderation", "medication"', '"medication"')
    assert "pathway 'moderation' fits the goal 'reduced_use'" in one_problem(folder)


def test_every_mistake_is_reported_not_only_the_first(folder: Path) -> None:
    edit(folder, "safety.toml", '"risks.uses_alone"', '"risks.uses_alon"')
    edit(folder, "ranking.toml", "cost = 0.15", "cost = 2")
    edit(folder, "eligibility.toml", 'why = "Only for veterans"', 'whyy = "Only for veterans"')
    found = problems(folder)
    assert len(found) >= 3
    assert {Path(p.split(",")[0].split(":")[0]).name for p in found} >= {
        "safety.toml",
        "ranking.toml",
        "eligibility.toml",
    }


def test_a_missing_file_is_named(folder: Path) -> None:
    (folder / "cautions.toml").unlink()
    assert "missing: the rules folder needs cautions.toml" in one_problem(folder)


def test_an_unexpected_file_is_refused(folder: Path) -> None:
    (folder / "extra.toml").write_text("x = 1\n", encoding="utf-8")
    assert "unexpected rules file extra.toml" in one_problem(folder)


def test_the_bundled_folder_is_used_without_a_clinic_folder() -> None:
    folder, source = rules_folder()
    assert (folder, source) == (BUNDLED_RULES, "bundled")
    assert load_rules().version_label.startswith("bundled:")


def test_a_clinic_folder_replaces_the_bundled_one_and_is_recorded() -> None:
    clinic = data_dir() / "rules"
    shutil.copytree(BUNDLED_RULES, clinic)
    edit(clinic, "rules.toml", 'version = "', 'version = "clinic-test-')
    edit(clinic, "ranking.toml", 'free = "Free"', 'free = "No cost"')
    rules = load_rules()
    assert rules.source == "clinic" and rules.folder == clinic
    plan = plan_for(make_intake(), svc("food", "basic_needs.food", "payment.free"), rules=rules)
    assert plan.rules_version.startswith("clinic:clinic-test-")
    assert "No cost" in plan.referrals()[0].reasons


def test_a_broken_clinic_folder_stops_rather_than_falling_back() -> None:
    clinic = data_dir() / "rules"
    shutil.copytree(BUNDLED_RULES, clinic)
    edit(clinic, "goals.toml", "[goals.safety]", "[goals.safty]")
    with pytest.raises(InputError) as caught:
        load_rules()
    assert str(clinic / "goals.toml") in str(caught.value)


def test_the_rule_files_listed_are_the_folders_files() -> None:
    assert sorted(p.name for p in BUNDLED_RULES.glob("*.toml")) == sorted(RULE_FILES)
