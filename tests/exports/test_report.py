"""The de-identified report: counts by month, pathway and goal; 1-4 shown as <5; no totals."""

import csv
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from export_samples import (
    DRAFT_NAME,
    HOSTILE_COUNSELOR,
    HOSTILE_NAME,
    HOSTILE_NOTE,
    HOSTILE_SERVICE,
    MARIA,
    SKY,
    Clinic,
    at,
    record,
)
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import col, select

from intake.exports import export_report
from intake.exports.report import INTAKES, REFERRALS, shown
from intake.intake_model import Goal
from intake.problems import InputError
from intake.records import ChosenReferral
from intake.store.db import Database
from intake.store.records_tables import Referral
from intake.taxonomy import load_taxonomy

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
MONTH = re.compile(r"^\d{4}-\d{2}$")


@pytest.fixture
def busy_clinic(database: Database, clinic: Clinic) -> Clinic:
    """Six more safety intakes in January, each referred to naloxone: cells of 5 and more."""
    for n in range(6):
        record(
            database,
            clinic,
            name=f"Walk-in Person {n}",
            born=f"1985-01-0{n + 1}",
            goals=["safety"],
            refer=[ChosenReferral("svc-naloxone", note=f"Private note {n}")],
            when=at(f"2026-01-{10 + n}"),
        )
    return clinic


def report_csv(database: Database, out: Path, **options: Any) -> dict[tuple[str, str, str], str]:
    export_report(database, out, **options)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert all(list(row) == ["table", "month", "category", "count"] for row in rows)
    return {(r["table"], r["month"], r["category"]): r["count"] for r in rows}


def test_counts_by_month_pathway_and_goal_with_small_cells_suppressed(
    database: Database, busy_clinic: Clinic, tmp_path: Path
) -> None:
    cells = report_csv(database, tmp_path / "report.csv")
    # January: 2 (María) + 6 naloxone referrals in harm reduction; 1 crisis referral.
    assert cells[(REFERRALS, "2026-01", "harm_reduction")] == "8"
    assert cells[(REFERRALS, "2026-01", "crisis")] == "<5"
    assert cells[(REFERRALS, "2026-01", "medication")] == "0"
    assert cells[(REFERRALS, "2026-02", "harm_reduction")] == "<5"
    assert cells[(REFERRALS, "2026-03", "peer_support")] == "<5"
    # Intakes by goal: January has 7 with safety (María and six), 1 with reduced use.
    assert cells[(INTAKES, "2026-01", "safety")] == "7"
    assert cells[(INTAKES, "2026-01", "reduced_use")] == "<5"
    assert cells[(INTAKES, "2026-02", "abstinence")] == "<5"
    assert {month for _, month, _ in cells} == {"2026-01", "2026-02", "2026-03"}


def test_every_cell_is_zero_five_or_more_or_suppressed(
    database: Database, busy_clinic: Clinic, tmp_path: Path
) -> None:
    cells = report_csv(database, tmp_path / "report.csv")
    for count in cells.values():
        assert count == "<5" or count == "0" or int(count) >= 5


def test_no_totals_are_printed(database: Database, busy_clinic: Clinic, tmp_path: Path) -> None:
    cells = report_csv(database, tmp_path / "report.csv")
    pathways = set(load_taxonomy().pathway_codes())
    goals = {goal.value for goal in Goal}
    for table, month, category in cells:
        assert MONTH.match(month)
        assert category in (pathways if table == REFERRALS else goals)
    assert {table for table, _, _ in cells} == {REFERRALS, INTAKES}


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_the_report_holds_no_names_ids_dates_of_birth_or_free_text(
    database: Database, busy_clinic: Clinic, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"report{suffix}"
    export_report(database, out, now=NOW)
    text = out.read_text(encoding="utf-8")
    forbidden = [
        MARIA,
        SKY,
        HOSTILE_NAME,
        DRAFT_NAME,
        "Walk-in Person",
        "Private note",
        "Prefers mail",
        HOSTILE_NOTE.strip(),
        HOSTILE_COUNSELOR.strip(),
        "Dana",
        HOSTILE_SERVICE.service_name,
        HOSTILE_SERVICE.organization_name,
        "Naloxone by mail",
        "svc-",
        "1990",
        "1985",
        "-15",  # no day of a month
        *busy_clinic.client_ids.values(),
        *busy_clinic.intake_ids,
    ]
    for word in forbidden:
        assert word not in text, word
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", text)  # no uuid at all


def test_json_report_shape(database: Database, busy_clinic: Clinic, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = export_report(database, out, since=dt.date(2026, 1, 12), now=NOW)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert list(document) == [
        "generated_at",
        "filters",
        "suppression",
        REFERRALS,
        INTAKES,
    ]
    assert document["generated_at"] == "2026-11-23T10:00:00Z"
    assert document["filters"] == {
        "since": "2026-01-12",
        "until": None,
        "applied": {"since": "2026-01-01", "until": None},
    }
    assert document["suppression"]["threshold"] == 5
    january = {
        row["pathway"]: row["referrals"] for row in document[REFERRALS] if row["month"] == "2026-01"
    }
    assert january["harm_reduction"] == 8  # whole months: Jan 10 and 11 still count
    assert january["crisis"] == "<5"
    assert result.suppressed == sum(
        1 for table in (REFERRALS, INTAKES) for row in document[table] if "<5" in row.values()
    )
    assert "de-identified report of 14 referrals from 10 intake(s)" in result.summary()


def test_dates_apply_by_whole_months(
    database: Database, busy_clinic: Clinic, tmp_path: Path
) -> None:
    cells = report_csv(
        database, tmp_path / "r.csv", since=dt.date(2026, 2, 10), until=dt.date(2026, 2, 11)
    )
    assert {month for _, month, _ in cells} == {"2026-02"}
    assert cells[(INTAKES, "2026-02", "safety")] == "<5"  # Feb 3: widened to the month


def test_an_unknown_pathway_is_counted_as_other_and_not_printed(
    database: Database, busy_clinic: Clinic, tmp_path: Path
) -> None:
    with database.session() as session:
        query = select(Referral).where(col(Referral.service_id) == "svc-988")
        for row in session.exec(query):
            row.pathway = "Call Maria at home"
            session.add(row)
    out = tmp_path / "r.csv"
    cells = report_csv(database, out)
    assert cells[(REFERRALS, "2026-01", "other")] == "<5"
    assert "Maria" not in out.read_text(encoding="utf-8")


def test_an_empty_database_gives_a_header_only(database: Database, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    result = export_report(database, out)
    assert out.read_bytes() == b"table,month,category,count\r\n"
    assert (result.referrals, result.intakes, result.suppressed) == (0, 0, 0)


def test_bom_on_a_csv_report(database: Database, busy_clinic: Clinic, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    export_report(database, out, bom=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbftable,")


@pytest.mark.parametrize("name", ["report.txt", "report", "report.xlsx"])
def test_the_suffix_chooses_the_format(database: Database, tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError) as caught:
        export_report(database, tmp_path / name)
    assert ".csv or .json" in str(caught.value) and "--out" in str(caught.value)
    assert not (tmp_path / name).exists()


@given(st.integers(min_value=0, max_value=10_000))
def test_shown_suppresses_one_to_four_only(count: int) -> None:
    assert (shown(count) == "<5") == (1 <= count <= 4)
    if not 1 <= count <= 4:
        assert shown(count) == count
