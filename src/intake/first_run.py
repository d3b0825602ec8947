"""The first run of an installed app: a short setup before the first intake.

    if needs_first_run_setup(database):          # no clinic name or no counselor yet
        ...show the setup (GUI)...
        complete_first_run(database, clinic_name="Harbor Clinic", counselor_name="Sam Lee")

The setup asks for what every letter and handout needs: the clinic's name and the
counselor's. Both live in the clinic settings (`intake.settings`), so the GUI's Settings
page can change them later, and a database upgraded from an older version that has them
already is not asked again. The demo directory is not part of this: an empty directory
is filled with it when the database is opened (`intake.directory.demo`). No Qt here;
nothing typed in the setup is logged.
"""

from dataclasses import replace

from intake.problems import InputError, Problem, error
from intake.settings import ClinicSettings, load_settings, save_settings
from intake.store.db import Database

# The settings the first-run setup asks for, in the order it asks.
SETUP_FIELDS = ("clinic_name", "counselor_name")


def missing_setup_fields(settings: ClinicSettings) -> tuple[str, ...]:
    """The setup fields still blank in `settings`, in SETUP_FIELDS order."""
    return tuple(name for name in SETUP_FIELDS if not str(getattr(settings, name)).strip())


def needs_first_run_setup(database: Database) -> bool:
    """True until the clinic's name and a counselor's name are saved."""
    return bool(missing_setup_fields(load_settings(database)))


def complete_first_run(
    database: Database, *, clinic_name: str, counselor_name: str
) -> ClinicSettings:
    """Save the answers of the first-run setup over the current settings; the saved settings.

    InputError (nothing saved) if a name is blank or not a valid setting.
    """
    clinic_name, counselor_name = clinic_name.strip(), counselor_name.strip()
    answers = {"clinic_name": clinic_name, "counselor_name": counselor_name}
    problems: list[Problem] = [
        error("expected a name; it is printed on letters and handouts", field=name)
        for name in SETUP_FIELDS
        if not answers[name]
    ]
    if problems:
        raise InputError(problems)
    settings = replace(
        load_settings(database), clinic_name=clinic_name, counselor_name=counselor_name
    )
    save_settings(database, settings)
    return settings
