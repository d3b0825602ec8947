"""The main window around the wizard: the Clients tab first, the wizard opened from it,
the list refreshed after an intake, and the offer to resume after a crash."""

import datetime as dt
from pathlib import Path

import pytest
from clients_samples import add_draft

from PySide6.QtWidgets import QApplication

from intake.gui import i18n
from intake.gui.clients import resume
from intake.gui.clients.models import COL_NAME
from intake.gui.main_window import CLIENTS_TAB, MainWindow
from intake.gui.summary_model import ROW_ROLE
from intake.records import find_clients
from intake.settings import ClinicSettings, save_settings
from intake.store.db import Database


def url_of(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'intake.db'}"  # the file the `database` fixture made


def open_window(qtbot, url: str) -> MainWindow:
    window = MainWindow(url)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    page = window.clients_page
    with qtbot.waitSignals([page.searched, window.settings_page.loaded], timeout=60_000):
        window.start_loading()
    return window


def names(window: MainWindow) -> list[str]:
    proxy = window.clients_page.finder.proxy
    return [proxy.index(r, COL_NAME).data(ROW_ROLE).name for r in range(proxy.rowCount())]


def test_the_clients_tab_comes_first_with_the_clients(
    qtbot, clients_db: Database, tmp_path: Path, screenshot
) -> None:
    window = open_window(qtbot, url_of(tmp_path))
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["&Clients", "&Directory", "Se&ttings"]
    assert window.tabs.currentIndex() == CLIENTS_TAB
    assert names(window)[0] == "Tom Becker" and len(names(window)) == 5
    assert window.clients_page.finder.search.hasFocus()
    assert window.loaded is not None and window.loaded.is_demo  # the directory loaded too
    assert window.directory_page.browser.model.rowCount() > 20
    assert window.new_intake_action.isEnabled()
    screenshot(window, "main_window_clients")


def test_new_intake_opens_the_wizard_and_the_list_refreshes_after(
    qtbot, clients_db: Database, tmp_path: Path, fake_wizard
) -> None:
    save_settings(clients_db, ClinicSettings(counselor_name="Dana Reyes"))
    window = open_window(qtbot, url_of(tmp_path))
    window.clients_page.finder.new_button.click()
    [wizard] = fake_wizard.opened
    assert wizard.isVisible() and wizard.parent() is window
    assert (wizard.draft_id, wizard.client_id, wizard.counselor) == (None, None, "Dana Reyes")
    assert wizard.snapshot is window.loaded.snapshot
    with qtbot.waitSignal(window.clients_page.searched, timeout=30_000):
        wizard.finish("Rosa Nguyen", "1999-03-03")
    assert names(window)[0] == "Rosa Nguyen"
    assert window.statusBar().currentMessage() == "The intake was saved."
    assert window.launcher.wizard is None


def test_a_new_intake_for_a_known_client_adds_no_second_record(
    qtbot, clients_db: Database, tmp_path: Path, fake_wizard
) -> None:
    window = open_window(qtbot, url_of(tmp_path))
    page = window.clients_page.finder
    row = names(window).index("Sky")
    with qtbot.waitSignal(page.history.loaded, timeout=30_000):
        page.table.selectRow(row)
    sky = page.chosen_client()
    page.history.new_button.click()
    [wizard] = fake_wizard.opened
    assert wizard.client_id == sky.id
    with qtbot.waitSignal(page.history.loaded, timeout=30_000):
        wizard.finish("Sky")
    assert names(window).count("Sky") == 1
    assert len(find_clients(clients_db, "sky")) == 1
    assert page.chosen_client().id == sky.id  # still chosen, history read again
    assert page.history.intakes_model.rowCount() == 2


def test_ctrl_n_opens_one_wizard_at_a_time(
    qtbot, clients_db: Database, tmp_path: Path, fake_wizard
) -> None:
    window = open_window(qtbot, url_of(tmp_path))
    window.new_intake_action.trigger()
    assert window.new_intake() is None  # a second one is not opened
    assert len(fake_wizard.opened) == 1
    assert "open already" in window.statusBar().currentMessage()
    fake_wizard.opened[0].reject()
    assert window.launcher.wizard is None
    assert window.new_intake() is not None


def test_resume_draft_opens_the_wizard_on_it(
    qtbot, clients_db: Database, tmp_path: Path, fake_wizard
) -> None:
    draft = add_draft(clients_db, "Ana Ruiz")
    window = open_window(qtbot, url_of(tmp_path))
    qtbot.waitUntil(lambda: window.clients_page.finder.drafts_model.rowCount() == 1)
    window.clients_page.finder.resume_button.click()
    [wizard] = fake_wizard.opened
    assert (wizard.draft_id, wizard.client_id) == (draft, None)
    with qtbot.waitSignal(window.clients_page.drafts_listed, timeout=30_000):
        wizard.reject()  # closed with the draft kept: the list is read again


def test_quitting_closes_the_wizard_first_and_waits_if_it_stays(
    qtbot, clients_db: Database, tmp_path: Path, fake_wizard
) -> None:
    window = open_window(qtbot, url_of(tmp_path))
    window.new_intake()
    [wizard] = fake_wizard.opened
    wizard.refuse_to_close = True
    assert not window.close()
    assert window.isVisible() and wizard.isVisible()
    wizard.refuse_to_close = False
    assert window.close()
    assert not wizard.isVisible()


# -- the offer to resume after intake was killed -----------------------------------------


class Prompt:
    """Stands in for the resume question: records what was offered, gives `answer`."""

    def __init__(self) -> None:
        self.answer = False
        self.offered: list[list[str]] = []

    def __call__(self, _parent: object, drafts: list) -> bool:
        self.offered.append([d.client_name for d in drafts])
        return self.answer


@pytest.fixture
def prompt(monkeypatch) -> Prompt:
    prompt = Prompt()
    monkeypatch.setattr("intake.gui.main_window.ask_resume", prompt)
    return prompt


def killed_session(started: dt.datetime) -> None:
    """As if intake had started at `started` and then been killed (no clean quit)."""
    resume.SessionMarker(i18n.desk_settings()).begin(now=started)


def test_after_a_kill_the_draft_left_open_is_offered(
    qtbot, clients_db: Database, tmp_path: Path, fake_wizard, prompt
) -> None:
    killed_session(dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5))
    draft = add_draft(clients_db, "Ana Ruiz")
    prompt.answer = True  # "Resume now"
    window = open_window(qtbot, url_of(tmp_path))
    qtbot.waitUntil(lambda: len(fake_wizard.opened) == 1, timeout=30_000)
    assert prompt.offered == [["Ana Ruiz"]]
    assert fake_wizard.opened[0].draft_id == draft
    assert window.session._running_since() is not None  # this session is marked running


def test_answering_later_leaves_the_draft_in_the_list(
    qtbot, clients_db: Database, tmp_path: Path, fake_wizard, prompt
) -> None:
    killed_session(dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5))
    add_draft(clients_db, "Ana Ruiz")
    window = open_window(qtbot, url_of(tmp_path))
    qtbot.waitUntil(lambda: prompt.offered == [["Ana Ruiz"]], timeout=30_000)  # "Later"
    assert fake_wizard.opened == []
    qtbot.waitUntil(lambda: window.clients_page.finder.drafts_model.rowCount() == 1)


def test_after_a_clean_quit_kept_drafts_are_not_pressed(
    qtbot, clients_db: Database, tmp_path: Path, fake_wizard, prompt
) -> None:
    add_draft(clients_db, "Ana Ruiz")  # kept on purpose when the wizard closed
    first = open_window(qtbot, url_of(tmp_path))
    first.close()  # a clean quit
    second = open_window(qtbot, url_of(tmp_path))
    qtbot.waitUntil(lambda: second.clients_page.finder.drafts_model.rowCount() == 1)
    QApplication.processEvents()
    assert prompt.offered == [] and fake_wizard.opened == []


def test_drafts_older_than_the_killed_session_or_by_others_are_not_offered(
    clients_db: Database,
) -> None:
    from intake.records import list_drafts

    add_draft(clients_db, "Ana Ruiz", counselor="Dana Reyes")
    add_draft(clients_db, "Bo Li", counselor="Lee Park")
    add_draft(clients_db, "", counselor=None)
    drafts = list_drafts(clients_db)
    earlier = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    mine = resume.drafts_left_open(drafts, earlier, "Dana Reyes")
    assert sorted(d.client_name for d in mine) == ["", "Ana Ruiz"]
    assert resume.drafts_left_open(drafts, later, "Dana Reyes") == []
    assert len(resume.drafts_left_open(drafts, earlier, "")) == 3  # no counselor set: all


def test_the_real_wizard_opens_beside_the_window_and_closes(
    qtbot, clients_db: Database, tmp_path: Path, monkeypatch, screenshot
) -> None:
    from intake.gui.wizard import IntakeWizard

    monkeypatch.setattr(IntakeWizard, "ask_keep_draft", staticmethod(lambda _parent: False))
    window = open_window(qtbot, url_of(tmp_path))
    page = window.clients_page.finder
    with qtbot.waitSignal(page.history.loaded, timeout=30_000):
        page.table.selectRow(names(window).index("Sky"))
    wizard = window.new_intake(page.chosen_client().id)
    assert isinstance(wizard, IntakeWizard) and wizard.isVisible()
    assert wizard.context.client_id == page.chosen_client().id
    screenshot(wizard, "wizard_from_main_window")
    with qtbot.waitSignal(window.clients_page.drafts_listed, timeout=30_000):
        wizard.reject()
    assert window.launcher.wizard is None
