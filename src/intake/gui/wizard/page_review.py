"""Page 8: review and finish.

A readable summary of every answer given (skipped ones are simply not listed), the
consent, and the referrals ticked. Finish stores the intake and its referrals (the
wizard does it, off the UI thread); problems are listed here in plain words. Once the
intake is stored the page says so and offers the letters.
"""

import html
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout

from intake.gui import i18n
from intake.gui.i18n import fill
from intake.gui.wizard import labels
from intake.gui.wizard.page_base import IntakePage
from intake.gui.wizard.page_consent import service_label
from intake.gui.wizard.widgets import FieldError, language_label, plural
from intake.problems import Problem
from intake.rules import ReferralPlan
from intake.wording_i18n import translated


class ReviewPage(IntakePage):
    OWNS = ()
    SCROLLS = False
    letters_clicked = Signal()

    def step(self) -> str:
        return self.tr("Review")

    def build(self) -> None:
        self.setTitle(self.tr("Review and finish"))
        self.setSubTitle(
            self.tr("Read this back with the client. Finish saves the intake and the referrals.")
        )
        self.summary = QTextBrowser()
        self.summary.setAccessibleName(self.tr("Summary of the intake"))
        self.summary.setTabChangesFocus(True)
        self.problems = FieldError()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("reviewStatus")
        self.status.hide()
        self.letters = QPushButton(self.tr("&Letters and handouts…"))
        self.letters.clicked.connect(self.letters_clicked)
        self.letters.hide()
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.letters)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.problems)
        layout.addLayout(row)
        self.stored_id: str | None = None
        self.saving = False

    def load(self) -> None:
        self.problems.set_message(None)
        self.summary.setHtml(self.summary_html())

    def isComplete(self) -> bool:
        return not self.saving

    def validatePage(self) -> bool:
        """Finish: the first press stores the intake; once stored, Finish closes."""
        if self.stored_id is not None:
            return True
        store = getattr(self.wizard(), "store", None)
        if callable(store):
            store()
        return False

    # -- what the wizard tells this page -----------------------------------------------

    def show_saving(self) -> None:
        self.saving = True
        self.problems.set_message(None)
        self.status.setText(self.tr("Saving the intake…"))
        self.status.show()
        self.completeChanged.emit()

    def show_problems(self, problems: Sequence[Problem], pages: dict[str, str]) -> None:
        """Problems that stop the intake being stored, each with the page to fix it on."""
        self.saving = False
        lines = []
        for problem in problems:
            page = next(
                (
                    title
                    for prefix, title in pages.items()
                    if (problem.field or "").startswith(prefix)
                ),
                "",
            )
            where = f"{page}: " if page else ""
            lines.append(f"{where}{translated(problem, i18n.current_language())}")
        self.problems.set_message(
            self.tr("The intake was not saved yet. Please fix:") + "\n" + "\n".join(lines)
        )
        self.status.hide()
        self.completeChanged.emit()

    def show_stored(self, intake_id: str) -> None:
        self.saving = False
        self.stored_id = intake_id
        self.status.setText(
            self.tr("Saved. The intake and its referrals are in the client's record.")
        )
        self.status.show()
        self.letters.show()
        self.letters.setFocus()
        self.completeChanged.emit()

    # -- the summary -------------------------------------------------------------------

    def summary_html(self) -> str:
        parts = [
            self._section(self.tr("The client"), self._client_lines()),
            self._section(self.tr("Goals"), self._goal_lines()),
            self._section(self.tr("Substance use"), self._substance_lines()),
            self._section(self.tr("Staying safe"), self._flag_lines("risks", self._risk_names())),
            self._section(self.tr("Circumstances and preferences"), self._circumstance_lines()),
            self._section(self.tr("Consent to share"), self._consent_lines()),
            self._section(self.tr("Referrals"), self._referral_lines()),
        ]
        return "".join(parts)

    def _section(self, title: str, lines: Iterable[tuple[str, str]]) -> str:
        rows = "".join(
            f"<tr><td valign='top'><b>{html.escape(name)}</b>&nbsp;&nbsp;</td>"
            f"<td>{html.escape(value)}</td></tr>"
            for name, value in lines
        )
        body = (
            f"<table>{rows}</table>"
            if rows
            else f"<p><i>{html.escape(self.tr('Nothing recorded'))}</i></p>"
        )
        return f"<h3>{html.escape(title)}</h3>{body}"

    def _client_lines(self) -> list[tuple[str, str]]:
        get = self.draft.get
        name = get("client.name", "")
        if self.draft.extra("is_alias"):
            name += " " + self.tr("(alias)")
        lines = [(self.tr("Name"), name)]
        if self.context.client_id:
            label = self.draft.extra("client_label") or ""
            lines.append((self.tr("Record"), fill(self.tr("Existing client %1"), label)))
        lines += [
            (self.tr("Date of birth"), str(get("client.date_of_birth", ""))),
            (self.tr("Age"), str(get("client.age", ""))),
            (
                self.tr("Gender"),
                self.tr("Prefer not to say")
                if self.draft.declined("client.gender")
                else labels.label_of(labels.genders(), get("client.gender")),
            ),
            (self.tr("Pronouns"), get("client.pronouns", "")),
            (
                self.tr("Languages"),
                ", ".join(language_label(c) for c in get("client.languages") or []),
            ),
            (self.tr("Postal code"), get("client.postal_code", "")),
            (self.tr("Phone"), get("client.phone", "")),
            (self.tr("Email"), get("client.email", "")),
            (self.tr("Safe to contact"), self._yes_no("client.safe_to_contact")),
        ]
        return [(n, v) for n, v in lines if v]

    def _goal_lines(self) -> list[tuple[str, str]]:
        names = labels.goal_names()
        goals = ", ".join(names.get(g, g) for g in self.draft.get("goals") or [])
        lines = [
            (self.tr("Goals"), goals),
            (self.tr("In their words"), self.draft.get("goal_statement", "")),
        ]
        return [(n, v) for n, v in lines if v]

    def _substance_lines(self) -> list[tuple[str, str]]:
        lines = []
        for row in self.draft.get("substances") or []:
            name = labels.label_of(labels.substances(), row.get("substance")) or self.tr("Not said")
            details = [
                row.get("description") or "",
                labels.label_of(labels.routes(), row.get("route")) if row.get("route") else "",
                labels.label_of(labels.frequencies(), row.get("frequency"))
                if row.get("frequency")
                else "",
            ]
            days = row.get("days_since_last_use")
            if days == 0:
                details.append(self.tr("last used today"))
            elif isinstance(days, int):
                details.append(
                    plural(days, self.tr("last used yesterday"), self.tr("last used %1 days ago"))
                )
            lines.append((name, "; ".join(d for d in details if d)))
        return lines

    def _risk_names(self) -> dict[str, str]:
        return {
            "uses_alone": self.tr("Uses alone"),
            "overdose_last_12_months": self.tr("Overdose in the last 12 months"),
            "reduced_tolerance": self.tr("Recently went a while without using"),
            "mixes_depressants": self.tr("Mixes depressants"),
            "severe_withdrawal_history": self.tr("Seizures or DTs when stopping before"),
            "fentanyl_exposure_possible": self.tr("Fentanyl possible in supply"),
            "suicidal_thoughts": self.tr("Thoughts of suicide"),
        }

    def _yes_no(self, path: str) -> str:
        value = self.draft.get(path)
        if value is True:
            return self.tr("Yes")
        if value is False:
            return self.tr("No")
        return self.tr("Prefer not to say") if self.draft.declined(path) else ""

    def _flag_lines(self, section: str, names: dict[str, str]) -> list[tuple[str, str]]:
        lines = [(name, self._yes_no(f"{section}.{key}")) for key, name in names.items()]
        return [(n, v) for n, v in lines if v]

    def _circumstance_lines(self) -> list[tuple[str, str]]:
        get = self.draft.get
        flags = self._flag_lines(
            "circumstances",
            {
                "pregnant": self.tr("Pregnant"),
                "postpartum": self.tr("Had a baby in the last year"),
                "parenting": self.tr("Cares for children"),
                "veteran": self.tr("Veteran"),
                "justice_involved": self.tr("Justice involvement"),
                "mental_health_concerns": self.tr("Mental health concerns"),
                "needs_transportation": self.tr("Needs help getting to services"),
            },
        )
        distance = get("preferences.max_distance_km")
        lines = [
            (self.tr("Housing"), labels.label_of(labels.housing(), get("circumstances.housing"))),
            (
                self.tr("Coverage"),
                ", ".join(
                    labels.label_of(labels.insurance(), c)
                    for c in get("circumstances.insurance") or []
                ),
            ),
            *flags,
            (
                self.tr("Medication"),
                labels.label_of(labels.medication(), get("preferences.medication")),
            ),
            (
                self.tr("Faith-based programs"),
                labels.label_of(labels.faith(), get("preferences.faith_based")),
            ),
            (self.tr("Format"), labels.label_of(labels.formats(), get("preferences.format"))),
            *self._flag_lines(
                "preferences", {"gender_specific": self.tr("Program for their own gender")}
            ),
            (self.tr("Travels up to"), f"{distance:g} km" if distance else ""),
        ]
        return [(n, v) for n, v in lines if v and v != "None"]

    def _consent_lines(self) -> list[tuple[str, str]]:
        consent: Any = self.draft.get("consent")
        if not isinstance(consent, dict):
            return [
                (self.tr("Consent"), self.tr("No consent now: no letter can go to a provider."))
            ]
        snapshot = self.context.snapshot
        information = labels.information()
        expiry = consent.get("expires_on") or consent.get("expires_event") or ""
        lines = [
            (
                self.tr("May share"),
                ", ".join(
                    labels.label_of(information, c) for c in consent.get("information") or []
                ),
            ),
            (
                self.tr("With"),
                "; ".join(service_label(snapshot, s) for s in consent.get("recipients") or [])
                or self.tr("No service named yet"),
            ),
            (self.tr("Purpose"), consent.get("purpose") or ""),
            (self.tr("Until"), str(expiry)),
            (self.tr("Signed by"), self._signature(consent)),
        ]
        return [(n, v) for n, v in lines if v]

    def _signature(self, consent: dict[str, Any]) -> str:
        relationship = consent.get("signer_relationship")
        parts = [
            consent.get("signed_by") or "",
            f"({labels.label_of(labels.relationships(), relationship)})" if relationship else "",
            str(consent.get("signed_on") or ""),
        ]
        return " ".join(part for part in parts if part)

    def _referral_lines(self) -> list[tuple[str, str]]:
        wizard = self.wizard()
        plan: ReferralPlan | None = getattr(wizard, "plan", lambda: None)()
        if plan is None:
            return []
        chosen = {tuple(pair) for pair in self.draft.extra("chosen") or []}
        lines = []
        for pathway in plan.pathways:
            for referral in pathway.referrals:
                if (pathway.code, referral.service_id) not in chosen:
                    continue
                mark = ""
                if referral.urgent:
                    mark = self.tr("Urgent") + ": "
                elif referral.safety_net:
                    mark = self.tr("Safety first") + ": "
                lines.append((pathway.label, mark + referral.service_name))
        notes = self.draft.extra("kept_out_notes") or {}
        for excluded in plan.excluded:
            if excluded.service_id in notes:
                lines.append(
                    (
                        self.tr("Referred anyway"),
                        f"{excluded.service_name} — {notes[excluded.service_id]}",
                    )
                )
        if not lines:
            lines.append((self.tr("None ticked"), self.tr("No referral will be recorded.")))
        return lines
