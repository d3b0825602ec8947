"""Starting the app: no display gives one clear line; the window shows before the store loads;
the whole start runs offscreen and quits cleanly."""

import os
import subprocess
import sys
from pathlib import Path

from intake.gui.app import NO_DISPLAY

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE.parents[1] / "screenshots"


def run_python(code: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def env_without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    return env | extra


def test_no_display_is_one_clear_line_and_exit_1() -> None:
    result = run_python(
        "from intake.gui.app import run; raise SystemExit(run())", env_without_display()
    )
    assert result.returncode == 1
    assert result.stderr == NO_DISPLAY + "\n"
    assert "DISPLAY is not set" in result.stderr and "intake --help" in result.stderr


def test_the_command_without_a_display_says_the_same(tmp_path: Path) -> None:
    code = "from intake.cli import main; raise SystemExit(main([]))"
    result = run_python(code, env_without_display(XDG_DATA_HOME=str(tmp_path)))
    assert result.returncode == 1
    assert result.stderr == NO_DISPLAY + "\n"


WINDOW_FIRST = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from intake.gui.main_window import MainWindow
window = MainWindow()
window.show()
app.processEvents()
later = (
    "sqlalchemy", "sqlmodel", "alembic",  # the store
    "intake.gui.clients.finder",  # the Clients tab's list, once the records are open
    "intake.gui.directory_browser",  # the Directory tab, once the directory is loaded
    "intake.gui.settings_page",  # the Settings tab, when first opened
)
heavy = [m for m in later if m in sys.modules]
print("visible" if window.isVisible() else "hidden", heavy)
"""


def test_the_window_shows_before_the_store_and_the_pages_behind_it_load(tmp_path: Path) -> None:
    """What the first frame does not show is not imported for it: start-up's main cost."""
    env = env_without_display(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path))
    result = run_python(WINDOW_FIRST, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "visible []"


WHOLE_START = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from intake.gui import main_window

def finish(method):
    original = getattr(main_window.MainWindow, method)
    def wrapped(self, outcome):
        original(self, outcome)
        icon = "icon" if not QApplication.windowIcon().isNull() else "no-icon"
        print(method, icon, self.directory_status.text() or self.directory_page.title.text())
        QTimer.singleShot(0, self.close)  # closing the last window quits
    setattr(main_window.MainWindow, method, wrapped)

finish("_loaded")
finish("_load_failed")
from intake.gui.app import run
raise SystemExit(run(database_url=sys.argv[1], argv=["intake"]))
"""


def test_run_opens_the_database_loads_the_demo_and_quits(tmp_path: Path) -> None:
    env = env_without_display(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    url = f"sqlite:///{tmp_path / 'intake.db'}"
    result = run_python(WHOLE_START, env, url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("_loaded icon "), result.stdout + result.stderr
    count = int(result.stdout.split()[2])
    assert count > 0 and "services" in result.stdout and "Demo directory" in result.stdout
    assert (tmp_path / "intake.db").exists()


AT_150_PERCENT = """
import sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui_samples import sample_snapshot
from intake.gui.main_window import MainWindow
from intake.taxonomy import load_taxonomy
window = MainWindow()
window.directory_page.browser.set_directory(sample_snapshot(), load_taxonomy())
window.directory_page.show_browser()
window.show()
# 1280x720 pixels at 150% is 853x480 points; leave room for a title bar and a task bar.
window.resize(853, 440)
app.processEvents()
browser = window.directory_page.browser
table = browser.table
browser.table.selectRow(1)
app.processEvents()
hint = window.minimumSizeHint()
columns = sum(table.columnWidth(c) for c in range(table.model().columnCount()))
print(window.devicePixelRatio(), hint.width() <= 853 and hint.height() <= 440,
      window.width() <= 853, columns <= table.viewport().width())
window.grab().save(sys.argv[2])
"""


def test_the_layout_fits_1280x720_at_150_percent(tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / "main_window_150_percent.png"
    env = env_without_display(
        QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1.5", XDG_DATA_HOME=str(tmp_path)
    )
    result = run_python(AT_150_PERCENT, env, str(HERE), str(shot))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1.5", "True", "True", "True"]
