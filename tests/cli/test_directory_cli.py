"""`intake directory import|validate|export`: exit status, messages on standard error."""

import io
import shutil
from pathlib import Path

import pytest

from intake.cli import main
from intake.cli.directory_cmd import BarProgress, _progress
from intake.progress import NoProgress

DATA = Path(__file__).resolve().parents[1] / "directory" / "data"
SMALL = DATA / "small"
BROKEN = DATA / "broken"


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'intake.db'}"


def _run(url: str, *args: str) -> int:
    return main(["--database", url, "directory", *args])


def _with(tmp_path: Path, case: str) -> Path:
    folder = shutil.copytree(SMALL, tmp_path / case)
    for path in (BROKEN / case).iterdir():
        shutil.copyfile(path, folder / path.name)
    return folder


def test_import_succeeds_quietly_on_stdout(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(url, "import", str(SMALL)) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "Imported 2 organization, 3 service" in err and "from small." in err


def test_import_of_a_broken_directory_exits_1_naming_file_row_and_field(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(url, "import", str(_with(tmp_path, "many_errors"))) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "services.csv, row 2, field minimum_age: error: expected a number" in err
    assert "attributes.csv, row 2, field taxonomy_term_id: error: no taxonomy_term" in err
    assert "5 error(s), 0 warning(s)" in err
    assert "Traceback" not in err
    # nothing was imported: the directory still validates against an empty database
    assert _run(url, "validate", str(SMALL)) == 0


def test_import_prints_warnings(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(url, "import", str(_with(tmp_path, "implausible"))) == 0
    err = capsys.readouterr().err
    assert "locations.csv, row 2, field latitude: warning: latitude 100" in err


def test_validate_exit_status(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(url, "validate", str(SMALL)) == 0
    assert "small: valid HSDS 3.0 for import, 0 warning(s)." in capsys.readouterr().err

    assert _run(url, "validate", str(_with(tmp_path, "implausible"))) == 0  # warnings alone
    err = capsys.readouterr().err
    assert "warning:" in err and "valid HSDS 3.0 for import" in err

    assert _run(url, "validate", str(_with(tmp_path, "bad_number"))) == 1
    err = capsys.readouterr().err
    assert "services.csv, row 2, field minimum_age: error" in err
    assert "1 error(s)" in err


def test_validate_counts_records_already_in_the_database(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    more = tmp_path / "more"
    more.mkdir()
    shutil.copyfile(SMALL / "service_at_location.csv", more / "service_at_location.csv")
    assert _run(url, "import", str(SMALL)) == 0
    assert _run(url, "validate", str(more)) == 0
    assert _run(url, "validate", "--no-database", str(more)) == 1
    assert "no service with id svc-naloxone-1" in capsys.readouterr().err


def test_export_csv_and_json(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(url, "import", str(SMALL)) == 0
    assert _run(url, "export", str(tmp_path / "out")) == 0
    assert (tmp_path / "out" / "datapackage.json").exists()
    assert _run(url, "export", str(tmp_path / "out")) == 1  # not empty any more
    assert "the folder is not empty" in capsys.readouterr().err
    assert _run(url, "export", "--force", str(tmp_path / "out")) == 0
    assert _run(url, "export", "--format", "json", str(tmp_path / "d.json")) == 0
    out, err = capsys.readouterr()
    assert out == "" and "Wrote " in err
    assert (tmp_path / "d.json").read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize(
    "args",
    [
        ["directory"],
        ["directory", "import"],
        ["directory", "export", "out", "--format", "xml"],
        ["directory", "sync", "x"],
    ],
)
def test_wrong_usage_exits_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_a_missing_path_is_bad_input(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(url, "import", "/no/such/folder") == 1
    assert "folder: error: no such file or folder" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_on_a_terminal_only() -> None:
    terminal = _Terminal()
    with _progress(terminal) as progress:
        assert isinstance(progress, BarProgress)
        progress.step("Importing services.csv", 50, 100)
        progress.step("Importing services.csv", 100, 100)
    shown = terminal.getvalue()
    assert "Importing services.csv" in shown and "100%" in shown and "\r" in shown
    assert shown.endswith("\r")  # the line is cleared for the messages that follow

    piped = io.StringIO()
    with _progress(piped) as progress:
        assert isinstance(progress, NoProgress)
        progress.step("Importing services.csv", 1, 2)
    assert piped.getvalue() == ""
