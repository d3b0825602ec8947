"""Fixtures of the HSDS directory tests; the data and helpers are in hsds_samples."""

from pathlib import Path

import pytest
from hsds_samples import EXAMPLES


@pytest.fixture
def examples() -> Path:
    """The official HSDS 3.0 examples, as the specification publishes them."""
    if not EXAMPLES.is_dir():
        pytest.skip("the official HSDS examples (../shared/hsds) are not beside this checkout")
    return EXAMPLES
