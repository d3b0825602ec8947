"""A real child process is killed (SIGKILL) mid-intake; the resumed draft holds every answer."""

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from wizard_driver import REPO, database_url

from intake.gui.wizard.wizard import CONSENT_PAGE
from intake.records import list_drafts

CHILD = Path(__file__).with_name("wizard_child.py")

EXPECTED = {
    "client": {
        "name": "Jay",
        "age": 38,
        "languages": ["es"],
        "postal_code": "59101",
        "safe_to_contact": False,
    },
    "goals": ["reduced_use", "safety"],
    "goal_statement": "Stay alive, use less",
    "substances": [
        {
            "substance": "opioids",
            "description": "fentanyl",
            "route": "injection",
            "days_since_last_use": 0,
        }
    ],
    "risks": {"uses_alone": True},
    "circumstances": {"housing": "unhoused", "insurance": ["medicaid"]},
    "preferences": {"max_distance_km": 12.0},
    "consent": {
        "information": ["identity", "contact", "goals"],
        "purpose": "Referral for care at the client's request",
        "expires_on": "2027-11-23",
        "signed_by": "J",
        "signer_relationship": "self",
        "signed_on": "2026-11-23",
    },
}


def read_line(process: subprocess.Popen[str], timeout: float) -> str:
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(process.stdout.readline()))  # type: ignore[union-attr]
    reader.start()
    reader.join(timeout)
    if not line:
        process.kill()
        pytest.fail(f"the child said nothing in {timeout} s: {process.stderr.read()}")  # type: ignore[union-attr]
    return line[0]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_wizard_loses_no_answer(qtbot, open_wizard, demo_database) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(
        [sys.executable, str(CHILD), "type", database_url(demo_database)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    line = read_line(process, 60)
    assert line.startswith("SAVED "), line
    draft_id = line.split()[1]
    os.kill(process.pid, signal.SIGKILL)  # no chance to close, flush or say goodbye
    assert process.wait(30) == -signal.SIGKILL
    process.stdout.close()  # type: ignore[union-attr]
    process.stderr.close()  # type: ignore[union-attr]

    assert [d.id for d in list_drafts(demo_database)] == [draft_id]
    wizard = open_wizard(draft_id=draft_id)
    assert wizard.currentId() == CONSENT_PAGE  # back where the counselor was
    assert wizard.draft.answers == EXPECTED
    assert wizard.draft.extra("is_alias") is True
    assert wizard.draft.declined("risks.suicidal_thoughts")
    client, goals, substances, safety, circumstances, consent = wizard.pages[:6]
    assert client.name.text() == "Jay" and client.alias.isChecked()
    assert client.languages.codes() == ["es"]
    assert client.safe_to_contact.value() is False
    assert goals.statement.toPlainText() == "Stay alive, use less"
    assert substances.model.rows() == EXPECTED["substances"]
    assert safety.answers["uses_alone"].value() is True
    assert safety.answers["suicidal_thoughts"].declined()
    assert circumstances.housing.value() == "unhoused"
    assert circumstances.distance.value() == 12
    assert consent.given.isChecked() and consent.signed_by.text() == "J"
