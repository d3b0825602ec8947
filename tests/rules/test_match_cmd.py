"""`intake match`: the plan as JSON on standard output alone, or as text; bad input exits 1."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rulekit import EXAMPLES

from intake.cli import main
from intake.paths import resource_path

INTAKE = str(EXAMPLES / "pregnant_opioids_reduced_use.json")


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from intake.directory.hsds import import_directory
    from intake.store.db import open_database

    url = f"sqlite:///{tmp_path_factory.mktemp('match') / 'intake.db'}"
    database = open_database(url)
    try:
        import_directory(database, resource_path("demo"))
    finally:
        database.dispose()
    return url


def test_json_goes_to_standard_output_alone(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--database", database_url, "match", "--intake", INTAKE, "--format", "json",
         "--today", "2026-11-23"]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    plan = json.loads(out)
    assert plan["rules_version"].startswith("bundled:")
    assert plan["directory_version"].startswith("import-")
    assert plan["pathways"][0]["code"] == "medication"
    assert plan["pathways"][0]["referrals"][0]["urgent"] is True
    assert err == ""


def test_text_shows_pathways_urgent_first_with_reasons_and_phones(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--database", database_url, "match", "--intake", INTAKE, "--today", "2026-11-23"])
    out, _ = capsys.readouterr()
    assert code == 0
    first_pathway = next(line for line in out.splitlines() if line.startswith("1. "))
    assert first_pathway == "1. Medication (fits your goals)"
    assert "* URGENT " in out and "Why: " in out and "Call 406-555-" in out
    assert "Kept out" in out


def test_in_spanish_the_same_plan_reads_in_spanish(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--database", database_url, "match", "--intake", INTAKE, "--today", "2026-11-23"]
    assert main([*args, "--format", "json"]) == 0
    english = json.loads(capsys.readouterr().out)
    assert main([*args, "--format", "json", "--language", "es"]) == 0
    spanish = json.loads(capsys.readouterr().out)
    ids = [[r["service_id"] for r in p["referrals"]] for p in english["pathways"]]
    assert [[r["service_id"] for r in p["referrals"]] for p in spanish["pathways"]] == ids
    assert spanish["pathways"][0]["label"] == "Medicamentos"
    assert (
        spanish["pathways"][0]["referrals"][0]["reasons"]
        != (english["pathways"][0]["referrals"][0]["reasons"])
    )
    assert main([*args, "--language", "es"]) == 0
    out = capsys.readouterr().out
    assert "1. Medicamentos (coincide con sus metas)" in out
    assert "* URGENTE " in out and "Por qué: " in out and "Llame al 406-555-" in out


def test_a_bad_intake_exits_1_with_the_models_message(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"client": {"name": "X"}, "goals": ["sobriety"]}', encoding="utf-8")
    code = main(["--database", database_url, "match", "--intake", str(bad)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert "bad.json" in err and "goals" in err and "Traceback" not in err


def test_a_bad_date_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "intake", "match", "--intake", INTAKE, "--today", "23/11/2026"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "expected YYYY-MM-DD" in result.stderr
