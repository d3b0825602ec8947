"""Putting finished PDFs on paper, in a worker thread: every page of every letter, one job.

    prepare_printer(printer, settings)                  # UI thread, before QPrintDialog
    result = print_letters(printer, letters, relay)     # worker (run_task), then UI again

The PDFs are made by the core (reportlab); QtPdf renders their pages and a QPainter draws
them on the printer, both allowed outside the GUI thread (Qt: "Painting in threads";
QtPdf serialises PDFium behind one lock). The printer belongs to the worker until the
job ends: the UI thread must not touch it meanwhile.

Every letter is opened before anything is printed, so an unreadable one stops the job
with its name and nothing sent. On Cancel:
- to a PDF file: the job stops at the next page and the file is not written. Pages go to
  a temporary file beside it, renamed over it only when the job is complete, so a file
  that exists is a whole one (and a file already there is left as it was).
- to paper: Qt cannot take back pages it has drawn (QPrinter.abort() does nothing on
  CUPS, PDF or Windows printers; ending the painter sends the job), so the job stops
  after the letter being printed: only whole letters reach the printer.
"""

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from intake.gui.printing.page_raster import draw_page, page_geometry
from intake.gui.printing.print_job import (
    Letter,
    PrintError,
    PrintFailure,
    PrintProgress,
    PrintResult,
    PrintStep,
)
from intake.gui.printing.text_layer import draw_text_layer
from intake.settings import ClinicSettings

_LOAD_FAILURES = {
    QPdfDocument.Error.FileNotFound: PrintFailure.MISSING,
    QPdfDocument.Error.IncorrectPassword: PrintFailure.PROTECTED,
    QPdfDocument.Error.UnsupportedSecurityScheme: PrintFailure.PROTECTED,
}


def page_size_for(settings: ClinicSettings) -> QPageSize:
    if settings.paper_size == "a4":
        return QPageSize(QPageSize.PageSizeId.A4)
    return QPageSize(QPageSize.PageSizeId.Letter)


def prepare_printer(printer: QPrinter, settings: ClinicSettings) -> None:
    """Paper from the clinic's settings; no margins of its own (the PDFs have theirs)."""
    printer.setPageSize(page_size_for(settings))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def output_file(printer: QPrinter) -> Path | None:
    """The PDF file the printer writes, or None when it prints on paper."""
    name = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and name:
        return Path(name)
    return None


def print_letters(
    printer: QPrinter,
    letters: Sequence[Letter],
    progress: PrintProgress,
    *,
    whole_letters: bool | None = None,
) -> PrintResult:
    """Print every page of `letters` in order, in one job. Raises PrintError.

    `whole_letters`: on Cancel, finish the letter being printed (default: on paper only).
    """
    target = output_file(printer)
    if whole_letters is None:
        whole_letters = target is None
    with ExitStack() as stack:
        documents = [stack.enter_context(_opened(letter)) for letter in letters]
        if target is None:
            return _paint(printer, letters, documents, progress, whole_letters, text=False)
        # Pages go to a file beside the target, put in its place only when complete.
        temporary = _temporary_beside(target)
        printer.setOutputFileName(str(temporary))
        try:
            result = _paint(printer, letters, documents, progress, whole_letters, text=True)
            if result.cancelled:
                return result
            _replace(temporary, target)
            return replace(result, file=target)
        finally:
            printer.setOutputFileName(str(target))
            temporary.unlink(missing_ok=True)


@contextmanager
def _opened(letter: Letter) -> Iterator[QPdfDocument]:
    """The letter's PDF, made and closed in this (worker) thread; PrintError if unusable."""
    document = QPdfDocument()
    try:
        error = document.load(str(letter.path))
        if error != QPdfDocument.Error.None_:
            failure = _LOAD_FAILURES.get(error, PrintFailure.UNREADABLE)
            if not letter.path.exists():
                failure = PrintFailure.MISSING
            raise PrintError(failure, letter.title, error.name)
        if document.pageCount() < 1:
            raise PrintError(PrintFailure.EMPTY, letter.title)
        yield document
    finally:
        document.close()
        shiboken6.delete(document)  # a QObject of this thread: freed here, not by another


def _temporary_beside(target: Path) -> Path:
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=".pdf.part", dir=target.parent
        )
    except OSError as exc:
        raise PrintError(PrintFailure.OUTPUT, None, exc.strerror or str(exc)) from exc
    os.close(handle)
    return Path(name)


def _replace(temporary: Path, target: Path) -> None:
    try:
        os.replace(temporary, target)
    except OSError as exc:
        raise PrintError(PrintFailure.OUTPUT, None, exc.strerror or str(exc)) from exc


def _paint(
    printer: QPrinter,
    letters: Sequence[Letter],
    documents: Sequence[QPdfDocument],
    progress: PrintProgress,
    whole_letters: bool,
    *,
    text: bool,
) -> PrintResult:
    counts = [document.pageCount() for document in documents]
    total = sum(counts)
    done = 0
    painter = QPainter()
    try:
        for number, (letter, document, pages) in enumerate(
            zip(letters, documents, counts, strict=True), start=1
        ):
            for page in range(pages):
                if progress.cancelled and (page == 0 or not whole_letters):
                    return PrintResult(number - 1, len(letters), done, True, None)
                _start_page(painter, printer, letter)
                geometry = page_geometry(printer, document.pagePointSize(page))
                draw_page(painter, document, page, geometry)
                if text:
                    draw_text_layer(painter, document, page, geometry.points_to_device())
                done += 1
                step = PrintStep(number, len(letters), letter.title, page + 1, pages, done, total)
                progress.page_printed(step)
        return PrintResult(len(letters), len(letters), done, False, None)
    finally:
        if painter.isActive():
            # Sends the job. After a Cancel on paper that is whole letters only; after a
            # failure mid-letter the pages drawn go too (Qt cannot take them back).
            painter.end()


def _start_page(painter: QPainter, printer: QPrinter, letter: Letter) -> None:
    # The job starts with its first page, so a job cancelled before it sends nothing at
    # all (beginning one would put a blank page in the printer's queue).
    if not painter.isActive():
        if not painter.begin(printer):
            raise PrintError(PrintFailure.PRINTER, letter.title)
    elif not printer.newPage():
        raise PrintError(PrintFailure.PAGE, letter.title)
