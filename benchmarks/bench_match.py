"""How long matching takes per intake on directories of 1,000 to 100,000 services.

    .venv/bin/python benchmarks/bench_match.py                      # 1k, 10k, 100k
    .venv/bin/python benchmarks/bench_match.py --sizes 1000 100000 --repeat 7

Builds synthetic directories in memory (ServiceViews with a realistic code mix, placed
around ~300 US cities from the `zipcodes` package; no database), then for each size
prints the time to build the directory's index (the first plan pays it once per
snapshot) and the median time of `make_plan` per intake after that, for a handful of
intakes: the example intakes placed in a big city and in Billings, without a postal
code, and without a distance limit. Target: <= 20 ms per intake at 100,000 services,
growing no worse than linearly. Prints figures; asserts nothing. On a busy machine the
medians wander; the "best of its runs" line shows what the code itself costs.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import statistics
import time
from collections.abc import Callable
from datetime import date

import zipcodes

from intake.directory.snapshot import DirectorySnapshot, Place, ServiceView
from intake.intake_model import Intake, parse_intake
from intake.paths import resource_path
from intake.rules import RuleSet, load_rules, make_plan
from intake.rules.index import index_for

TODAY = date(2026, 11, 23)
TARGET_MS = 20.0
CITY_COUNT = 300

# (code, weight): common services first, rare ones (crisis lines, OPS) last.
TYPES = [
    ("treatment.outpatient", 14), ("health.mental_health", 10), ("twelve_step.meeting", 10),
    ("medication.buprenorphine", 6), ("health.primary_care", 6),
    ("treatment.intensive_outpatient", 5),
    ("peer_support.recovery_coach", 4), ("basic_needs.food", 4), ("basic_needs.shelter", 3),
    ("harm_reduction.naloxone", 4), ("harm_reduction.syringe_services", 2),
    ("harm_reduction.hiv_hcv_testing", 2), ("harm_reduction.test_strips", 2),
    ("secular_mutual_aid.meeting", 3), ("treatment.residential", 3),
    ("treatment.withdrawal_management", 2), ("medication.methadone", 1),
    ("medication.naltrexone", 2), ("medication.nicotine_replacement", 1),
    ("moderation.program", 1), ("basic_needs.recovery_housing", 2), ("basic_needs.legal", 1),
    ("basic_needs.transportation", 1), ("health.perinatal", 1),
    ("peer_support.recovery_community", 1),
    ("crisis.stabilization", 1), ("crisis.hotline", 0.3), ("crisis.overdose_spotting", 0.1),
    ("harm_reduction.overdose_prevention_site", 0.05),
]  # fmt: skip
FEATURES = [
    ("payment.medicaid", 0.5), ("payment.private", 0.4), ("payment.medicare", 0.25),
    ("payment.sliding_scale", 0.3), ("payment.free", 0.3), ("payment.va", 0.04),
    ("approach.walk_in", 0.15), ("approach.low_barrier", 0.08), ("approach.faith_based", 0.05),
    ("requirement.abstinence", 0.06), ("population.adolescent", 0.03), ("population.veteran", 0.03),
    ("population.women", 0.03), ("population.men", 0.02), ("population.pregnant", 0.02),
    ("population.lgbtq", 0.01), ("population.justice_involved", 0.02),
    ("substance.alcohol", 0.08), ("substance.opioids", 0.08), ("substance.methamphetamine", 0.02),
]  # fmt: skip
LANGUAGES = [((), 70), (("en", "es"), 15), (("es",), 2), (("en",), 8), (("en", "vi"), 2),
             (("en", "zh"), 2), (("en", "ar"), 1)]  # fmt: skip


def cities(rng: random.Random) -> list[tuple[float, float]]:
    rows = [r for r in zipcodes.list_all() if r["zip_code_type"] == "STANDARD" and r["active"]]
    picked = [*rng.sample(rows, CITY_COUNT - 1), zipcodes.matching("59101")[0]]
    return [(float(r["lat"]), float(r["long"])) for r in picked]


def synthetic_directory(size: int, seed: int = 1) -> DirectorySnapshot:
    rng = random.Random(seed)
    centers = cities(rng)
    # City sizes fall off like US metro areas (the largest holds ~6% of all services);
    # Billings, where the example intakes live, is made as big as the largest: the
    # densest case a national directory gives.
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(centers))]
    weights[-1] = weights[0]
    type_codes, type_weights = zip(*TYPES, strict=True)
    languages, language_weights = zip(*LANGUAGES, strict=True)
    services = []
    for i in range(size):
        codes = set(rng.choices(type_codes, type_weights, k=rng.choice((1, 1, 2, 3))))
        codes |= {code for code, share in FEATURES if rng.random() < share}
        remote = rng.random() < 0.06
        if remote:
            codes.add(rng.choice(("format.online", "format.phone")))
        places: tuple[Place, ...] = ()
        if not remote:
            lat, lon = rng.choices(centers, weights)[0]
            places = tuple(
                Place(
                    f"l{i}-{n}",
                    address=f"{i} Main St",
                    point=(lat + rng.gauss(0, 0.12), lon + rng.gauss(0, 0.16)),
                )
                for n in range(rng.choice((1, 1, 1, 2)))
            )
        ages = rng.random()
        services.append(
            ServiceView(
                id=f"svc-{i:06d}",
                name=f"Service {rng.randrange(size // 3 + 1)}",
                organization_name=f"Organization {i // 4}",
                status="active" if rng.random() < 0.97 else "temporarily closed",
                codes=frozenset(codes),
                minimum_age=18.0 if ages < 0.12 else (12.0 if ages < 0.15 else None),
                maximum_age=17.0 if 0.12 <= ages < 0.15 else None,
                languages=rng.choices(languages, language_weights)[0],
                places=places,
                phones=(f"406-555-01{i % 100:02d}",),
            )
        )
    return DirectorySnapshot(version=f"synthetic-{size}", services=tuple(services))


def intakes() -> dict[str, Intake]:
    found: dict[str, Intake] = {}
    for path in sorted(resource_path("examples", "intakes").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[path.stem] = parse_intake(data, today=TODAY)
    picks = {
        "pregnant, Billings, 30 km": found["pregnant_opioids_reduced_use"],
        "unhoused, Billings, 5 km": found["unhoused_injecting_fentanyl_safety"],
        "16-year-old, Billings, 15 km": found["adolescent_cannabis_alcohol"],
        "Spanish speaker, Billings, 25 km": found["spanish_speaker_methamphetamine"],
        "alias only: no postal code": found["minimal_alias_only"],
    }
    seizures = found["alcohol_withdrawal_seizures_abstinence"]
    assert seizures.preferences is not None
    no_limit = seizures.preferences.model_copy(update={"max_distance_km": None})
    picks["seizures, no distance limit"] = seizures.model_copy(update={"preferences": no_limit})
    return picks


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def run(sizes: list[int], repeat: int) -> None:
    rules: RuleSet = load_rules(resource_path("rules"))
    cases = intakes()
    print(f"make_plan per intake, median of {repeat} runs after the index is built (ms)")
    header = f"{'intake':36}" + "".join(f"{size:>12,}" for size in sizes)
    rows: dict[str, list[float]] = {name: [] for name in cases}
    fastest: dict[str, list[float]] = {name: [] for name in cases}
    build: list[float] = []
    index_ms: list[float] = []
    for size in sizes:
        start = time.perf_counter()
        snapshot = synthetic_directory(size)
        build.append((time.perf_counter() - start) * 1000)
        index_ms.append(timed(functools.partial(index_for, snapshot, rules)))
        for name, intake in cases.items():
            plan = functools.partial(make_plan, intake, snapshot, rules, today=TODAY)
            runs = [timed(plan) for _ in range(repeat)]
            rows[name].append(statistics.median(runs))
            fastest[name].append(min(runs))
    print(header)
    print("-" * len(header))
    for name, values in rows.items():
        print(f"{name:36}" + "".join(f"{v:>12.1f}" for v in values))
    medians = [statistics.median(v[i] for v in rows.values()) for i in range(len(sizes))]
    print("-" * len(header))
    print(f"{'median of the intakes':36}" + "".join(f"{v:>12.1f}" for v in medians))
    print(
        f"{'slowest intake':36}"
        + "".join(f"{max(v[i] for v in rows.values()):>12.1f}" for i in range(len(sizes)))
    )
    print(
        f"{'slowest intake, best of its runs':36}"
        + "".join(f"{max(v[i] for v in fastest.values()):>12.1f}" for i in range(len(sizes)))
    )
    print(f"{'index build, once per snapshot':36}" + "".join(f"{v:>12.1f}" for v in index_ms))
    print(f"{'(generating the directory)':36}" + "".join(f"{v:>12.1f}" for v in build))
    if len(sizes) > 1:
        growth = (medians[-1] / medians[0]) / (sizes[-1] / sizes[0])
        print(f"\ngrowth {sizes[0]:,} -> {sizes[-1]:,}: {growth:.2f} of linear (1.00 = linear)")
    slowest = max(max(v) for v in rows.values())
    if 100_000 in sizes:
        at_100k = max(v[sizes.index(100_000)] for v in rows.values())
        verdict = "within" if at_100k <= TARGET_MS else "OVER TARGET"
        print(f"slowest intake at 100,000 services: {at_100k:.1f} ms ({verdict} {TARGET_MS:g} ms)")
    else:
        print(f"slowest intake: {slowest:.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    run(args.sizes, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
