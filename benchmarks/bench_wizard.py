"""How quick the intake wizard is: opening it, page changes, and plan updates.

    .venv/bin/python benchmarks/bench_wizard.py               # the demo directory
    .venv/bin/python benchmarks/bench_wizard.py --national    # also 100,000 services
    .venv/bin/python benchmarks/bench_wizard.py --language es # the Spanish interface

Runs the real wizard offscreen on a database: the demo directory imported into a scratch
file, and with --national the generated national-size directory (built and imported by
bench_match_command.py's helper, cached under benchmarks/out/). Prints, per directory:
the time to open the wizard; each page change (Next and Back: the page's initializePage
and the repaint, on the UI thread); each plan update from the request to the plan shown
(matching runs off the UI thread), and how long the UI thread itself was busy for it
(parsing the answers, then showing the plan). Targets: page changes and plan updates
< 100 ms on the demo directory, < 300 ms on the national one. Prints; asserts nothing.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

TODAY = date(2026, 11, 23)
GOALS = (["safety"], ["abstinence"], ["reduced_use"], ["safety", "reduced_use"], ["abstinence"])


def wait_until(condition: Callable[[], bool], timeout_s: float = 60) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit("timed out")
        loop = QEventLoop()
        QTimer.singleShot(1, loop.quit)
        loop.exec()


def wait_for(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def ms(seconds: float) -> float:
    return seconds * 1000


def line(name: str, values: list[float], target: float) -> str:
    worst = max(values)
    verdict = "ok" if worst < target else f"OVER the {target:.0f} ms target"
    return (
        f"  {name:<34} median {statistics.median(values):6.1f} ms   max {worst:6.1f} ms"
        f"   ({len(values)} runs) {verdict}"
    )


def bench(label: str, url: str, target: float) -> None:
    from intake.directory.snapshot_loader import load_snapshot
    from intake.gui.wizard import IntakeWizard
    from intake.gui.wizard.page_plan import PlanPage
    from intake.gui.wizard.wizard import GOALS_PAGE, PLAN_PAGE
    from intake.paths import resource_path
    from intake.rules import load_rules
    from intake.store import open_database

    database = open_database(url)
    started = time.perf_counter()
    snapshot = load_snapshot(database)
    loaded = time.perf_counter() - started
    rules = load_rules(resource_path("rules"))

    busy: list[float] = []  # UI-thread time of each plan shown
    original = PlanPage._plan_made

    def timed(self: PlanPage, *args: object) -> None:
        began = time.perf_counter()
        original(self, *args)  # type: ignore[arg-type]
        busy.append(ms(time.perf_counter() - began))

    PlanPage._plan_made = timed  # type: ignore[method-assign]

    started = time.perf_counter()
    wizard = IntakeWizard(database, snapshot, counselor="Bench", rules=rules, today=TODAY)
    wizard.resize(1000, 680)
    wizard.show()
    QApplication.processEvents()
    opened = ms(time.perf_counter() - started)
    wizard.autosave.stop()  # no drafts in the (shared, cached) benchmark databases

    # The counselor spends a while on the first page; meanwhile the wizard gets ready for
    # the later ones off the UI thread (service names, the directory's index).
    wait_for(0.5)
    wait_until(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    page = wizard.currentPage()
    for widget, text in ((page.name, "Jay"), (page.postal_code, "59101")):
        widget.setText(text)
        widget.textEdited.emit(text)

    def step(move: Callable[[], None]) -> float:
        began = time.perf_counter()
        move()
        QApplication.processEvents()  # layout and paint of the new page
        return ms(time.perf_counter() - began)

    changes: list[float] = []
    plans: list[float] = []
    for goals in GOALS:
        wizard.draft.set("goals", goals)
        while wizard.currentId() < PLAN_PAGE:
            changes.append(step(wizard.next))
        wait_until(wizard.plan_page.isComplete)
        plans.append(wizard.plan_page.last_plan_ms or 0.0)
        while wizard.currentId() > GOALS_PAGE:
            changes.append(step(wizard.back))
    parse_busy = []
    for goals in GOALS:  # a plan update alone: the answers change, the plan is made again
        wizard.draft.set("goals", goals)
        began = time.perf_counter()
        wizard.plan_page.request_plan()
        parse_busy.append(ms(time.perf_counter() - began))
        wait_until(wizard.plan_page.isComplete)
        plans.append(wizard.plan_page.last_plan_ms or 0.0)

    print(f"{label}: {len(snapshot):,} services (snapshot loaded in {loaded:.1f} s)")
    print(f"  {'opening the wizard':<34} {opened:6.1f} ms")
    print(line("page change (Next / Back)", changes, target))
    print(line("plan update, request to shown", plans, target))
    ui = [a + b for a, b in zip(parse_busy, busy[-len(parse_busy) :], strict=True)]
    print(line("  of which on the UI thread", ui, target))
    wizard.deleteLater()
    PlanPage._plan_made = original  # type: ignore[method-assign]
    database.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", action="store_true", help="also 100,000 services")
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument(
        "--language",
        choices=("en", "es"),
        default="en",
        help="the interface's language; in Spanish each plan update also makes the English "
        "plan that Finish records",
    )
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    if args.language != "en":
        from intake.gui import i18n

        i18n.install(args.language)

    from intake.directory.hsds import import_directory
    from intake.paths import resource_path
    from intake.store import open_database

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.db'}"
        database = open_database(url)
        import_directory(database, resource_path("demo"))
        database.dispose()
        bench("demo directory", url, target=100)
        if args.national:
            from bench_match_command import national_database

            path = national_database(args.services)
            bench("national directory", f"sqlite:///{path}", target=300)
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
