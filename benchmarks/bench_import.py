"""Import benchmark: a national-size HSDS 3.0 directory into a fresh SQLite file.

    python benchmarks/bench_import.py                       # 100,000 services, 3 runs
    python benchmarks/bench_import.py --services 1000 10000 100000 --runs 3

The directory (services / 4 locations, ~11 rows per service over 12 tables) is generated
once by generate_directory.py and cached under benchmarks/out/. Each run is a fresh
Python process that opens a new SQLite file (migrations applied) and calls
`intake.directory.hsds.import_directory` on the folder; it reports the wall time of the
import call, of the whole process, and the process's peak resident memory (ru_maxrss).
The figures shown are medians over the runs. Nothing fails on a miss: a row over the
targets says so.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
GENERATOR = HERE / "generate_directory.py"
TAXONOMY_FILE = REPO / "resources" / "taxonomy" / "intake.toml"

NATIONAL_SERVICES = 100_000
TARGET_SECONDS = 15.0
TARGET_MB = 300.0


@dataclass(frozen=True, slots=True)
class Run:
    import_seconds: float
    process_seconds: float
    peak_mb: float
    baseline_mb: float  # after Python, intake and the importer are loaded, before the import
    database_mb: float
    counts: dict[str, int]
    errors: list[str]
    warnings: int


@dataclass(frozen=True, slots=True)
class Result:
    services: int
    generated: dict[str, int]
    runs: list[Run]

    def median(self, name: str) -> float:
        return statistics.median(getattr(run, name) for run in self.runs)

    @property
    def over(self) -> list[str]:
        misses = []
        if self.median("import_seconds") >= TARGET_SECONDS:
            misses.append("time")
        if self.median("peak_mb") >= TARGET_MB:
            misses.append("memory")
        return misses


# -- the directory, generated once -----------------------------------------------------------


def _generator_key(services: int, locations: int, seed: int) -> str:
    """Changes whenever the generated files could: the generator, the taxonomy, the places."""
    digest = hashlib.sha256()
    for path in (GENERATOR, TAXONOMY_FILE):
        digest.update(path.read_bytes())
    digest.update(metadata.version("zipcodes").encode())
    digest.update(f"{services}/{locations}/{seed}".encode())
    return digest.hexdigest()


def cached_directory(services: int, seed: int) -> tuple[Path, dict[str, int]]:
    """The generated directory folder and its row counts, generating it when needed."""
    from generate_directory import generate

    locations = services // 4
    folder = OUT / f"directory-{services}-services-seed{seed}"
    stamp = folder / ".generated.json"
    key = _generator_key(services, locations, seed)
    if stamp.exists():
        saved = json.loads(stamp.read_text(encoding="utf-8"))
        if saved.get("key") == key:
            return folder, saved["counts"]
    shutil.rmtree(folder, ignore_errors=True)
    print(f"generating {services:,} services into {folder} (once) ...", file=sys.stderr)
    started = time.perf_counter()
    counts = generate(folder, services=services, locations=locations, seed=seed)
    print(f"  generated in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    stamp.write_text(json.dumps({"key": key, "counts": counts}), encoding="utf-8")
    return folder, counts


# -- one run, in its own process -------------------------------------------------------------


def _peak_mb() -> float:
    """This process's peak resident memory in MB.

    On Linux the high-water mark of /proc/self/status (VmHWM): there, ru_maxrss of a
    started process also counts its parent's peak (the kernel keeps it across exec), so the
    benchmark's own ~170 MB would hide a smaller import."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, else KiB


def _as_counts(counts: Any) -> dict[str, int]:
    return {str(k): int(v) for k, v in dict(counts).items()}


def child_run(directory: Path, database_file: Path) -> dict[str, Any]:
    """Import `directory` into a new SQLite file; what the parent needs, as plain data."""
    from intake.directory.hsds import import_directory
    from intake.problems import InputError
    from intake.store import open_database

    baseline = _peak_mb()
    database = open_database(f"sqlite:///{database_file}")
    started = time.perf_counter()
    try:
        report = import_directory(database, directory)
        counts, problems = _as_counts(report.counts), list(report.problems)
    except InputError as exc:  # the import refused the directory and rolled back
        counts, problems = {}, exc.problems
    seconds = time.perf_counter() - started
    database.dispose()
    return {
        "import_seconds": seconds,
        "peak_mb": _peak_mb(),
        "baseline_mb": baseline,
        "database_mb": database_file.stat().st_size / 2**20,
        "counts": counts,
        "errors": [str(p) for p in problems if p.severity == "error"][:10],
        "warnings": sum(1 for p in problems if p.severity == "warning"),
    }


def run_once(directory: Path) -> Run:
    with tempfile.TemporaryDirectory(prefix="intake-bench-") as scratch:
        database_file = Path(scratch) / "intake.db"
        command = [sys.executable, str(Path(__file__).resolve()), "--child"]
        command += [str(directory), str(database_file)]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        process_seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"the import process failed (exit {done.returncode})")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return Run(process_seconds=process_seconds, **data)


def measure(services: int, runs: int, seed: int) -> Result:
    directory, generated = cached_directory(services, seed)
    results = []
    for number in range(1, runs + 1):
        run = run_once(directory)
        print(
            f"  {services:>9,} services, run {number}/{runs}: {run.import_seconds:6.2f} s, "
            f"{run.peak_mb:6.0f} MB",
            file=sys.stderr,
        )
        results.append(run)
    return Result(services, generated, results)


# -- the report ------------------------------------------------------------------------------


def print_summary(results: Sequence[Result], runs: int) -> None:
    print()
    print(
        f"HSDS import into SQLite: median of {runs} run(s); "
        f"targets < {TARGET_SECONDS:g} s and < {TARGET_MB:g} MB peak"
    )
    header = (
        f"{'services':>10} {'rows':>10} {'import s':>9} {'process s':>10} "
        f"{'peak MB':>8} {'base MB':>8} {'db MB':>7}  verdict"
    )
    print(header)
    print("-" * len(header))
    for result in results:
        verdict = "ok" if not result.over else "OVER TARGET (" + ", ".join(result.over) + ")"
        if any(run.errors for run in result.runs):
            verdict = "IMPORT FAILED (errors below)"
        print(
            f"{result.services:>10,} {sum(result.generated.values()):>10,} "
            f"{result.median('import_seconds'):>9.2f} {result.median('process_seconds'):>10.2f} "
            f"{result.median('peak_mb'):>8.0f} {result.median('baseline_mb'):>8.0f} "
            f"{result.median('database_mb'):>7.0f}  {verdict}"
        )


def print_rows(results: Sequence[Result]) -> None:
    """Rows per table: generated, and imported where the importer's count differs."""
    print()
    tables = list(results[0].generated)
    print(f"{'rows per table':<22}" + "".join(f"{r.services:>14,}" for r in results))
    for table in tables:
        cells = []
        for result in results:
            generated = result.generated.get(table, 0)
            imported = result.runs[-1].counts.get(table)
            if imported is None or imported == generated:
                cell = f"{generated:,}" if result.runs[-1].counts else f"-/{generated:,}"
            else:
                cell = f"{imported:,}/{generated:,}"
            cells.append(f"{cell:>14}")
        print(f"{table:<22}" + "".join(cells))


def print_problems(results: Sequence[Result]) -> None:
    for result in results:
        run = result.runs[-1]
        if run.errors or run.warnings:
            print(
                f"\n{result.services:,} services: the importer reported "
                f"{len(run.errors)}+ error(s), {run.warnings} warning(s)"
            )
            for line in run.errors:
                print(f"  {line}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--services",
        type=int,
        nargs="+",
        default=[NATIONAL_SERVICES],
        help="directory sizes to measure (default 100000; e.g. 1000 10000 100000)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median shown)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(child_run(*args.child)))
        return 0
    results = [measure(n, max(1, args.runs), args.seed) for n in args.services]
    print_summary(results, max(1, args.runs))
    print_rows(results)
    print_problems(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
