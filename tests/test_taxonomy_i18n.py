"""The taxonomy's Spanish words: complete, checked at load, and only the words change."""

from pathlib import Path

import pytest

from intake.paths import resource_path
from intake.problems import InputError
from intake.taxonomy import load_taxonomy
from intake.taxonomy_i18n import (
    load_taxonomy_texts,
    taxonomy_in_language,
    translated_taxonomy,
    translation_path,
)

TAXONOMY = load_taxonomy()
BUNDLED = translation_path("es").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "intake.es.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_taxonomy_texts("es", path=path)
    return [str(problem) for problem in caught.value.problems]


def without_entry(text: str, code: str) -> str:
    """The file with the entry for `code` (its header, code, label, description) removed."""
    lines = text.splitlines()
    at = lines.index(f'code = "{code}"')
    return "\n".join(lines[: at - 1] + lines[at + 3 :]) + "\n"


def test_the_bundled_translation_gives_every_code_in_spanish() -> None:
    texts = load_taxonomy_texts("es")
    codes = {*TAXONOMY.pathway_codes(), *TAXONOMY.terms}
    assert set(texts.texts) == codes
    assert texts.texts["harm_reduction.naloxone"].label == "Naloxona (Narcan)"
    assert texts.texts["harm_reduction"].label == "Reducción de daños"
    same = [code for code, text in texts.texts.items() if text.label == TAXONOMY.label(code)]
    # Names that are the same in both languages; anything else left in English is a slip.
    assert set(same) <= {"medication.disulfiram", "harm_reduction.prep", "substance.alcohol",
                         "substance.cannabis"}  # fmt: skip
    english = {t.description for t in TAXONOMY.terms.values()}
    assert not english & {text.description for text in texts.texts.values()}


def test_the_translation_is_of_the_taxonomy_version_in_use() -> None:
    """A reminder: when intake.toml changes, its Spanish must be looked at too."""
    assert load_taxonomy_texts("es").taxonomy_version == TAXONOMY.version


def test_only_labels_and_descriptions_change() -> None:
    spanish = taxonomy_in_language(TAXONOMY, "es")
    assert spanish.version == TAXONOMY.version
    assert spanish.pathway_codes() == TAXONOMY.pathway_codes()
    assert list(spanish.terms) == list(TAXONOMY.terms)
    assert [t.group for t in spanish.terms.values()] == [t.group for t in TAXONOMY.terms.values()]
    assert spanish.term_id("health.perinatal") == TAXONOMY.term_id("health.perinatal")
    assert spanish.label("population.women") == "Mujeres"
    assert spanish.pathway("crisis").description.startswith("Ayuda ahora mismo")
    assert TAXONOMY.label("population.women") == "Women"  # the original is untouched


def test_english_and_unknown_languages_get_the_taxonomy_itself() -> None:
    assert taxonomy_in_language(TAXONOMY, "en") is TAXONOMY
    assert taxonomy_in_language(TAXONOMY, "xx") is TAXONOMY


def test_made_once_and_its_translation_is_not_translated_again() -> None:
    spanish = taxonomy_in_language(TAXONOMY, "es")
    assert taxonomy_in_language(TAXONOMY, "es") is spanish
    assert taxonomy_in_language(spanish, "es") is spanish


def test_a_code_the_translation_lacks_keeps_its_own_words(tmp_path: Path) -> None:
    texts = load_taxonomy_texts("es")
    partial = type(texts)(
        "es", texts.taxonomy_version, {"basic_needs.food": texts.texts["basic_needs.food"]}
    )
    result = translated_taxonomy(TAXONOMY, partial)
    assert result.label("basic_needs.food") == "Comida"
    assert result.label("basic_needs.shelter") == "Shelter"


def test_a_missing_code_is_refused_naming_file_and_code(tmp_path: Path) -> None:
    path = write(tmp_path, without_entry(BUNDLED, "harm_reduction.naloxone"))
    found = problems(path)
    assert len(found) == 1
    assert str(path) in found[0] and "'harm_reduction.naloxone' has no translation" in found[0]


def test_a_missing_pathway_is_refused(tmp_path: Path) -> None:
    found = problems(write(tmp_path, without_entry(BUNDLED, "crisis")))
    assert len(found) == 1 and "'crisis' has no translation; add a [[pathways]] entry" in found[0]


def test_an_unknown_code_is_refused_with_its_line(tmp_path: Path) -> None:
    extra = '\n[[terms]]\ncode = "harm_reduction.nalaxone"\nlabel = "x"\ndescription = "y"\n'
    path = write(tmp_path, BUNDLED + extra)
    found = problems(path)
    line = len(BUNDLED.splitlines()) + 2
    assert found == [
        f"{path}, field harm_reduction.nalaxone: error: the [[terms]] entry at line {line}: "
        "code 'harm_reduction.nalaxone' is not in the taxonomy (intake.toml); check its spelling"
    ]


def test_a_code_in_the_wrong_section_is_refused(tmp_path: Path) -> None:
    text = BUNDLED.replace('[[pathways]]\ncode = "health"', '[[terms]]\ncode = "health"')
    found = problems(write(tmp_path, text))
    assert any("'health' belongs under [[pathways]]" in p for p in found), found


def test_a_code_twice_and_an_entry_without_text_are_refused(tmp_path: Path) -> None:
    twice = BUNDLED + '\n[[terms]]\ncode = "basic_needs.food"\nlabel = "x"\ndescription = "y"\n'
    assert any(
        "'basic_needs.food' is translated twice" in p for p in problems(write(tmp_path, twice))
    )
    blank = BUNDLED.replace('label = "Comida"', 'label = "  "')
    found = problems(write(tmp_path, blank))
    assert len(found) == 1 and "(code 'basic_needs.food') has no label" in found[0]


def test_unknown_keys_and_the_wrong_language_are_refused(tmp_path: Path) -> None:
    text = BUNDLED.replace('language = "es"', 'language = "fr"\nauthor = "me"')
    text = text.replace('label = "Comida"', 'label = "Comida"\nnote = "x"')
    found = "\n".join(problems(write(tmp_path, text)))
    assert "unknown key 'author'" in found
    assert "(code 'basic_needs.food') has unknown key 'note'" in found
    assert 'expected language = "es"' in found


def test_broken_toml_and_other_encodings_are_refused(tmp_path: Path) -> None:
    found = problems(write(tmp_path, BUNDLED + "\n[[terms]\n"))
    assert len(found) == 1 and "not valid TOML" in found[0] and "line" in found[0]
    path = tmp_path / "latin1.toml"
    path.write_bytes(BUNDLED.encode("utf-8").replace(b"Ayuda", "Ayúda".encode("latin-1")))
    assert "not UTF-8" in problems(path)[0]
    assert "cannot read" in problems(tmp_path / "missing.toml")[0]


def test_a_clinic_taxonomy_with_its_own_code_needs_its_translation(tmp_path: Path) -> None:
    source = resource_path("taxonomy", "intake.toml")
    english = source.read_text(encoding="utf-8") + (
        '\n[[terms]]\ncode = "basic_needs.phones"\nlabel = "Phones"\ndescription = "Free phones."\n'
    )
    clinic = tmp_path / "clinic.toml"
    clinic.write_text(english, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_taxonomy_texts("es", taxonomy=load_taxonomy(clinic))
    assert "'basic_needs.phones' has no translation" in str(caught.value)
