"""The command line works where Qt cannot be imported, and --help/--version stay light."""

import subprocess
import sys

from intake import __version__

BLOCK_QT = "import sys; sys.modules['PySide6'] = None; sys.modules['shiboken6'] = None; "


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def test_version_prints_the_version() -> None:
    result = _run(BLOCK_QT + "from intake.cli import main; main(['--version'])")
    assert result.returncode == 0
    assert result.stdout.strip() == f"intake {__version__}"


def test_help_imports_neither_qt_nor_the_store() -> None:
    code = (
        BLOCK_QT + "from intake.cli import build_parser; build_parser(); "
        "heavy = [m for m in ('sqlalchemy', 'sqlmodel', 'alembic', 'PySide6.QtCore') "
        "if sys.modules.get(m) is not None]; print(heavy)"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_usage_errors_exit_2() -> None:
    result = _run("from intake.cli import main; raise SystemExit(main(['no-such-command']))")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_opening_the_window_without_qt_is_one_clear_line() -> None:
    result = _run(BLOCK_QT + "from intake.cli import main; raise SystemExit(main([]))")
    assert result.returncode == 1
    assert "PySide6" in result.stderr
    assert "Traceback" not in result.stderr
