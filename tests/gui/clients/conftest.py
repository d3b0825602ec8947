"""Fixtures for the Clients tab: a database with a few clients, and a stand-in wizard."""

from collections.abc import Iterator

import pytest
from clients_samples import FakeWizard, add_few_clients

from intake.gui.clients.launcher import IntakeLauncher
from intake.store.db import Database


@pytest.fixture
def clients_db(database: Database) -> Database:
    add_few_clients(database)
    return database


@pytest.fixture
def fake_wizard(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FakeWizard]]:
    FakeWizard.opened = []
    monkeypatch.setattr(IntakeLauncher, "wizard_class", staticmethod(lambda: FakeWizard))
    yield FakeWizard
    FakeWizard.opened = []
