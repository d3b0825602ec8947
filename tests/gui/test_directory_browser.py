"""The directory browser widget: filters as you type, details, keyboard and accessibility."""

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView, QTextBrowser

from intake.gui.directory_browser import DirectoryBrowser
from intake.gui.directory_model import COL_SERVICE, SERVICE_ROLE


@pytest.fixture
def browser(qtbot, snapshot, taxonomy) -> DirectoryBrowser:
    widget = DirectoryBrowser()
    qtbot.addWidget(widget)
    widget.set_directory(snapshot, taxonomy)
    widget.resize(1200, 700)
    return widget


def row_of(browser: DirectoryBrowser, service_id: str) -> int:
    ids = [browser.proxy.index(r, 0).data(SERVICE_ROLE).id for r in range(browser.proxy.rowCount())]
    return ids.index(service_id)


def test_typing_narrows_the_table_at_once(qtbot, browser) -> None:
    assert browser.count.text() == "6 services"
    qtbot.keyClicks(browser.search, "harbor")
    assert browser.proxy.rowCount() == 1
    assert browser.count.text() == "1 of 6 services"
    browser.search.clear()
    assert browser.count.text() == "6 services"


def test_pathway_choice_fills_the_type_combo(browser) -> None:
    assert not browser.service_type.isEnabled()
    pathways = [browser.pathway.itemText(i) for i in range(browser.pathway.count())]
    assert pathways[0] == "All pathways"
    assert len(pathways) == 11
    browser.pathway.setCurrentIndex(browser.pathway.findData("medication"))
    assert browser.service_type.isEnabled()
    types = [browser.service_type.itemData(i) for i in range(1, browser.service_type.count())]
    assert "medication.buprenorphine" in types and "harm_reduction.naloxone" not in types
    assert browser.count.text() == "1 of 6 services"
    browser.service_type.setCurrentIndex(browser.service_type.findData("medication.methadone"))
    assert browser.count.text() == "0 of 6 services"
    browser.pathway.setCurrentIndex(0)  # back to all: the type choice goes too
    assert not browser.service_type.isEnabled()
    assert browser.count.text() == "6 services"


def test_language_combo_offers_the_directory_languages(browser) -> None:
    names = [browser.language.itemText(i) for i in range(browser.language.count())]
    assert names == ["All languages", "English", "Spanish"]
    browser.language.setCurrentIndex(names.index("Spanish"))
    assert browser.count.text() == "2 of 6 services"


def test_a_new_directory_keeps_the_chosen_filters(browser, snapshot, taxonomy) -> None:
    browser.pathway.setCurrentIndex(browser.pathway.findData("harm_reduction"))
    browser.set_directory(snapshot, taxonomy)
    assert browser.pathway.currentData() == "harm_reduction"
    assert browser.count.text() == "1 of 6 services"


def test_choosing_a_row_shows_its_details_escaped(browser) -> None:
    browser.table.selectRow(row_of(browser, "svc-markup"))
    text = browser.details.toPlainText()
    assert text.startswith("<b>x</b>")
    assert "<script>alert('hi')</script>" in text


def test_enter_in_the_table_moves_to_the_details(qtbot, browser) -> None:
    browser.show()
    qtbot.waitExposed(browser)
    browser.activateWindow()
    browser.table.setFocus()
    browser.table.setCurrentIndex(browser.proxy.index(row_of(browser, "svc-housing"), COL_SERVICE))
    qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    assert "Call for address" in browser.details.toPlainText()
    qtbot.waitUntil(browser.details.hasFocus)


def test_enter_in_the_search_moves_to_the_first_row(qtbot, browser) -> None:
    browser.show()
    qtbot.waitExposed(browser)
    browser.activateWindow()
    browser.search.setFocus()
    qtbot.keyClicks(browser.search, "online")
    qtbot.keyClick(browser.search, Qt.Key.Key_Return)
    qtbot.waitUntil(browser.table.hasFocus)
    assert "SMART Recovery Online" in browser.details.toPlainText()


def test_every_input_has_an_accessible_name_and_a_labelled_mnemonic(browser) -> None:
    kinds = (QLineEdit, QComboBox, QTableView, QTextBrowser)
    inputs = [w for kind in kinds for w in browser.findChildren(kind)]
    assert len(inputs) >= 6
    for widget in inputs:
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
            continue
        assert widget.accessibleName(), widget
    buddies = {label.buddy() for label in browser.findChildren(QLabel) if "&" in label.text()}
    for widget in (browser.search, browser.pathway, browser.service_type, browser.language):
        assert widget in buddies
