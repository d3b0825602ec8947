"""`intake export`: files written whole, a one-line summary on stderr, exit 0/1/2."""

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exports"))

from export_samples import MARIA, fill

from intake.cli import main
from intake.store import open_database


@pytest.fixture
def url(tmp_path: Path) -> Iterator[str]:
    """A database file holding the sample clinic (3 clients, 8 referrals)."""
    url = f"sqlite:///{tmp_path / 'intake.db'}"
    database = open_database(url)
    fill(database)
    database.dispose()
    yield url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("kind", ["csv", "json", "fhir"])
def test_export_writes_the_file_and_a_summary(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    out = tmp_path / f"referrals.{kind}"
    code, stdout, stderr = run(
        capsys, "--database", url, "export", "--format", kind, "--out", str(out)
    )
    assert code == 0, stderr
    assert stdout == ""
    assert stderr.startswith(f"Wrote 8 referrals to {out}")
    assert len(stderr.strip().splitlines()) == 1
    assert MARIA not in stderr
    assert out.exists()


def test_csv_with_bom_and_dates(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "feb.csv"
    code, _, stderr = run(
        capsys, "--database", url, "export", "--format", "csv", "--out", str(out),
        "--since", "2026-02-01", "--until", "2026-02-28", "--bom",
    )  # fmt: skip
    assert code == 0, stderr
    assert stderr.strip() == f"Wrote 3 referrals to {out}"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        assert {row["date"] for row in csv.DictReader(stream)} == {"2026-02-03", "2026-02-28"}


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_report(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    out = tmp_path / f"report{suffix}"
    code, stdout, stderr = run(
        capsys, "--database", url, "export", "--format", "report", "--out", str(out)
    )
    assert code == 0, stderr
    assert stdout == ""
    assert "de-identified report of 8 referrals from 4 intake(s)" in stderr
    assert MARIA not in out.read_text(encoding="utf-8")
    if suffix == ".json":
        assert "referrals_by_pathway" in json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--since", "2026-13-01"),
        ("--until", "01/02/2026"),
        ("--since", "yesterday"),
        ("--until", "2026-2-1"),
    ],
)
def test_a_bad_date_exits_1_naming_the_option_and_the_form(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    out = tmp_path / "x.csv"
    code, _, stderr = run(
        capsys, "--database", url, "export", "--format", "csv", "--out", str(out), option, value
    )
    assert code == 1
    assert option in stderr and "YYYY-MM-DD" in stderr
    assert not out.exists()


def test_since_after_until_exits_1(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.csv"
    code, _, stderr = run(
        capsys, "--database", url, "export", "--format", "csv", "--out", str(out),
        "--since", "2026-03-01", "--until", "2026-02-01",
    )  # fmt: skip
    assert code == 1
    assert "--since" in stderr and "after" in stderr
    assert not out.exists()


def test_a_missing_folder_exits_1_with_a_clear_message(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "x.csv"
    code, _, stderr = run(capsys, "--database", url, "export", "--format", "csv", "--out", str(out))
    assert code == 1
    assert "--out" in stderr and "does not exist" in stderr and "missing" in stderr
    assert not out.parent.exists()


def test_a_report_with_another_suffix_exits_1(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.txt"
    code, _, stderr = run(
        capsys, "--database", url, "export", "--format", "report", "--out", str(out)
    )
    assert code == 1
    assert ".csv or .json" in stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "xlsx", "--out", "x.xlsx"],
        ["export", "--format", "csv"],
        ["export", "--out", "x.csv"],
        ["export", "--format", "fhir", "--out", "{tmp}/b.json", "--bom"],
        ["export", "--format", "report", "--out", "{tmp}/r.json", "--bom"],
    ],
)
def test_wrong_usage_exits_2(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    filled = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, stdout, stderr = run(capsys, "--database", url, *filled)
    assert code == 2
    assert stdout == ""
    assert stderr
    assert not (tmp_path / "b.json").exists() and not (tmp_path / "r.json").exists()


def test_help_lists_export(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(capsys, "export", "--help")
    assert code == 0
    assert "--since" in stdout and "report" in stdout
