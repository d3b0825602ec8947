"""GUI test fixtures: a small directory without a database, screenshots, and no leaked windows.

pytest-qt owns the one QApplication (`qapp`); tests never create their own.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_samples import sample_snapshot

from PySide6.QtCore import QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from intake.directory.snapshot import DirectorySnapshot
from intake.taxonomy import IntakeTaxonomy, load_taxonomy

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture(autouse=True)
def _no_leaked_widgets(qapp: QApplication) -> Iterator[None]:
    """After each test: let background work finish, then close and delete every window, so
    nothing is left for interpreter shutdown (which segfaults)."""
    yield
    QThreadPool.globalInstance().waitForDone(60_000)
    QApplication.processEvents()  # deliver the last callbacks while their widgets still exist
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture
def screenshot() -> Callable[[QWidget, str], Path]:
    def save(widget: QWidget, name: str) -> Path:
        QApplication.processEvents()  # pending layout requests, as a user would see them
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        assert widget.grab().save(str(path)), f"could not write {path}"
        return path

    return save


@pytest.fixture(scope="session")
def taxonomy() -> IntakeTaxonomy:
    return load_taxonomy()


@pytest.fixture
def snapshot() -> DirectorySnapshot:
    return sample_snapshot()
