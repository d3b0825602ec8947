"""A readable list of problems found in an input (file, row, field, message), errors first."""

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake.problems import Problem

COL_SEVERITY, COL_FILE, COL_ROW, COL_FIELD, COL_MESSAGE = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("ProblemTableModel", "Kind"),
    QT_TRANSLATE_NOOP("ProblemTableModel", "File"),
    QT_TRANSLATE_NOOP("ProblemTableModel", "Row"),
    QT_TRANSLATE_NOOP("ProblemTableModel", "Field"),
    QT_TRANSLATE_NOOP("ProblemTableModel", "Problem"),
)
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


def errors_first(problems: Sequence[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: p.severity != "error")  # stable: file order kept


class ProblemTableModel(QAbstractTableModel):
    def __init__(self, problems: Sequence[Problem], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems = errors_first(problems)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return self.tr(HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _cell(problem, index.column())
        if role == PROBLEM_ROLE:
            return problem
        if role == Qt.ItemDataRole.DecorationRole and index.column() == COL_SEVERITY:
            return _icon(problem)
        return None


def _icon(problem: Problem) -> QIcon:
    kind = QStyle.StandardPixmap
    pixmap = (
        kind.SP_MessageBoxCritical if problem.severity == "error" else kind.SP_MessageBoxWarning
    )
    return QApplication.style().standardIcon(pixmap)


def _cell(problem: Problem, column: int) -> str:
    if column == COL_SEVERITY:
        if problem.severity == "error":
            return QCoreApplication.translate("ProblemTableModel", "Error")
        return QCoreApplication.translate("ProblemTableModel", "Warning")
    if column == COL_FILE:
        return problem.file or ""
    if column == COL_ROW:
        return "" if problem.row is None else str(problem.row)
    if column == COL_FIELD:
        return problem.field or ""
    return problem.message  # the core's sentence, the same `intake` prints on the command line


class ProblemsDialog(QDialog):
    """Shows what is wrong with an input so it can be fixed; Copy puts the list on the
    clipboard for whoever maintains the file."""

    def __init__(
        self, title: str, summary: str, problems: Sequence[Problem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.problems = errors_first(problems)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.table = QTableView()
        self.table.setModel(ProblemTableModel(self.problems, self))
        self.table.setAccessibleName(self.tr("Problems"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (COL_SEVERITY, COL_FILE, COL_ROW, COL_FIELD):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("&Copy list"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        char = self.fontMetrics().averageCharWidth()
        self.resize(130 * char, 30 * self.fontMetrics().height())

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(str(p) for p in self.problems))
