"""The main window: it shows at once, says it is loading, then shows the directory."""

from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication

from intake.gui import loading
from intake.gui.directory_page import LOADING
from intake.gui.main_window import DEMO_NOTE, MainWindow


@pytest.fixture
def fake_load(monkeypatch, database, snapshot, taxonomy):
    """Loading returns the sample directory, marked as the demo."""

    def open_and_load(url: str | None) -> loading.LoadedDirectory:
        return loading.LoadedDirectory(database, snapshot, taxonomy, is_demo=True)

    monkeypatch.setattr(loading, "open_and_load", open_and_load)


def open_window(qtbot, url: str | None = None) -> MainWindow:
    window = MainWindow(url)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    task = window.start_loading()
    assert window.directory_page.title.text() == LOADING  # shown before the work is done
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    return window


def test_window_shows_the_directory_after_loading(qtbot, fake_load, screenshot) -> None:
    window = open_window(qtbot)
    assert window.windowTitle() == "intake"
    assert window.directory_page.currentWidget() is window.directory_page.browser
    status = window.directory_status.text()
    assert "6 services" in status and "test-1" in status and DEMO_NOTE in status
    assert window.import_action.isEnabled()
    # The Clients tab comes first now: its search has the focus at start.
    qtbot.waitUntil(window.clients_page.finder.search.hasFocus)
    window.tabs.setCurrentWidget(window.directory_page)
    browser = window.directory_page.browser
    browser.table.selectRow(0)
    screenshot(window, "main_window")


def test_window_menus(qtbot, fake_load) -> None:
    window = open_window(qtbot)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Help"]
    file_items = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert file_items == ["&Import directory…", "&Export referral summaries…", "&Quit"]


def test_about_box(qtbot, fake_load, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr("intake.gui.about_dialog.show_about", shown.append)
    window = open_window(qtbot)
    window.show_about()
    assert shown == [window]


def test_an_unopenable_database_file_is_named_in_a_clear_message(
    qtbot, tmp_path: Path, screenshot
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    window = open_window(qtbot, f"sqlite:///{blocker / 'intake.db'}")
    text = window.directory_page.message.text()
    assert window.directory_page.currentIndex() == 0
    assert window.directory_page.title.text() == "The database could not be opened."
    assert str(blocker / "intake.db") in text
    assert not window.import_action.isEnabled()
    screenshot(window, "database_error")


def test_a_database_password_never_shows(qtbot) -> None:
    window = open_window(qtbot, "postgresql://counselor:s3cret-pw@127.0.0.1:1/intake")
    text = window.directory_page.message.text()
    assert window.directory_page.title.text() == "The database could not be opened."
    assert "postgresql://counselor:***@127.0.0.1:1/intake" in text
    assert "s3cret-pw" not in text


def test_quit_closes_the_window(qtbot, fake_load) -> None:
    window = open_window(qtbot)
    window.close()
    assert not window.isVisible()
    assert window not in [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_window_opens_with_the_demo_directory(qtbot, tmp_path: Path, screenshot) -> None:
    window = open_window(qtbot, f"sqlite:///{tmp_path / 'intake.db'}")
    assert window.loaded is not None and window.loaded.is_demo
    browser = window.directory_page.browser
    total = browser.model.rowCount()
    assert total > 20
    assert window.directory_status.text().startswith(f"{total} services")
    assert DEMO_NOTE in window.directory_status.text()
    browser.pathway.setCurrentIndex(browser.pathway.findData("harm_reduction"))
    shown = browser.proxy.rowCount()
    assert 0 < shown < total
    assert browser.count.text() == f"{shown} of {total} services"
    names = [s.name for s in browser.shown_services()]
    browser.table.selectRow(names.index("Syringe services program"))
    assert "Syringe services" in browser.details.toPlainText()
    screenshot(window, "main_window_demo")


def test_a_second_start_keeps_the_directory_and_still_says_demo(qtbot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'intake.db'}"
    first = open_window(qtbot, url)
    assert first.loaded is not None and first.loaded.demo_just_loaded
    first.close()
    second = open_window(qtbot, url)
    assert second.loaded is not None
    assert not second.loaded.demo_just_loaded and second.loaded.is_demo
    assert len(second.loaded.snapshot) == len(first.loaded.snapshot)


def test_file_export_opens_the_export_dialog(qtbot, fake_load, monkeypatch) -> None:
    window = open_window(qtbot)
    opened = []
    monkeypatch.setattr(
        "intake.gui.export_dialog.open_export_dialog", lambda *args: opened.append(args)
    )
    from intake.store import open_database

    window.database = open_database("sqlite://")  # the fake load opens none
    window._update_actions()
    assert window.export_action.isEnabled()
    window.export_action.trigger()
    assert opened and opened[0][0] is window


def test_the_first_start_asks_for_the_clinic_and_counselor_names(qtbot, fake_load) -> None:
    window = MainWindow(None, first_run_setup=True)
    qtbot.addWidget(window)
    window.show()
    window.start_loading()
    qtbot.waitUntil(lambda: window.first_run_dialog is not None, timeout=60_000)
    dialog = window.first_run_dialog
    assert dialog.isVisible() and dialog.isModal()  # window-modal: the window keeps painting
    dialog.clinic_name.setText("Harbor Light Community Clinic")
    dialog.counselor_name.setText("Dana Whitcomb")
    dialog.clinic_name.textEdited.emit(dialog.clinic_name.text())
    dialog.counselor_name.textEdited.emit(dialog.counselor_name.text())
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.clinic_settings.counselor_name == "Dana Whitcomb")
    page = window.settings_page  # built now: it reads what was saved
    qtbot.waitUntil(lambda: page.clinic_name.text() == "Harbor Light Community Clinic")


def test_without_the_setup_flag_nothing_is_asked(qtbot, fake_load) -> None:
    window = open_window(qtbot)
    qtbot.waitUntil(lambda: window.clinic_settings is not None, timeout=60_000)
    assert window.first_run_dialog is None


def test_names_saved_already_are_not_asked_again(qtbot, fake_load, database) -> None:
    from intake.first_run import complete_first_run

    complete_first_run(database, clinic_name="Harbor Light", counselor_name="Dana")
    window = MainWindow(None, first_run_setup=True)
    qtbot.addWidget(window)
    window.show()
    window.start_loading()
    qtbot.waitUntil(lambda: window.clinic_settings is not None, timeout=60_000)
    qtbot.wait(50)
    assert window.first_run_dialog is None
