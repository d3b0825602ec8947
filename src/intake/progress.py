"""Reporting progress from long work, and asking it to stop, without knowing who watches.

The command line shows a bar on a terminal; the GUI moves a QProgressBar from a worker
thread; tests pass nothing. Work calls `progress.step(...)` now and then and raises
`Cancelled` (through `check()`) when asked to stop, so a transaction rolls back whole.
"""

import threading
from typing import Protocol


class Cancelled(Exception):
    """The user asked the work to stop; nothing it was writing has been kept."""


class Progress(Protocol):
    def step(self, stage: str, done: int, total: int) -> None: ...

    def check(self) -> None:
        """Raise `Cancelled` if the user asked to stop."""
        ...


class NoProgress:
    """Progress nobody watches; can still be cancelled from another thread."""

    def __init__(self) -> None:
        self._cancel = threading.Event()

    def step(self, stage: str, done: int, total: int) -> None:
        self.check()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()
