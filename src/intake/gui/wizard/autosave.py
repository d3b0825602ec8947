"""Never lose an answer: every change reaches the draft in the database within a second.

A change (re)starts a short single-shot timer; when it fires, the draft's answers are
saved with `records.save_draft` off the UI thread. Saves run one at a time, in order: a
change made while a save is running is saved right after it. `flush()` waits for the
running save and writes what is left at once (before Finish or closing); `discard()`
deletes the draft. The first save creates the draft and gives it its id.
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal

from intake.gui.errors import where
from intake.gui.tasks import Task, run_task
from intake.records import discard_draft, save_draft
from intake.store.db import Database

log = logging.getLogger(__name__)

DELAY_MS = 600  # after the last change; with the save itself, well within a second


class Autosaver(QObject):
    """Saves a draft a moment after each change, off the UI thread, one save at a time."""

    saved = Signal(str)  # the draft id, after each save
    failed = Signal(str)  # a sentence for the counselor

    def __init__(
        self,
        database: Database,
        answers: Callable[[], dict[str, Any]],
        *,
        counselor: str | None,
        client_id: Callable[[], str | None],
        draft_id: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.draft_id = draft_id
        self.counselor = counselor
        self._answers = answers
        self._client_id = client_id
        self._dirty = False
        self._running: Task | None = None
        self._stopped = False
        self.last_save_ms: float | None = None  # how long the last save took in its thread
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self._save)

    @property
    def pending(self) -> bool:
        """Is there a change not yet in the database?"""
        return self._dirty or self._running is not None

    def changed(self) -> None:
        """An answer changed: save it shortly."""
        if self._stopped:
            return
        self._dirty = True
        self.timer.start()

    def _save(self) -> None:
        if self._stopped or not self._dirty:
            return
        if self._running is not None:
            return  # saved again when the running save is done
        self._dirty = False
        answers, client_id, draft_id = self._answers(), self._client_id(), self.draft_id
        database, counselor = self.database, self.counselor

        def work() -> tuple[str, float]:
            started = time.perf_counter()
            saved_id = save_draft(
                database,
                intake_id=draft_id,
                answers=answers,
                counselor=counselor,
                client_id=client_id,
            )
            return saved_id, (time.perf_counter() - started) * 1000

        self._running = run_task(self, work, self._done, self._failed)

    def _done(self, result: tuple[str, float]) -> None:
        self._running = None
        self.draft_id, self.last_save_ms = result
        self.saved.emit(self.draft_id)
        if self._dirty and not self._stopped:
            self._save()

    def _failed(self, exc: BaseException) -> None:
        self._running = None
        self._dirty = True  # still to be saved: try again at the next change
        log.warning("saving the draft failed: %s\n%s", type(exc).__name__, where(exc.__traceback__))
        self.failed.emit(
            self.tr("Your answers could not be saved just now; they are kept on screen.")
        )

    def wait(self) -> None:
        """Wait for the save in flight (a few milliseconds), keeping the window painted."""
        while self._running is not None:
            loop = QEventLoop()
            self._running.finished.connect(loop.quit)
            if self._running is not None:
                loop.exec()

    def flush(self) -> str | None:
        """Save everything now, on this thread; returns the draft id (None if nothing to save)."""
        self.timer.stop()
        self.wait()
        if self._dirty and not self._stopped:
            self._dirty = False
            self.draft_id = save_draft(
                self.database,
                intake_id=self.draft_id,
                answers=self._answers(),
                counselor=self.counselor,
                client_id=self._client_id(),
            )
        return self.draft_id

    def stop(self) -> None:
        """No more saves (the intake was finished, or the draft discarded)."""
        self.timer.stop()
        self.wait()
        self._stopped = True

    def restart(self) -> None:
        """Save again after a stop (storing the finished intake failed)."""
        self._stopped = False
        self.changed()

    def discard(self) -> None:
        """Stop saving and delete the draft, if one was saved."""
        self.stop()
        if self.draft_id is not None:
            discard_draft(self.database, self.draft_id)
            self.draft_id = None
