"""Finding clients by name or alias and date of birth; spotting possible duplicates."""

import datetime as dt

import pytest

from intake.records import find_clients, name_key, possible_duplicates
from intake.store.db import Database
from intake.store.records_tables import Client

BORN = dt.date(1990, 4, 12)


def at(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 9, 0, tzinfo=dt.UTC)


def add_client(
    database: Database,
    name: str,
    born: dt.date | None = None,
    *,
    is_alias: bool = False,
    seen: dt.datetime | None = None,
) -> str:
    seen = seen or at(2026, 1, 1)
    client = Client.model_validate(
        {"name": name, "date_of_birth": born, "is_alias": is_alias, "updated_at": seen}
    )
    with database.session() as session:
        session.add(client)
    return client.id


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("maria lopez", "María López"),
        ("  MARÍA   LÓPEZ ", "Maria Lopez"),
        ("María López-Ruiz", "maria lopez ruiz"),
        ("Zoë O'Brien", "zoe o brien"),
    ],
)
def test_names_compare_without_case_accents_punctuation_or_extra_spaces(
    typed: str, stored: str
) -> None:
    assert name_key(typed) == name_key(stored)


def test_different_names_stay_different() -> None:
    assert name_key("Maria Lopez") != name_key("Mario Lopez")


def test_search_finds_by_part_of_a_name_whatever_the_accents(database: Database) -> None:
    maria = add_client(database, "María López Ruiz", BORN)
    add_client(database, "John Smith", dt.date(1980, 1, 1))
    assert [c.id for c in find_clients(database, "lopez")] == [maria]
    assert [c.id for c in find_clients(database, "MARIA ruiz")] == [maria]
    assert find_clients(database, "lópez smith") == []


@pytest.mark.parametrize("typed", ["1990-04-12", "1990-04", "1990", "4/12/1990", "04/12/1990"])
def test_search_finds_by_whole_or_partial_date_of_birth(database: Database, typed: str) -> None:
    maria = add_client(database, "María López", BORN)
    add_client(database, "John Smith", dt.date(1980, 1, 1))
    add_client(database, "Sky", None, is_alias=True)
    assert [c.id for c in find_clients(database, typed)] == [maria]


def test_search_combines_name_and_date(database: Database) -> None:
    add_client(database, "Maria Lopez", dt.date(1985, 4, 12))
    wanted = add_client(database, "Maria Lopez", BORN)
    assert [c.id for c in find_clients(database, "maria 1990")] == [wanted]


def test_search_lists_the_most_recently_seen_first_and_honours_the_limit(
    database: Database,
) -> None:
    old = add_client(database, "Alex", seen=at(2025, 1, 1))
    new = add_client(database, "Alexis", seen=at(2026, 6, 1))
    middle = add_client(database, "Sky", seen=at(2025, 6, 1), is_alias=True)
    assert [c.id for c in find_clients(database)] == [new, middle, old]
    assert [c.id for c in find_clients(database, "alex")] == [new, old]
    assert [c.id for c in find_clients(database, "", limit=2)] == [new, middle]


def test_alias_only_clients_are_found_and_marked(database: Database) -> None:
    sky = add_client(database, "Sky", is_alias=True)
    [found] = find_clients(database, "sky")
    assert (found.id, found.is_alias, found.date_of_birth) == (sky, True, None)


def test_search_reads_past_the_first_page(database: Database) -> None:
    with database.session() as session:
        for n in range(1200):
            session.add(Client.model_validate({"name": f"Person {n}"}))
    wanted = add_client(database, "Zelda Quist", seen=at(2000, 1, 1))
    assert [c.id for c in find_clients(database, "quist")] == [wanted]
    assert len(find_clients(database, "person", limit=1100)) == 1100


def test_possible_duplicates_ignore_case_accents_and_spaces(database: Database) -> None:
    maria = add_client(database, "María  López", BORN)
    add_client(database, "Maria Lopez", dt.date(1991, 4, 12))  # same name, another person
    add_client(database, "Mario Lopez", BORN)
    assert [c.id for c in possible_duplicates(database, "MARIA LOPEZ ", BORN)] == [maria]


def test_a_missing_date_of_birth_does_not_rule_out_a_duplicate(database: Database) -> None:
    no_date = add_client(database, "Sky", None, is_alias=True, seen=at(2026, 2, 1))
    dated = add_client(database, "sky", BORN, seen=at(2026, 1, 1))
    add_client(database, "Sky", dt.date(2001, 1, 1), seen=at(2025, 1, 1))
    assert [c.id for c in possible_duplicates(database, "Sky", BORN)] == [no_date, dated]
    assert len(possible_duplicates(database, "Sky", None)) == 3


def test_no_duplicates_for_a_blank_name(database: Database) -> None:
    add_client(database, "Sky")
    assert possible_duplicates(database, "  ", None) == []
