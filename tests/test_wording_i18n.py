"""Message catalogs (resources/messages/<language>.toml): refused with the line when an
entry's {places} differ from its English template's; English where an entry is missing."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from intake import wording_i18n
from intake.problems import InputError, Problem, Wording
from intake.wording_i18n import load_message_texts, translated

GOOD = """\
# a comment
"{value} is listed twice" = "{value} aparece dos veces en la lista"
'; did you mean "{suggestion}"?' = '; ¿quiso decir "{suggestion}"?'
"{value} is not one of {choices}{hint}" = "{value} no es ninguno de estos: {choices}{hint}"
"""


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    load_message_texts.cache_clear()
    yield
    load_message_texts.cache_clear()


def catalog(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "xx.toml"
    path.write_text(text, encoding="utf-8")
    return path


def refusal(path: Path) -> Problem:
    with pytest.raises(InputError) as caught:
        load_message_texts("xx", path)
    assert len(caught.value.problems) == 1, caught.value.problems
    return caught.value.problems[0]


def test_a_sound_catalog_is_read(tmp_path: Path) -> None:
    texts = load_message_texts("xx", catalog(tmp_path, GOOD))
    assert texts["{value} is listed twice"] == "{value} aparece dos veces en la lista"
    assert len(texts) == 3


@pytest.mark.parametrize(
    "translation",
    [
        "{valor} aparece dos veces",  # renamed
        "aparece dos veces",  # dropped
        "{value} aparece {count} veces",  # added
    ],
)
def test_an_entry_with_other_places_is_refused_naming_file_line_and_places(
    tmp_path: Path, translation: str
) -> None:
    text = GOOD + '"{value} appears {count}" = "{value} {count}"\n'
    text += f'"{{value}} is not a real date" = "{translation}"\n'
    problem = refusal(catalog(tmp_path, text))
    assert problem.file == str(tmp_path / "xx.toml")
    assert problem.field == "{value} is not a real date"
    assert problem.message == (
        "line 6: the translation must use the same {places} as the English text: {value}"
    )


def test_a_key_written_as_a_literal_string_is_found_on_its_line(tmp_path: Path) -> None:
    text = GOOD + "'\"{value}\" is odd' = '{valor}'\n"
    assert refusal(catalog(tmp_path, text)).message.startswith("line 5: ")


@pytest.mark.parametrize("value", ['""', '"   "', "3", '["a"]'])
def test_an_entry_that_is_not_text_is_refused(tmp_path: Path, value: str) -> None:
    problem = refusal(catalog(tmp_path, f'"required" = {value}\n'))
    assert problem.message.startswith("line 1: expected ")


def test_an_unmatched_brace_is_refused(tmp_path: Path) -> None:
    problem = refusal(catalog(tmp_path, '"{value} is bad" = "{value} es {malo"\n'))
    assert "write {{ and }} for a literal brace" in problem.message


def test_a_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    problem = refusal(catalog(tmp_path, '"a" = "b"\n"a" = "c"\n'))
    assert problem.message.startswith("not valid TOML: ") and "line 2" in problem.message


def test_the_bundled_catalog_is_sound() -> None:
    assert load_message_texts("es")["required"] == "obligatorio"


def test_a_missing_entry_stays_english_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = catalog(tmp_path, GOOD.replace("'; did you mean", "'; did you not mean"))
    monkeypatch.setattr(wording_i18n, "messages_path", lambda language: path)
    hint = Wording.of('; did you mean "{suggestion}"?', suggestion="safety")
    sentence = Wording.of(
        "{value} is not one of {choices}{hint}", value='"safe"', choices="safety", hint=hint
    )
    assert translated(sentence, "es") == (
        '"safe" no es ninguno de estos: safety; did you mean "safety"?'
    )


def test_english_other_languages_and_problems_without_wording_keep_the_message() -> None:
    wording = Wording.of("{value} is listed twice", value='"en"')
    problem = Problem("error", wording.text(), field="client.languages[1]", wording=wording)
    assert translated(problem, "es") == '"en" aparece dos veces en la lista'
    assert translated(problem, "en") == '"en" is listed twice'
    assert translated(problem, "fr") == '"en" is listed twice'
    assert translated(Problem("error", "something else"), "es") == "something else"


def test_a_broken_catalog_shows_the_english_rather_than_hiding_the_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    broken = catalog(tmp_path, '"{value} is listed twice" = "{valor} dos veces"\n')
    monkeypatch.setattr(wording_i18n, "messages_path", lambda _language: broken)
    problem = Problem(
        "error",
        '"es" is listed twice',
        wording=Wording.of("{value} is listed twice", value='"es"'),
    )
    assert translated(problem, "es") == '"es" is listed twice'
    assert "shown in English" in caplog.text and "xx.toml" in caplog.text
