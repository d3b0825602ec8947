"""The Clients tab on its own: search as you type, a client's history, drafts."""

import pytest
from clients_samples import add_draft, add_intake

from PySide6.QtCore import Qt

from intake.gui.clients import ClientsPage
from intake.gui.clients.finder import ClientFinder
from intake.gui.clients.models import COL_NAME
from intake.gui.summary_model import ROW_ROLE
from intake.records import list_drafts
from intake.store import open_database


@pytest.fixture
def page(qtbot, clients_db) -> ClientsPage:
    return open_page(qtbot, clients_db)


@pytest.fixture
def finder(page: ClientsPage) -> ClientFinder:
    assert page.finder is not None
    return page.finder  # `page` keeps the tab, and so the finder, alive


def open_page(qtbot, database, *, size=(1100, 600)) -> ClientsPage:
    """A Clients tab shown on `database`, its clients and drafts listed."""
    page = ClientsPage()
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    with qtbot.waitSignals([page.searched, page.drafts_listed], timeout=30_000):
        page.set_database(database)
    assert page.finder is not None
    return page


def shown_names(finder: ClientFinder) -> list[str]:
    proxy = finder.proxy
    return [proxy.index(row, COL_NAME).data(ROW_ROLE).name for row in range(proxy.rowCount())]


def search(qtbot, finder: ClientFinder, text: str) -> list[str]:
    with qtbot.waitSignal(finder.searched, timeout=30_000):
        finder.search.clear()
        qtbot.keyClicks(finder.search, text)  # ASCII only: keyClicks aborts on other characters
    return shown_names(finder)


def choose(qtbot, finder: ClientFinder, name: str) -> None:
    row = shown_names(finder).index(name)
    with qtbot.waitSignal(finder.history.loaded, timeout=30_000):
        finder.table.selectRow(row)


def test_the_most_recently_seen_clients_come_first(finder: ClientFinder) -> None:
    assert shown_names(finder) == [
        "Tom Becker",
        "Marisol Díaz",
        "Sky",
        "James Whitehorse",
        "María López",
    ]
    assert finder.count.text() == "5 clients"
    assert finder.history.title.text() == "No client chosen"


def test_search_narrows_by_name_whatever_the_accents(qtbot, finder: ClientFinder) -> None:
    assert search(qtbot, finder, "mari") == ["Marisol Díaz", "María López"]
    assert search(qtbot, finder, "maria lopez") == ["María López"]
    assert finder.count.text() == "1 client"


def test_search_finds_an_alias(qtbot, finder: ClientFinder) -> None:
    assert search(qtbot, finder, "sky") == ["Sky"]
    assert finder.proxy.index(0, COL_NAME).data() == "Sky (alias)"


def test_search_narrows_by_date_of_birth(qtbot, finder: ClientFinder) -> None:
    assert search(qtbot, finder, "1990") == ["Marisol Díaz", "María López"]
    assert search(qtbot, finder, "1990-04-12") == ["María López"]
    assert search(qtbot, finder, "4/12/1990") == ["María López"]
    assert search(qtbot, finder, "mar 1990-11") == ["Marisol Díaz"]


def test_no_match_says_so(qtbot, finder: ClientFinder) -> None:
    assert search(qtbot, finder, "zzz") == []
    assert finder.count.text() == "No client matches the search."


def test_an_answer_to_an_older_search_is_dropped(qtbot, finder: ClientFinder) -> None:
    """Replies can arrive out of order; only the latest search's may fill the list."""
    stale = finder._search_generation
    search(qtbot, finder, "sky")
    finder._found(stale, [])  # the reply to the search before arrives late
    assert shown_names(finder) == ["Sky"]


def test_typing_fast_runs_one_search(qtbot, finder: ClientFinder, monkeypatch) -> None:
    runs = []
    original = finder._run_search
    monkeypatch.setattr(finder, "_run_search", lambda: runs.append(1) or original())
    finder._search_timer.timeout.disconnect()
    finder._search_timer.timeout.connect(finder._run_search)
    search(qtbot, finder, "whitehorse")
    assert len(runs) == 1


def test_choosing_a_client_shows_their_intakes_and_referrals(
    qtbot, finder: ClientFinder, clients_db, screenshot
) -> None:
    [maria_id] = [c.id for c in finder.model.rows() if c.name == "María López"]
    add_intake(clients_db, "María López", on=15, client_id=maria_id, refer=("svc-smart",),
               goals=("abstinence", "safety"), counselor="Lee Park")  # fmt: skip
    search(qtbot, finder, "maria")
    choose(qtbot, finder, "María López")
    history = finder.history
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
    screenshot(finder, "clients_history")


def test_an_alias_without_history_says_so(qtbot, finder: ClientFinder, clients_db) -> None:
    search(qtbot, finder, "sky")
    choose(qtbot, finder, "Sky")
    assert finder.history.title.text() == "Sky (alias)"
    assert finder.history.intakes_model.rowCount() == 1
    assert not finder.history.message.isVisible()


def test_enter_on_a_client_moves_into_their_history(qtbot, finder: ClientFinder) -> None:
    finder.window().activateWindow()
    finder.search.setFocus()
    with qtbot.waitSignal(finder.history.loaded, timeout=30_000):
        qtbot.keyClick(finder.search, Qt.Key.Key_Return)  # into the list, first row chosen
        qtbot.keyClick(finder.table, Qt.Key.Key_Return)  # open it
    assert finder.chosen_client().name == "Tom Becker"
    assert finder.history.intakes.hasFocus()


def test_new_intake_buttons_ask_for_a_new_or_a_known_client(qtbot, finder: ClientFinder) -> None:
    with qtbot.waitSignal(finder.new_intake) as new:
        finder.new_button.click()
    assert new.args == [None]
    choose(qtbot, finder, "Sky")
    with qtbot.waitSignal(finder.new_intake) as known:
        finder.history.new_button.click()
    assert known.args == [finder.chosen_client().id]


def test_drafts_are_listed_and_resumed(qtbot, clients_db) -> None:
    older = add_draft(clients_db, "Ana Ruiz")
    newer = add_draft(clients_db, "")
    page = open_page(qtbot, clients_db)
    finder = page.finder
    assert finder.drafts_box.isVisible()
    assert {d.id for d in finder.drafts_model.rows()} == {newer, older}
    names = [finder.drafts_model.index(row, 0).data() for row in range(2)]
    assert sorted(names) == ["Ana Ruiz", "No name given yet"]
    assert finder.resume_button.isEnabled()
    finder.drafts.selectRow(names.index("Ana Ruiz"))
    with qtbot.waitSignal(finder.resume_draft) as resumed:
        finder.resume_button.click()
    assert resumed.args == [older]


def test_no_drafts_no_drafts_list(finder: ClientFinder) -> None:
    assert not finder.drafts_box.isVisible()
    assert not finder.resume_button.isEnabled()


def test_discarding_a_draft_asks_first(qtbot, clients_db, monkeypatch) -> None:
    kept = add_draft(clients_db, "Ana Ruiz")
    page = open_page(qtbot, clients_db)
    finder = page.finder
    asked = []
    monkeypatch.setattr(
        ClientFinder, "ask_discard", staticmethod(lambda _p, name: asked.append(name) or False)
    )
    finder.discard_button.click()
    assert asked == ["Ana Ruiz"]
    assert [d.id for d in list_drafts(clients_db)] == [kept]
    monkeypatch.setattr(ClientFinder, "ask_discard", staticmethod(lambda _p, _name: True))
    with qtbot.waitSignal(finder.drafts_listed, timeout=30_000):
        finder.discard_button.click()
    assert list_drafts(clients_db) == []
    assert finder.drafts_model.rowCount() == 0 and not finder.drafts_box.isVisible()


def test_an_empty_clinic_says_how_to_start(qtbot, database) -> None:
    page = open_page(qtbot, database)
    assert page.finder.count.text() == "No clients yet. Start with New intake."


def test_before_the_records_open_the_tab_only_says_so(qtbot) -> None:
    page = ClientsPage()
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.waiting
    assert page.finder is None  # no search, list or New intake button yet
    page.focus_search(Qt.FocusReason.ShortcutFocusReason)  # Ctrl+F this early does nothing
    page.show_unavailable("The database could not be opened.")
    assert page.waiting.text() == "The database could not be opened."


def test_records_opened_again_keep_the_finder(qtbot, clients_db, tmp_path) -> None:
    page = open_page(qtbot, clients_db)
    finder = page.finder
    page.show_unavailable("The database could not be opened.")
    assert page.stack.currentWidget() is page.waiting
    empty = open_database(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        with qtbot.waitSignal(page.searched, timeout=30_000):
            page.set_database(empty)
        assert page.finder is finder and page.stack.currentWidget() is finder
        assert finder.count.text() == "No clients yet. Start with New intake."
    finally:
        empty.dispose()
