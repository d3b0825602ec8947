"""Inline, specific validation: the intake model's sentence under the field, the field
outlined, Next disabled until the page is fine; skipped answers stay unknown."""

from wizard_driver import Driver, Key

from PySide6.QtWidgets import QWizard

from intake.gui.wizard.wizard import CONSENT_PAGE


def next_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_wrong_phone_number_is_said_under_the_field_and_blocks_next(
    qtbot, open_wizard, shot
) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard)
    page = wizard.currentPage()
    drive.type("Sky")
    assert next_enabled(wizard)
    drive.alt("h")
    drive.type("abc")
    error = page._bindings["client.phone"].error
    assert error.isVisible()
    assert error.message().startswith('"abc" is not a phone number')
    assert page.phone.property("invalid") is True
    assert page.phone.accessibleDescription() == error.message()
    assert not next_enabled(wizard)
    shot(wizard, "problem-phone")
    drive.key(Key.Key_A, drive_ctrl())
    drive.type("406 555 0100")
    assert not error.isVisible() and not page.phone.property("invalid")
    assert next_enabled(wizard)


def drive_ctrl():
    from PySide6.QtCore import Qt

    return Qt.KeyboardModifier.ControlModifier


def test_the_name_is_asked_for_kindly_and_only_once_touched(qtbot, open_wizard) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard)
    page = wizard.currentPage()
    error = page._bindings["client.name"].error
    assert not next_enabled(wizard)
    assert not error.isVisible()  # an empty form does not open in red
    assert page.hint.isVisible() and "Enter a name or an alias." in page.hint.text()
    drive.type("S")
    drive.key(Key.Key_Backspace)
    assert error.isVisible() and error.message() == "Enter a name or an alias."
    assert not page.hint.isVisible()


def test_dates_and_ages_are_checked_by_the_intake_model(qtbot, open_wizard) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard)
    page = wizard.currentPage()
    drive.type("Sky")
    drive.alt("d")
    drive.type("2030-01-01")
    assert "in the future" in page._bindings["client.date_of_birth"].error.message()
    drive.key(Key.Key_A, drive_ctrl())
    drive.type("1990-02-30")
    assert "not a real date" in page._bindings["client.date_of_birth"].error.message()
    drive.key(Key.Key_A, drive_ctrl())
    drive.key(Key.Key_Delete)
    drive.alt("g")
    drive.type("130")
    assert page._bindings["client.age"].error.message() == "130 is more than 120"
    assert not next_enabled(wizard)
    drive.key(Key.Key_Backspace)
    assert next_enabled(wizard)
    assert wizard.draft.answers["client"] == {"name": "Sky", "age": 13}


def test_a_goal_is_needed_and_coverage_none_stands_alone(qtbot, open_wizard) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard)
    drive.type("Sky")
    drive.next_by_keyboard()
    assert not next_enabled(wizard)
    drive.alt("r")
    assert next_enabled(wizard)
    drive.next_by_keyboard()
    drive.next_by_keyboard()
    drive.next_by_keyboard()
    page = wizard.currentPage()
    page.insurance["none"].click()
    page.insurance["medicaid"].click()
    message = page._bindings["circumstances.insurance"].error.message()
    assert message == '"none" cannot be listed together with a kind of coverage'
    assert not next_enabled(wizard)
    page.insurance["none"].click()
    assert next_enabled(wizard)


def test_a_consent_needs_its_signature_unless_there_is_none(qtbot, open_wizard, shot) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard)
    drive.type("Sky")
    drive.next_by_keyboard()
    drive.alt("s")
    while wizard.currentId() < CONSENT_PAGE:
        wizard.next()
    page = wizard.currentPage()
    assert next_enabled(wizard)  # nothing chosen yet: no consent on file
    drive.alt("g")  # the client gives consent
    assert wizard.draft.get("consent.signed_by") == "Sky"  # filled in as a counselor would
    drive.alt("s")
    drive.key(Key.Key_A, drive_ctrl())
    drive.key(Key.Key_Delete)
    assert page._bindings["consent.signed_by"].error.message() == (
        "Enter the name of the person who signed."
    )
    assert not next_enabled(wizard)
    drive.type("Sky")
    assert next_enabled(wizard)
    drive.alt("w")  # ends when...: an event, which is still empty
    assert page._bindings["consent.expires_on"].error.message() == (
        "Give the date the consent ends, or the event that ends it."
    )
    assert not next_enabled(wizard)
    shot(wizard, "problem-consent")
    drive.alt("o")  # no consent now: nothing to fix
    assert next_enabled(wizard)
    assert "consent" not in wizard.draft.answers
    drive.alt("g")  # and back: the form is as it was left
    assert page.expires_event_button.isChecked()
