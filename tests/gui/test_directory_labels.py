"""A service's words in the interface's language: taxonomy labels and language names."""

import tomllib
from collections.abc import Iterator

import pytest

from intake.directory.snapshot import ServiceView
from intake.gui import directory_labels, i18n
from intake.gui.directory_browser import DirectoryBrowser
from intake.gui.directory_labels import (
    Vocabulary,
    english_language_name,
    language_name,
    shown_taxonomy,
)
from intake.gui.directory_model import COL_LANGUAGES, COL_PATHWAYS, COL_TYPES
from intake.paths import resource_path
from intake.problems import InputError, error

# Language names that are written the same in English and Spanish.
SAME_IN_SPANISH = {"Filipino", "Hindi", "Hmong", "Lao", "Navajo", "Urdu"}


@pytest.fixture
def spanish() -> Iterator[None]:
    assert i18n.install("es")
    yield
    i18n.uninstall()


def directory_languages() -> dict[str, str]:
    path = resource_path("rules", "languages.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))["names"]


def test_english_words_in_the_english_interface(taxonomy) -> None:
    words = Vocabulary(taxonomy)
    service = ServiceView(id="s", name="s", codes=frozenset({"harm_reduction.naloxone"}))
    assert [t.label for t in words.type_terms(service)] == ["Naloxone (Narcan)"]
    assert shown_taxonomy(taxonomy) is taxonomy
    assert language_name("es") == "Spanish" and language_name("asl") == "American Sign Language"
    assert language_name("zz") == "zz"


def test_spanish_words_in_the_spanish_interface(spanish, taxonomy) -> None:
    words = Vocabulary(taxonomy)
    service = ServiceView(
        id="s", name="s", codes=frozenset({"harm_reduction.naloxone", "payment.free"})
    )
    assert words.pathway_codes(service) == ("harm_reduction",)
    assert words.taxonomy.label("harm_reduction") == "Reducción de daños"
    assert [t.label for t in words.type_terms(service)] == ["Naloxona (Narcan)"]
    assert [t.label for t in words.feature_terms(service, "payment")] == ["Gratis"]
    assert language_name("es") == "Español" and language_name("en") == "Inglés"
    assert language_name("zz") == "zz"


def test_every_language_the_rules_name_has_a_spanish_name(spanish) -> None:
    english = {code: english_language_name(code) for code in directory_languages()}
    assert None not in english.values(), english
    untranslated = [
        f"{code}: {name}"
        for code, name in english.items()
        if language_name(code) == name and name not in SAME_IN_SPANISH
    ]
    assert untranslated == [], "add these to directory_labels._QT_NAMES and translate them"


def test_a_broken_translation_falls_back_to_english(spanish, taxonomy, monkeypatch) -> None:
    def broken(_taxonomy, _language):
        raise InputError([error("code 'x' has no translation", file="intake.es.toml")])

    monkeypatch.setattr(directory_labels, "taxonomy_in_language", broken)
    assert shown_taxonomy(taxonomy) is taxonomy


def test_the_spanish_directory_table(qtbot, spanish, snapshot, taxonomy, screenshot) -> None:
    browser = DirectoryBrowser()
    qtbot.addWidget(browser)
    browser.resize(1280, 640)
    browser.set_directory(snapshot, taxonomy)
    browser.show()
    qtbot.waitExposed(browser)
    rows = {
        browser.model.row_at(r).service.id: browser.model.row_at(r).cells
        for r in range(browser.model.rowCount())
    }
    syringe = rows["svc-syringe"]
    assert syringe[COL_PATHWAYS] == "Reducción de daños"
    assert syringe[COL_TYPES] == "Servicios de jeringas, Naloxona (Narcan)"
    assert syringe[COL_LANGUAGES] == "Inglés, Español"
    browser.search.setText("naloxona")  # Spanish words are searched too
    assert [s.id for s in browser.shown_services()] == ["svc-syringe"]
    browser.search.setText("")
    browser.table.selectRow(0)
    assert "Servicios que ofrece" in browser.details.toPlainText()
    screenshot(browser, "directory_browser_spanish")
