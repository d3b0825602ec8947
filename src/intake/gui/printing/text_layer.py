"""Invisible text over a printed page image, so a letter printed to a PDF file can still be
searched, copied and read aloud (the way scanned documents carry their recognised text).

Only for PDF-file output: on paper it is useless, and Windows printers rasterise
transparent drawing. Placement is approximate (the line's or word's box on the page),
which is all search and selection need. Runs in the print worker.
"""

import re

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QTransform
from PySide6.QtPdf import QPdfDocument

_LINE = re.compile(r"[^\r\n]+")


def draw_text_layer(
    painter: QPainter, document: QPdfDocument, page: int, to_device: QTransform
) -> None:
    text = document.getAllText(page).text()
    if not text.strip():
        return
    painter.save()
    painter.setPen(QColor(0, 0, 0, 0))  # drawn into the PDF's text, never seen
    try:
        for line in _LINE.finditer(text):
            _place_line(painter, document, page, line.start(), line.group(), to_device)
    finally:
        painter.restore()


def _place_line(
    painter: QPainter,
    document: QPdfDocument,
    page: int,
    start: int,
    line: str,
    to_device: QTransform,
) -> None:
    # A line in several pieces (a table row) is stretched over all of them: close enough
    # for search and selection, at one lookup per line (each one re-reads the page).
    box = document.getSelectionAtIndex(page, start, len(line)).boundingRectangle()
    _fit(painter, line.strip(), to_device.mapRect(box))


def _fit(painter: QPainter, text: str, box: QRectF) -> None:
    """Draw `text` stretched to fill `box` (device pixels), baseline near its bottom."""
    if not text or box.height() <= 0 or box.width() <= 0:
        return
    font = QFont(painter.font())
    font.setPixelSize(max(1, round(box.height())))
    painter.setFont(font)
    metrics = painter.fontMetrics()
    width = metrics.horizontalAdvance(text)
    if width <= 0:
        return
    painter.save()
    painter.translate(box.left(), box.bottom() - metrics.descent() * 0.5)
    painter.scale(box.width() / width, 1.0)
    painter.drawText(QPointF(0, 0), text)
    painter.restore()
