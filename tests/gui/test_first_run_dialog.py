"""The first-run setup dialog: asks only when needed, checks as you type, saves off the UI
thread."""

import dataclasses
from collections.abc import Iterator

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from intake.first_run import needs_first_run_setup
from intake.gui import i18n
from intake.gui.first_run_dialog import FirstRunDialog, offer_first_run_setup
from intake.problems import InputError, error
from intake.settings import ClinicSettings, load_settings, save_settings


@pytest.fixture
def spanish() -> Iterator[None]:
    assert i18n.install("es")
    yield
    i18n.uninstall()


def open_dialog(qtbot, database, settings: ClinicSettings | None = None) -> FirstRunDialog:
    dialog = FirstRunDialog(database, settings or load_settings(database))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # the active window: mnemonics work only there
        dialog.show()
    return dialog


def shown_error(dialog: FirstRunDialog, key: str) -> str:
    label = dialog.errors[key]
    return label.text() if label.isVisible() else ""


def test_labels_buddies_and_accessible_names(qtbot, database) -> None:
    dialog = open_dialog(qtbot, database)
    labels = {label.text(): label.buddy() for label in dialog.findChildren(type(dialog.intro))}
    assert labels["&Clinic name:"] is dialog.clinic_name
    assert labels["C&ounselor's name:"] is dialog.counselor_name
    assert dialog.clinic_name.accessibleName() == "Clinic name"
    assert dialog.counselor_name.accessibleName() == "Counselor's name"
    assert dialog.ok_button.text() == "&Save" and dialog.later_button.text() == "&Later"
    assert dialog.focusWidget() is dialog.clinic_name


def test_ok_waits_for_both_names_and_blank_is_said_once_typed(qtbot, database) -> None:
    dialog = open_dialog(qtbot, database)
    assert not dialog.ok_button.isEnabled()
    assert shown_error(dialog, "clinic_name") == ""  # nothing red before anything is typed
    qtbot.keyClicks(dialog.clinic_name, "Harbor Clinic")
    assert not dialog.ok_button.isEnabled()
    dialog.clinic_name.selectAll()
    qtbot.keyClick(dialog.clinic_name, Qt.Key.Key_Backspace)
    assert shown_error(dialog, "clinic_name").startswith("Enter the clinic's name")
    assert dialog.clinic_name.accessibleDescription().startswith("Enter the clinic's name")
    qtbot.keyClicks(dialog.clinic_name, "Harbor Clinic")
    assert shown_error(dialog, "clinic_name") == ""
    qtbot.keyClicks(dialog.counselor_name, "   ")
    assert not dialog.ok_button.isEnabled()
    assert shown_error(dialog, "counselor_name").startswith("Enter the counselor's name")
    qtbot.keyClicks(dialog.counselor_name, "Sam Lee")
    assert dialog.ok_button.isEnabled()


def test_a_name_too_long_is_refused_by_the_core_rule(qtbot, database) -> None:
    dialog = open_dialog(qtbot, database)
    dialog.counselor_name.setText("Sam")
    dialog.clinic_name.setText("x" * 501)
    dialog.clinic_name.textEdited.emit(dialog.clinic_name.text())
    assert shown_error(dialog, "clinic_name") == "This is too long: keep it under 500 characters."
    assert not dialog.ok_button.isEnabled()
    dialog.clinic_name.setText("x" * 500)
    dialog.clinic_name.textEdited.emit(dialog.clinic_name.text())
    assert dialog.ok_button.isEnabled()


def test_save_by_keyboard_stores_the_names_and_accepts(qtbot, database, screenshot) -> None:
    dialog = open_dialog(qtbot, database)
    screenshot(dialog, "first_run_dialog_empty")
    qtbot.keyClicks(dialog.clinic_name, "  Harbor Clinic ")
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # C&ounselor
    assert dialog.focusWidget() is dialog.counselor_name
    qtbot.keyClicks(dialog.counselor_name, "Sam Lee")
    screenshot(dialog, "first_run_dialog")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.counselor_name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    settings = load_settings(database)
    assert (settings.clinic_name, settings.counselor_name) == ("Harbor Clinic", "Sam Lee")
    assert dialog.saved == settings
    assert not needs_first_run_setup(database)


def test_the_core_refusing_marks_the_field(qtbot, database, monkeypatch) -> None:
    def refuse(_database, **_names):
        raise InputError([error("expected a name without digits", field="counselor_name")])

    monkeypatch.setattr("intake.first_run.complete_first_run", refuse)
    dialog = open_dialog(qtbot, database)
    dialog.clinic_name.setText("Harbor Clinic")
    dialog.counselor_name.setText("Sam Lee")
    dialog.counselor_name.textEdited.emit("Sam Lee")
    task = dialog.save()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.status.text() == "Not saved: a name needs fixing first."
    assert (
        shown_error(dialog, "counselor_name")
        == "This name was not accepted: expected a name without digits."
    )
    assert not dialog.ok_button.isEnabled() and dialog.clinic_name.isEnabled()


def test_an_unexpected_failure_is_said_calmly_and_logged_without_names(
    qtbot, database, monkeypatch, caplog
) -> None:
    def broken(_database, **_names):
        raise RuntimeError("disk full while saving Harbor Clinic")

    monkeypatch.setattr("intake.first_run.complete_first_run", broken)
    dialog = open_dialog(qtbot, database)
    dialog.clinic_name.setText("Harbor Clinic")
    dialog.counselor_name.setText("Sam Lee")
    dialog.counselor_name.textEdited.emit("Sam Lee")
    with qtbot.waitSignal(dialog.save().finished, timeout=10_000):
        pass
    assert "could not be saved" in dialog.status.text()
    assert dialog.ok_button.isEnabled()  # the counselor may try again
    assert "RuntimeError" in caplog.text
    assert "Harbor" not in caplog.text and "Sam Lee" not in caplog.text


def test_offer_asks_nothing_once_set_up(qtbot, database, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: shown.append(self) or 1)
    save_settings(
        database,
        dataclasses.replace(load_settings(database), clinic_name="A", counselor_name="B"),
    )
    assert offer_first_run_setup(None, database) is False
    assert shown == []


def test_offer_with_loaded_settings_asks_only_what_is_missing(qtbot, database, monkeypatch) -> None:
    shown: list[FirstRunDialog] = []

    def fake_exec(self: FirstRunDialog) -> int:
        qtbot.addWidget(self)
        shown.append(self)
        return QDialog.DialogCode.Rejected.value

    def no_reading(_database):
        raise AssertionError("the settings given should have been used")

    settings = dataclasses.replace(load_settings(database), clinic_name="Harbor Clinic")
    monkeypatch.setattr(FirstRunDialog, "exec", fake_exec)
    monkeypatch.setattr("intake.settings.load_settings", no_reading)
    assert offer_first_run_setup(None, database, settings) is False  # "Later"
    dialog = shown[0]
    assert dialog.clinic_name.text() == "Harbor Clinic" and dialog.counselor_name.text() == ""
    assert needs_first_run_setup(database)  # nothing saved: asked again next start


def test_the_first_blank_field_has_the_focus(qtbot, database) -> None:
    settings = dataclasses.replace(load_settings(database), clinic_name="Harbor Clinic")
    dialog = open_dialog(qtbot, database, settings)
    assert dialog.focusWidget() is dialog.counselor_name
    assert not dialog.ok_button.isEnabled()


def test_offer_runs_the_real_dialog_and_returns_true(qtbot, database) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        dialog.clinic_name.setText("Harbor Clinic")
        dialog.counselor_name.setText("Sam Lee")
        dialog.counselor_name.textEdited.emit("Sam Lee")
        dialog.ok_button.click()

    QTimer.singleShot(0, answer)
    assert offer_first_run_setup(None, database) is True
    assert load_settings(database).counselor_name == "Sam Lee"


def test_escape_means_later(qtbot, database) -> None:
    dialog = open_dialog(qtbot, database)
    with qtbot.waitSignal(dialog.rejected, timeout=5_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert needs_first_run_setup(database)


def test_spanish(qtbot, spanish, database, screenshot) -> None:
    dialog = open_dialog(qtbot, database)
    assert dialog.windowTitle() == "Bienvenido/a a intake"
    assert dialog.ok_button.text() == "&Guardar" and dialog.later_button.text() == "&Más tarde"
    qtbot.keyClicks(dialog.clinic_name, "x")
    dialog.clinic_name.clear()
    dialog.clinic_name.textEdited.emit("")
    assert shown_error(dialog, "clinic_name").startswith("Escriba el nombre de la clínica")
    screenshot(dialog, "first_run_dialog_spanish")
    label = dialog.errors["clinic_name"]
    assert label.height() >= label.heightForWidth(label.width())  # room for every line
