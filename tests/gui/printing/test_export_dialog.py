"""The export dialog: CSV and FHIR written off the UI thread; a bad range shows problems."""

import json
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from intake.gui.export_dialog import ExportDialog, open_export_dialog
from intake.problems import Problem
from intake.store import Database

SHOTS = Path(__file__).resolve().parents[3] / "screenshots" / "printing"


def opened(qtbot: QtBot, database: Database, keep: list[QWidget]) -> ExportDialog:
    parent = QWidget()
    qtbot.addWidget(parent)
    keep.append(parent)
    dialog = open_export_dialog(parent, database)
    assert isinstance(dialog, ExportDialog)
    return dialog


def run(qtbot: QtBot, dialog: ExportDialog) -> None:
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.relay is None, timeout=30_000)


def choose(dialog: ExportDialog, code: str) -> None:
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(code))


def test_exports_csv_with_bom_through_the_file_chooser(
    qtbot: QtBot,
    demo_db: Database,
    intake_id: str,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = out_dir / "referrals.csv"
    asked: list[str] = []

    def ask(parent: QWidget, suggested: str, filters: str) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(ExportDialog, "ask_output_path", staticmethod(ask))
    keep: list[QWidget] = []
    dialog = opened(qtbot, demo_db, keep)
    assert not dialog.export_button.isEnabled()  # no file chosen yet
    assert not dialog.since_edit.isEnabled()  # "all dates" is ticked
    dialog.browse_button.click()
    assert asked and asked[0].endswith(".csv")
    assert dialog.path_edit.text() == str(target)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "export_dialog.png"))
    run(qtbot, dialog)
    assert dialog.export_result is not None, dialog.status.text()
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("date,client_id")
    assert len(lines) == 3  # header and two referrals
    assert dialog.status.text() == dialog.export_result.summary()
    assert "Wrote 2 referrals" in dialog.status.text()


def test_exports_fhir_in_a_date_range(
    qtbot: QtBot, demo_db: Database, intake_id: str, out_dir: Path
) -> None:
    keep: list[QWidget] = []
    dialog = opened(qtbot, demo_db, keep)
    choose(dialog, "fhir")
    assert not dialog.bom_box.isEnabled()
    dialog.all_dates.setChecked(False)
    today = date.today()
    dialog.since_edit.setDate(QDate(today.year, today.month, today.day).addDays(-1))
    dialog.until_edit.setDate(QDate(today.year, today.month, today.day).addDays(1))
    target = out_dir / "bundle.json"
    dialog.path_edit.setText(str(target))
    run(qtbot, dialog)
    assert dialog.export_result is not None, dialog.status.text()
    bundle = json.loads(target.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert kinds.count("ServiceRequest") == 2 and "Patient" in kinds


def test_a_backwards_range_shows_the_problems_and_writes_nothing(
    qtbot: QtBot,
    demo_db: Database,
    intake_id: str,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[list[Problem]] = []
    monkeypatch.setattr(
        ExportDialog,
        "show_problems",
        staticmethod(lambda parent, title, summary, problems: shown.append(problems)),
    )
    keep: list[QWidget] = []
    dialog = opened(qtbot, demo_db, keep)
    dialog.all_dates.setChecked(False)
    dialog.since_edit.setDate(QDate(2026, 6, 1))
    dialog.until_edit.setDate(QDate(2026, 1, 1))
    target = out_dir / "never.csv"
    dialog.path_edit.setText(str(target))
    run(qtbot, dialog)
    assert shown and shown[0][0].severity == "error"
    assert not target.exists()
    assert "Nothing was exported" in dialog.status.text()
    assert dialog.export_button.isEnabled()  # ready to try again
