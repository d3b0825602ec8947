"""`intake match` as a whole command on the national-size directory, and what it spends.

    .venv/bin/python benchmarks/bench_match_command.py [--services 100000] [--runs 5]

Imports the generated national directory (benchmarks/generate_directory.py; cached under
benchmarks/out/) into an SQLite file once, then prints, medians of --runs:
- the time to load the directory snapshot from the database, in process;
- `python -c "import sqlmodel"`, the floor for any command that reads the database;
- `intake --database URL match --intake FILE --format json`, start to exit.
Target: the whole command <= 2x the sqlmodel import. Prints figures; asserts nothing.
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
INTAKE = HERE.parent / "resources" / "examples" / "intakes" / "unhoused_injecting_fentanyl_safety.json"


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


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    ]
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    path = national_database(args.services)
    intake = str(Path(sys.executable).parent / "intake")
    floor = median_seconds([sys.executable, "-c", "import sqlmodel"], args.runs)
    load = snapshot_load_seconds(path, args.runs)
    whole = median_seconds(
        [intake, "--database", f"sqlite:///{path}", "match", "--intake", str(INTAKE),
         "--format", "json"],
        args.runs,
    )
    print(f"services                      {args.services:>10,}")
    print(f"snapshot load (in process)    {load:>10.2f} s")
    print(f"python -c 'import sqlmodel'   {floor:>10.2f} s")
    print(f"intake match, whole command   {whole:>10.2f} s  = {whole / floor:.1f}x the import "
          f"(target <= 2.0x){'  OVER TARGET' if whole > 2 * floor else ''}")


if __name__ == "__main__":
    main()
