"""`intake match` as a whole command on the national-size directory, and what it spends.

    .venv/bin/python benchmarks/bench_match_command.py [--services 100000] [--runs 5]

Imports the generated national directory (benchmarks/generate_directory.py; cached under
benchmarks/out/) into an SQLite file once, then prints, medians of --runs, each in a
fresh process:
- the time to load the whole directory snapshot from the database (`load_snapshot`);
- the time to load only what the example intake's plan needs (`load_snapshot_for`):
  once without its cache file (the first plan after an import builds it), then with it;
- `python -c "import sqlmodel"`, the floor for any command that reads the database;
- `intake --database URL match --intake FILE --format json`, start to exit: once as the
  first command after an import (no cache yet), then as every later one.
The commands run with a data folder of their own (XDG_DATA_HOME under benchmarks/out/),
never the user's. Target: the whole command <= 2x the sqlmodel import. Prints figures;
asserts nothing.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
EXAMPLES = HERE.parent / "resources" / "examples" / "intakes"
INTAKE = EXAMPLES / "unhoused_injecting_fentanyl_safety.json"

# Times load_snapshot_for in a fresh process: argv[1] the database file, argv[2] the intake,
# argv[3] the cache folder. Prints seconds, services loaded, services left out.
PREFILTERED = """
import sys, time
from datetime import date
from pathlib import Path
from intake.directory.snapshot_loader import load_snapshot_for
from intake.intake_model import load_intake
from intake.rules import load_rules
from intake.store import open_database
database = open_database(f"sqlite:///{sys.argv[1]}")
today = date.today()
intake, rules = load_intake(Path(sys.argv[2]), today=today), load_rules()
start = time.perf_counter()
snapshot = load_snapshot_for(database, intake, rules, today=today, cache_dir=Path(sys.argv[3]))
print(time.perf_counter() - start, len(snapshot), snapshot.left_out)
"""


def national_database(services: int) -> Path:
    from generate_directory import generate

    folder = OUT / f"directory-{services}-services-seed1"
    if not (folder / "services.csv").exists():
        generate(folder, services=services, locations=services // 4)
    path = OUT / f"national-{services}.db"
    if not path.exists():
        from intake.directory.hsds import import_directory
        from intake.store import open_database

        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        database = open_database(f"sqlite:///{partial}")
        import_directory(database, folder)
        database.dispose()
        partial.rename(path)
    return path


def seconds(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def median_seconds(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(seconds(command, env) for _ in range(runs))


def snapshot_load_seconds(path: Path, runs: int) -> float:
    code = (
        "import time; from intake.store import open_database;"
        "from intake.directory.snapshot_loader import load_snapshot;"
        f"db = open_database('sqlite:///{path}'); t = time.perf_counter(); load_snapshot(db);"
        "print(time.perf_counter() - t)"
    )
    values = [
        float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                             text=True).stdout)
        for _ in range(runs)
    ]  # fmt: skip
    return statistics.median(values)


def prefiltered_load(path: Path, cache: Path) -> tuple[float, int, int]:
    """(seconds, services loaded, services left out) of one load_snapshot_for."""
    out = subprocess.run(
        [sys.executable, "-c", PREFILTERED, str(path), str(INTAKE), str(cache)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    path = national_database(args.services)
    intake = str(Path(sys.executable).parent / "intake")
    data = OUT / "match-command-data"  # the commands' own data folder, fresh each time
    shutil.rmtree(data, ignore_errors=True)
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    cache = data / "prefiltered-cache"

    floor = median_seconds([sys.executable, "-c", "import sqlmodel"], args.runs)
    load = snapshot_load_seconds(path, args.runs)
    cold_load, loaded, left_out = prefiltered_load(path, cache)
    warm_load = statistics.median(prefiltered_load(path, cache)[0] for _ in range(args.runs))
    command = [intake, "--database", f"sqlite:///{path}", "match", "--intake", str(INTAKE),
               "--format", "json"]  # fmt: skip
    first = seconds(command, env)
    whole = median_seconds(command, args.runs, env)
    shutil.rmtree(data, ignore_errors=True)

    print(f"services                             {args.services:>10,}")
    print(f"snapshot load, whole (in process)    {load:>10.2f} s")
    print(
        f"snapshot load for the intake         {warm_load:>10.2f} s  ({loaded:,} services "
        f"loaded, {left_out:,} counted only)"
    )
    print(f"  first after an import (no cache)   {cold_load:>10.2f} s")
    print(f"python -c 'import sqlmodel'          {floor:>10.2f} s")
    print(f"intake match, first after an import  {first:>10.2f} s")
    verdict = "  OVER TARGET" if whole > 2 * floor else ""
    print(f"intake match, whole command          {whole:>10.2f} s  = {whole / floor:.1f}x "
          f"the import (target <= 2.0x){verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
