"""How long exporting 10,000 stored referrals takes, to CSV and to FHIR (and JSON, report).

    .venv/bin/python benchmarks/bench_exports.py                    # 10,000 referrals, 3 runs
    .venv/bin/python benchmarks/bench_exports.py --referrals 50000 --runs 5 --seed 2

Fills a fresh SQLite file (`open_database`, migrations applied) under `benchmarks/out/`
with a synthetic clinic by fast bulk inserts: ~3,000 finished intakes of ~2,300 clients
(a fifth of them aliases, most with a date of birth, some seen more than once) over
the past year, each with the full answers document of an example intake, 1-6 referrals
each (to ~300 services of ~75 organizations, with reasons, some notes, statuses from
the closed loop) up to the number asked, plus some drafts (never exported). Then times
each export function on that database: the first (cold) call, then the median wall and
CPU time of the runs after it (CPU time is steadier on a busy machine), and prints the
figures with the machine's load average (other work running at the same time slows
the wall times). Targets (issue 5): CSV and FHIR <= 5 s each at 10,000 referrals.
With --verify, the FHIR file written is also run through the R4B Bundle model whole
(what the export's fast check stands in for). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from intake.exports import export_csv, export_fhir, export_json, export_report
from intake.exports.fhir_codes import REFERRAL_STATUSES
from intake.paths import resource_path
from intake.store import Database, open_database
from intake.store.records_tables import Client, Intake, Referral
from intake.taxonomy import load_taxonomy

TARGET_S = 5.0
OUT = Path(__file__).resolve().parent / "out"
START = dt.datetime(2025, 11, 23, 8, 0, tzinfo=dt.UTC)
FIRST = ["Maria", "José", "Nguyễn", "Aisha", "Sam", "Dana", "Wei", "Olga", "Kofi", "Lucía"]
LAST = ["López", "Smith", "Trần", "Khan", "Running Bear", "O'Neil", "王", "Ivanova", "Mensah"]
ALIASES = ["Sky", "River", "J", "Blue", "Ace", "Mo", "Star", "K.", "Red", "Dove"]
REASONS = [
    "Matches goal: safety", "Matches goal: reduced use", "Matches goal: abstinence", "Free",
    "Sliding scale", "Takes Medicaid", "Speaks Spanish", "Walk-in", "Low barrier",
    "3.2 km away", "12 km away", "Safety first: naloxone", "Online",
]  # fmt: skip
COUNSELORS = ["Dana Whitehorse", "Luis Ortega", "Kim Park", "Alex Moreau", None]


def build(path: Path, referrals: int, seed: int) -> tuple[int, int, int]:
    """A fresh database at `path` holding `referrals` referrals; returns row counts."""
    for stale in path.parent.glob(f"{path.name}*"):
        stale.unlink()
    rng = random.Random(seed)
    database = open_database(f"sqlite:///{path}")
    examples = _examples()
    services = _services(rng)
    clients: list[dict[str, Any]] = []
    intakes: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    while len(rows) < referrals:
        if clients and rng.random() < 0.25:
            client = rng.choice(clients)  # a returning client
        else:
            client = _client(rng)
            clients.append(client)
        intake = _intake(rng, client, examples)
        intakes.append(intake)
        for position, service in enumerate(rng.sample(services, rng.randint(1, 6))):
            if len(rows) < referrals:
                rows.append(_referral(rng, intake, service, position))
    drafts = [_draft(rng, examples) for _ in range(max(1, referrals // 100))]
    with database.engine.begin() as connection:
        connection.execute(insert(Client), clients)
        connection.execute(insert(Intake), intakes + drafts)
        connection.execute(insert(Referral), rows)
    database.dispose()
    return len(clients), len(intakes), len(rows)


def _examples() -> list[dict[str, Any]]:
    folder = resource_path("examples", "intakes")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def _services(rng: random.Random) -> list[dict[str, Any]]:
    taxonomy = load_taxonomy()
    types = [term.code for code in taxonomy.pathway_codes() for term in taxonomy.types_of(code)]
    organizations = [f"{rng.choice(LAST)} Community Health {n}" for n in range(75)]
    services = []
    for n in range(300):
        code = rng.choice(types)
        services.append(
            {
                "service_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "service_name": f"{taxonomy.label(code)} #{n}",
                "organization_name": rng.choice(organizations),
                "pathway": code.split(".")[0],
                "types": [code],
            }
        )
    return services


def _client(rng: random.Random) -> dict[str, Any]:
    alias = rng.random() < 0.2
    name = rng.choice(ALIASES) if alias else f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    born = None
    if not alias and rng.random() < 0.85:
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55))
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "name": name,
        "is_alias": alias,
        "date_of_birth": born,
        "created_at": START,
        "updated_at": START,
    }


def _intake(rng: random.Random, client: dict[str, Any], examples: list[Any]) -> dict[str, Any]:
    answers = json.loads(json.dumps(rng.choice(examples)))
    answers["client"]["name"] = client["name"]
    finished = START + dt.timedelta(minutes=rng.randrange(365 * 24 * 60))
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "client_id": client["id"],
        "status": "final",
        "answers": answers,
        "counselor": rng.choice(COUNSELORS),
        "rules_version": "bundled:1",
        "directory_version": "bench",
        "created_at": finished - dt.timedelta(minutes=25),
        "updated_at": finished,
        "finished_at": finished,
    }


def _draft(rng: random.Random, examples: list[Any]) -> dict[str, Any]:
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "client_id": None,
        "status": "draft",
        "answers": rng.choice(examples),
        "counselor": None,
        "rules_version": None,
        "directory_version": None,
        "created_at": START,
        "updated_at": START,
        "finished_at": None,
    }


def _referral(
    rng: random.Random, intake: dict[str, Any], service: dict[str, Any], position: int
) -> dict[str, Any]:
    urgent = rng.random() < 0.05
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "intake_id": intake["id"],
        **service,
        "reasons": rng.sample(REASONS, rng.randint(1, 4)),
        "urgent": urgent,
        "safety_net": urgent or rng.random() < 0.25,
        "added_by_counselor": rng.random() < 0.03,
        "note": "Call together on Monday" if rng.random() < 0.2 else None,
        "status": rng.choices(REFERRAL_STATUSES, k=1)[0] if rng.random() < 0.6 else "pending",
        "position": position,
        "created_at": intake["finished_at"],
    }


def timed(run: Callable[[], Any], runs: int) -> tuple[float, float, float, Any]:
    """Wall time of the first (cold) call, then median wall and CPU times of `runs` more."""
    start = time.perf_counter()
    result = run()
    cold = time.perf_counter() - start
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return cold, statistics.median(walls), statistics.median(cpus), result


def verify(bundle: Path) -> None:
    """The written Bundle through the R4B models, every resource, no shortcut."""
    from fhir.resources.R4B.bundle import Bundle

    start = time.perf_counter()
    Bundle.model_validate_json(bundle.read_bytes())
    print(f"\nverify: {bundle.name} is a valid R4B Bundle ({time.perf_counter() - start:.2f} s)")


def _load() -> str:
    try:
        return " ".join(f"{n:.2f}" for n in os.getloadavg())
    except OSError:  # not available on this platform
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--referrals", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verify", action="store_true", help="validate the Bundle whole")
    args = parser.parse_args(argv)

    OUT.mkdir(exist_ok=True)
    path = OUT / f"exports-{args.referrals}-seed{args.seed}.db"
    start = time.perf_counter()
    clients, intakes, referrals = build(path, args.referrals, args.seed)
    fill_s = time.perf_counter() - start
    print(
        f"database: {referrals:,} referrals, {intakes:,} intakes, {clients:,} clients "
        f"({path.stat().st_size / 1e6:.1f} MB, filled in {fill_s:.1f} s)"
    )
    database: Database = open_database(f"sqlite:///{path}")
    exports: list[tuple[str, Path, Callable[[Path], Any], float | None]] = [
        ("csv", OUT / "referrals.csv", lambda p: export_csv(database, p), TARGET_S),
        ("fhir", OUT / "bundle.json", lambda p: export_fhir(database, p), TARGET_S),
        ("json", OUT / "referrals.json", lambda p: export_json(database, p), None),
        ("report", OUT / "report.csv", lambda p: export_report(database, p), None),
    ]
    print(f"load average before: {_load()}")
    print(f"\n{'export':8}{'cold s':>8}{'wall s':>8}{'cpu s':>8}{'MB':>7}{'rows':>8}  target")
    print("-" * 64)
    for name, out, run, target in exports:
        cold, wall, cpu, result = timed(lambda out=out, run=run: run(out), args.runs)
        verdict = ""
        if target is not None:
            verdict = f"<= {target:g} s {'ok' if max(cold, wall) <= target else 'OVER TARGET'}"
        size = out.stat().st_size / 1e6
        print(
            f"{name:8}{cold:>8.2f}{wall:>8.2f}{cpu:>8.2f}{size:>7.1f}{result.referrals:>8,}  "
            f"{verdict}"
        )
    database.dispose()
    if args.verify:
        verify(OUT / "bundle.json")
    print(f"load average after: {_load()}")
    print(
        f"\ncold: the first call in this process (imports, model schemas); wall and cpu: "
        f"medians of {args.runs} more runs. Files in {OUT}"
    )
    return 0  # figures only: a miss is reported above, never a failure


if __name__ == "__main__":
    sys.exit(main())
