"""The shipped copy of the HSDS schemas is the official one."""

from pathlib import Path

import pytest

from intake.paths import resource_path

SHARED_SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "hsds" / "schema"


@pytest.mark.skipif(
    not SHARED_SCHEMAS.is_dir(), reason="../shared/hsds is not beside this checkout"
)
def test_bundled_hsds_schemas_equal_the_official_copy() -> None:
    bundled = resource_path("hsds", "schema")
    names = sorted(p.name for p in SHARED_SCHEMAS.glob("*.json"))
    assert names == sorted(p.name for p in bundled.glob("*.json"))
    for name in names:
        assert (bundled / name).read_bytes() == (SHARED_SCHEMAS / name).read_bytes(), name
