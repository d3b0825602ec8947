"""The intake wizard: eight small pages that fill one draft, and Finish that stores it.

The shape of picard's setup wizard: a PAGES tuple of page classes, each page loading
its answers in `initializePage` and writing them as they change; the wizard itself holds
no business logic. The draft (draft.py) is saved within a second of every change
(autosave.py) and the plan comes from the rules (page_plan.py), both off the UI thread.
Finish hands the draft to the core: `intake_model` parses it, `records.record_intake`
stores it with the chosen referrals and the plan.

    wizard = IntakeWizard(database, snapshot, counselor="Ana", draft_id=None)
    wizard.finished_intake.connect(...)     # the stored intake's id
    wizard.letters_requested.connect(...)   # the counselor asked for letters after Finish
"""

import html
import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget, QWizard

from intake.directory.snapshot import DirectorySnapshot
from intake.gui import i18n
from intake.gui.errors import where
from intake.gui.i18n import fill
from intake.gui.tasks import run_task
from intake.gui.wizard.autosave import Autosaver
from intake.gui.wizard.draft import Draft
from intake.gui.wizard.page_base import DEFAULT_DISTANCE_KM, IntakePage, WizardContext
from intake.gui.wizard.page_circumstances import CircumstancesPage
from intake.gui.wizard.page_client import ClientPage
from intake.gui.wizard.page_consent import ConsentPage
from intake.gui.wizard.page_goals import GoalsPage
from intake.gui.wizard.page_plan import PlanPage
from intake.gui.wizard.page_review import ReviewPage
from intake.gui.wizard.page_safety import SafetyPage
from intake.gui.wizard.page_substances import SubstancesPage
from intake.problems import InputError, Problem
from intake.records import ChosenReferral, load_draft, record_intake
from intake.rules import ReferralPlan, RuleSet, load_rules, rules_folder
from intake.rules.index import index_for
from intake.rules.loader import in_language
from intake.store.db import Database

log = logging.getLogger(__name__)

PAGES: tuple[type[IntakePage], ...] = (
    ClientPage,
    GoalsPage,
    SubstancesPage,
    SafetyPage,
    CircumstancesPage,
    ConsentPage,
    PlanPage,
    ReviewPage,
)
(
    CLIENT_PAGE,
    GOALS_PAGE,
    SUBSTANCES_PAGE,
    SAFETY_PAGE,
    CIRCUMSTANCES_PAGE,
    CONSENT_PAGE,
    PLAN_PAGE,
    REVIEW_PAGE,
) = range(len(PAGES))

STYLE = """
*[invalid="true"] { border: 2px solid #b3261e; border-radius: 3px; padding: 1px; }
QLabel#fieldError { color: #8c1d18; }
QLabel#pageHint { color: #4a4a4a; padding: 4px 0; }
QFrame#duplicates { background: #fff8e1; border: 1px solid #c9a227; border-radius: 4px; }
"""

KEEP, DISCARD = True, False
WARM_UP_DELAY_MS = 300
PAGE_ROOM = 780  # the width a page needs before the list of steps is shown beside it


class IntakeWizard(QWizard):
    """One client's intake, start to Finish. Closing asks whether to keep the draft."""

    finished_intake = Signal(str)  # stored intake id, after Finish
    letters_requested = Signal(str)  # the stored intake id; the letters UI comes later

    def __init__(
        self,
        database: Database,
        snapshot: DirectorySnapshot,
        *,
        counselor: str | None,
        draft_id: str | None = None,
        client_id: str | None = None,
        parent: QWidget | None = None,
        rules: RuleSet | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New intake"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setStyleSheet(STYLE)
        self.database = database
        self.stored_id: str | None = None
        self._resume_page: int | None = None
        self._warmed = False
        self._last_page = -1

        draft = Draft.from_stored(load_draft(database, draft_id)) if draft_id else Draft()
        if client_id is not None:
            _start_with_client(database, draft, client_id)
        if draft_id is not None:
            self.setWindowTitle(self.tr("Intake (resumed draft)"))
            saved_page = draft.extra("page")
            self._resume_page = saved_page if isinstance(saved_page, int) else None
        self.context = WizardContext(
            database=database,
            snapshot=snapshot,
            # The plan is shown in the interface's language and stored in English.
            rules=_in_interface_language(rules),
            today=today or date.today(),
            counselor=counselor,
            draft=draft,
        )

        self.autosave = Autosaver(
            database,
            draft.stored,
            counselor=counselor,
            client_id=lambda: self.context.client_id,
            draft_id=draft_id,
            parent=self,
        )
        self.autosave.failed.connect(self._autosave_failed)
        draft.on_change = self.autosave.changed

        self.pages: list[IntakePage] = []
        for number, page_class in enumerate(PAGES):
            page = page_class(self.context)
            self.setPage(number, page)
            self.pages.append(page)
        self.review_page.letters_clicked.connect(self._letters_clicked)

        self.steps = QLabel()
        self.steps.setObjectName("steps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setSideWidget(self.steps)
        self._fit_steps()
        self.currentIdChanged.connect(self._page_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._size_to_screen()
        self._show_steps(self.startId())

    def _warm_up(self) -> None:
        """Off the UI thread, once the window is up (background Python work slows the UI
        thread while it runs): the clinic's default distance (for page 5), the names of the
        services (page 6) and the directory's index for matching (page 7)."""
        database, snapshot, rules = self.database, self.context.snapshot, self.context.rules
        run_task(self, lambda: _default_distance(database), self._distance_read, _ignore)
        self.pages[CONSENT_PAGE].load_service_names()  # type: ignore[attr-defined]
        run_task(self, lambda: index_for(snapshot, rules), _ignore, _ignore)

    def _distance_read(self, distance: float) -> None:
        self.context.default_distance_km = distance

    # -- pages --------------------------------------------------------------------------

    @property
    def draft(self) -> Draft:
        return self.context.draft

    @property
    def plan_page(self) -> PlanPage:
        return self.pages[PLAN_PAGE]  # type: ignore[return-value]

    @property
    def review_page(self) -> ReviewPage:
        return self.pages[REVIEW_PAGE]  # type: ignore[return-value]

    def plan(self) -> ReferralPlan | None:
        """The plan shown, in the interface's language."""
        return self.plan_page.plan

    def _page_changed(self, page_id: int) -> None:
        self._show_steps(page_id)
        page = self.page(page_id)
        if isinstance(page, IntakePage):
            if page_id < self._last_page:
                page.show_again()
            _focus_first_input(page)
        self._last_page = page_id
        if page_id >= 0 and self.stored_id is None:
            self.draft.extras["page"] = page_id  # saved with the next answer, not alone

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self.currentPage()
        if new is not None and isinstance(page, IntakePage):
            page.show_focused(new)

    def _show_steps(self, current: int) -> None:
        lines = []
        for number, page in enumerate(self.pages):
            title = html.escape(page.step())
            if number == current:
                lines.append(f"<p><b>&#9654; {number + 1}. {title}</b></p>")
            else:
                lines.append(f"<p>&nbsp;&nbsp;&nbsp;{number + 1}. {title}</p>")
        self.steps.setText("".join(lines))

    def _fit_steps(self) -> None:
        """Room for the longest step in bold, with its number and marker."""
        font = self.steps.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        longest = max(metrics.horizontalAdvance(f"\u25b6 8. {page.step()}") for page in self.pages)
        self.steps.setMinimumWidth(longest + metrics.averageCharWidth() * 3)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._warmed:
            self._warmed = True
            QTimer.singleShot(WARM_UP_DELAY_MS, self._warm_up)
        if self._resume_page is not None:
            page, self._resume_page = self._resume_page, None
            self.go_to(page)

    def go_to(self, page_id: int) -> None:
        """Move on to `page_id` through the pages before it, stopping at one that needs an
        answer (a resumed draft reopens where the counselor was)."""
        while self.currentId() < min(page_id, PLAN_PAGE) and self.currentPage().isComplete():
            self.next()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # On a small screen (or large text) the pages need the room more than the steps.
        self.steps.setVisible(self.width() - self.steps.minimumWidth() >= PAGE_ROOM)

    def _size_to_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        width, height = 1000, 700
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.95))
            height = min(height, int(available.height() * 0.9))
        self.resize(width, height)

    # -- finishing -----------------------------------------------------------------------

    def page_titles(self) -> dict[str, str]:
        """Answer path prefix -> the title of the page that holds it."""
        titles: dict[str, str] = {}
        for page in self.pages:
            for path in page.OWNS:
                titles[path] = page.title()
        return titles

    def store(self) -> None:
        """Finish: parse the draft and store the intake with the chosen referrals, off the
        UI thread. Problems are shown on the review page; nothing is half-stored."""
        if self.review_page.saving or self.stored_id is not None:
            return
        try:
            intake = self.draft.parse(self.context.today)
        except InputError as exc:
            self.review_page.show_problems(exc.errors, self.page_titles())
            return
        plan = self.plan_page.plan_to_record
        chosen = [
            ChosenReferral(service_id, pathway=pathway)
            for pathway, service_id in self.plan_page.chosen()
        ] + [
            ChosenReferral(service_id, note=note)
            for service_id, note in self.plan_page.kept_out_notes().items()
        ]
        self.review_page.show_saving()
        self.autosave.stop()  # waits for a save in flight; the draft becomes the intake
        database, counselor = self.database, self.context.counselor
        client_id, draft_id = self.context.client_id, self.autosave.draft_id
        is_alias = bool(self.draft.extra("is_alias"))

        def work() -> str:
            return record_intake(
                database,
                intake,
                chosen=chosen,
                plan=plan,
                counselor=counselor,
                client_id=client_id,
                is_alias=is_alias,
                draft_id=draft_id,
            )

        run_task(self, work, self._stored, self._store_failed)

    def _stored(self, intake_id: str) -> None:
        self.stored_id = intake_id
        self.autosave.draft_id = None
        self.review_page.show_stored(intake_id)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.button(QWizard.WizardButton.CancelButton).hide()
        self.finished_intake.emit(intake_id)

    def _store_failed(self, exc: BaseException) -> None:
        self.autosave.restart()
        if isinstance(exc, InputError):
            problems = exc.errors
        else:
            log.error(
                "storing the intake failed: %s\n%s", type(exc).__name__, where(exc.__traceback__)
            )
            problems = [
                Problem(
                    "error",
                    self.tr(
                        "It could not be saved because of an unexpected problem (details in "
                        "the log). The answers are kept in the draft; try Finish again."
                    ),
                )
            ]
        self.review_page.show_problems(problems, self.page_titles())

    def _letters_clicked(self) -> None:
        if self.stored_id is not None:
            self.letters_requested.emit(self.stored_id)

    def _autosave_failed(self, message: str) -> None:
        current = self.currentPage()
        if isinstance(current, IntakePage):
            current.hint.setText(message)
            current.hint.show()

    # -- closing -------------------------------------------------------------------------

    @staticmethod
    def ask_keep_draft(parent: QWidget) -> bool | None:
        """Keep the draft (True), discard it (False), or go back to the intake (None)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("IntakeWizard", "Close the intake"))
        box.setText(QCoreApplication.translate("IntakeWizard", "Keep the answers given so far?"))
        box.setInformativeText(
            QCoreApplication.translate(
                "IntakeWizard",
                "A kept draft can be finished later from the client list. A discarded "
                "draft is deleted with every answer in it.",
            )
        )
        keep = box.addButton(
            QCoreApplication.translate("IntakeWizard", "&Keep the draft"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        discard = box.addButton(
            QCoreApplication.translate("IntakeWizard", "&Discard it"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        stay = box.addButton(
            QCoreApplication.translate("IntakeWizard", "&Go back"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(keep)
        box.setEscapeButton(stay)
        box.exec()
        if box.clickedButton() is keep:
            return KEEP
        if box.clickedButton() is discard:
            return DISCARD
        return None

    def has_answers(self) -> bool:
        return bool(self.draft.answers) or self.autosave.draft_id is not None

    def reject(self) -> None:
        """Cancel, Escape or the window's close button: keep or discard the draft first."""
        if self.stored_id is not None or not self.has_answers():
            self.autosave.stop()
            super().reject()
            return
        choice = type(self).ask_keep_draft(self)
        if choice is None:
            return
        try:
            if choice is KEEP:
                self.autosave.flush()
                self.autosave.stop()
            else:
                self.autosave.discard()
        except Exception as exc:  # the database went away: say so, keep the window open
            log.error(
                "closing the draft failed: %s\n%s", type(exc).__name__, where(exc.__traceback__)
            )
            QMessageBox.warning(
                self,
                self.tr("Close the intake"),
                self.tr("The draft could not be saved or discarded just now. Try again."),
            )
            return
        super().reject()

    def done(self, result: int) -> None:
        self.autosave.stop()
        super().done(result)


def _focus_first_input(page: QWidget) -> None:
    """Put the keyboard focus on the page's first input, unless it is on the page already."""
    focused = QApplication.focusWidget()
    if focused is not None and page.isAncestorOf(focused) and focused.isVisibleTo(page):
        return
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (
            page.isAncestorOf(widget)
            and widget.isVisibleTo(page)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


def _ignore(_value: object) -> None:
    """Warming up needs no answer; a failure shows again where the result is needed."""


_rules_cache: dict[tuple[Path, str], tuple[tuple[tuple[str, int], ...], RuleSet]] = {}


def shared_rules(language: str = "en") -> RuleSet:
    """The clinic's rules, their texts in `language`, read again only when their files
    (or their translations) changed.

    Keeping the same RuleSet from one intake to the next lets the rules engine keep the
    directory's index too (it is built per snapshot and English rule set; a national
    directory takes about half a second).
    """
    folder, _source = rules_folder()
    stamp = tuple(
        sorted(
            (str(p.relative_to(folder)), p.stat().st_mtime_ns)
            for p in folder.rglob("*.toml")
            if p.is_file()
        )
    )
    cached = _rules_cache.get((folder, language))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    rules = load_rules(folder) if language == "en" else in_language(shared_rules(), language)
    _rules_cache[(folder, language)] = (stamp, rules)
    return rules


def _in_interface_language(rules: RuleSet | None) -> RuleSet:
    language = i18n.current_language()
    return shared_rules(language) if rules is None else in_language(rules, language)


def _default_distance(database: Database) -> float:
    """The clinic's default travel limit, else 40 km."""
    try:
        from intake.settings import load_settings

        return float(load_settings(database).default_max_distance_km)
    except Exception as exc:  # settings missing or unreadable: the contract's default
        log.warning("clinic settings not read: %s", type(exc).__name__)
        return DEFAULT_DISTANCE_KM


def _start_with_client(database: Database, draft: Draft, client_id: str) -> None:
    """A new intake for a client on record: their name (or alias) and date of birth."""
    from intake.store.records_tables import Client

    with database.session() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise InputError(
                [Problem("error", f"no client {client_id!r} in the records", field="client")]
            )
        name, is_alias, born = client.name, client.is_alias, client.date_of_birth
    draft.set_extra("client_id", client_id)
    label = (
        fill(QCoreApplication.translate("IntakeWizard", "%1, born %2"), name, born.isoformat())
        if born
        else name
    )
    draft.set_extra("client_label", label)
    if not draft.get("client.name"):
        draft.set("client.name", name)
        if is_alias:
            draft.set_extra("is_alias", True)
        if born is not None and not draft.get("client.date_of_birth"):
            draft.set("client.date_of_birth", born.isoformat())
