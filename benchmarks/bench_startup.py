"""How long intake takes from process start to an interactive main window.

    .venv/bin/python benchmarks/bench_startup.py             # median of 5, offscreen (+ Xvfb)
    .venv/bin/python benchmarks/bench_startup.py --repeat 9

Each run is a whole new process, timed by this script from launch until the child says
its window is shown and the event loop is idle (a `QTimer.singleShot(0)` queued right
after `show()` has fired). Two programs run in turns, in the same conditions:

- a bare PySide6 `QWizard` hello-world (the baseline);
- intake through its real entry point (`intake.cli.main([])`, what the `intake` command
  runs), on a clinic database made beforehand (the demo directory and a few clients).

For intake it also reports when the directory and the client list are loaded (the
window shows first and loads them in a worker). Target: intake's window within 1.3× the
bare wizard's. Runs offscreen (QT_QPA_PLATFORM=offscreen), and again under Xvfb when
`Xvfb` is installed. Prints figures; asserts nothing.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TARGET = 1.3

BARE_WIZARD = """
import os
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

app = QApplication([])
page = QWizardPage()
page.setTitle("Hello")
QVBoxLayout(page).addWidget(QLabel("Hello, world"))
wizard = QWizard()
wizard.addPage(page)
wizard.show()

def ready():
    print("window", flush=True)
    os._exit(0)

QTimer.singleShot(0, ready)
app.exec()
"""

INTAKE = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

# Marks are set on Qt's own QMainWindow.show, so that intake's modules load in the order
# and at the moment the real command loads them.
show = QMainWindow.show

def ready():
    print("window", flush=True)

def listed():
    print("loaded", flush=True)
    os._exit(0)

def show_then_mark(self):
    show(self)
    QTimer.singleShot(0, ready)
    self.clients_page.searched.connect(listed)

QMainWindow.show = show_then_mark
from intake.cli import main
sys.exit(main([]))
"""

PREPARE = """
import sys
from intake.gui import loading
from intake.intake_model import parse_intake
from intake.records import record_intake
loaded = loading.open_and_load(None)
for name in ("Maria Lopez", "James Whitehorse", "Sky"):
    record_intake(loaded.database, parse_intake({"client": {"name": name}, "goals": ["safety"]}),
                  chosen=[], plan=None, counselor=None)
loaded.database.dispose()
"""


def run(code: str, env: dict[str, str]) -> dict[str, float]:
    """Launch `code` in a new Python; seconds from launch to each line it prints."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    marks: dict[str, float] = {}
    assert child.stdout is not None
    for line in child.stdout:
        marks[line.decode().strip()] = time.perf_counter() - started
    _, errors = child.communicate(timeout=120)
    if "window" not in marks:
        raise RuntimeError(f"the child did not show a window:\n{errors.decode()}")
    return marks


def environment(home: Path, display: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env.update(
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        **display,
    )
    env.pop("INTAKE_DATABASE_URL", None)
    # As an installed program runs: with compiled bytecode (kept apart from the sources).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    return env


def measure(name: str, display: dict[str, str], repeat: int, home: Path) -> None:
    env = environment(home, display)
    subprocess.run([sys.executable, "-c", PREPARE], env=env, check=True)
    run(INTAKE, env)  # one untimed start of each warms the disk cache
    run(BARE_WIZARD, env)
    bare, window, listed = [], [], []
    for _ in range(repeat):
        bare.append(run(BARE_WIZARD, env)["window"])
        marks = run(INTAKE, env)
        window.append(marks["window"])
        listed.append(marks.get("loaded", float("nan")))
    bare_median, window_median = statistics.median(bare), statistics.median(window)
    ratio = window_median / bare_median
    verdict = "within target" if ratio <= TARGET else "OVER TARGET"
    print(f"\n{name} (median of {repeat} runs, whole processes)")
    print(f"  bare PySide6 QWizard, launch to idle window : {bare_median * 1000:7.0f} ms")
    print(f"  intake main window, launch to idle window   : {window_median * 1000:7.0f} ms")
    listed_median = statistics.median(listed)
    print(f"  intake, directory and client list loaded    : {listed_median * 1000:7.0f} ms")
    print(f"  ratio intake / bare: {ratio:.2f}x  (target <= {TARGET}x: {verdict})")
    print("  runs (ms): bare " + ", ".join(f"{t * 1000:.0f}" for t in bare))
    print("             intake " + ", ".join(f"{t * 1000:.0f}" for t in window))


@contextmanager
def xvfb() -> Iterator[dict[str, str] | None]:
    """A virtual X display for the runs, if Xvfb is installed."""
    program = shutil.which("Xvfb")
    if program is None:
        yield None
        return
    number = 99
    server = subprocess.Popen(
        [program, f":{number}", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        yield {"DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each program (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="intake-bench-") as scratch:
        measure("offscreen", {"QT_QPA_PLATFORM": "offscreen"}, args.repeat, Path(scratch) / "a")
        with xvfb() as display:
            if display is None:
                print("\nXvfb: not installed (apt install xvfb), so not measured")
            else:
                measure("Xvfb", display, args.repeat, Path(scratch) / "b")
    return 0


if __name__ == "__main__":
    sys.exit(main())
