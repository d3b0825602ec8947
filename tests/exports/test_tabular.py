"""CSV and JSON exports: one row per referral of a finished intake, safe in a spreadsheet."""

import csv
import datetime as dt
import json
from pathlib import Path

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
)
from hypothesis import given
from hypothesis import strategies as st

from intake.exports import COLUMNS, export_csv, export_json, neutralize
from intake.problems import InputError
from intake.store.db import Database

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)


def read_csv(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_has_a_header_and_one_row_per_referral_of_finished_intakes(
    database: Database, clinic: Clinic, tmp_path: Path
) -> None:
    out = tmp_path / "referrals.csv"
    result = export_csv(database, out)
    rows = read_csv(out)
    assert (result.referrals, result.intakes, result.clients) == (8, 4, 3)
    assert result.summary() == f"Wrote 8 referrals to {out}"
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == clinic.referrals == 8
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {r["date"] for r in rows} == {"2026-01-15", "2026-02-03", "2026-02-28", "2026-03-01"}
    first = rows[0]
    assert first["client_name"] == MARIA
    assert first["client_id"] == clinic.client_ids[MARIA]
    assert (first["goals"], first["name_is_alias"]) == ("safety;reduced_use", "false")
    assert {r["status"] for r in rows if r["service_id"] == "svc-988"} == {"got_help"}
    assert {r["urgent"] for r in rows if r["service_id"] == "svc-988"} == {"true"}
    [sky] = [r for r in rows if r["client_name"] == SKY]
    assert sky["name_is_alias"] == "true"
    assert (sky["pathway"], sky["service"], sky["safety_net"]) == (
        "harm_reduction",
        "Naloxone by mail",
        "true",
    )


def test_drafts_are_never_exported(database: Database, clinic: Clinic, tmp_path: Path) -> None:
    export_csv(database, tmp_path / "a.csv")
    export_json(database, tmp_path / "a.json")
    for name in ("a.csv", "a.json"):
        assert DRAFT_NAME not in (tmp_path / name).read_text(encoding="utf-8")


def test_cells_that_could_start_a_formula_are_neutralized(
    database: Database, clinic: Clinic, tmp_path: Path
) -> None:
    out = tmp_path / "referrals.csv"
    export_csv(database, out)
    rows = read_csv(out)
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(TRIGGERS), cell
            assert not cell.lstrip().startswith(TRIGGERS), cell
    names = {r["client_name"] for r in rows}
    assert "'" + HOSTILE_NAME in names
    assert {r["service"] for r in rows if r["service_id"] == "svc-hostile"} == {
        "'" + HOSTILE_SERVICE.service_name
    }
    assert {r["organization"] for r in rows if r["service_id"] == "svc-hostile"} == {
        "'" + HOSTILE_SERVICE.organization_name
    }
    assert {r["counselor"] for r in rows if r["client_name"] == SKY} == {"'" + HOSTILE_COUNSELOR}
    assert HOSTILE_NOTE not in out.read_text(encoding="utf-8")  # notes are not exported


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =1+1", "'  =1+1"),
        ("＝1+1", "'＝1+1"),
        ("María", "María"),
        ("2026-01-15", "2026-01-15"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralize(cell: str, expected: str) -> None:
    assert neutralize(cell) == expected


@given(st.text())
def test_a_neutralized_cell_never_starts_a_formula_and_keeps_its_text(cell: str) -> None:
    safe = neutralize(cell)
    assert not safe.startswith(TRIGGERS)
    assert safe in (cell, "'" + cell)


def test_bom_only_when_asked(database: Database, clinic: Clinic, tmp_path: Path) -> None:
    plain, with_bom = tmp_path / "plain.csv", tmp_path / "bom.csv"
    export_csv(database, plain)
    export_csv(database, with_bom, bom=True)
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert with_bom.read_bytes().startswith(b"\xef\xbb\xbf")
    assert with_bom.read_bytes()[3:] == plain.read_bytes()
    assert read_csv(with_bom, encoding="utf-8-sig") == read_csv(plain)
    assert plain.read_bytes().count(b"\r\n") == 9  # header + 8 rows, CRLF


def test_json_holds_generated_at_filters_and_rows_in_a_stable_order(
    database: Database, clinic: Clinic, tmp_path: Path
) -> None:
    out = tmp_path / "referrals.json"
    result = export_json(database, out, since=dt.date(2026, 1, 1), now=NOW)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert list(document) == ["generated_at", "filters", "rows"]
    assert document["generated_at"] == "2026-11-23T10:00:00Z"
    assert document["filters"] == {"since": "2026-01-01", "until": None}
    assert result.referrals == len(document["rows"]) == 8
    assert all(list(row) == list(COLUMNS) for row in document["rows"])
    first = document["rows"][0]
    assert first["goals"] == ["safety", "reduced_use"]
    assert first["name_is_alias"] is False
    assert HOSTILE_NAME in {row["client_name"] for row in document["rows"]}  # JSON keeps text
    again = tmp_path / "again.json"
    export_json(database, again, since=dt.date(2026, 1, 1), now=NOW)
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.parametrize(
    ("since", "until", "days"),
    [
        (None, None, ["2026-01-15", "2026-02-03", "2026-02-28", "2026-03-01"]),
        (dt.date(2026, 2, 3), None, ["2026-02-03", "2026-02-28", "2026-03-01"]),
        (None, dt.date(2026, 2, 28), ["2026-01-15", "2026-02-03", "2026-02-28"]),
        (dt.date(2026, 2, 4), dt.date(2026, 2, 28), ["2026-02-28"]),
        (dt.date(2026, 3, 1), dt.date(2026, 3, 1), ["2026-03-01"]),
        (dt.date(2026, 4, 1), None, []),
    ],
)
def test_date_filters_are_inclusive_days_of_finishing(
    database: Database,
    clinic: Clinic,
    tmp_path: Path,
    since: dt.date | None,
    until: dt.date | None,
    days: list[str],
) -> None:
    out = tmp_path / "referrals.csv"
    export_csv(database, out, since=since, until=until)
    assert sorted({r["date"] for r in read_csv(out)}) == days


def test_since_after_until_is_refused_and_nothing_written(
    database: Database, clinic: Clinic, tmp_path: Path
) -> None:
    out = tmp_path / "referrals.csv"
    with pytest.raises(InputError) as caught:
        export_csv(database, out, since=dt.date(2026, 3, 1), until=dt.date(2026, 2, 1))
    assert "--since" in str(caught.value) and "after" in str(caught.value)
    assert not out.exists()


def test_an_empty_range_writes_a_header_only(
    database: Database, clinic: Clinic, tmp_path: Path
) -> None:
    out = tmp_path / "none.csv"
    result = export_csv(database, out, since=dt.date(2030, 1, 1))
    assert result.referrals == 0
    assert out.read_bytes().decode("utf-8") == ",".join(COLUMNS) + "\r\n"
