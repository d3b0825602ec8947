"""Nothing half-written: a failure or a cancellation leaves the target as it was."""

import io
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from export_samples import Clinic

from intake.exports import atomic_text, export_csv, export_fhir, export_json, export_report, tabular
from intake.exports import fhir as fhir_module
from intake.problems import InputError
from intake.progress import Cancelled, NoProgress
from intake.store.db import Database

OLD = "the previous export\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


class Boom(Exception):
    pass


def test_a_failure_midway_through_csv_leaves_no_file(
    database: Database, clinic: Clinic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real, written = tabular.csv_cells, []

    def failing(row: Any) -> list[str]:
        if len(written) == 3:
            raise Boom()
        written.append(row)
        return real(row)

    monkeypatch.setattr(tabular, "csv_cells", failing)
    out = tmp_path / "out" / "referrals.csv"
    out.parent.mkdir()
    with pytest.raises(Boom):
        export_csv(database, out)
    assert len(written) == 3
    assert not out.exists()
    assert list(out.parent.iterdir()) == []


def test_a_failure_midway_leaves_the_previous_file_unchanged(
    database: Database, clinic: Clinic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "bundle.json"
    out.write_text(OLD, encoding="utf-8")

    real = fhir_module.write_bundle

    def half_then_fail(bundle: dict[str, Any], stream: Any) -> None:
        whole = io.StringIO()
        real(bundle, whole)
        stream.write(whole.getvalue()[: len(whole.getvalue()) // 2])
        stream.flush()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fhir_module, "write_bundle", half_then_fail)
    with pytest.raises(OSError):
        export_fhir(database, out)
    assert out.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_a_cancelled_export_leaves_nothing(
    database: Database, clinic: Clinic, tmp_path: Path
) -> None:
    class CancelAfterStart(NoProgress):
        def step(self, stage: str, done: int, total: int) -> None:
            if done > 0 or stage.startswith("Checking"):
                self.cancel()
            super().step(stage, done, total)

    for name, export in (("a.csv", export_csv), ("a.json", export_json), ("a.fhir", export_fhir)):
        with pytest.raises(Cancelled):
            export(database, tmp_path / name, progress=CancelAfterStart())
        assert not (tmp_path / name).exists()
    assert leftovers(tmp_path) == []


def test_progress_is_reported(database: Database, clinic: Clinic, tmp_path: Path) -> None:
    steps: list[tuple[str, int, int]] = []

    class Recorder(NoProgress):
        def step(self, stage: str, done: int, total: int) -> None:
            steps.append((stage, done, total))

    export_fhir(database, tmp_path / "b.json", progress=Recorder())
    assert ("Reading referrals", 8, 8) in steps
    assert any(stage == "Checking FHIR resources" for stage, _, _ in steps)


def test_a_missing_folder_is_refused_with_a_clear_message(
    database: Database, clinic: Clinic, tmp_path: Path
) -> None:
    out = tmp_path / "no such folder" / "referrals.csv"
    for export in (export_csv, export_json, export_fhir, export_report):
        with pytest.raises(InputError) as caught:
            export(database, out)
        message = str(caught.value)
        assert "--out" in message and "does not exist" in message
    assert not out.parent.exists()


def test_a_folder_as_target_is_refused(database: Database, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        export_csv(database, tmp_path)


def test_the_file_is_private_to_its_owner(
    database: Database, clinic: Clinic, tmp_path: Path
) -> None:
    out = tmp_path / "referrals.csv"
    export_csv(database, out)
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_atomic_text_replaces_whole(tmp_path: Path) -> None:
    out = tmp_path / "x.txt"
    out.write_text(OLD, encoding="utf-8")
    with pytest.raises(Boom), atomic_text(out) as stream:
        stream.write("new")
        raise Boom()
    assert out.read_text(encoding="utf-8") == OLD
    with atomic_text(out) as stream:
        stream.write("new\n")
    assert out.read_text(encoding="utf-8") == "new\n"
    assert leftovers(tmp_path) == []
