"""The wizard's Qt models hold what they are given (no database reads) and pass Qt's checks."""

import json
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from conftest import TODAY
from intake.gui.wizard.page_client import ClientListModel
from intake.gui.wizard.plan_model import (
    COL_MARK,
    COL_SERVICE,
    KEY_ROLE,
    KeptOutModel,
    PlanTreeModel,
)
from intake.gui.wizard.substances_model import SubstanceTableModel
from intake.gui.wizard.widgets import LanguageListModel
from intake.intake_model import parse_intake
from intake.records import ClientSummary
from intake.rules import ReferralPlan, make_plan

EXAMPLES = Path(__file__).resolve().parents[3] / "resources" / "examples" / "intakes"


@pytest.fixture
def plan(demo_snapshot, bundled_rules) -> ReferralPlan:
    data = json.loads((EXAMPLES / "suicidal_thoughts_cocaine_alcohol.json").read_text())
    intake = parse_intake(data, today=TODAY)
    return make_plan(intake, demo_snapshot, bundled_rules, today=TODAY)


def test_the_plan_tree_keeps_the_plans_order_and_marks_urgent_referrals_in_words(
    qtmodeltester, plan
) -> None:
    model = PlanTreeModel()
    model.set_plan(plan)
    qtmodeltester.check(model)
    assert model.pathway_codes() == [p.code for p in plan.pathways]
    assert plan.pathways[0].code == "crisis"  # thoughts of suicide: crisis first
    top = model.index(0, 0)
    for row, referral in enumerate(plan.pathways[0].referrals):
        mark = model.index(row, COL_MARK, top)
        if referral.urgent:
            assert mark.data() == "Urgent" and mark.data(Qt.ItemDataRole.DecorationRole)
        elif referral.safety_net:
            assert mark.data() == "Safety first"
    assert any(r.urgent for r in plan.pathways[0].referrals)


def test_ticks_are_kept_for_referrals_a_new_plan_still_holds(qtmodeltester, plan) -> None:
    model = PlanTreeModel()
    model.set_plan(plan)
    first = plan.pathways[0].referrals[0]
    key = (first.pathway, first.service_id)
    index = model.index_of(key)
    assert index.data(KEY_ROLE) == key
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.checked() == [key]
    model.set_plan(plan, [*model.checked(), ("crisis", "no-such-service")])
    assert model.checked() == [key]
    model.set_plan(None, model.checked())
    assert model.checked() == [] and model.rowCount() == 0
    qtmodeltester.check(model)


def test_pathway_rows_cannot_be_ticked(plan) -> None:
    model = PlanTreeModel()
    model.set_plan(plan)
    pathway = model.index(0, COL_SERVICE)
    assert not model.flags(pathway) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(pathway, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def test_kept_out_model_keeps_notes_only_for_services_still_kept_out(qtmodeltester, plan) -> None:
    model = KeptOutModel()
    model.set_excluded(plan.excluded, {plan.excluded[0].service_id: "asked", "gone": "x"})
    qtmodeltester.check(model)
    assert model.notes() == {plan.excluded[0].service_id: "asked"}
    assert model.index(0, 2).data() == "Yes: asked"
    model.set_note(0, "  ")
    assert model.notes() == {}


def test_substance_rows(qtmodeltester) -> None:
    model = SubstanceTableModel()
    model.set_rows([{"substance": "opioids", "route": "injection", "days_since_last_use": 0}])
    row = model.add_row()
    model.set_answer(row, "substance", "alcohol")
    model.set_answer(row, "frequency", "daily")
    model.set_answer(0, "route", None)
    qtmodeltester.check(model)
    assert model.rows() == [
        {"substance": "opioids", "days_since_last_use": 0},
        {"substance": "alcohol", "frequency": "daily"},
    ]
    assert model.index(0, 4).data() == "Today"
    model.remove_row(0)
    assert model.rowCount() == 1


def test_language_list_puts_the_preferred_first(qtmodeltester) -> None:
    model = LanguageListModel()
    model.set_codes(["en", "es"])
    assert not model.add("es")
    assert model.move_up(1)
    qtmodeltester.check(model)
    assert model.codes() == ["es", "en"]
    assert model.index(0, 0).data() == "Spanish (es) (preferred)"


def test_client_list(qtmodeltester) -> None:
    import datetime as dt

    model = ClientListModel()
    model.set_clients(
        [ClientSummary("c1", "Maria", False, dt.date(1990, 4, 12), dt.datetime(2026, 11, 1))]
    )
    qtmodeltester.check(model)
    assert "1990-04-12" in model.index(0, 0).data()
