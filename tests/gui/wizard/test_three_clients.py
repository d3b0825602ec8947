"""Three clients, start to Finish, by keyboard and by mouse, on the demo directory.

Each test checks that what is stored (the intake's answers, its referral rows, the
client) equals what was entered, and that the plan shown equals `intake match --format
json` run as a program on a file of the same answers. Screenshots of every page go to
screenshots/wizard/; page-change and plan times are printed (run with -s to see them).
"""

import json
from pathlib import Path
from typing import Any

from sqlmodel import col, select
from wizard_driver import Driver, Key, plan_from_cli, plan_shown

from PySide6.QtCore import Qt

from conftest import TODAY
from intake.gui.wizard.page_plan import PlanPage
from intake.intake_model import parse_intake
from intake.records import record_intake
from intake.store.db import Database
from intake.store.records_tables import Client, Referral
from intake.store.records_tables import Intake as IntakeRow

EXAMPLES = Path(__file__).resolve().parents[3] / "resources" / "examples" / "intakes"


def stored(database: Database, intake_id: str) -> tuple[IntakeRow, Client, list[Referral]]:
    with database.session() as session:
        row = session.get(IntakeRow, intake_id)
        assert row is not None and row.status == "final"
        client = session.get(Client, row.client_id)
        assert client is not None
        query = select(Referral).where(col(Referral.intake_id) == intake_id)
        return row, client, list(session.exec(query))


def report(name: str, driver: Driver, plan_ms: float) -> None:
    pages = ", ".join(f"{ms:.0f}" for ms in driver.page_ms)
    print(f"\n{name}: page changes (ms) {pages}; plan shown {plan_ms:.0f} ms after entering")


JAY: dict[str, Any] = {
    "client": {
        "name": "Jay",
        "age": 38,
        "gender": "man",
        "pronouns": "he/him",
        "languages": ["en"],
        "postal_code": "59101",
        "safe_to_contact": False,
    },
    "goals": ["safety"],
    "goal_statement": "Don't die out here. Maybe get a bed when it gets cold.",
    "substances": [
        {
            "substance": "opioids",
            "description": "fentanyl",
            "route": "injection",
            "frequency": "daily",
            "days_since_last_use": 0,
        },
        {
            "substance": "methamphetamine",
            "route": "smoking",
            "frequency": "weekly",
            "days_since_last_use": 3,
        },
    ],
    "risks": {
        "uses_alone": True,
        "overdose_last_12_months": True,
        "reduced_tolerance": False,
        "mixes_depressants": False,
        "fentanyl_exposure_possible": True,
        "suicidal_thoughts": False,
    },
    "circumstances": {
        "housing": "unhoused",
        "insurance": ["medicaid"],
        "veteran": False,
        "justice_involved": False,
        "needs_transportation": True,
    },
    "preferences": {"medication": "unsure", "format": "in_person", "max_distance_km": 5.0},
}


def test_unhoused_man_injecting_fentanyl_whose_goal_is_safety_by_keyboard_alone(
    qtbot, open_wizard, demo_database, shot, tmp_path
) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard, shot, "jay")

    # 1. Client
    drive.snap("client-empty")
    drive.alt("a")
    drive.type("Jay")
    drive.alt("g")
    drive.type("38")
    drive.alt("e")
    drive.down_to("Man")
    drive.alt("p")
    drive.type("he/him")
    drive.alt("l")
    drive.type("English")
    drive.key(Key.Key_Return)  # adds the language; does not leave the page
    assert wizard.currentId() == 0
    drive.alt("c")
    drive.type("59101")
    drive.alt("s")  # safe to contact: Yes has focus; Right moves to No, Space picks it
    drive.keys(Key.Key_Right, Key.Key_Space)
    drive.snap("client")
    drive.next_by_keyboard()

    # 2. Goals
    drive.alt("s")
    drive.alt("o")
    drive.type(JAY["goal_statement"])
    drive.snap("goals")
    drive.next_by_keyboard()

    # 3. Substance use: two rows
    drive.alt("a")
    drive.down_to("Opioids (heroin, fentanyl, pain pills)")
    drive.alt("w")
    drive.type("fentanyl")
    drive.alt("t")
    drive.down_to("Injecting")
    drive.alt("o")
    drive.down_to("Every day or most days")
    drive.alt("l")
    drive.key(Key.Key_Up)  # "Not known" -> 0 days (today)
    drive.alt("a")
    drive.down_to("Methamphetamine")
    drive.alt("t")
    drive.down_to("Smoking")
    drive.alt("o")
    drive.down_to("Every week")
    drive.alt("l")
    drive.keys(Key.Key_Up, Key.Key_Up, Key.Key_Up, Key.Key_Up)
    drive.snap("substances")
    drive.next_by_keyboard()

    # 4. Safety: Space picks Yes; Right then Space picks No; one question skipped
    drive.alt("u")
    drive.key(Key.Key_Space)
    drive.alt("o")
    drive.key(Key.Key_Space)
    drive.alt("w")
    drive.keys(Key.Key_Right, Key.Key_Space)
    drive.alt("m")
    drive.keys(Key.Key_Right, Key.Key_Space)
    drive.alt("f")
    drive.key(Key.Key_Space)
    drive.alt("t")
    drive.keys(Key.Key_Right, Key.Key_Space)
    drive.snap("safety")
    drive.next_by_keyboard()

    # 5. Circumstances and preferences
    drive.alt("h")
    drive.down_to("Unhoused (outside, car, shelter)")
    drive.alt("c")
    drive.key(Key.Key_Space)  # Medicaid
    drive.alt("v")
    drive.keys(Key.Key_Right, Key.Key_Space)
    drive.alt("j")
    drive.keys(Key.Key_Right, Key.Key_Space)
    drive.alt("t")
    drive.key(Key.Key_Space)
    drive.alt("e")
    drive.down_to("Not sure yet")
    drive.alt("o")
    drive.down_to("In person")
    drive.alt("f")
    drive.key(Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    drive.type("5")
    drive.snap("circumstances")
    drive.next_by_keyboard()

    # 6. Consent: none now
    drive.alt("o")
    drive.snap("consent")
    drive.next_by_keyboard()

    # 7. Recommendations: tick two referrals with Space
    plan_ms = drive.wait_for_plan()
    drive.alt("r")
    drive.key(Key.Key_Space)
    drive.key(Key.Key_Down)
    drive.key(Key.Key_Space)
    ticked = wizard.plan_page.chosen()
    assert len(ticked) == 2
    drive.snap("recommendations")
    shown = plan_shown(wizard)
    drive.next_by_keyboard()

    # 8. Review and finish
    drive.snap("review")
    intake_id = drive.finish_by_keyboard()
    drive.snap("finished")
    report("Jay", drive, plan_ms)

    row, client, referrals = stored(demo_database, intake_id)
    assert row.answers == JAY
    assert client.name == "Jay" and not client.is_alias
    assert {(r.pathway, r.service_id) for r in referrals} == set(ticked)
    assert not any(r.added_by_counselor for r in referrals)
    assert shown == plan_from_cli(demo_database, row.answers, tmp_path, TODAY.isoformat())
    assert shown[0][0] == "harm_reduction"  # a safety goal: harm reduction first


BRIANNA: dict[str, Any] = {
    "client": {
        "name": "Brianna Tate",
        "date_of_birth": "1998-07-19",
        "gender": "woman",
        "pronouns": "she/her",
        "languages": ["en", "es"],
        "postal_code": "59102",
        "phone": "(406) 555-0142",
        "safe_to_contact": True,
    },
    "goals": ["reduced_use"],
    "goal_statement": "Cut down for the baby without getting sick.",
    "substances": [
        {
            "substance": "opioids",
            "description": "pain pills, sometimes fentanyl",
            "route": "oral",
            "frequency": "daily",
            "days_since_last_use": 0,
        },
        {"substance": "tobacco", "route": "smoking", "frequency": "daily"},
    ],
    "risks": {
        "uses_alone": False,
        "overdose_last_12_months": False,
        "fentanyl_exposure_possible": True,
        "suicidal_thoughts": False,
    },
    "circumstances": {
        "pregnant": True,
        "postpartum": False,
        "parenting": True,
        "housing": "stable",
        "insurance": ["medicaid"],
        "needs_transportation": True,
    },
    "preferences": {
        "medication": "open",
        "faith_based": "no_preference",
        "format": "in_person",
        "gender_specific": True,
        "max_distance_km": 30.0,
    },
}


def test_pregnant_woman_using_opioids_who_wants_to_cut_down_by_mouse(
    qtbot, open_wizard, demo_database, shot, tmp_path, monkeypatch
) -> None:
    # She came once before: the wizard should find her record and add this visit to it.
    earlier = parse_intake(
        json.loads((EXAMPLES / "pregnant_opioids_reduced_use.json").read_text()), today=TODAY
    )
    earlier_id = record_intake(demo_database, earlier, chosen=[], plan=None, counselor=None)
    _, known, _ = stored(demo_database, earlier_id)

    wizard = open_wizard()
    drive = Driver(qtbot, wizard, shot, "brianna")
    page = drive.page

    # 1. Client, by mouse and typing; the duplicate check finds her
    drive.click_type(page.name, "Brianna Tate")
    drive.click_type(page.date_of_birth, "7/19/1998")  # US style is understood
    qtbot.waitUntil(page.duplicates.isVisible, timeout=5000)
    assert page.duplicate_model.rowCount() == 1
    drive.snap("client-duplicate")
    drive.click(page.use_existing)
    assert wizard.context.client_id == known.id
    drive.pick(page.gender, "Woman")
    drive.click_type(page.pronouns.lineEdit(), "she/her")
    for language in ("English", "Spanish"):
        drive.click_type(page.languages.choice.lineEdit(), language)
        drive.click(page.languages.add_button)
    drive.click_type(page.postal_code, "59102")
    drive.click_type(page.phone, "(406) 555-0142")
    drive.click(page.safe_to_contact.buttons[0])
    drive.snap("client")
    drive.next_by_mouse()

    # 2. Goals
    page = drive.page
    drive.click(page.goal_boxes["reduced_use"])
    drive.click_type(page.statement, BRIANNA["goal_statement"])
    drive.next_by_mouse()

    # 3. Substance use
    page = drive.page
    drive.click(page.add_button)
    drive.pick(page.substance, "Opioids (heroin, fentanyl, pain pills)")
    drive.click_type(page.description, "pain pills, sometimes fentanyl")
    drive.pick(page.route, "Swallowing (by mouth)")
    drive.pick(page.frequency, "Every day or most days")
    drive.click(page.days.lineEdit())
    page.days.stepUp()  # the spin box's arrow: "Not known" -> today
    drive.click(page.add_button)
    drive.pick(page.substance, "Tobacco or nicotine")
    drive.pick(page.route, "Smoking")
    drive.pick(page.frequency, "Every day or most days")
    drive.next_by_mouse()

    # 4. Safety
    page = drive.page
    for risk, answer in BRIANNA["risks"].items():
        drive.click(page.answers[risk].buttons[0 if answer else 1])
    drive.click(page.answers["mixes_depressants"].buttons[2])  # prefer not to say: unknown
    drive.snap("safety")
    drive.next_by_mouse()

    # 5. Circumstances and preferences
    page = drive.page
    for path in ("pregnant", "postpartum", "parenting", "needs_transportation"):
        answer = BRIANNA["circumstances"][path]
        drive.click(page.flags[f"circumstances.{path}"].buttons[0 if answer else 1])
    drive.pick(page.housing, "Stable housing")
    drive.click(page.insurance["medicaid"])
    drive.pick(page.medication, "Open to it")
    drive.pick(page.faith, "No preference")
    drive.pick(page.format, "In person")
    drive.click(page.flags["preferences.gender_specific"].buttons[0])
    page.distance.selectAll()
    drive.click(page.distance)
    page.distance.lineEdit().selectAll()
    qtbot.keyClicks(page.distance.lineEdit(), "30")
    drive.snap("circumstances")
    drive.next_by_mouse()

    # 6. Consent given; services are named from the recommendations
    page = drive.page
    drive.click(page.given)
    drive.click(page.information["substance_use"])
    drive.snap("consent")
    drive.next_by_mouse()

    # 7. Recommendations: the urgent medication first; tick it; refer one kept out anyway
    page = drive.page
    plan_ms = drive.wait_for_plan()
    plan = wizard.plan()
    assert plan is not None
    urgent = [r for r in plan.referrals() if r.urgent]
    assert urgent and plan.pathways[0].code == urgent[0].pathway
    model = page.model
    index = model.index_of((urgent[0].pathway, urgent[0].service_id))
    rect = page.tree.visualRect(index)
    drive.click(page.tree.viewport(), rect.center())  # select the row
    check = page.tree.style().subElementRect(
        page.tree.style().SubElement.SE_ItemViewItemCheckIndicator,
        _view_option(page.tree, index),
        page.tree,
    )
    drive.click(page.tree.viewport(), check.center())  # tick its box
    assert page.chosen() == [(urgent[0].pathway, urgent[0].service_id)]
    drive.click(page.show_kept_out)
    kept = plan.excluded[0]
    monkeypatch.setattr(
        PlanPage, "ask_override_note", staticmethod(lambda parent, name: "Client asked by name")
    )
    drive.click(
        page.kept_table.viewport(), page.kept_table.visualRect(page.kept_out.index(0, 0)).center()
    )
    drive.click(page.refer_anyway)
    assert page.kept_out_notes() == {kept.service_id: "Client asked by name"}
    drive.click(page.to_consent)
    drive.snap("recommendations")
    shown = plan_shown(wizard)
    drive.next_by_mouse()

    # 8. Review and finish
    drive.snap("review")
    intake_id = drive.finish_by_mouse()
    report("Brianna", drive, plan_ms)

    row, client, referrals = stored(demo_database, intake_id)
    expected = dict(BRIANNA)
    expected["consent"] = {
        "recipients": [urgent[0].service_id, kept.service_id],
        "information": ["identity", "contact", "goals", "substance_use"],
        "purpose": "Referral for care at the client's request",
        "signed_by": "Brianna Tate",
        "signer_relationship": "self",
        "signed_on": "2026-11-23",
        "expires_on": "2027-11-23",
    }
    assert row.answers == expected
    assert client.id == known.id  # the same person: one record, two intakes
    by_service = {r.service_id: r for r in referrals}
    assert set(by_service) == {urgent[0].service_id, kept.service_id}
    assert by_service[urgent[0].service_id].urgent
    assert by_service[kept.service_id].added_by_counselor
    assert by_service[kept.service_id].note == "Client asked by name"
    answers = {k: v for k, v in row.answers.items() if k != "consent"}
    assert shown == plan_from_cli(demo_database, answers, tmp_path, TODAY.isoformat())


def _view_option(view: Any, index: Any) -> Any:
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    return option


def test_alias_only_client_who_skips_most_questions(
    qtbot, open_wizard, demo_database, shot, tmp_path
) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard, shot, "sky")
    page = drive.page
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()  # a name is needed
    drive.click_type(page.name, "Sky")
    drive.click(page.alias)
    drive.next_by_enter()  # Enter in the name field: Next
    drive.snap("goals-empty")
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()  # a goal is needed
    drive.click(drive.page.goal_boxes["safety"])
    for _ in range(4):  # substances, safety, circumstances, consent: all skipped
        drive.next_by_mouse()
    drive.alt("n")
    plan_ms = drive.wait_for_plan()
    drive.snap("recommendations")
    shown = plan_shown(wizard)
    drive.next_by_mouse()
    intake_id = drive.finish_by_keyboard()
    report("Sky", drive, plan_ms)
    page = wizard.review_page
    assert page.letters.isVisible()
    with qtbot.waitSignal(wizard.letters_requested) as letters:
        drive.alt("l")  # the letters UI comes later: the wizard asks for it with the id
    assert letters.args == [intake_id]
    drive.key(Key.Key_Escape)  # stored: closing asks nothing
    assert not wizard.isVisible()

    row, client, referrals = stored(demo_database, intake_id)
    assert row.answers == {
        "client": {"name": "Sky"},
        "goals": ["safety"],
        "preferences": {"max_distance_km": 40.0},  # the clinic's default distance
    }
    assert client.is_alias and client.name == "Sky"
    assert referrals == []
    assert shown == plan_from_cli(demo_database, row.answers, tmp_path, TODAY.isoformat())
