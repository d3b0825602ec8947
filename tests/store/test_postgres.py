"""The store, the directory, matching and records run unchanged on PostgreSQL."""

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from intake.directory.hsds import import_directory
from intake.directory.snapshot_loader import load_snapshot
from intake.intake_model import load_intake
from intake.paths import resource_path
from intake.records import ChosenReferral, client_history, find_clients, record_intake
from intake.rules import load_rules, make_plan
from intake.store import Database
from intake.store.db import SCHEMA_HEAD, current_revision

pytestmark = pytest.mark.postgres


def test_migrations_produce_the_models_schema_on_postgresql(postgres_database: Database) -> None:
    assert current_revision(postgres_database) == SCHEMA_HEAD
    with postgres_database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_an_intake_is_matched_and_recorded_on_postgresql(postgres_database: Database) -> None:
    import_directory(postgres_database, resource_path("demo"))
    snapshot = load_snapshot(postgres_database)
    intake = load_intake(
        resource_path("examples", "intakes", "unhoused_injecting_fentanyl_safety.json")
    )
    plan = make_plan(intake, snapshot, load_rules(), today=dt.date(2026, 11, 23))
    first = plan.pathways[0].referrals[0]

    intake_id = record_intake(
        postgres_database,
        intake,
        chosen=[ChosenReferral(first.service_id)],
        plan=plan,
        counselor="R. Counselor",
    )

    [client] = find_clients(postgres_database, intake.client.name)
    [history] = client_history(postgres_database, client.id)
    assert history.id == intake_id
    assert [r.service_id for r in history.referrals] == [first.service_id]
