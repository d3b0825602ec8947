"""The Clients tab on its own: search as you type, a client's history, drafts."""

import pytest
from clients_samples import add_draft, add_intake

from PySide6.QtCore import Qt

from intake.gui.clients import ClientsPage
from intake.gui.clients.models import COL_NAME
from intake.gui.summary_model import ROW_ROLE
from intake.records import list_drafts


@pytest.fixture
def page(qtbot, clients_db) -> ClientsPage:
    page = ClientsPage()
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    with qtbot.waitSignals([page.searched, page.drafts_listed], timeout=30_000):
        page.set_database(clients_db)
    return page


def shown_names(page: ClientsPage) -> list[str]:
    return [
        page.proxy.index(row, COL_NAME).data(ROW_ROLE).name for row in range(page.proxy.rowCount())
    ]


def search(qtbot, page: ClientsPage, text: str) -> list[str]:
    with qtbot.waitSignal(page.searched, timeout=30_000):
        page.search.clear()
        qtbot.keyClicks(page.search, text)  # ASCII only: keyClicks aborts on other characters
    return shown_names(page)


def choose(qtbot, page: ClientsPage, name: str) -> None:
    row = shown_names(page).index(name)
    with qtbot.waitSignal(page.history.loaded, timeout=30_000):
        page.table.selectRow(row)


def test_the_most_recently_seen_clients_come_first(page: ClientsPage) -> None:
    assert shown_names(page) == [
        "Tom Becker",
        "Marisol Díaz",
        "Sky",
        "James Whitehorse",
        "María López",
    ]
    assert page.count.text() == "5 clients"
    assert page.history.title.text() == "No client chosen"


def test_search_narrows_by_name_whatever_the_accents(qtbot, page: ClientsPage) -> None:
    assert search(qtbot, page, "mari") == ["Marisol Díaz", "María López"]
    assert search(qtbot, page, "maria lopez") == ["María López"]
    assert page.count.text() == "1 client"


def test_search_finds_an_alias(qtbot, page: ClientsPage) -> None:
    assert search(qtbot, page, "sky") == ["Sky"]
    assert page.proxy.index(0, COL_NAME).data() == "Sky (alias)"


def test_search_narrows_by_date_of_birth(qtbot, page: ClientsPage) -> None:
    assert search(qtbot, page, "1990") == ["Marisol Díaz", "María López"]
    assert search(qtbot, page, "1990-04-12") == ["María López"]
    assert search(qtbot, page, "4/12/1990") == ["María López"]
    assert search(qtbot, page, "mar 1990-11") == ["Marisol Díaz"]


def test_no_match_says_so(qtbot, page: ClientsPage) -> None:
    assert search(qtbot, page, "zzz") == []
    assert page.count.text() == "No client matches the search."


def test_an_answer_to_an_older_search_is_dropped(qtbot, page: ClientsPage) -> None:
    """Replies can arrive out of order; only the latest search's may fill the list."""
    stale = page._search_generation
    search(qtbot, page, "sky")
    page._found(stale, [])  # the reply to the search before arrives late
    assert shown_names(page) == ["Sky"]


def test_typing_fast_runs_one_search(qtbot, page: ClientsPage, monkeypatch) -> None:
    runs = []
    original = page._run_search
    monkeypatch.setattr(page, "_run_search", lambda: runs.append(1) or original())
    page._search_timer.timeout.disconnect()
    page._search_timer.timeout.connect(page._run_search)
    search(qtbot, page, "whitehorse")
    assert len(runs) == 1


def test_choosing_a_client_shows_their_intakes_and_referrals(
    qtbot, page: ClientsPage, clients_db, screenshot
) -> None:
    [maria_id] = [c.id for c in page.model.rows() if c.name == "María López"]
    add_intake(clients_db, "María López", on=15, client_id=maria_id, refer=("svc-smart",),
               goals=("abstinence", "safety"), counselor="Lee Park")  # fmt: skip
    search(qtbot, page, "maria")
    choose(qtbot, page, "María López")
    history = page.history
    assert history.title.text() == "María López · born 1990-04-12"
    intakes = history.intakes_model
    assert intakes.rowCount() == 2
    assert [intakes.index(r, 0).data() for r in range(2)] == ["2026-11-15", "2026-11-02"]
    assert intakes.index(0, 1).data() == "Abstinence, Safety"
    assert intakes.index(0, 4).data() == "Lee Park"
    referrals = history.referrals_model
    assert [r.service_id for r in referrals.rows()] == ["svc-smart"]  # the newest is chosen
    history.intakes.selectRow(1)
    assert [r.service_id for r in referrals.rows()] == ["svc-988", "svc-naloxone"]
    assert referrals.index(0, 1).data() == "Crisis and emergency help"
    screenshot(page, "clients_history")


def test_an_alias_without_history_says_so(qtbot, page: ClientsPage, clients_db) -> None:
    search(qtbot, page, "sky")
    choose(qtbot, page, "Sky")
    assert page.history.title.text() == "Sky (alias)"
    assert page.history.intakes_model.rowCount() == 1
    assert not page.history.message.isVisible()


def test_enter_on_a_client_moves_into_their_history(qtbot, page: ClientsPage) -> None:
    page.window().activateWindow()
    page.search.setFocus()
    with qtbot.waitSignal(page.history.loaded, timeout=30_000):
        qtbot.keyClick(page.search, Qt.Key.Key_Return)  # into the list, first row chosen
        qtbot.keyClick(page.table, Qt.Key.Key_Return)  # open it
    assert page.chosen_client().name == "Tom Becker"
    assert page.history.intakes.hasFocus()


def test_new_intake_buttons_ask_for_a_new_or_a_known_client(qtbot, page: ClientsPage) -> None:
    with qtbot.waitSignal(page.new_intake) as new:
        page.new_button.click()
    assert new.args == [None]
    choose(qtbot, page, "Sky")
    with qtbot.waitSignal(page.new_intake) as known:
        page.history.new_button.click()
    assert known.args == [page.chosen_client().id]


def test_drafts_are_listed_and_resumed(qtbot, clients_db) -> None:
    older = add_draft(clients_db, "Ana Ruiz")
    newer = add_draft(clients_db, "")
    page = ClientsPage()
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.drafts_listed, timeout=30_000):
        page.set_database(clients_db)
    assert page.drafts_box.isVisible()
    assert {d.id for d in page.drafts_model.rows()} == {newer, older}
    names = [page.drafts_model.index(row, 0).data() for row in range(2)]
    assert sorted(names) == ["Ana Ruiz", "No name given yet"]
    assert page.resume_button.isEnabled()
    page.drafts.selectRow(names.index("Ana Ruiz"))
    with qtbot.waitSignal(page.resume_draft) as resumed:
        page.resume_button.click()
    assert resumed.args == [older]


def test_no_drafts_no_drafts_list(page: ClientsPage) -> None:
    assert not page.drafts_box.isVisible()
    assert not page.resume_button.isEnabled()


def test_discarding_a_draft_asks_first(qtbot, clients_db, monkeypatch) -> None:
    kept = add_draft(clients_db, "Ana Ruiz")
    page = ClientsPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.drafts_listed, timeout=30_000):
        page.set_database(clients_db)
    asked = []
    monkeypatch.setattr(
        ClientsPage, "ask_discard", staticmethod(lambda _p, name: asked.append(name) or False)
    )
    page.discard_button.click()
    assert asked == ["Ana Ruiz"]
    assert [d.id for d in list_drafts(clients_db)] == [kept]
    monkeypatch.setattr(ClientsPage, "ask_discard", staticmethod(lambda _p, _name: True))
    with qtbot.waitSignal(page.drafts_listed, timeout=30_000):
        page.discard_button.click()
    assert list_drafts(clients_db) == []
    assert page.drafts_model.rowCount() == 0 and not page.drafts_box.isVisible()


def test_an_empty_clinic_says_how_to_start(qtbot, database) -> None:
    page = ClientsPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.searched, timeout=30_000):
        page.set_database(database)
    assert page.count.text() == "No clients yet. Start with New intake."


def test_before_the_records_open_nothing_can_start(qtbot) -> None:
    page = ClientsPage()
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.waiting
    assert not page.new_button.isEnabled()
    page.show_unavailable("The database could not be opened.")
    assert page.waiting.text() == "The database could not be opened."
