"""The consent page: services named by typing, removed, and added from the recommendations."""

from wizard_driver import Driver, Key

from PySide6.QtWidgets import QApplication

from intake.gui.wizard.page_consent import service_label
from intake.gui.wizard.wizard import CONSENT_PAGE, PLAN_PAGE


def to_consent(qtbot, wizard) -> Driver:
    drive = Driver(qtbot, wizard)
    drive.type("Sky")
    drive.next_by_keyboard()
    drive.alt("s")
    while wizard.currentId() < CONSENT_PAGE:
        wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.currentPage().service_ids), timeout=5000)
    return drive


def test_services_are_named_by_typing_and_removed_by_keys(qtbot, open_wizard, demo_snapshot):
    wizard = open_wizard()
    drive = to_consent(qtbot, wizard)
    page = wizard.currentPage()
    drive.alt("g")
    service = demo_snapshot.services[0]
    name = service_label(demo_snapshot, service.id)
    assert name.isascii()
    page.service_choice.setFocus()
    drive.type(name)
    drive.key(Key.Key_Return)  # adds the service; the wizard stays on the page
    assert wizard.currentId() == CONSENT_PAGE
    assert wizard.draft.get("consent.recipients") == [service.id]
    assert page.recipients.index(0, 0).data() == name
    page.recipient_list.setCurrentIndex(page.recipients.index(0, 0))
    drive.alt("r")
    assert wizard.draft.get("consent.recipients") is None
    QApplication.processEvents()


def test_services_ticked_in_the_plan_join_the_consent(qtbot, open_wizard) -> None:
    wizard = open_wizard()
    drive = to_consent(qtbot, wizard)
    drive.alt("g")
    drive.next_by_keyboard()
    drive.wait_for_plan()
    drive.alt("r")
    drive.key(Key.Key_Space)
    drive.alt("c")  # add the ticked services to the consent
    ticked = [service for _, service in wizard.plan_page.chosen()]
    assert wizard.draft.get("consent.recipients") == ticked
    wizard.back()
    assert wizard.currentPage().recipients.ids() == ticked  # the consent page shows them
    wizard.next()
    assert wizard.currentId() == PLAN_PAGE and not wizard.plan_page.busy  # no new plan
