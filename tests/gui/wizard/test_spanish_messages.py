"""The intake model's sentences under the fields in the Spanish interface: said in Spanish
(resources/messages/es.toml), with the counselor's own value as typed."""

import pytest
from test_spanish import spanish  # noqa: F401  (the fixture, used below)
from wizard_driver import Driver

from conftest import TODAY

pytestmark = pytest.mark.usefixtures("spanish")


def test_a_date_of_birth_that_does_not_exist_is_said_in_spanish(qtbot, open_wizard, shot) -> None:
    wizard = open_wizard()
    drive = Driver(qtbot, wizard)
    page = wizard.currentPage()
    drive.type("Sky")
    drive.click_type(page.date_of_birth, "1990-13-01")
    error = page._bindings["client.date_of_birth"].error
    assert error.isVisible()
    assert error.message() == '"1990-13-01" no es una fecha que exista'
    assert page.date_of_birth.accessibleDescription() == error.message()
    # The draft's problem, what the command line and files read, stays English.
    problems = wizard.draft.problems(TODAY)
    assert [p.message for p in problems if p.field == "client.date_of_birth"] == [
        '"1990-13-01" is not a real date'
    ]
    shot(wizard, "spanish/problem-date-of-birth")
