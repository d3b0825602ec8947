"""Letters benchmark: a provider letter, a handout and a batch of 100 letters, against a bare
reportlab one-page document measured in the same run.

    python benchmarks/bench_letters.py [--runs 15] [--batch 100]

Two comparisons, both against the bare page:
- warm, in one process (fonts registered, modules imported): the median time to build a
  bare one-page reportlab document to bytes, and to compose + render + write a provider
  letter (3-4 pages with the 42 CFR part 2 notice and the return slip) or a handout;
- cold, whole processes (`python -c ...`, median of 5): import + build the bare page, and
  import intake.letters + make one provider letter from an intake file.
Then 100 provider letters written one after another, without and with recording each in
the accounting of disclosures (one transaction per letter, SQLite file). The letter's row
is split into composing + rendering to bytes and writing the file (its two fsyncs vary
with the disk), for reading the figures; the comparison stays the whole letter.

Targets: a letter <= 2x the bare page; 100 letters <= 5 s. Nothing fails on a miss: a
row over its target says so.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
INTAKE_FILE = REPO / "resources" / "examples" / "intakes" / "consent_named_recipient.json"
METHADONE = "f0423af4-fc06-5f52-a8c5-daf007a021ea"
TODAY = date(2026, 11, 23)
LETTER_FACTOR = 2.0
BATCH_SECONDS = 5.0

BARE_PAGE = """
import io
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer
def bare_page(pages=1):
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=LETTER, title="Referral", author="Clinic")
    story = [Paragraph("Harbor Light Community Clinic", styles["Title"])]
    for page in range(pages):
        if page:
            story.append(PageBreak())
        for n in range(8):
            story += [Paragraph(f"Section {n}", styles["Heading3"]),
                      Paragraph("A plain paragraph of letter text, about as long as one in a "
                                "referral letter, set in the standard Helvetica font. " * 2,
                                styles["BodyText"]), Spacer(1, 4)]
    doc.build(story)
    return buffer.getvalue()
"""

COLD_BARE = BARE_PAGE + "\nbare_page()\n"
COLD_LETTER = f"""
import sys, tempfile, datetime
from pathlib import Path
from intake.directory.snapshot import Place, ServiceView
from intake.intake_model import load_intake
from intake.letters import make_provider_letter
from intake.settings import ClinicSettings
service = ServiceView(id={METHADONE!r}, name="Methadone treatment",
    organization_name="Rimview Opioid Treatment Program",
    places=(Place("loc", address="2326 Central Ave, Billings, MT 59102"),),
    phones=("406-555-0103",), codes=frozenset({{"medication.methadone"}}))
intake = load_intake({str(INTAKE_FILE)!r}, today=datetime.date(2026, 11, 23))
with tempfile.TemporaryDirectory() as folder:
    make_provider_letter(intake, service, Path(folder) / "l.pdf",
        settings=ClinicSettings(clinic_name="Harbor Light"), today=datetime.date(2026, 11, 23))
"""


def timed(fn: Callable[[], object], runs: int) -> float:
    """Median seconds of `runs` calls (after one warm-up call)."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_seconds(code: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def verdict(value: float, limit: float) -> str:
    return "ok" if value <= limit else "OVER TARGET"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()

    namespace: dict[str, object] = {}
    exec(BARE_PAGE, namespace)
    bare_page: Callable[[], bytes] = namespace["bare_page"]  # type: ignore[assignment]

    from intake.directory.demo import demo_directory_path
    from intake.directory.hsds import import_directory
    from intake.directory.snapshot_loader import load_snapshot
    from intake.intake_model import load_intake
    from intake.letters import (
        compose_provider_letter,
        make_handout,
        make_provider_letter,
        render_provider_letter,
        write_atomically,
    )
    from intake.records import ChosenReferral, record_intake
    from intake.rules import load_rules, make_plan
    from intake.settings import ClinicSettings
    from intake.store.db import open_database

    settings = ClinicSettings(
        clinic_name="Harbor Light Community Clinic",
        address="410 N 27th St, Suite 200\nBillings, MT 59101",
        phone="406-555-0199",
        counselor_name="Dana Whitcomb",
        counselor_credentials="LCSW, LAC",
    )
    intake = load_intake(INTAKE_FILE, today=TODAY)

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        database = open_database(f"sqlite:///{folder / 'bench.db'}")
        import_directory(database, demo_directory_path())
        snapshot = load_snapshot(database)
        service = snapshot.get(METHADONE)
        assert service is not None
        chosen = [service, *[s for s in snapshot.services if s.has("health.primary_care")][:2]]
        plan = make_plan(intake, snapshot, load_rules(), today=TODAY)
        intake_id = record_intake(
            database, intake, chosen=[ChosenReferral(METHADONE)], plan=plan, counselor=None
        )

        def letter(n: int = 0, record: bool = False) -> object:
            return make_provider_letter(
                intake, service, folder / f"letter-{n}.pdf", settings=settings,
                directory=snapshot, today=TODAY,
                database=database if record else None, intake_id=intake_id if record else None,
            )  # fmt: skip

        def handout() -> object:
            return make_handout(
                intake, chosen, folder / "handout.pdf", settings=settings, directory=snapshot,
                today=TODAY,
            )  # fmt: skip

        def letter_bytes() -> bytes:
            composed = compose_provider_letter(
                intake, service, settings=settings, today=TODAY, reference="0000BENC"
            )
            return render_provider_letter(composed, paper=settings.paper_size)

        bare = timed(bare_page, args.runs)
        one_letter = timed(letter, args.runs)
        in_memory = timed(letter_bytes, args.runs)
        letter_pdf = letter_bytes()
        writing = timed(lambda: write_atomically(folder / "written.pdf", letter_pdf), args.runs)
        one_handout = timed(handout, args.runs)
        pages = _pages(folder / "letter-0.pdf"), _pages(folder / "handout.pdf")
        bare_same_length = timed(lambda: bare_page(pages[0]), args.runs)

        start = time.perf_counter()
        for n in range(args.batch):
            letter(n)
        batch = time.perf_counter() - start
        start = time.perf_counter()
        for n in range(args.batch):
            letter(n, record=True)
        batch_recorded = time.perf_counter() - start
        database.dispose()

    cold_bare = process_seconds(COLD_BARE)
    cold_letter = process_seconds(COLD_LETTER)

    ms = 1000.0
    print(f"letters benchmark (median of {args.runs} warm runs; cold: median of 5 processes)")
    print(f"  bare reportlab page, warm        {bare * ms:8.1f} ms")
    print(
        f"  provider letter ({pages[0]} pages), warm {one_letter * ms:6.1f} ms  "
        f"= {one_letter / bare:4.2f}x bare  "
        f"[target <= {LETTER_FACTOR:.0f}x: {verdict(one_letter, LETTER_FACTOR * bare)}]"
    )
    print(
        f"    of which composed + rendered   {in_memory * ms:6.1f} ms  "
        f"= {in_memory / bare:4.2f}x bare; written (temp file, fsync, rename, fsync folder) "
        f"{writing * ms:.1f} ms"
    )
    print(
        f"  client handout ({pages[1]} pages), warm  {one_handout * ms:6.1f} ms  "
        f"= {one_handout / bare:4.2f}x bare  "
        f"[target <= {LETTER_FACTOR:.0f}x: {verdict(one_handout, LETTER_FACTOR * bare)}]"
    )
    print(
        f"  bare reportlab, {pages[0]} pages, warm  {bare_same_length * ms:6.1f} ms  "
        f"(the letter = {one_letter / bare_same_length:4.2f}x a bare document of its length)"
    )
    print(f"  bare page, whole process         {cold_bare * ms:8.1f} ms")
    print(
        f"  one letter, whole process        {cold_letter * ms:8.1f} ms  "
        f"= {cold_letter / cold_bare:4.2f}x bare  "
        f"[target <= {LETTER_FACTOR:.0f}x: {verdict(cold_letter, LETTER_FACTOR * cold_bare)}]"
    )
    print(
        f"  {args.batch} letters, written          {batch:8.2f} s   "
        f"[target <= {BATCH_SECONDS:.0f} s: {verdict(batch, BATCH_SECONDS)}]"
    )
    print(
        f"  {args.batch} letters, written+recorded {batch_recorded:8.2f} s   "
        f"[target <= {BATCH_SECONDS:.0f} s: {verdict(batch_recorded, BATCH_SECONDS)}]"
    )
    return 0


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(path.read_bytes())).pages)


if __name__ == "__main__":
    sys.exit(main())
