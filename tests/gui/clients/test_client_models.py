"""The Clients tab's table models: checked by qtmodeltester, aliases marked, sorted as read."""

import datetime as dt

from clients_samples import add_draft

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from intake.gui.clients.models import (
    COL_BORN,
    COL_LAST_SEEN,
    COL_NAME,
    COL_REF_NOTES,
    COL_REF_PATHWAY,
    COL_REF_SERVICE,
    COL_REF_STATUS,
    ClientTableModel,
    DraftTableModel,
    IntakeTableModel,
    ReferralTableModel,
    SortProxy,
)
from intake.gui.summary_model import ROW_ROLE
from intake.records import client_history, find_clients, list_drafts


def test_client_model_passes_the_model_tester(qtmodeltester, clients_db) -> None:
    model = ClientTableModel()
    model.set_rows(find_clients(clients_db))
    qtmodeltester.check(model, force_py=True)
    proxy = SortProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_NAME)
    qtmodeltester.check(proxy, force_py=True)


def test_history_and_draft_models_pass_the_model_tester(qtmodeltester, clients_db) -> None:
    add_draft(clients_db, "Ana")
    add_draft(clients_db, "")
    drafts = DraftTableModel()
    drafts.set_rows(list_drafts(clients_db))
    qtmodeltester.check(drafts, force_py=True)
    [maria] = find_clients(clients_db, "maria lopez")
    history = client_history(clients_db, maria.id)
    intakes = IntakeTableModel()
    intakes.set_rows(history)
    qtmodeltester.check(intakes, force_py=True)
    referrals = ReferralTableModel()
    referrals.set_rows(history[0].referrals)
    qtmodeltester.check(referrals, force_py=True)


def test_clients_show_name_birth_date_and_last_visit(clients_db) -> None:
    model = ClientTableModel()
    model.set_rows(find_clients(clients_db, "lopez"))
    assert model.rowCount() == 1
    assert model.index(0, COL_NAME).data() == "María López"
    assert model.index(0, COL_BORN).data() == "1990-04-12"
    assert model.index(0, COL_LAST_SEEN).data() == "2026-11-02"  # the day, here
    assert model.index(0, COL_NAME).data(ROW_ROLE).name == "María López"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Name or alias", "Date of birth", "Last seen"]


def test_an_alias_is_shown_as_one(clients_db) -> None:
    model = ClientTableModel()
    model.set_rows(find_clients(clients_db, "sky"))
    name = model.index(0, COL_NAME)
    assert name.data() == "Sky (alias)"
    assert "did not give a legal name" in name.data(Qt.ItemDataRole.ToolTipRole)
    font = name.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    assert model.index(0, COL_BORN).data() == ""


def test_sorting_by_last_visit_is_by_time_not_text(clients_db) -> None:
    model = ClientTableModel()
    model.set_rows(find_clients(clients_db))
    proxy = SortProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_LAST_SEEN, Qt.SortOrder.DescendingOrder)
    names = [proxy.index(r, COL_NAME).data(ROW_ROLE).name for r in range(proxy.rowCount())]
    assert names == ["Tom Becker", "Marisol Díaz", "Sky", "James Whitehorse", "María López"]
    proxy.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, COL_NAME).data(ROW_ROLE).name for r in range(proxy.rowCount())]
    assert names == ["James Whitehorse", "María López", "Marisol Díaz", "Sky", "Tom Becker"]


def test_a_draft_without_a_name_says_so(clients_db) -> None:
    add_draft(clients_db, "")
    model = DraftTableModel()
    model.set_rows(list_drafts(clients_db))
    assert model.index(0, 0).data() == "No name given yet"
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(0, 2).data() == "Dana Reyes"


def test_referrals_show_pathway_status_and_flags(clients_db) -> None:
    [maria] = find_clients(clients_db, "maria lopez")
    [intake] = client_history(clients_db, maria.id)
    model = ReferralTableModel()
    model.set_rows(intake.referrals)
    rows = [
        [model.index(r, c).data() for c in (COL_REF_SERVICE, COL_REF_PATHWAY, COL_REF_STATUS)]
        for r in range(model.rowCount())
    ]
    assert rows == [
        ["988 Suicide & Crisis Lifeline · 988 Lifeline", "Crisis and emergency help", "Pending"],
        ["Naloxone by mail · Harm Reduction Collective", "Harm reduction", "Pending"],
    ]
    assert model.index(0, COL_REF_NOTES).data() == "Urgent; Safety first"
    assert model.index(0, COL_REF_SERVICE).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, COL_REF_NOTES).data() == "Safety first"


def test_intakes_show_date_goals_count_and_consent(clients_db) -> None:
    [marisol] = find_clients(clients_db, "marisol")
    model = IntakeTableModel()
    model.set_rows(client_history(clients_db, marisol.id))
    assert [model.index(0, c).data() for c in range(5)] == [
        "2026-11-07",
        "Reduced use, Safety",
        "1",
        "Not on file",
        "Dana Reyes",
    ]


def test_a_naive_stored_time_is_read_as_utc() -> None:
    from intake.gui.clients.stored_time import local_day

    aware = dt.datetime(2026, 11, 2, 15, 0, tzinfo=dt.UTC)
    assert local_day(aware.replace(tzinfo=None)) == local_day(aware)
    assert local_day(None) == ""
