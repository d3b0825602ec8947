"""Page 7: the recommendations — the referral plan, and the counselor's picks.

The plan is made by the rules (`rules.make_plan`) off the UI thread each time the page is
entered with answers that changed since the last plan; a result that arrives after a
newer request is dropped. Pathways come in the plan's order with their referrals;
urgent and safety-net referrals carry a word and an icon. The counselor ticks referrals
(Space toggles the selected one); "Kept out" lists the services the rules excluded and
why, and "Refer anyway…" adds one with a note saying why.
"""

import html
import logging
import time
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from intake.gui import i18n
from intake.gui.errors import where
from intake.gui.i18n import fill
from intake.gui.tasks import run_task
from intake.gui.wizard.page_base import IntakePage
from intake.gui.wizard.plan_model import (
    COL_DISTANCE,
    COL_MARK,
    COL_SERVICE,
    COL_WHY,
    REFERRAL_ROLE,
    KeptOutModel,
    Key,
    PlanTreeModel,
    km_text,
)
from intake.gui.wizard.widgets import plural
from intake.problems import InputError
from intake.rules import Exclusion, Referral, ReferralPlan, RuleSet, make_plan
from intake.wording_i18n import translated

if TYPE_CHECKING:
    from intake.directory.snapshot import DirectorySnapshot
    from intake.intake_model import Intake

log = logging.getLogger(__name__)


def _plans(
    intake: "Intake", snapshot: "DirectorySnapshot", rules: RuleSet, today: date
) -> tuple[ReferralPlan, ReferralPlan]:
    """The plan in the rules' language, to show, and the same plan in English, to record
    (a referral's stored reasons read the same whatever the counselor's language)."""
    shown = make_plan(intake, snapshot, rules, today=today)
    if rules.english is rules:
        return shown, shown
    return shown, make_plan(intake, snapshot, rules.english, today=today)


class PlanPage(IntakePage):
    OWNS = ()
    SCROLLS = False

    @staticmethod
    def ask_override_note(parent: QWidget, service_name: str) -> str | None:
        """Why refer to a service the rules kept out? None if the counselor cancels."""
        text, ok = QInputDialog.getMultiLineText(
            parent,
            QCoreApplication.translate("PlanPage", "Refer anyway"),
            fill(
                QCoreApplication.translate(
                    "PlanPage", "Why refer the client to %1 anyway? (required)"
                ),
                service_name,
            ),
        )
        return text.strip() if ok and text.strip() else None

    def build(self) -> None:
        self.setTitle(self.tr("Recommendations"))
        self.setSubTitle(
            self.tr(
                "Every kind of help the client can use, best fit first. Tick the referrals "
                "to make (Space ticks the selected one)."
            )
        )
        self.plan: ReferralPlan | None = None  # as shown, in the interface's language
        self.plan_to_record: ReferralPlan | None = None  # the same plan in English
        self.plan_key: str | None = None
        self.busy = False
        self._request = 0
        self._requested_at = 0.0
        self.last_plan_ms: float | None = None  # request to plan shown, last time

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("planStatus")

        self.model = PlanTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Recommended referrals by pathway"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_SERVICE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_MARK, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WHY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_DISTANCE, QHeaderView.ResizeMode.ResizeToContents)
        tree_label = QLabel(self.tr("&Referrals"))
        tree_label.setBuddy(self.tree)

        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(False)
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName(self.tr("Details of the selected referral"))

        self.kept_out = KeptOutModel(self)
        self.kept_table = QTableView()
        self.kept_table.setModel(self.kept_out)
        self.kept_table.setAccessibleName(self.tr("Services kept out, and why"))
        self.kept_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.kept_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.kept_table.setTabKeyNavigation(False)
        self.kept_table.setWordWrap(False)
        kept_header = self.kept_table.horizontalHeader()
        kept_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        kept_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        kept_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.refer_anyway = QPushButton(self.tr("Refer an&yway…"))
        self.refer_anyway.clicked.connect(self._refer_anyway)
        self.undo_override = QPushButton(self.tr("&Do not refer"))
        self.undo_override.clicked.connect(self._undo_override)
        kept_buttons = QHBoxLayout()
        kept_buttons.addWidget(self.refer_anyway)
        kept_buttons.addWidget(self.undo_override)
        kept_buttons.addStretch(1)
        kept_page = QWidget()
        kept_layout = QVBoxLayout(kept_page)
        kept_layout.addWidget(self.kept_table)
        kept_layout.addLayout(kept_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, self.tr("Details"))
        self.tabs.addTab(kept_page, self.tr("Kept out"))

        # On a small screen the details may shrink to a few lines; the plan comes first.
        self.tabs.setMinimumHeight(self.fontMetrics().height() * 6)
        kept_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.tabs)
        self.splitter.setChildrenCollapsible(False)
        self._split_done = False

        self.show_kept_out = QPushButton(self.tr("Show services &kept out"))
        self.show_kept_out.clicked.connect(self._show_kept_out)
        self.to_consent = QPushButton(self.tr("Add ticked services to the &consent"))
        self.to_consent.clicked.connect(self._add_to_consent)
        self.picked = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.picked, 1)
        bottom.addWidget(self.show_kept_out)
        bottom.addWidget(self.to_consent)

        layout = QVBoxLayout(self.body)
        heading = QHBoxLayout()
        heading.addWidget(tree_label)
        heading.addWidget(self.status, 1)
        layout.addLayout(heading)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self.model.checks_changed.connect(self._checks_changed)
        self.kept_out.notes_changed.connect(self._notes_changed)
        self.tree.selectionModel().currentChanged.connect(self._show_details)
        self.kept_table.selectionModel().currentChanged.connect(lambda *_: self._kept_buttons())
        self._kept_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._split_once)

    def _split_once(self) -> None:
        """The first time the page shows: most of the height to the plan, the rest to details."""
        total = sum(self.splitter.sizes())
        if self._split_done or total <= 0:
            return
        self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])
        self._split_done = True

    # -- making the plan ---------------------------------------------------------------

    def load(self) -> None:
        self._update_consent_button()
        if self.plan_key != self.draft.matching_key():
            self.request_plan()

    def isComplete(self) -> bool:
        return not self.busy and self.plan is not None

    def request_plan(self) -> None:
        """Make the plan for the answers as they are now, off the UI thread."""
        self._request += 1
        request = self._request
        key = self.draft.matching_key()
        try:
            intake = self.draft.parse(self.context.today)
        except InputError as exc:
            self.busy = False
            self.plan = self.plan_to_record = None
            self.plan_key = None
            self.model.set_plan(None)
            language = i18n.current_language()
            lines = "".join(f"<li>{html.escape(translated(p, language))}</li>" for p in exc.errors)
            self.status.setText(
                self.tr("Some answers need fixing before a plan can be made:") + f"<ul>{lines}</ul>"
            )
            self.completeChanged.emit()
            return
        self.busy = True
        self._requested_at = time.perf_counter()
        self.status.setText(self.tr("Finding services for this client…"))
        self.tree.setEnabled(False)
        self.completeChanged.emit()
        snapshot, rules, today = self.context.snapshot, self.context.rules, self.context.today
        run_task(
            self,
            lambda: _plans(intake, snapshot, rules, today),
            lambda plans: self._plan_made(plans, request, key),
            lambda exc: self._plan_failed(exc, request),
        )

    def _plan_made(self, plans: tuple[ReferralPlan, ReferralPlan], request: int, key: str) -> None:
        if request != self._request:
            return  # an older request: a newer plan is on its way
        self.busy = False
        plan, self.plan_to_record = plans
        self.plan = plan
        self.plan_key = key
        self.tree.setEnabled(True)
        self.model.set_plan(plan, [tuple(pair) for pair in self.draft.extra("chosen") or []])
        self.kept_out.set_excluded(plan.excluded, self.draft.extra("kept_out_notes") or {})
        self.tree.expandAll()
        self.tree.resizeColumnToContents(COL_SERVICE)
        self.tree.setColumnWidth(COL_SERVICE, min(self.tree.columnWidth(COL_SERVICE), 360))
        self.kept_table.resizeColumnToContents(0)
        self.kept_table.setColumnWidth(0, min(self.kept_table.columnWidth(0), 320))
        first = self.model.index(0, COL_SERVICE)
        if first.isValid():
            self.tree.setCurrentIndex(self.model.index(0, COL_SERVICE, first))
        self.tabs.setTabText(1, fill(self.tr("Kept out (%1)"), len(plan.excluded)))
        self.status.setText(self._summary(plan))
        self.last_plan_ms = (time.perf_counter() - self._requested_at) * 1000
        self.completeChanged.emit()

    def _plan_failed(self, exc: BaseException, request: int) -> None:
        if request != self._request:
            return
        self.busy = False
        self.tree.setEnabled(True)
        log.error("making the plan failed: %s\n%s", type(exc).__name__, where(exc.__traceback__))
        if isinstance(exc, InputError):
            text = "; ".join(translated(p, i18n.current_language()) for p in exc.errors)
        else:
            text = self.tr("An unexpected problem stopped it; the details are in the log.")
        self.status.setText(fill(self.tr("The plan could not be made. %1"), text))
        self.completeChanged.emit()

    def _summary(self, plan: ReferralPlan) -> str:
        count = len(plan.referrals())
        pathways = len(plan.pathways)
        text = plural(count, self.tr("1 referral"), self.tr("%1 referrals")) + plural(
            pathways, self.tr(" in 1 pathway."), self.tr(" in %1 pathways.")
        )
        if not plan.pathways:
            text = self.tr("No service in the directory fits this client now.")
        notes = [html.escape(text), *(f"<i>{html.escape(c)}</i>" for c in plan.cautions)]
        return " · ".join(notes)

    # -- ticks and notes ---------------------------------------------------------------

    def _checks_changed(self) -> None:
        chosen = [list(key) for key in self.model.checked()]
        if self.plan is not None:
            self.write_extra("chosen", chosen)
        self._update_picked()

    def _notes_changed(self) -> None:
        if self.plan is not None:
            self.write_extra("kept_out_notes", self.kept_out.notes())
        self._kept_buttons()
        self._update_picked()

    def _update_picked(self) -> None:
        count = len(self.model.checked()) + len(self.kept_out.notes())
        self.picked.setText(
            plural(count, self.tr("1 referral ticked"), self.tr("%1 referrals ticked"))
        )

    def chosen(self) -> list[Key]:
        return self.model.checked()

    def kept_out_notes(self) -> dict[str, str]:
        return self.kept_out.notes()

    def _show_kept_out(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.kept_table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.kept_table.currentIndex().isValid() and self.kept_out.rowCount():
            self.kept_table.setCurrentIndex(self.kept_out.index(0, 0))

    def _kept_buttons(self) -> None:
        excluded = self.kept_out.exclusion(self.kept_table.currentIndex().row())
        noted = excluded is not None and excluded.service_id in self.kept_out.notes()
        self.refer_anyway.setEnabled(excluded is not None)
        self.undo_override.setEnabled(noted)

    def _refer_anyway(self) -> None:
        row = self.kept_table.currentIndex().row()
        excluded = self.kept_out.exclusion(row)
        if excluded is None:
            return
        note = type(self).ask_override_note(self, excluded.service_name)
        if note:
            self.kept_out.set_note(row, note)

    def _undo_override(self) -> None:
        self.kept_out.set_note(self.kept_table.currentIndex().row(), None)

    # -- consent -----------------------------------------------------------------------

    def _update_consent_button(self) -> None:
        given = isinstance(self.draft.get("consent"), dict)
        self.to_consent.setEnabled(given)
        self.to_consent.setToolTip(
            ""
            if given
            else self.tr("No consent was given on the Consent page, so no letter can be sent.")
        )

    def _add_to_consent(self) -> None:
        consent = self.draft.get("consent")
        if not isinstance(consent, dict):
            return
        recipients = list(consent.get("recipients") or [])
        picked = [sid for _, sid in self.model.checked()] + list(self.kept_out.notes())
        added = [sid for sid in dict.fromkeys(picked) if sid not in recipients]
        if added:
            self.draft.set("consent.recipients", recipients + added)
        self.picked.setText(
            plural(
                len(added),
                self.tr("1 service added to the consent"),
                self.tr("%1 services added to the consent"),
            )
        )

    # -- details -----------------------------------------------------------------------

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = current.data(REFERRAL_ROLE) if current.isValid() else None
        if isinstance(item, Referral):
            self.details.setHtml(self._referral_html(item))
        elif item is not None:
            self.details.setHtml(f"<h3>{html.escape(item.label)}</h3>")
        else:
            self.details.clear()

    def _referral_html(self, referral: Referral) -> str:
        esc = html.escape
        marks = []
        if referral.urgent:
            marks.append(self.tr("Urgent"))
        if referral.safety_net:
            marks.append(self.tr("Safety first: offered whatever the goals"))
        parts = [f"<h3>{esc(referral.service_name)}</h3>"]
        if referral.organization_name and referral.organization_name != referral.service_name:
            parts.append(f"<p>{esc(referral.organization_name)}</p>")
        if marks:
            parts.append(f"<p><b>{esc(' · '.join(marks))}</b></p>")
        facts = [
            (self.tr("Address"), referral.address),
            (self.tr("Distance"), km_text(referral.distance_km)),
            (self.tr("Phone"), ", ".join(referral.phones)),
            (self.tr("Hours"), referral.schedule),
            (self.tr("Web"), referral.url),
        ]
        rows = "".join(
            f"<tr><td><b>{esc(name)}</b>&nbsp;</td><td>{esc(value)}</td></tr>"
            for name, value in facts
            if value
        )
        if rows:
            parts.append(f"<table>{rows}</table>")
        parts.append(_bullets(self.tr("Why"), referral.reasons))
        if referral.cautions:
            parts.append(_bullets(self.tr("Please note"), referral.cautions))
        return "".join(parts)

    def excluded(self) -> Sequence[Exclusion]:
        return self.plan.excluded if self.plan is not None else ()


def _bullets(title: str, lines: Sequence[str]) -> str:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return f"<p><b>{html.escape(title)}</b></p><ul>{items}</ul>"
