"""What a print job is given, what it reports while it runs, and how it ends.

The job runs in a worker (pdf_print.print_letters); PrintRelay carries its page steps to
the UI thread as a signal and its Cancel back as a flag. Failures say which letter and
what went wrong as data; the dialog turns them into sentences.
"""

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from intake.gui.tasks import ProgressRelay


@dataclass(frozen=True, slots=True)
class Letter:
    """One finished PDF to print, and what the user calls it (named in messages)."""

    title: str
    path: Path


@dataclass(frozen=True, slots=True)
class PrintStep:
    """Sent after each page has gone to the printer."""

    letter: int  # which letter, counting from 1
    letters: int
    title: str
    page: int  # which page of that letter, counting from 1
    pages: int  # pages in that letter
    done: int  # pages printed in the whole job
    total: int


@dataclass(frozen=True, slots=True)
class PrintResult:
    letters_printed: int  # letters whose every page was drawn
    letters: int
    pages_printed: int
    cancelled: bool
    file: Path | None  # the PDF file written; None on paper, or when nothing was kept


class PrintFailure(enum.Enum):
    MISSING = "missing"  # the letter's file is not there
    UNREADABLE = "unreadable"  # not a PDF that QtPdf can read
    PROTECTED = "protected"  # needs a password
    EMPTY = "empty"  # no pages
    PRINTER = "printer"  # the printer (or its output file) could not be started
    PAGE = "page"  # the printer refused a new page
    OUTPUT = "output"  # the PDF file could not be written or put in place


class PrintError(Exception):
    """Printing stopped; `letter` names the letter it stopped on, if any."""

    def __init__(self, failure: PrintFailure, letter: str | None = None, detail: str = "") -> None:
        super().__init__(failure.value)
        self.failure = failure
        self.letter = letter
        self.detail = detail


class PrintProgress(Protocol):
    @property
    def cancelled(self) -> bool: ...

    def page_printed(self, step: PrintStep) -> None: ...


class PrintRelay(ProgressRelay):
    """ProgressRelay (document steps, Cancel) plus a signal per printed page."""

    printed = Signal(object)  # PrintStep

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def page_printed(self, step: PrintStep) -> None:
        # The dialog may have been closed (and this relay deleted with it) mid-job: the
        # job then stops at its next check instead of failing half-way through a letter.
        if isValid(self):
            self.printed.emit(step)
