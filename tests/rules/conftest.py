"""Fixtures of the rules tests: the bundled rules, and the demo directory loaded once."""

import importlib
from collections.abc import Iterator
from typing import Any

import pytest
from rulekit import BUNDLED_RULES

from intake.directory.snapshot import DirectorySnapshot
from intake.paths import resource_path
from intake.rules import RuleSet, load_rules


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules(BUNDLED_RULES)


# --- the demo directory -----------------------------------------------------------------


def _demo_modules() -> tuple[Any, Any, Any]:
    """The importer and the snapshot loader, imported late: they are written by others and
    a missing one should fail only the demo tests, with a clear message."""
    hsds = importlib.import_module("intake.directory.hsds")
    loader = importlib.import_module("intake.directory.snapshot_loader")
    store = importlib.import_module("intake.store.db")
    return hsds, loader, store


@pytest.fixture(scope="session")
def demo_directory() -> Iterator[DirectorySnapshot]:
    demo = resource_path("demo")
    if not (demo / "services.csv").is_file():
        pytest.fail(f"the demo directory is missing from {demo}")
    hsds, loader, store = _demo_modules()
    database = store.open_database("sqlite:///:memory:")
    try:
        result = hsds.import_directory(database, demo)
        errors = [p for p in getattr(result, "problems", []) if p.severity == "error"]
        assert not errors, errors
        yield loader.load_snapshot(database)
    finally:
        database.dispose()
