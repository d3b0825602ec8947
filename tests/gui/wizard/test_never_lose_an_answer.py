"""Never lose an answer: every change reaches the draft in the database within a second; a
resumed draft brings every answer back; closing asks whether to keep the draft."""

import time

from test_three_clients import JAY
from wizard_driver import Driver, Key

from PySide6.QtWidgets import QApplication

from intake.gui.wizard.draft import Draft
from intake.gui.wizard.wizard import CONSENT_PAGE, PLAN_PAGE
from intake.records import list_drafts, load_draft, save_draft


def saved_answers(database) -> dict | None:
    """The answers of the one draft in the database (without the wizard's notes)."""
    drafts = list_drafts(database)
    if not drafts:
        return None
    return Draft.from_stored(load_draft(database, drafts[0].id)).answers


def test_every_change_is_in_the_database_within_a_second(qtbot, open_wizard, demo_database) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard)
    typed = time.perf_counter()
    drive.type("Sky")
    qtbot.waitUntil(lambda: bool((saved_answers(demo_database) or {}).get("client")), timeout=1000)
    first = (time.perf_counter() - typed) * 1000
    drive.alt("p")
    typed = time.perf_counter()
    drive.type("they/them")

    def has_pronouns() -> bool:
        return (saved_answers(demo_database) or {}).get("client", {}).get("pronouns") == "they/them"

    qtbot.waitUntil(has_pronouns, timeout=1000)
    second = (time.perf_counter() - typed) * 1000
    print(
        f"\nchange to database: {first:.0f} ms, {second:.0f} ms "
        f"(save itself {wizard.autosave.last_save_ms:.1f} ms, off the UI thread)"
    )
    assert len(list_drafts(demo_database)) == 1  # one draft, saved again and again
    assert list_drafts(demo_database)[0].counselor == "Ana Counselor"


def test_changes_made_while_a_save_runs_are_saved_after_it(qtbot, open_wizard, demo_database):
    wizard = open_wizard()
    page = wizard.currentPage()
    for text in ("S", "Sk", "Sky"):
        page.name.setText(text)
        page.name.textEdited.emit(text)
        wizard.autosave.timer.timeout.emit()  # a save starts at once, the next must wait
    qtbot.waitUntil(lambda: not wizard.autosave.pending, timeout=5000)
    assert saved_answers(demo_database)["client"] == {"name": "Sky"}


def fill_draft(database) -> str:
    """A draft as the wizard leaves it after the consent page, with the client's notes."""
    draft = Draft(
        JAY,
        {
            "is_alias": True,
            "declined": ["client.gender", "risks.severe_withdrawal_history"],
            "consent_choice": "none",
            "page": CONSENT_PAGE,
        },
    )
    draft.answers["client"].pop("gender")
    return save_draft(database, intake_id=None, answers=draft.stored(), counselor="Ana")


def check_every_answer_is_shown(wizard) -> None:
    """Each page's inputs hold the draft's answers (pages load when first entered)."""
    client, goals, substances, safety, circumstances, consent = wizard.pages[:6]
    assert client.name.text() == "Jay" and client.alias.isChecked()
    assert client.age.text() == "38"
    assert client.gender.value() == "declined"  # "prefer not to say" is remembered
    assert client.pronouns.currentText() == "he/him"
    assert client.languages.codes() == ["en"]
    assert client.postal_code.text() == "59101"
    assert client.safe_to_contact.value() is False
    assert [c for c, box in goals.goal_boxes.items() if box.isChecked()] == ["safety"]
    assert goals.statement.toPlainText() == JAY["goal_statement"]
    assert substances.model.rows() == JAY["substances"]
    for risk, widget in safety.answers.items():
        assert widget.value() == JAY["risks"].get(risk), risk
    assert safety.answers["severe_withdrawal_history"].declined()
    assert circumstances.housing.value() == "unhoused"
    assert [c for c, b in circumstances.insurance.items() if b.isChecked()] == ["medicaid"]
    assert circumstances.flags["circumstances.veteran"].value() is False
    assert circumstances.flags["circumstances.needs_transportation"].value() is True
    assert circumstances.flags["circumstances.pregnant"].value() is None
    assert circumstances.medication.value() == "unsure"
    assert circumstances.format.value() == "in_person"
    assert circumstances.distance.value() == 5
    assert consent.none.isChecked() and not consent.given.isChecked()


def test_a_resumed_draft_brings_back_every_answer_where_the_counselor_was(
    qtbot, open_wizard, demo_database
) -> None:
    draft_id = fill_draft(demo_database)
    wizard = open_wizard(draft_id=draft_id)
    assert wizard.currentId() == CONSENT_PAGE  # reopened where the counselor left
    check_every_answer_is_shown(wizard)
    assert wizard.draft.answers == {
        **JAY,
        "client": {k: v for k, v in JAY["client"].items() if k != "gender"},
    }
    assert not wizard.autosave.pending  # loading is not a change


def test_ticked_referrals_come_back_too(qtbot, open_wizard, demo_database) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard)
    drive.type("Jay")
    drive.next_by_keyboard()
    drive.alt("s")
    while wizard.currentId() < PLAN_PAGE:
        wizard.next()
    drive.wait_for_plan()
    drive.alt("r")
    drive.keys(Key.Key_Space, Key.Key_Down, Key.Key_Down, Key.Key_Space)
    ticked = wizard.plan_page.chosen()
    assert len(ticked) == 2
    wizard.autosave.flush()
    draft_id = wizard.autosave.draft_id
    wizard.close()

    again = open_wizard(draft_id=draft_id)
    assert again.currentId() == PLAN_PAGE
    Driver(qtbot, again).wait_for_plan()
    assert again.plan_page.chosen() == ticked


def test_closing_asks_and_keeps_the_draft_with_the_last_answer(
    qtbot, open_wizard, demo_database, _no_modal_dialogs
) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard)
    drive.type("Sky")
    drive.key(Key.Key_Escape)  # before the autosave ran: the draft is written on closing
    assert _no_modal_dialogs == ["keep_draft"]
    assert not wizard.isVisible()
    assert saved_answers(demo_database)["client"] == {"name": "Sky"}


def test_closing_can_discard_the_draft(qtbot, open_wizard, demo_database, monkeypatch) -> None:
    from intake.gui.wizard import IntakeWizard

    wizard = open_wizard()
    Driver(qtbot, wizard).type("Sky")
    qtbot.waitUntil(lambda: wizard.autosave.draft_id is not None, timeout=2000)
    monkeypatch.setattr(IntakeWizard, "ask_keep_draft", staticmethod(lambda parent: False))
    assert wizard.close()
    assert list_drafts(demo_database) == []


def test_going_back_to_the_intake_keeps_the_window_open(qtbot, open_wizard, monkeypatch) -> None:
    from intake.gui.wizard import IntakeWizard

    wizard = open_wizard()
    Driver(qtbot, wizard).type("Sky")
    monkeypatch.setattr(IntakeWizard, "ask_keep_draft", staticmethod(lambda parent: None))
    assert not wizard.close()
    assert wizard.isVisible()
    monkeypatch.setattr(IntakeWizard, "ask_keep_draft", staticmethod(lambda parent: True))


def test_closing_an_untouched_wizard_asks_nothing_and_saves_nothing(
    qtbot, open_wizard, demo_database, _no_modal_dialogs
) -> None:
    wizard = open_wizard()
    wizard.reject()
    QApplication.processEvents()
    assert _no_modal_dialogs == [] and list_drafts(demo_database) == []
