"""What every page of the wizard shares: the draft, a scrolling body, and inline problems.

A page builds its inputs once (`build`), shows the draft's answers each time it is
entered (`load`, from `initializePage`), and writes each answer the moment it changes
(`write`). Problems come from the intake model: the partial draft is parsed, and each
problem's field path ("client.phone", "substances[1].days_since_last_use") is shown as a
sentence under the input bound to it, which is outlined. Next stays disabled while the
page holds a problem. A missing required answer is said only once its input was touched
(an empty form does not open in red); until then a line at the foot says what is needed.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from intake.gui import i18n
from intake.gui.i18n import fill
from intake.gui.wizard.draft import Draft, field_key
from intake.gui.wizard.widgets import FieldError, mark_invalid
from intake.problems import Problem
from intake.wording_i18n import translated

if TYPE_CHECKING:
    from intake.directory.snapshot import DirectorySnapshot
    from intake.rules import RuleSet
    from intake.store.db import Database

DEFAULT_DISTANCE_KM = 40.0


@dataclass
class WizardContext:
    """What the pages share: the draft, the directory, and the counselor's setting."""

    database: "Database"
    snapshot: "DirectorySnapshot"
    rules: "RuleSet"
    today: date
    counselor: str | None
    draft: Draft
    default_distance_km: float = DEFAULT_DISTANCE_KM
    changed: list[Callable[[], None]] = field(default_factory=list)

    @property
    def client_id(self) -> str | None:
        value = self.draft.extra("client_id")
        return value if isinstance(value, str) else None

    def problems(self) -> list[Problem]:
        return self.draft.problems(self.today)


def is_required_problem(problem: Problem) -> bool:
    """A problem that says an answer is missing (rather than wrong)."""
    text = problem.message
    return text.startswith("required") or "is empty" in text


@dataclass
class _Binding:
    widget: QWidget
    error: FieldError
    required_text: str | None  # our own sentence when the answer is missing


class IntakePage(QWizardPage):
    """A page of the wizard. Subclasses set OWNS and implement build() and load()."""

    OWNS: tuple[str, ...] = ()  # the answer paths this page holds, e.g. ("client",)
    SCROLLS = True  # False: the page's own views scroll, the page itself need not

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loading = False
        self.touched: set[str] = set()
        self.seen_revision = -1  # the draft's revision this page last showed or wrote
        self._bindings: dict[str, _Binding] = {}
        self.setCommitPage(False)

        self.body = QWidget()
        self.body.setObjectName("pageBody")
        self.hint = QLabel()
        self.hint.setObjectName("pageHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller: QScrollArea | None = None
        if self.SCROLLS:
            self.scroller = QScrollArea()
            self.scroller.setWidgetResizable(True)
            self.scroller.setFrameShape(QFrame.Shape.NoFrame)
            self.scroller.setWidget(self.body)
            self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            outer.addWidget(self.scroller, 1)
        else:
            outer.addWidget(self.body, 1)
        outer.addWidget(self.hint)
        self.build()

    @property
    def draft(self) -> Draft:
        return self.context.draft

    # -- for subclasses ----------------------------------------------------------------

    def step(self) -> str:
        """The page's name in the list of steps beside the wizard."""
        return self.title()

    def form(self) -> QFormLayout:
        """A form that puts a long label above its input rather than squeeze either."""
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        return form

    def build(self) -> None:
        """Create the inputs in self.body (once)."""

    def load(self) -> None:
        """Show the draft's answers in the inputs (each time the page is entered)."""

    def bind(
        self, path: str, widget: QWidget, error: FieldError, required_text: str | None = None
    ) -> None:
        """Show the problems of `path` (and of the paths under it) under `widget`."""
        self._bindings[path] = _Binding(widget, error, required_text)

    def add_field(
        self,
        form: QFormLayout,
        text: str,
        widget: QWidget,
        path: str | None = None,
        *,
        required_text: str | None = None,
        accessible_name: str | None = None,
    ) -> QLabel:
        """A labelled input (label with mnemonic, its buddy the input), problems under it."""
        label = QLabel(text)
        label.setBuddy(widget)
        if widget.focusProxy() is not None and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            # A label's mnemonic focuses its buddy only if the buddy takes focus; a group
            # of inputs passes it on to its focus proxy (and stays out of the Tab chain).
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.setAccessibleName(accessible_name or label.text().replace("&", ""))
        if path is None:
            form.addRow(label, widget)
            return label
        error = FieldError()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        form.addRow(label, holder)
        self.bind(path, widget, error, required_text)
        return label

    def write(self, path: str, value: Any) -> None:
        """An answer changed in an input: into the draft (which saves it), then re-check."""
        if self.loading:
            return
        self.touched.add(path)
        self.draft.set(path, value)
        self.seen_revision = self.draft.revision
        self.refresh()

    def write_extra(self, key: str, value: Any) -> None:
        if self.loading:
            return
        self.draft.set_extra(key, value)
        self.seen_revision = self.draft.revision
        self.refresh()

    def write_declined(self, path: str, declined: bool) -> None:
        if self.loading:
            return
        self.draft.set_declined(path, declined)
        self.seen_revision = self.draft.revision

    def show_focused(self, widget: QWidget) -> None:
        """Scroll the page so the input with the focus (reached by a mnemonic) is in view."""
        if self.scroller is not None and self.body.isAncestorOf(widget):
            self.scroller.ensureWidgetVisible(widget)

    # -- the wizard's hooks ------------------------------------------------------------

    def initializePage(self) -> None:
        self.loading = True
        try:
            self.load()
        finally:
            self.loading = False
        self.seen_revision = self.draft.revision
        self.refresh()

    def show_again(self) -> None:
        """Back on this page: show answers changed elsewhere since (e.g. consent recipients
        added on the recommendations page). QWizard calls initializePage only going on."""
        if self.seen_revision != self.draft.revision:
            self.initializePage()

    def cleanupPage(self) -> None:
        """Going Back keeps this page's answers (QWizard would reset its own fields)."""

    def isComplete(self) -> bool:
        return not self.own_problems()

    # -- problems ----------------------------------------------------------------------

    def owns(self, problem: Problem) -> bool:
        key = field_key(problem.field)
        return any(key == own or key.startswith(own + ".") for own in self.OWNS)

    def own_problems(self) -> list[Problem]:
        return [p for p in self.context.problems() if self.owns(p)]

    def refresh(self) -> None:
        """Show the problems of this page's answers under their inputs; update Next."""
        shown: dict[str, list[str]] = {path: [] for path in self._bindings}
        waiting: list[str] = []
        for problem in self.own_problems():
            path = self._binding_for(problem)
            binding = self._bindings.get(path) if path else None
            message = self.message_for(problem, binding)
            if path is None or (is_required_problem(problem) and path not in self.touched):
                waiting.append(message)
            else:
                shown[path].append(message)
        under: dict[FieldError, list[str]] = {}  # two inputs may share one sentence
        for path, binding in self._bindings.items():
            messages = list(dict.fromkeys(shown[path]))
            under.setdefault(binding.error, []).extend(messages)
            mark_invalid(binding.widget, bool(messages))
            binding.widget.setAccessibleDescription("\n".join(messages))
        for error, messages in under.items():
            error.set_message("\n".join(dict.fromkeys(messages)) or None)
        if waiting:
            self.hint.setText(fill(self.tr("To go on: %1"), " ".join(waiting)))
        self.hint.setVisible(bool(waiting))
        self.completeChanged.emit()

    def _binding_for(self, problem: Problem) -> str | None:
        """The bound path that shows a problem: the longest one that holds its field."""
        key = field_key(problem.field)
        found = [p for p in self._bindings if key == p or key.startswith(p + ".")]
        if found:
            return max(found, key=len)
        below = [p for p in self._bindings if p.startswith(key + ".")]  # "client" -> name
        return below[0] if below else None  # the first input bound under it

    def message_for(self, problem: Problem, binding: _Binding | None) -> str:
        if binding is not None and binding.required_text and is_required_problem(problem):
            return binding.required_text
        text = translated(problem, i18n.current_language())
        return text[:1].upper() + text[1:] if text else text

    def show_all_problems(self) -> None:
        """Say every problem, missing answers too (e.g. when the counselor tries to go on)."""
        self.touched.update(self._bindings)
        self.refresh()
