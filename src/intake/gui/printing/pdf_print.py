"""Putting finished PDFs on paper: each page rendered by QtPdf into a QPrinter's painter.

The PDFs are made by the core (reportlab); Qt only draws their pages, so what is printed
is exactly what is saved. Runs on the UI thread (QPainter on a printer), one page at a
time, asking `on_page` between pages whether to go on (a progress dialog's Cancel).
"""

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from intake.settings import ClinicSettings

PRINT_DPI = 300


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


def page_count(paths: Sequence[Path]) -> int:
    total = 0
    for path in paths:
        document = QPdfDocument()
        document.load(str(path))
        total += document.pageCount()
        document.close()
    return total


def print_pdfs(
    printer: QPrinter,
    paths: Sequence[Path],
    on_page: Callable[[int], bool] | None = None,
) -> int:
    """Print every page of every PDF in one job; returns the pages printed.

    `on_page(done)` is called after each page; returning False stops (the job is then
    aborted, so a half job is not sent on).
    """
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    printed = 0
    try:
        for path in paths:
            document = QPdfDocument()
            error = document.load(str(path))
            if error != QPdfDocument.Error.None_:
                raise OSError(f"could not read {path.name} to print it")
            try:
                for page in range(document.pageCount()):
                    if printed and not printer.newPage():
                        raise OSError("the printer could not start a new page")
                    _draw_page(painter, printer, document, page)
                    printed += 1
                    if on_page is not None and not on_page(printed):
                        printer.abort()
                        return printed
            finally:
                document.close()
    finally:
        if painter.isActive():
            painter.end()
    return printed


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    target = printer.pageLayout().fullRectPixels(printer.resolution())
    size_points = document.pagePointSize(page)
    scale = min(target.width() / size_points.width(), target.height() / size_points.height())
    width, height = int(size_points.width() * scale), int(size_points.height() * scale)
    # Render at print resolution (capped) so text stays sharp, then draw into the page.
    dpi_scale = min(PRINT_DPI, printer.resolution()) / 72.0
    image = document.render(
        page, QSize(int(size_points.width() * dpi_scale), int(size_points.height() * dpi_scale))
    )
    painter.drawImage(QRect(target.x(), target.y(), width, height), image)
