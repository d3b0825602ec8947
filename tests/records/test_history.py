"""A client's history: finished intakes newest first, each with its referrals."""

import datetime as dt

import pytest
from records_samples import PLAN, example

from intake.problems import InputError
from intake.records import (
    ChosenReferral,
    client_history,
    find_clients,
    record_intake,
    save_draft,
)
from intake.store.db import Database
from intake.store.records_tables import Client


def when(day: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, 10, 0, tzinfo=dt.UTC)


def test_intakes_are_listed_newest_first_with_their_referrals(database: Database) -> None:
    first = record_intake(
        database,
        example("minimal_alias_only"),
        chosen=[ChosenReferral("svc-naloxone"), ChosenReferral("svc-988")],
        plan=PLAN,
        counselor="Dana",
        now=when(1),
    )
    [client] = find_clients(database)
    client_id = client.id
    save_draft(database, intake_id=None, answers={}, counselor=None, client_id=client_id)
    second = record_intake(
        database,
        example("consent_named_recipient"),
        chosen=[ChosenReferral("svc-housing", note="Starts detox Monday")],
        plan=PLAN,
        counselor="Lee",
        client_id=client_id,
        now=when(20),
    )
    history = client_history(database, client_id)
    assert [h.id for h in history] == [second, first]  # drafts are not history
    newest, oldest = history
    assert (newest.finished_at, newest.counselor, newest.has_consent) == (when(20), "Lee", True)
    assert newest.goals == ("safety", "reduced_use")
    [override] = newest.referrals
    assert (override.service_id, override.added_by_counselor, override.note) == (
        "svc-housing",
        True,
        "Starts detox Monday",
    )
    assert [r.service_id for r in oldest.referrals] == ["svc-988", "svc-naloxone"]  # urgent first
    assert oldest.referrals[0].status == "pending"
    assert oldest.has_consent is False


def test_a_client_without_intakes_has_an_empty_history(database: Database) -> None:
    client = Client.model_validate({"name": "Sky", "is_alias": True})
    with database.session() as session:
        session.add(client)
    assert client_history(database, client.id) == []


def test_an_unknown_client_is_an_input_error(database: Database) -> None:
    with pytest.raises(InputError, match="no client 'nobody'"):
        client_history(database, "nobody")
