"""The first-run setup: asked until the clinic's and a counselor's names are saved."""

from dataclasses import replace

import pytest

from intake.first_run import (
    SETUP_FIELDS,
    complete_first_run,
    missing_setup_fields,
    needs_first_run_setup,
)
from intake.problems import InputError
from intake.settings import load_settings, save_settings
from intake.store import Database


def test_a_new_database_needs_the_setup(database: Database) -> None:
    assert needs_first_run_setup(database)
    assert missing_setup_fields(load_settings(database)) == SETUP_FIELDS


def test_completing_the_setup_saves_both_names_and_keeps_other_settings(
    database: Database,
) -> None:
    save_settings(database, replace(load_settings(database), paper_size="a4", phone="555-0100"))

    saved = complete_first_run(database, clinic_name="  Harbor Clinic ", counselor_name="Sam Lee")

    assert not needs_first_run_setup(database)
    assert load_settings(database) == saved
    assert (saved.clinic_name, saved.counselor_name) == ("Harbor Clinic", "Sam Lee")
    assert (saved.paper_size, saved.phone) == ("a4", "555-0100")


@pytest.mark.parametrize(
    ("clinic", "counselor", "blank"),
    [("", "Sam", "clinic_name"), ("Harbor", "   ", "counselor_name")],
)
def test_a_blank_name_is_refused_and_nothing_is_saved(
    database: Database, clinic: str, counselor: str, blank: str
) -> None:
    with pytest.raises(InputError) as refused:
        complete_first_run(database, clinic_name=clinic, counselor_name=counselor)

    assert [p.field for p in refused.value.problems] == [blank]
    assert needs_first_run_setup(database)
    assert load_settings(database).clinic_name == ""


def test_one_name_saved_in_settings_still_asks_for_the_other(database: Database) -> None:
    save_settings(database, replace(load_settings(database), clinic_name="Harbor Clinic"))

    assert needs_first_run_setup(database)
    assert missing_setup_fields(load_settings(database)) == ("counselor_name",)
