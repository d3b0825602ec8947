"""Clinic settings over ClinicSetting rows: defaults, round trip, refusals."""

from dataclasses import replace

import pytest

from intake.problems import InputError
from intake.settings import ClinicSettings, load_settings, save_settings
from intake.store import Database
from intake.store.records_tables import ClinicSetting


def test_a_new_database_has_the_defaults(database: Database) -> None:
    settings = load_settings(database)
    assert settings == ClinicSettings()
    assert settings.paper_size == "letter" and settings.ui_language == "en"
    assert settings.default_max_distance_km == 40.0


def test_settings_round_trip(database: Database) -> None:
    wanted = ClinicSettings(
        clinic_name="Clínica Puerto",
        address="1 Main St\nTown",
        phone="555",
        logo_path="/x.png",
        counselor_name="Zoë Nguyễn",
        counselor_credentials="CADC",
        default_max_distance_km=25,
        paper_size="a4",
        ui_language="es",
    )
    save_settings(database, wanted)
    assert load_settings(database) == wanted
    save_settings(database, replace(wanted, paper_size="letter"))
    assert load_settings(database).paper_size == "letter"


def test_invalid_settings_are_refused_and_nothing_is_stored(database: Database) -> None:
    bad = replace(ClinicSettings(clinic_name="X"), paper_size="legal", default_max_distance_km=0)  # type: ignore[arg-type]
    with pytest.raises(InputError) as exc:
        save_settings(database, bad)
    assert {p.field for p in exc.value.problems} == {"paper_size", "default_max_distance_km"}
    assert load_settings(database) == ClinicSettings()


def test_a_bad_stored_value_gives_its_default(database: Database) -> None:
    with database.session() as session:
        session.add(ClinicSetting(key="paper_size", value="tabloid"))
        session.add(ClinicSetting(key="clinic_name", value="Harbor"))
        session.add(ClinicSetting(key="something_else", value=1))
    settings = load_settings(database)
    assert settings.paper_size == "letter" and settings.clinic_name == "Harbor"
