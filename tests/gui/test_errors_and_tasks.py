"""The background-work helper and the last-resort error handler."""

import logging
import sys
import threading

import pytest

import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

from intake.gui import errors
from intake.gui.tasks import ProgressRelay, run_task
from intake.progress import Cancelled


def test_work_runs_off_the_ui_thread_and_the_callback_on_it(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[object] = []
    task = run_task(
        owner,
        lambda: threading.current_thread() is threading.main_thread(),
        lambda result: seen.append((result, threading.current_thread() is threading.main_thread())),
        seen.append,
    )
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert seen == [(False, True)]


def test_a_failure_reaches_the_failure_callback(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    failures: list[BaseException] = []

    def work() -> None:
        raise ValueError("bad")

    task = run_task(owner, work, lambda _: None, failures.append)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert len(failures) == 1 and isinstance(failures[0], ValueError)


def test_no_callback_once_the_owner_is_gone(qtbot) -> None:
    owner = QWidget()
    called: list[object] = []
    release = threading.Event()
    task = run_task(owner, lambda: release.wait(10), called.append, called.append)
    shiboken6.delete(owner)  # the window closed while the work was running
    with qtbot.waitSignal(task.finished, timeout=10_000):
        release.set()
    assert called == []


def test_progress_relay_raises_cancelled_after_cancel(qtbot) -> None:
    relay = ProgressRelay()
    with qtbot.waitSignal(relay.stepped) as blocker:
        relay.step("Reading", 1, 3)
    assert blocker.args == ["Reading", 1, 3]
    relay.cancel()
    with pytest.raises(Cancelled):
        relay.check()
    with pytest.raises(Cancelled):
        relay.step("Reading", 2, 3)


def test_the_excepthook_logs_where_but_never_the_message(monkeypatch, caplog) -> None:
    shown: list[bool] = []
    monkeypatch.setattr(errors, "show_error_dialog", lambda: shown.append(True))
    try:
        raise ValueError("client Maria Lopez, born 1990-04-12")
    except ValueError:
        exc_type, exc, tb = sys.exc_info()
    with caplog.at_level(logging.ERROR, logger="intake.gui"):
        errors.handle_exception(exc_type, exc, tb)  # type: ignore[arg-type]
    assert shown == [True]
    logged = caplog.text
    assert "unexpected ValueError" in logged
    assert "test_errors_and_tasks.py" in logged
    assert "Maria" not in logged and "1990" not in logged


def test_the_error_dialog_is_calm(qtbot, monkeypatch) -> None:
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: seen.append((box.windowTitle(), box.text()))
    )
    errors.show_error_dialog()
    assert seen == [(errors.TITLE, errors.TEXT)]
    assert "Traceback" not in errors.TEXT
