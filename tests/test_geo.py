"""Postal codes to points offline, and great-circle distances."""

import math

import pytest

from intake.geo import distance_km, point_for_postal_code


def test_a_us_zip_code_gives_its_centroid() -> None:
    point = point_for_postal_code("59101")
    assert point == pytest.approx((45.7745, -108.5005), abs=1e-4)


@pytest.mark.parametrize("code", ["59101-1234", "591011234", " 59101 "])
def test_zip_plus_four_and_spaces_give_the_same_point(code: str) -> None:
    assert point_for_postal_code(code) == point_for_postal_code("59101")


@pytest.mark.parametrize("code", ["99999", "00000", "K1A 0B1", "5910", "", None, "abcde"])
def test_unknown_or_foreign_codes_give_none_not_an_error(code: str | None) -> None:
    assert point_for_postal_code(code) is None


def test_the_cached_table_agrees_with_the_package() -> None:
    import zipcodes

    for code in ("10001", "99501", "96813", "00501", "33101", "59044"):
        row = zipcodes.matching(code)[0]
        assert point_for_postal_code(code) == pytest.approx(
            (float(row["lat"]), float(row["long"])), abs=1e-4
        )


def test_distances_are_great_circle_kilometres() -> None:
    billings, new_york = point_for_postal_code("59101"), point_for_postal_code("10001")
    assert billings and new_york
    assert distance_km(billings, new_york) == pytest.approx(2826, rel=0.01)
    assert distance_km(billings, billings) == 0
    # A quarter of the equator.
    assert distance_km((0, 0), (0, 90)) == pytest.approx(math.pi * 6371.0088 / 2, rel=1e-9)
    assert distance_km((10, 179.9), (10, -179.9)) == pytest.approx(21.9, abs=0.1)
