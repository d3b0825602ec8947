"""The list of problems in an input: a proper model, errors first, copyable, in Spanish too."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from intake.gui import i18n
from intake.gui.problems_dialog import (
    COL_FIELD,
    COL_FILE,
    COL_MESSAGE,
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


def test_the_dialog_in_spanish(qtbot, screenshot) -> None:
    assert i18n.install("es")
    try:
        dialog = ProblemsDialog("Directorio no importado", "2 problemas", PROBLEMS)
        qtbot.addWidget(dialog)
        model = dialog.table.model()
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        assert headers == ["Tipo", "Archivo", "Fila", "Campo", "Problema"]
        kinds = [model.index(r, COL_SEVERITY).data() for r in range(model.rowCount())]
        assert kinds == ["Error", "Error", "Advertencia"]
        assert model.index(0, COL_MESSAGE).data() == "must be a date"  # the core's own words
        assert dialog.copy_button.text() == "&Copiar la lista"
        assert dialog.table.accessibleName() == "Problemas"
        dialog.show()
        qtbot.waitExposed(dialog)
        screenshot(dialog, "problems_dialog_spanish")
    finally:
        i18n.uninstall()
    assert ProblemTableModel(PROBLEMS).headerData(0, Qt.Orientation.Horizontal) == "Kind"
