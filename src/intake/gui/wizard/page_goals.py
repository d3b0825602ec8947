"""Page 2: what the client wants now — abstinence, reduced use, safety, any mix — and the
client's own words. At least one goal is needed to go on; goals order the plan, they
never hide a pathway."""

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPlainTextEdit, QVBoxLayout

from intake.gui.wizard import labels
from intake.gui.wizard.page_base import IntakePage
from intake.gui.wizard.widgets import FieldError


class GoalsPage(IntakePage):
    OWNS = ("goals", "goal_statement")

    def build(self) -> None:
        self.setTitle(self.tr("Goals"))
        self.setSubTitle(
            self.tr(
                "What does the client want right now? Tick every goal that fits; any mix is "
                "fine. Every kind of help is still shown, goals only set the order."
            )
        )
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.goal_boxes: dict[str, QCheckBox] = {}
        for row, (code, label, explanation) in enumerate(labels.goals()):
            box = QCheckBox(label)
            box.setAccessibleName(label.replace("&", ""))
            box.setAccessibleDescription(explanation)
            box.toggled.connect(self._goals_changed)
            words = QLabel(explanation)
            words.setWordWrap(True)
            grid.addWidget(box, row, 0)
            grid.addWidget(words, row, 1)
            self.goal_boxes[code] = box
        self.goals_error = FieldError()
        grid.addWidget(self.goals_error, len(self.goal_boxes), 0, 1, 2)
        self.bind(
            "goals",
            next(iter(self.goal_boxes.values())),
            self.goals_error,
            required_text=self.tr("Choose at least one goal."),
        )

        self.statement = QPlainTextEdit()
        self.statement.setTabChangesFocus(True)
        self.statement.setPlaceholderText(self.tr('e.g. "Stay alive, use less, keep my kids"'))
        self.statement.setAccessibleName(self.tr("The client's own words"))
        self.statement.setMaximumHeight(self.fontMetrics().height() * 6)
        statement_label = QLabel(self.tr("In the client's &own words"))
        statement_label.setBuddy(self.statement)
        self.statement_error = FieldError()
        self.bind("goal_statement", self.statement, self.statement_error)
        self.statement.textChanged.connect(
            lambda: self.write("goal_statement", self.statement.toPlainText())
        )

        layout = QVBoxLayout(self.body)
        layout.addLayout(grid)
        layout.addSpacing(12)
        layout.addWidget(statement_label)
        layout.addWidget(self.statement)
        layout.addWidget(self.statement_error)
        layout.addStretch(1)

    def load(self) -> None:
        chosen = self.draft.get("goals") or []
        for code, box in self.goal_boxes.items():
            box.setChecked(code in chosen)
        text = self.draft.get("goal_statement", "")
        if self.statement.toPlainText() != text:
            self.statement.setPlainText(text)

    def _goals_changed(self) -> None:
        chosen = [code for code, box in self.goal_boxes.items() if box.isChecked()]
        self.write("goals", chosen)
