"""The Settings tab: clinic settings round trip through the database, checked as typed."""

from pathlib import Path

import pytest

from PySide6.QtGui import QColor, QImage

from intake.gui import i18n
from intake.gui.settings_page import SettingsPage
from intake.settings import ClinicSettings, load_settings, save_settings
from intake.store.db import Database

SAVED = ClinicSettings(
    clinic_name="Harbor Clinic",
    address="12 Main St\nBillings, MT 59101",
    phone="+1 406 555 0100",
    counselor_name="Dana Reyes",
    counselor_credentials="LCSW, CADC",
    default_max_distance_km=25.0,
    paper_size="a4",
)


@pytest.fixture
def page(qtbot, database: Database) -> SettingsPage:
    page = SettingsPage()
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.set_database(database, "/clinic/intake.db")
    return page


def save(qtbot, page: SettingsPage) -> None:
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(page.saved, timeout=30_000):
        page.save_button.click()


def test_settings_are_saved_and_read_back(qtbot, page: SettingsPage, database, screenshot) -> None:
    assert page.clinic_name.text() == "" and page.distance.text() == "40"
    assert not page.save_button.isEnabled()  # nothing changed yet
    page.clinic_name.setText("Harbor Clinic")
    page.address.setPlainText("12 Main St\nBillings, MT 59101")
    page.phone.setText("+1 406 555 0100")
    page.counselor_name.setText("Dana Reyes")
    page.counselor_credentials.setText("LCSW, CADC")
    page.distance.setText("25")
    page.paper_size.setCurrentIndex(page.paper_size.findData("a4"))
    assert page.status.text() == "Changes not saved yet."
    save(qtbot, page)
    assert load_settings(database) == SAVED
    assert page.status.text() == "Saved."
    assert not page.save_button.isEnabled()
    screenshot(page, "settings")


def test_saved_settings_fill_the_form(qtbot, database: Database) -> None:
    save_settings(database, SAVED)
    page = SettingsPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.set_database(database, "/clinic/intake.db")
    assert page.address.toPlainText() == SAVED.address
    assert page.distance.text() == "25"
    assert page.paper_size.currentData() == "a4"
    assert page.entered() == SAVED


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "Enter a number, such as 40."),
        ("", "Enter a number, such as 40."),
        ("0", "The distance must be a number greater than 0, such as 40."),
        ("-5", "The distance must be a number greater than 0, such as 40."),
        ("inf", "The distance must be a number greater than 0, such as 40."),
    ],
)
def test_a_distance_must_be_a_positive_number(
    page: SettingsPage, typed: str, message: str, screenshot
) -> None:
    page.distance.setText(typed)
    error = page.errors["default_max_distance_km"]
    assert error.isVisible() and error.text() == message
    if typed == "-5":
        screenshot(page, "settings_distance_error")
    assert "b00020" in page.distance.styleSheet()  # the field turns red
    assert page.distance.accessibleDescription() == message  # screen readers hear why
    assert not page.save_button.isEnabled()
    page.distance.setText("12.5")
    assert not error.isVisible() and page.distance.styleSheet() == ""
    assert page.save_button.isEnabled()


def test_a_decimal_comma_is_read_too(qtbot, page: SettingsPage, database) -> None:
    page.distance.setText("12,5")
    save(qtbot, page)
    assert load_settings(database).default_max_distance_km == 12.5


def test_too_long_a_name_is_refused_inline(page: SettingsPage) -> None:
    page.clinic_name.setText("x" * 501)
    assert page.errors["clinic_name"].text() == "This is too long: keep it under 500 characters."
    assert not page.save_button.isEnabled()


def test_revert_puts_back_what_was_saved(page: SettingsPage) -> None:
    page.clinic_name.setText("Somewhere else")
    page.distance.setText("x")
    page.revert_button.click()
    assert page.clinic_name.text() == "" and page.distance.text() == "40"
    assert not page.errors["default_max_distance_km"].isVisible()
    assert not page.revert_button.isEnabled()


def test_the_logo_is_chosen_with_a_file_dialog(
    qtbot, page: SettingsPage, database, tmp_path: Path, monkeypatch
) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6f97"))
    assert image.save(str(logo))
    monkeypatch.setattr(SettingsPage, "ask_logo", staticmethod(lambda _parent: logo))
    page.choose_logo.click()
    assert page.logo.text() == str(logo)
    assert page.logo_preview.pixmap().height() == 48
    save(qtbot, page)
    assert load_settings(database).logo_path == str(logo)
    page.remove_logo.click()
    save(qtbot, page)
    assert load_settings(database).logo_path is None


def test_a_file_that_is_not_an_image_says_so(page: SettingsPage, tmp_path: Path, monkeypatch):
    bad = tmp_path / "logo.png"
    bad.write_text("not an image")
    monkeypatch.setattr(SettingsPage, "ask_logo", staticmethod(lambda _parent: bad))
    page.choose_logo.click()
    assert page.logo_preview.text() == "This file could not be read as an image."


def test_the_interface_language_is_kept_for_this_desk(qtbot, page: SettingsPage, database) -> None:
    assert page.language.currentData() == "en"
    assert page.language_note.text() == "The interface language of this computer."
    page.language.setCurrentIndex(page.language.findData("es"))
    assert page.language_note.text() == "intake will be in Español the next time it starts."
    save(qtbot, page)
    assert i18n.chosen_language() == "es"
    assert load_settings(database).ui_language == "es"


def test_the_data_folder_and_database_are_shown(page: SettingsPage) -> None:
    from intake.paths import data_dir

    assert page.data_folder.text() == str(data_dir())
    assert page.database_where.text() == "/clinic/intake.db"


def test_a_database_password_is_never_shown() -> None:
    from types import SimpleNamespace

    from sqlalchemy import make_url

    from intake.gui.main_window import _where

    url = make_url("postgresql://counselor:s3cret@db.clinic/intake")
    shown = _where(SimpleNamespace(engine=SimpleNamespace(url=url)))  # type: ignore[arg-type]
    assert shown == "postgresql://counselor:***@db.clinic/intake"


def test_settings_wait_for_the_records(qtbot) -> None:
    page = SettingsPage()
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.waiting
    assert not page.save_button.isEnabled()
