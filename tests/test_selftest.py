"""`intake --self-test` from source: every check passes, a broken install fails, and the
user's data, config and database are never touched."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from intake.selftest import Check, run_self_test, sandbox

REPO = Path(__file__).resolve().parents[1]
CHECKS = (
    "version",
    "resources",
    "taxonomy",
    "rules",
    "schemas",
    "fonts",
    "letter-texts",
    "translations",
    "icons",
    "licenses",
    "migrations",
    "database",
    "demo-directory",
    "matching",
    "letter",
    "fhir-export",
    "window",
)


def _self_test(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    report = tmp_path / "report.txt"
    result = subprocess.run(
        [sys.executable, "-m", "intake", "--self-test", str(report)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        env={**os.environ, **env},
    )
    return result, report


def _user_folders() -> list[Path]:
    return [Path(os.environ[key]) for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")]


def test_the_self_test_passes_from_source_and_leaves_the_users_data_alone(
    tmp_path: Path,
) -> None:
    real_database = tmp_path / "real" / "intake.db"
    result, report = _self_test(tmp_path, INTAKE_DATABASE_URL=f"sqlite:///{real_database}")

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines[:-1]] == list(CHECKS)
    assert all(line.startswith("ok   ") for line in lines[:-1]), result.stdout
    assert "ok   rules bundled:" in result.stdout
    assert "ok   window main window opened" in result.stdout
    assert lines[-1] == f"self-test passed: {len(CHECKS)} checks"
    assert report.read_text(encoding="utf-8").splitlines() == lines
    assert not real_database.parent.exists()
    for folder in _user_folders():
        assert not (folder / "intake").exists(), f"the self-test wrote to {folder}"


def _broken_resources(tmp_path: Path) -> Path:
    copy = tmp_path / "resources"
    shutil.copytree(REPO / "resources", copy)
    (copy / "rules" / "goals.toml").write_text("[goals\nbroken = ", encoding="utf-8")
    (copy / "fonts" / "DejaVuSans.ttf").unlink()
    return copy


def test_a_broken_resource_fails_its_check_and_the_self_test(tmp_path: Path) -> None:
    result, _report = _self_test(tmp_path, INTAKE_RESOURCES=str(_broken_resources(tmp_path)))

    assert result.returncode == 1
    lines = {line.split()[1]: line for line in result.stdout.splitlines()[:-1]}
    assert lines["rules"].startswith("FAIL rules ")
    assert "goals.toml" in lines["rules"]
    assert lines["fonts"].startswith("FAIL fonts ")
    assert lines["matching"] == "FAIL matching not run: the rules check failed"
    assert lines["letter"] == "FAIL letter not run: the matching check failed"
    assert lines["taxonomy"].startswith("ok   ")
    assert lines["database"].startswith("ok   ")
    assert result.stdout.splitlines()[-1] == f"self-test FAILED: 4 of {len(CHECKS)} checks"
    assert "Traceback" not in result.stdout + result.stderr


def test_core_checks_in_process_without_the_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_self_test(tmp_path / "r.txt", window=False) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"self-test passed: {len(CHECKS) - 1} checks"
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").splitlines() == out


def test_the_sandbox_points_every_user_folder_away_and_restores_them() -> None:
    before = platformdirs.user_data_dir("intake", "intake")
    url = os.environ.get("INTAKE_DATABASE_URL")
    with sandbox() as tmp:
        for name in ("user_data_dir", "user_config_dir", "user_log_dir", "user_cache_dir"):
            assert Path(getattr(platformdirs, name)("intake", "intake")).is_relative_to(tmp)
        assert str(tmp) in os.environ["INTAKE_DATABASE_URL"]
    assert platformdirs.user_data_dir("intake", "intake") == before
    assert os.environ.get("INTAKE_DATABASE_URL") == url
    assert not tmp.exists()


def test_a_check_line_is_status_name_detail() -> None:
    assert Check("rules", True, "bundled:2026.11.1").line() == "ok   rules bundled:2026.11.1"
    assert Check("fonts", False, "missing").line() == "FAIL fonts missing"
