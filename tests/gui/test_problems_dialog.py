"""The list of problems in an input: a proper model, errors first, copyable."""

from PySide6.QtWidgets import QApplication

from intake.gui.problems_dialog import (
    COL_FIELD,
    COL_FILE,
    COL_ROW,
    COL_SEVERITY,
    ProblemsDialog,
    ProblemTableModel,
)
from intake.problems import error, warning

PROBLEMS = [
    warning("looks short", file="phones.csv", row=4, field="number"),
    error("must be a date", file="services.csv", row=7, field="assured_date"),
    error("file is not UTF-8", file="organizations.csv"),
]


def test_model_passes_the_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(ProblemTableModel(PROBLEMS), force_py=True)


def test_errors_come_first_in_file_order(qtbot) -> None:
    model = ProblemTableModel(PROBLEMS)
    rows = [
        tuple(model.index(r, c).data() for c in (COL_SEVERITY, COL_FILE, COL_ROW, COL_FIELD))
        for r in range(model.rowCount())
    ]
    assert rows == [
        ("Error", "services.csv", "7", "assured_date"),
        ("Error", "organizations.csv", "", ""),
        ("Warning", "phones.csv", "4", "number"),
    ]


def test_copy_puts_every_problem_on_the_clipboard(qtbot) -> None:
    dialog = ProblemsDialog("Directory not imported", "2 problems", PROBLEMS)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    lines = QApplication.clipboard().text().splitlines()
    assert lines == [
        "services.csv, row 7, field assured_date: error: must be a date",
        "organizations.csv: error: file is not UTF-8",
        "phones.csv, row 4, field number: warning: looks short",
    ]
