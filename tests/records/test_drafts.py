"""Drafts: saved as the counselor types, partial and invalid, resumed, discarded."""

import datetime as dt
import time

import pytest
from sqlalchemy import select

from intake.problems import InputError
from intake.records import discard_draft, list_drafts, load_draft, save_draft
from intake.store.db import Database
from intake.store.records_tables import Client
from intake.store.records_tables import Intake as IntakeRow

# Not a valid intake: no goals yet, an age out of range, an unknown key, a half-typed date.
PARTIAL = {"client": {"name": "Mar", "age": 400, "date_of_birth": "1990-0"}, "oops": True}


def rows(database: Database) -> list[IntakeRow]:
    with database.session() as session:
        return list(session.scalars(select(IntakeRow)))


def test_a_partial_invalid_draft_is_stored_as_given(database: Database) -> None:
    draft_id = save_draft(database, intake_id=None, answers=PARTIAL, counselor="Dana")
    assert load_draft(database, draft_id) == PARTIAL
    [row] = rows(database)
    assert (row.id, row.status, row.counselor, row.client_id) == (draft_id, "draft", "Dana", None)


def test_saving_again_updates_the_same_draft(database: Database) -> None:
    draft_id = save_draft(database, intake_id=None, answers={}, counselor=None)
    answers = {"client": {"name": "María"}, "goals": ["safety"]}
    assert save_draft(database, intake_id=draft_id, answers=answers, counselor="Dana") == draft_id
    assert load_draft(database, draft_id) == answers
    assert len(rows(database)) == 1


def test_the_stored_draft_is_a_copy(database: Database) -> None:
    answers = {"client": {"name": "Sky"}, "goals": []}
    draft_id = save_draft(database, intake_id=None, answers=answers, counselor=None)
    answers["goals"].append("safety")
    assert load_draft(database, draft_id)["goals"] == []


def test_dates_in_the_wizards_answers_are_stored_as_iso_text(database: Database) -> None:
    answers = {"client": {"name": "Sky", "date_of_birth": dt.date(1990, 4, 12)}}
    draft_id = save_draft(database, intake_id=None, answers=answers, counselor=None)
    assert load_draft(database, draft_id)["client"]["date_of_birth"] == "1990-04-12"


def test_a_draft_may_name_the_client_already_chosen(database: Database) -> None:
    client = Client.model_validate({"name": "Sky", "is_alias": True})
    with database.session() as session:
        session.add(client)
    draft_id = save_draft(database, intake_id=None, answers={}, counselor=None, client_id=client.id)
    [summary] = list_drafts(database)
    assert (summary.id, summary.client_id) == (draft_id, client.id)


def test_a_draft_cannot_name_an_unknown_client(database: Database) -> None:
    with pytest.raises(InputError, match="no client 'nobody'"):
        save_draft(database, intake_id=None, answers={}, counselor=None, client_id="nobody")
    assert rows(database) == []


def test_drafts_are_listed_most_recently_changed_first(database: Database) -> None:
    first = save_draft(
        database, intake_id=None, answers={"client": {"name": " Ana "}}, counselor=None
    )
    second = save_draft(database, intake_id=None, answers={"client": "???"}, counselor="Dana")
    time.sleep(1.1)  # timestamps are kept to the second
    save_draft(database, intake_id=first, answers={"client": {"name": "Ana B"}}, counselor=None)
    listed = list_drafts(database)
    assert [(d.id, d.client_name) for d in listed] == [(first, "Ana B"), (second, "")]
    assert listed[1].counselor == "Dana"


def test_finished_intakes_are_not_drafts(database: Database) -> None:
    final = IntakeRow.model_validate({"status": "final", "answers": {"goals": ["safety"]}})
    with database.session() as session:
        session.add(final)
    assert list_drafts(database) == []
    for attempt in (
        lambda: load_draft(database, final.id),
        lambda: save_draft(database, intake_id=final.id, answers={}, counselor=None),
        lambda: discard_draft(database, final.id),
    ):
        with pytest.raises(InputError, match="is finished; expected a draft"):
            attempt()
    assert rows(database)[0].answers == {"goals": ["safety"]}


def test_discarding_deletes_the_draft_and_its_answers(database: Database) -> None:
    draft_id = save_draft(database, intake_id=None, answers=PARTIAL, counselor=None)
    assert discard_draft(database, draft_id) is True
    assert rows(database) == []
    assert discard_draft(database, draft_id) is False  # twice is harmless
    with pytest.raises(InputError, match="finished or discarded"):
        load_draft(database, draft_id)
    with pytest.raises(InputError, match="finished or discarded"):
        save_draft(database, intake_id=draft_id, answers={}, counselor=None)


def test_answers_json_cannot_hold_are_refused_before_anything_is_written(
    database: Database,
) -> None:
    with pytest.raises(TypeError, match="object"):
        save_draft(database, intake_id=None, answers={"x": object()}, counselor=None)
    assert rows(database) == []


def test_saving_often_is_cheap(database: Database) -> None:
    draft_id = save_draft(database, intake_id=None, answers={}, counselor=None)
    started = time.perf_counter()
    for n in range(50):
        save_draft(
            database, intake_id=draft_id, answers={"goal_statement": "x" * n}, counselor=None
        )
    assert (time.perf_counter() - started) / 50 < 0.1  # well within the wizard's second
