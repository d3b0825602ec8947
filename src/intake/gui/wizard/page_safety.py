"""Page 4: the overdose-risk questions (contract §1 `risks`), asked kindly.

Each is yes, no, or prefer not to say; an unanswered question stays unknown. Whatever the
client's goals, a "yes" here can bring safety referrals (naloxone, a never-use-alone
line, 988) to the top of the plan.
"""

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout

from intake.gui.wizard.page_base import IntakePage
from intake.gui.wizard.widgets import TriState


class SafetyPage(IntakePage):
    OWNS = ("risks",)

    def step(self) -> str:
        return self.tr("Safety")

    def questions(self) -> list[tuple[str, str, str]]:
        """(risk, question as the counselor may read it, short name for screen readers)."""
        return [
            (
                "uses_alone",
                self.tr("Do you sometimes &use when no one else is around?"),
                self.tr("Uses alone"),
            ),
            (
                "overdose_last_12_months",
                self.tr(
                    "In the last year, have you &overdosed, or has someone had to help you "
                    "breathe or wake up?"
                ),
                self.tr("Overdose in the last 12 months"),
            ),
            (
                "reduced_tolerance",
                self.tr(
                    "Have you recently gone a while &without using, e.g. in jail or prison, "
                    "detox, treatment or hospital?"
                ),
                self.tr("Reduced tolerance"),
            ),
            (
                "mixes_depressants",
                self.tr(
                    "Do you ever &mix opioids with alcohol, benzos, xylazine or sleeping pills?"
                ),
                self.tr("Mixes depressants"),
            ),
            (
                "severe_withdrawal_history",
                self.tr(
                    "When you stopped drinking or taking benzos before, did you ever have "
                    "&seizures or the DTs?"
                ),
                self.tr("Severe withdrawal before"),
            ),
            (
                "fentanyl_exposure_possible",
                self.tr("Could there be &fentanyl in what you use?"),
                self.tr("Possible fentanyl exposure"),
            ),
            (
                "suicidal_thoughts",
                self.tr("Lately, have you had &thoughts of ending your life?"),
                self.tr("Thoughts of suicide"),
            ),
        ]

    def build(self) -> None:
        self.setTitle(self.tr("Staying safe"))
        self.setSubTitle(
            self.tr(
                "These questions help make sure the client gets overdose-prevention help, "
                "whatever their goals. Any of them can be skipped."
            )
        )
        form = self.form()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.answers: dict[str, TriState] = {}
        for risk, question, short in self.questions():
            widget = TriState(short)
            path = f"risks.{risk}"
            self.add_field(form, question, widget, path, accessible_name=short)
            widget.changed.connect(
                lambda value, declined, path=path: self._answered(path, value, declined)
            )
            self.answers[risk] = widget
        note = QLabel(
            self.tr(
                "If the client says yes to thoughts of ending their life, the 988 Suicide & "
                "Crisis Lifeline comes first in the plan. Stay with the client and follow "
                "your clinic's crisis steps."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)

    def load(self) -> None:
        for risk, widget in self.answers.items():
            path = f"risks.{risk}"
            widget.set_state(self.draft.get(path), self.draft.declined(path))

    def _answered(self, path: str, value: bool | None, declined: bool) -> None:
        self.write_declined(path, declined)
        self.write(path, value)
