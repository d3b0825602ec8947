"""A database filled with the sample clinic, shared by the export tests."""

import pytest
from export_samples import Clinic, fill

from intake.store import Database


@pytest.fixture
def clinic(database: Database) -> Clinic:
    return fill(database)
