"""After a crash or a kill: offer to resume the intake that was being entered.

Each start writes "running, since <time>" to this desk's preferences and each clean quit
clears it. When a start finds the mark still there, intake was not closed properly, and
the drafts changed since that session began (by this counselor, or by nobody named) are
the ones that were left open. Drafts kept on purpose (the wizard asks when it closes)
are only listed, never pressed on the counselor at start.
"""

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from intake.gui import i18n
from intake.gui.clients.stored_time import aware
from intake.gui.i18n import fill

if TYPE_CHECKING:
    from intake.records import DraftSummary

RUNNING_KEY = "session/running_since"


class SessionMarker:
    """Was the last session on this desk closed properly?

    The desk's preferences file is opened when first needed (default: i18n.desk_settings).
    """

    def __init__(self, settings: QSettings | None = None) -> None:
        self._given = settings
        self._opened: QSettings | None = None

    @property
    def _settings(self) -> QSettings:
        if self._opened is None:
            self._opened = self._given or i18n.desk_settings()
        return self._opened

    def begin(self, now: dt.datetime | None = None) -> dt.datetime | None:
        """Mark this session as running; the start of an earlier one left open, if any."""
        left_open = self._running_since()
        now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)  # as drafts' times are
        self._settings.setValue(RUNNING_KEY, now.isoformat())
        self._settings.sync()
        return left_open

    def end(self) -> None:
        """A clean quit."""
        self._settings.remove(RUNNING_KEY)
        self._settings.sync()

    def _running_since(self) -> dt.datetime | None:
        value = self._settings.value(RUNNING_KEY)
        if not value:
            return None
        try:
            since = dt.datetime.fromisoformat(str(value))
        except ValueError:
            return dt.datetime.min.replace(tzinfo=dt.UTC)  # unreadable: offer every draft
        return aware(since)


def drafts_left_open(
    drafts: Sequence["DraftSummary"], since: dt.datetime, counselor: str | None
) -> list["DraftSummary"]:
    """The drafts changed since `since` by this counselor (or by nobody named), newest first."""
    mine = [d for d in drafts if not counselor or not d.counselor or d.counselor == counselor]
    return [d for d in mine if aware(d.updated_at) >= since]


def ask_resume(parent: QWidget | None, drafts: Sequence["DraftSummary"]) -> bool:
    """Ask whether to resume the newest draft left open; True to resume it now.

    A static call, so tests can replace it (a modal box would block them).
    """
    from PySide6.QtWidgets import QMessageBox  # only when asked: not needed to start

    newest = drafts[0]
    name = newest.client_name or QCoreApplication.translate(
        "ResumePrompt", "a client not named yet"
    )
    text = fill(
        QCoreApplication.translate(
            "ResumePrompt", "The intake for %1 was not finished when the program closed."
        ),
        name,
    )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ResumePrompt", "Resume the unfinished intake?"),
        text,
        parent=parent,
    )
    info = QCoreApplication.translate(
        "ResumePrompt", "Every answer given so far was saved. Resume it now?"
    )
    more = len(drafts) - 1
    if more == 1:
        info += "\n\n" + QCoreApplication.translate(
            "ResumePrompt", "1 other unfinished intake is listed under Unfinished intakes."
        )
    elif more > 1:
        info += "\n\n" + fill(
            QCoreApplication.translate(
                "ResumePrompt", "%1 other unfinished intakes are listed under Unfinished intakes."
            ),
            more,
        )
    box.setInformativeText(info)
    resume = box.addButton(
        QCoreApplication.translate("ResumePrompt", "&Resume now"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("ResumePrompt", "&Later"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(resume)
    box.exec()
    return box.clickedButton() is resume
