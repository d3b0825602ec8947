"""The `intake` taxonomy file and its loader."""

import re
import uuid
from pathlib import Path

import pytest

from intake.paths import resource_path
from intake.problems import InputError
from intake.taxonomy import (
    TAXONOMY_NAME,
    TERM_NAMESPACE,
    IntakeTaxonomy,
    Pathway,
    Term,
    load_taxonomy,
)

# Written out again from the contract (§2, §3) so that a change to the module's own lists
# cannot hide a missing code.
PATHWAYS = [
    "twelve_step",
    "secular_mutual_aid",
    "moderation",
    "medication",
    "treatment",
    "harm_reduction",
    "peer_support",
    "crisis",
    "basic_needs",
    "health",
]
TYPE_CODES = [
    "twelve_step.meeting",
    "secular_mutual_aid.meeting",
    "moderation.program",
    "medication.methadone",
    "medication.buprenorphine",
    "medication.naltrexone",
    "medication.acamprosate",
    "medication.nicotine_replacement",
    "treatment.withdrawal_management",
    "treatment.inpatient",
    "treatment.residential",
    "treatment.partial_hospitalization",
    "treatment.intensive_outpatient",
    "treatment.outpatient",
    "treatment.contingency_management",
    "harm_reduction.syringe_services",
    "harm_reduction.naloxone",
    "harm_reduction.test_strips",
    "harm_reduction.drug_checking",
    "harm_reduction.safer_smoking",
    "harm_reduction.overdose_prevention_site",
    "harm_reduction.hiv_hcv_testing",
    "harm_reduction.prep",
    "harm_reduction.wound_care",
    "peer_support.recovery_coach",
    "peer_support.recovery_community",
    "crisis.hotline",
    "crisis.overdose_spotting",
    "crisis.stabilization",
    "basic_needs.shelter",
    "basic_needs.recovery_housing",
    "basic_needs.food",
    "basic_needs.showers",
    "basic_needs.legal",
    "basic_needs.transportation",
    "health.primary_care",
    "health.mental_health",
    "health.perinatal",
]
FEATURE_CODES = [
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
    "payment.medicare",
    "payment.private",
    "payment.va",
    "substance.alcohol",
    "substance.opioids",
    "substance.methamphetamine",
    "substance.cocaine",
    "substance.benzodiazepines",
    "substance.cannabis",
    "substance.tobacco",
    "substance.other",
]

STIGMA = re.compile(r"\b(addicts?|abusers?|abuse|junkies?|clean|dirty)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def taxonomy() -> IntakeTaxonomy:
    return load_taxonomy()


@pytest.fixture(scope="module")
def source_text() -> str:
    return resource_path("taxonomy", "intake.toml").read_text(encoding="utf-8")


def test_pathways_in_contract_order(taxonomy: IntakeTaxonomy) -> None:
    assert taxonomy.pathway_codes() == tuple(PATHWAYS)
    assert taxonomy.pathway("harm_reduction").label == "Harm reduction"
    assert taxonomy.pathway("twelve_step").label == "12-step mutual aid"


def test_every_contract_code_is_present(taxonomy: IntakeTaxonomy) -> None:
    missing = [c for c in TYPE_CODES + FEATURE_CODES if c not in taxonomy.terms]
    assert missing == []
    assert all(taxonomy.terms[c].is_type for c in TYPE_CODES)
    assert not any(taxonomy.terms[c].is_type for c in FEATURE_CODES)


def test_every_pathway_has_types_and_every_type_a_pathway(taxonomy: IntakeTaxonomy) -> None:
    for code in PATHWAYS:
        assert taxonomy.types_of(code), code
    for term in taxonomy.terms.values():
        assert term.code == f"{term.group}.{term.code.split('.', 1)[1]}"
        if term.is_type:
            assert term.group in PATHWAYS


def test_labels_and_descriptions_are_plain_and_respectful(taxonomy: IntakeTaxonomy) -> None:
    entries: list[Pathway | Term] = [*taxonomy.pathways, *taxonomy.terms.values()]
    for entry in entries:
        assert entry.label.strip() and entry.description.strip(), entry.code
        assert entry.description.endswith("."), entry.code
        assert not STIGMA.search(entry.label + " " + entry.description), entry.code


def test_terms_keep_file_order(taxonomy: IntakeTaxonomy, source_text: str) -> None:
    in_file = re.findall(r'^code = "([a-z_]+\.[a-z_]+)"', source_text, re.MULTILINE)
    assert list(taxonomy.terms) == in_file


def test_ids_are_deterministic_uuid5(taxonomy: IntakeTaxonomy) -> None:
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "intake:taxonomy")
    assert namespace == TERM_NAMESPACE
    assert TAXONOMY_NAME == "intake"
    # Pinned: changing the namespace would orphan every exported directory's attributes.
    assert taxonomy.taxonomy_id == "bf6b1318-344f-536c-bd89-d3ad23bfebe9"
    assert taxonomy.taxonomy_id == str(uuid.uuid5(namespace, "intake"))
    for code in [*taxonomy.terms, *PATHWAYS]:
        assert taxonomy.term_id(code) == str(uuid.uuid5(namespace, code))
        assert taxonomy.code_of_term_id(taxonomy.term_id(code)) == code
    ids = {taxonomy.term_id(c) for c in taxonomy.terms}
    assert len(ids) == len(taxonomy.terms)


def test_lookups(taxonomy: IntakeTaxonomy) -> None:
    assert taxonomy.code_of_term_id(str(uuid.uuid4())) is None
    assert taxonomy.is_known("harm_reduction.naloxone")
    assert taxonomy.is_known("crisis")
    assert not taxonomy.is_known("harm_reduction.unknown")
    assert taxonomy.label("payment.va") == "Accepts VA benefits"
    assert taxonomy.label("crisis") == "Crisis and emergency help"
    assert taxonomy.label("samhsa.xyz") == "samhsa.xyz"
    assert taxonomy.terms["population.women"].group == "population"
    assert [t.code for t in taxonomy.types_of("crisis")] == [
        "crisis.hotline",
        "crisis.overdose_spotting",
        "crisis.stabilization",
    ]
    with pytest.raises(KeyError):
        taxonomy.pathway("population")
    with pytest.raises(KeyError):
        taxonomy.types_of("payment")


def test_default_is_cached_and_equal_to_an_explicit_load(taxonomy: IntakeTaxonomy) -> None:
    assert load_taxonomy() is taxonomy
    assert load_taxonomy(resource_path("taxonomy", "intake.toml")) == taxonomy


# -- broken files ----------------------------------------------------------------------


def _one_problem(tmp_path: Path, text: str | bytes) -> str:
    path = tmp_path / "clinic.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_taxonomy(path)
    problems = caught.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    message = str(problems[0])
    assert str(path) in message
    assert problems[0].severity == "error"
    return message


def _replace(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_broken_toml_names_the_line(tmp_path: Path, source_text: str) -> None:
    broken = _replace(source_text, 'label = "Naloxone (Narcan)"', 'label = "Naloxone (Narcan)')
    message = _one_problem(tmp_path, broken)
    assert "not valid TOML" in message
    assert f"line {_line_of(broken, 'Naloxone (Narcan)')}" in message


def test_toml_duplicate_key_names_the_line(tmp_path: Path, source_text: str) -> None:
    food = 'code = "basic_needs.food"\n'
    broken = _replace(source_text, food, food + 'code = "x.y"\n')
    message = _one_problem(tmp_path, broken)
    assert "not valid TOML" in message
    assert f"line {_line_of(broken, 'x.y')}" in message


def test_unknown_top_level_key(tmp_path: Path, source_text: str) -> None:
    broken = _replace(source_text, 'version = "1.0.0"', 'version = "1.0.0"\nauthor = "me"')
    message = _one_problem(tmp_path, broken)
    assert "unknown key 'author'" in message
    assert f"line {_line_of(broken, 'author')}" in message


def test_unknown_key_in_an_entry(tmp_path: Path, source_text: str) -> None:
    broken = _replace(
        source_text, 'code = "basic_needs.food"\n', 'code = "basic_needs.food"\ncolour = "red"\n'
    )
    message = _one_problem(tmp_path, broken)
    assert "unknown key 'colour'" in message
    assert f"line {_line_of(broken, 'basic_needs.food') - 1}" in message


def test_type_code_of_an_undeclared_pathway(tmp_path: Path, source_text: str) -> None:
    broken = _replace(source_text, 'code = "basic_needs.food"', 'code = "housing.food"')
    message = _one_problem(tmp_path, broken)
    assert "'housing.food'" in message
    assert "neither a declared pathway nor a feature group" in message
    assert f"line {_line_of(broken, 'housing.food') - 1}" in message


@pytest.mark.parametrize("bad", ["naloxone", "Harm_Reduction.naloxone", "a.b.c", "basic needs.x"])
def test_code_not_of_the_form_group_value(tmp_path: Path, source_text: str, bad: str) -> None:
    broken = _replace(source_text, 'code = "basic_needs.food"', f'code = "{bad}"')
    message = _one_problem(tmp_path, broken)
    assert f"code {bad!r} must have the form group.value" in message


def test_bad_pathway_code(tmp_path: Path, source_text: str) -> None:
    # The types of the renamed pathway would also be reported; rename within a fresh one.
    extra = '\n[[pathways]]\ncode = "Peer Support"\nlabel = "x"\ndescription = "y"\n'
    message = _one_problem(tmp_path, source_text + extra)
    assert "pathway code 'Peer Support'" in message


@pytest.mark.parametrize("key", ["label", "description"])
def test_missing_label_or_description(tmp_path: Path, source_text: str, key: str) -> None:
    pattern = re.compile(rf'(code = "payment\.va"\n(?:label = "[^"]*"\n)?){key} = "[^"]*"\n')
    broken, count = pattern.subn(r"\1", source_text)
    assert count == 1
    message = _one_problem(tmp_path, broken)
    assert f"(code 'payment.va') has no {key}" in message
    assert f"field {key}" in message


def test_empty_label(tmp_path: Path, source_text: str) -> None:
    broken = _replace(source_text, 'label = "Accepts VA benefits"', 'label = "  "')
    assert "(code 'payment.va') has no label" in _one_problem(tmp_path, broken)


def test_duplicate_term(tmp_path: Path, source_text: str) -> None:
    extra = '\n[[terms]]\ncode = "payment.va"\nlabel = "VA"\ndescription = "Again."\n'
    broken = source_text + extra
    message = _one_problem(tmp_path, broken)
    assert "'payment.va' is declared twice" in message
    assert f"line {len(source_text.splitlines()) + 2}" in message


def test_duplicate_pathway(tmp_path: Path, source_text: str) -> None:
    extra = '\n[[pathways]]\ncode = "crisis"\nlabel = "Crisis"\ndescription = "Again."\n'
    assert "pathway 'crisis' is declared twice" in _one_problem(tmp_path, source_text + extra)


def test_missing_contract_code(tmp_path: Path, source_text: str) -> None:
    pattern = re.compile(r'\[\[terms\]\]\ncode = "harm_reduction\.naloxone"\n[^\[]*')
    broken, count = pattern.subn("", source_text)
    assert count == 1
    message = _one_problem(tmp_path, broken)
    assert "'harm_reduction.naloxone' is missing" in message


def test_sections_must_be_arrays_of_tables(tmp_path: Path) -> None:
    text = (
        'version = "1"\n[pathways.crisis]\nlabel = "Crisis"\n'
        '[[terms]]\ncode = "crisis.hotline"\nlabel = "x"\ndescription = "y"\n'
    )
    message = _one_problem(tmp_path, text)
    assert "expected a list of [[pathways]] tables" in message


def test_every_problem_is_reported_at_once(tmp_path: Path, source_text: str) -> None:
    broken = _replace(source_text, 'code = "basic_needs.food"', 'code = "housing.food"')
    broken = _replace(broken, 'version = "1.0.0"', 'version = "1.0.0"\nauthor = "me"')
    path = tmp_path / "two.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_taxonomy(path)
    assert len(caught.value.errors) == 2


def test_not_utf8(tmp_path: Path, source_text: str) -> None:
    data = source_text.replace("Harm reduction", "Harm r\u00e9duction").encode("latin-1")
    assert "not UTF-8" in _one_problem(tmp_path, data)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_taxonomy(tmp_path / "nowhere.toml")
    assert "cannot read" in str(caught.value)
    assert "nowhere.toml" in str(caught.value)
