"""Finishing an intake: client, intake, consent and referrals in one transaction."""

import datetime as dt

import pytest
from records_samples import (
    EMPTY,
    HOUSING,
    NALOXONE,
    PLAN,
    SYRINGE,
    FakePathway,
    FakePlan,
    FakeReferral,
    counts,
    example,
)
from sqlmodel import col, select

from intake.intake_model import dump_intake
from intake.problems import InputError
from intake.records import ChosenReferral, record_intake, save_draft
from intake.records import finish as finish_module
from intake.store.db import Database
from intake.store.records_tables import Client, Consent, Referral
from intake.store.records_tables import Intake as IntakeRow

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)


def stored(database: Database, model: type, **where: object) -> list:
    with database.session() as session:
        query = select(model)
        for name, value in where.items():
            query = query.where(col(getattr(model, name)) == value)
        return list(session.exec(query))


def test_a_new_client_intake_consent_and_referrals_are_stored(database: Database) -> None:
    intake = example("consent_named_recipient")
    chosen = [ChosenReferral("svc-syringe"), ChosenReferral("svc-988", note="Call together")]
    intake_id = record_intake(database, intake, chosen=chosen, plan=PLAN, counselor="Dana", now=NOW)
    [client] = stored(database, Client)
    assert (client.name, client.is_alias, client.date_of_birth) == (
        "María López Ruiz",
        False,
        dt.date(1990, 4, 12),
    )
    [row] = stored(database, IntakeRow)
    assert row.id == intake_id
    assert (row.status, row.client_id, row.counselor) == ("final", client.id, "Dana")
    assert row.answers == dump_intake(intake)
    assert (row.rules_version, row.directory_version) == ("bundled:1", "dir-7")
    assert row.finished_at == NOW
    [consent] = stored(database, Consent)
    assert consent.intake_id == intake_id
    assert intake.consent is not None
    assert consent.recipients == intake.consent.recipients
    assert consent.signed_on == dt.date(2025, 11, 17)
    assert (consent.signer_relationship, consent.signed_by) == ("self", "María López Ruiz")
    assert "substance_use" in consent.information


def test_referrals_copy_the_services_facts_from_the_plan(database: Database) -> None:
    chosen = [ChosenReferral("svc-syringe"), ChosenReferral("svc-988", note=" Call together ")]
    intake_id = record_intake(
        database, example("minimal_alias_only"), chosen=chosen, plan=PLAN, counselor=None
    )
    by_service = {r.service_id: r for r in stored(database, Referral, intake_id=intake_id)}
    syringe, crisis = by_service["svc-syringe"], by_service["svc-988"]
    assert (syringe.service_name, syringe.organization_name, syringe.pathway) == (
        SYRINGE.service_name,
        SYRINGE.organization_name,
        "harm_reduction",
    )
    assert syringe.types == list(SYRINGE.types)
    assert syringe.reasons == list(SYRINGE.reasons)
    assert (syringe.safety_net, syringe.urgent, syringe.note) == (True, False, None)
    assert (crisis.urgent, crisis.pathway, crisis.note) == (True, "crisis", "Call together")
    assert not syringe.added_by_counselor and not crisis.added_by_counselor
    assert stored(database, Consent) == []  # the minimal intake has none


def test_an_alias_is_recorded_as_one(database: Database) -> None:
    record_intake(
        database, example("minimal_alias_only"), chosen=[], plan=None, counselor=None, is_alias=True
    )
    [client] = stored(database, Client)
    assert (client.name, client.is_alias, client.date_of_birth) == ("Sky", True, None)


def test_an_existing_client_gets_the_new_intake(database: Database) -> None:
    first = record_intake(
        database, example("minimal_alias_only"), chosen=[], plan=PLAN, counselor=None
    )
    [client] = stored(database, Client)
    second = record_intake(
        database,
        example("consent_named_recipient"),
        chosen=[],
        plan=PLAN,
        counselor=None,
        client_id=client.id,
        now=NOW,
    )
    [again] = stored(database, Client)
    assert again.name == "Sky"  # a name on record is not changed
    assert again.date_of_birth == dt.date(1990, 4, 12)  # a missing one is filled in
    assert again.updated_at == NOW
    assert {r.id for r in stored(database, IntakeRow, client_id=client.id)} == {first, second}


def test_an_unknown_client_stores_nothing(database: Database) -> None:
    with pytest.raises(InputError, match="no client 'nobody'"):
        record_intake(
            database,
            example("minimal_alias_only"),
            chosen=[ChosenReferral("svc-988")],
            plan=PLAN,
            counselor=None,
            client_id="nobody",
        )
    assert counts(database) == EMPTY


def test_a_service_outside_the_plan_is_refused_by_id(database: Database) -> None:
    chosen = [ChosenReferral("svc-syringe"), ChosenReferral("svc-unknown")]
    with pytest.raises(InputError) as caught:
        record_intake(
            database, example("minimal_alias_only"), chosen=chosen, plan=PLAN, counselor=None
        )
    [problem] = caught.value.errors
    assert "svc-unknown" in problem.message
    assert "expected the id of a service the plan refers to or lists as excluded" in (
        problem.message
    )
    assert counts(database) == EMPTY


def test_an_excluded_service_needs_a_note(database: Database) -> None:
    for note in (None, "   "):
        with pytest.raises(InputError) as caught:
            record_intake(
                database,
                example("minimal_alias_only"),
                chosen=[ChosenReferral("svc-naloxone"), ChosenReferral("svc-housing", note=note)],
                plan=PLAN,
                counselor=None,
            )
        [problem] = caught.value.errors
        assert "svc-housing" in problem.message and "Safe Harbor Recovery House" in problem.message
        assert "Requires abstinence" in problem.message and "needs a note" in problem.message
    assert counts(database) == EMPTY


def test_an_excluded_service_with_a_note_is_marked_as_the_counselors(database: Database) -> None:
    intake_id = record_intake(
        database,
        example("minimal_alias_only"),
        chosen=[ChosenReferral("svc-housing", note="Client starts detox Monday")],
        plan=PLAN,
        counselor="Dana",
    )
    [referral] = stored(database, Referral, intake_id=intake_id)
    assert referral.added_by_counselor is True
    assert referral.note == "Client starts detox Monday"
    assert (referral.service_name, referral.pathway) == (HOUSING.service_name, "basic_needs")
    assert referral.reasons == ["Kept out by the rules: Requires abstinence"]


def test_every_bad_choice_is_reported_at_once(database: Database) -> None:
    chosen = [
        ChosenReferral("svc-988"),
        ChosenReferral("svc-nope"),
        ChosenReferral("svc-housing"),
        ChosenReferral("svc-988"),
    ]
    with pytest.raises(InputError) as caught:
        record_intake(
            database, example("minimal_alias_only"), chosen=chosen, plan=PLAN, counselor=None
        )
    messages = " | ".join(p.message for p in caught.value.errors)
    assert "chosen twice" in messages and "svc-nope" in messages and "needs a note" in messages
    assert counts(database) == EMPTY


def test_referrals_without_a_plan_are_refused(database: Database) -> None:
    with pytest.raises(InputError, match="no plan"):
        record_intake(
            database,
            example("minimal_alias_only"),
            chosen=[ChosenReferral("svc-988")],
            plan=None,
            counselor=None,
        )
    assert counts(database) == EMPTY


def test_a_service_in_two_pathways_is_taken_from_the_one_chosen(database: Database) -> None:
    as_medication = FakeReferral("svc-clinic", "Clinic", pathway="medication")
    as_health = FakeReferral("svc-clinic", "Clinic", pathway="health")
    plan = FakePlan(
        pathways=(FakePathway("medication", (as_medication,)), FakePathway("health", (as_health,)))
    )
    intake_id = record_intake(
        database,
        example("minimal_alias_only"),
        chosen=[ChosenReferral("svc-clinic", pathway="health")],
        plan=plan,
        counselor=None,
    )
    [referral] = stored(database, Referral, intake_id=intake_id)
    assert referral.pathway == "health"


def test_a_failure_while_writing_leaves_nothing_behind(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[str] = []
    real = finish_module._referral_row

    def fail_on_the_second(intake_id: str, fact: object, *, now: dt.datetime) -> Referral:
        if written:
            raise RuntimeError("disk full")
        written.append(intake_id)
        return real(intake_id, fact, now=now)  # type: ignore[arg-type]

    monkeypatch.setattr(finish_module, "_referral_row", fail_on_the_second)
    draft_id = save_draft(database, intake_id=None, answers={"client": {}}, counselor=None)
    with pytest.raises(RuntimeError, match="disk full"):
        record_intake(
            database,
            example("consent_named_recipient"),
            chosen=[ChosenReferral("svc-naloxone"), ChosenReferral("svc-syringe")],
            plan=PLAN,
            counselor=None,
            draft_id=draft_id,
        )
    assert written  # the client, intake, consent and first referral were written first...
    assert counts(database) == {**EMPTY, "intake": 1}  # ...and rolled back: only the draft
    [draft] = stored(database, IntakeRow)
    assert (draft.id, draft.status, draft.answers) == (draft_id, "draft", {"client": {}})


def test_a_draft_becomes_the_final_intake(database: Database) -> None:
    draft_id = save_draft(
        database, intake_id=None, answers={"client": {"name": "Sk"}}, counselor=None
    )
    intake_id = record_intake(
        database,
        example("minimal_alias_only"),
        chosen=[ChosenReferral(NALOXONE.service_id)],
        plan=PLAN,
        counselor="Dana",
        draft_id=draft_id,
    )
    assert intake_id == draft_id
    [row] = stored(database, IntakeRow)
    assert (row.id, row.status, row.counselor) == (draft_id, "final", "Dana")
    assert row.answers == {"client": {"name": "Sky"}, "goals": ["safety"]}
    assert row.finished_at is not None
    assert len(stored(database, Referral, intake_id=draft_id)) == 1


def test_a_draft_is_finished_only_once(database: Database) -> None:
    draft_id = save_draft(database, intake_id=None, answers={}, counselor=None)
    record_intake(
        database,
        example("minimal_alias_only"),
        chosen=[],
        plan=PLAN,
        counselor=None,
        draft_id=draft_id,
    )
    before = counts(database)
    with pytest.raises(InputError, match="already finished"):
        record_intake(
            database,
            example("minimal_alias_only"),
            chosen=[],
            plan=PLAN,
            counselor=None,
            draft_id=draft_id,
        )
    with pytest.raises(InputError, match="discarded or finished"):
        record_intake(
            database,
            example("minimal_alias_only"),
            chosen=[],
            plan=PLAN,
            counselor=None,
            draft_id="gone",
        )
    assert counts(database) == before


def test_nothing_about_the_client_is_logged(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    intake = example("consent_named_recipient")
    record_intake(
        database,
        intake,
        chosen=[ChosenReferral("svc-housing", note="Detox Monday")],
        plan=PLAN,
        counselor="Dana Counselor",
    )
    logged = caplog.text
    for secret in ("María", "Lopez", "López", "1990", "Detox", "Dana", "fentanyl", "406 555"):
        assert secret not in logged


def test_a_drafts_client_is_kept_when_it_is_finished(database: Database) -> None:
    first = record_intake(
        database, example("minimal_alias_only"), chosen=[], plan=PLAN, counselor=None
    )
    [client] = stored(database, Client)
    draft_id = save_draft(database, intake_id=None, answers={}, counselor=None, client_id=client.id)
    second = record_intake(
        database,
        example("minimal_alias_only"),
        chosen=[],
        plan=PLAN,
        counselor=None,
        draft_id=draft_id,
    )
    assert len(stored(database, Client)) == 1
    assert {r.id for r in stored(database, IntakeRow, client_id=client.id)} == {first, second}
