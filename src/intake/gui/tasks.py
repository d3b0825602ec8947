"""The one way the GUI runs slow work: off the UI thread, with callbacks back on it.

The shape of anki's operations and picard's `run_task`: `work` runs in a thread pool and
must not touch any widget; `on_success(result)` or `on_failure(exception)` then runs on
the UI thread, and only while `owner` (the widget that asked) still exists.
"""

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from shiboken6 import isValid

# Relays wait here until they deliver, so Python does not collect them mid-flight.
_pending: set["Task"] = set()


class Task(QObject):
    """A handle on one piece of running work; `finished` fires after its callback ran."""

    finished = Signal()
    _succeeded = Signal(object)
    _failed = Signal(object)

    def __init__(
        self,
        owner: QObject,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        super().__init__()  # no parent: it lives on the UI thread until it has delivered
        self._owner = owner
        self._on_success = on_success
        self._on_failure = on_failure
        queued = Qt.ConnectionType.QueuedConnection
        self._succeeded.connect(self._deliver_success, queued)
        self._failed.connect(self._deliver_failure, queued)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        self._deliver(self._on_success, result)

    @Slot(object)
    def _deliver_failure(self, exc: object) -> None:
        self._deliver(self._on_failure, exc)

    def _deliver(self, callback: Callable[[Any], None], value: object) -> None:
        try:
            if isValid(self._owner):
                callback(value)
        finally:
            _pending.discard(self)
            self.finished.emit()
            self.deleteLater()


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], Any], task: Task) -> None:
        super().__init__()
        self._work = work
        self._task = task

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # every failure, Cancelled included, goes back to the UI
            self._task._failed.emit(exc)
        else:
            self._task._succeeded.emit(result)


def run_task(
    owner: QObject,
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> Task:
    """Run `work()` off the UI thread; then `on_success(result)` or `on_failure(exc)` on it."""
    task = Task(owner, on_success, on_failure)
    _pending.add(task)
    QThreadPool.globalInstance().start(_Runnable(work, task))
    return task


class ProgressRelay(QObject):
    """A `Progress` for work in a worker: steps reach the UI as a signal, cancel is a flag.

    `step()` and `check()` are called from the worker; `cancel()` from the UI thread.
    """

    stepped = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()

    def step(self, stage: str, done: int, total: int) -> None:
        self.check()
        self.stepped.emit(stage, done, total)

    def check(self) -> None:
        if self._cancelled.is_set():
            from intake.progress import Cancelled  # here: not needed to start the window

            raise Cancelled()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()
