"""One PDF page drawn onto a printer as an image, a band at a time (for a worker thread).

PySide keeps the GIL while QtPdf renders and while QPainter draws, so one whole-page call
would stall the UI thread for as long as it takes (about 0.1 to 0.2 s per page measured
here). Bands of BAND_ROWS rows keep every such call short, so the window keeps up. The
bands line up exactly: together they equal a whole-page render (tests check this).
"""

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

PRINT_DPI = 300  # sharp text on paper; more only makes the job slower and larger
BAND_ROWS = 400  # about an inch at PRINT_DPI: each render/draw call takes a few ms
OVERLAP = 4  # rows each band shares with the next (the same pixels: bands are exact)
CUT_SEARCH = 120  # rows to look back for white space to end a band in (over a text line)


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """Where a PDF page lands on the printer's page, and at what size it is rendered."""

    image: QSize  # the page rendered at PRINT_DPI (or the printer's, if lower), in pixels
    target: QRectF  # where it is drawn, in printer device pixels
    scale: float  # printer device pixels per PDF point

    def band_target(self, top: int, rows: int) -> QRectF:
        per_row = self.target.height() / self.image.height()
        return QRectF(
            self.target.x(), self.target.y() + top * per_row, self.target.width(), rows * per_row
        )

    def points_to_device(self) -> QTransform:
        return QTransform(self.scale, 0, 0, self.scale, self.target.x(), self.target.y())


def page_geometry(printer: QPrinter, page_points: QSizeF) -> PageGeometry:
    """Fit the page into the printer's full page (no margins of its own), keeping its shape."""
    paper = printer.pageLayout().fullRectPixels(printer.resolution())
    scale = min(paper.width() / page_points.width(), paper.height() / page_points.height())
    target = QRectF(paper.x(), paper.y(), page_points.width() * scale, page_points.height() * scale)
    pixels_per_point = min(PRINT_DPI, printer.resolution()) / 72.0
    image = QSize(
        max(1, round(page_points.width() * pixels_per_point)),
        max(1, round(page_points.height() * pixels_per_point)),
    )
    return PageGeometry(image, target, scale)


def draw_page(painter: QPainter, document: QPdfDocument, page: int, geometry: PageGeometry) -> None:
    """Render `page` band by band and draw each band where it belongs on the printer."""
    height = geometry.image.height()
    top = 0
    while top < height:
        rows = min(BAND_ROWS + OVERLAP, height - top)
        band = render_band(document, page, geometry.image, top, rows)
        cut = rows if top + rows >= height else _cut_row(band, BAND_ROWS)
        # The band goes OVERLAP rows past its cut, under the next band's edge: viewers
        # blend the soft edges of two images that merely touch into a faint line.
        shown = min(cut + OVERLAP, rows)
        if shown < rows:
            band = band.copy(0, 0, band.width(), shown)
        painter.drawImage(geometry.band_target(top, shown), band)
        top += cut


def _cut_row(band: QImage, limit: int) -> int:
    """A row at or before `limit` where the band is one colour from side to side (the
    white between lines of text, as a rule), so that band edges fall where nothing is
    drawn; `limit` itself if there is none within CUT_SEARCH rows."""
    pixels = band.constBits()
    stride = band.bytesPerLine()
    width = band.width() * 4  # Format_RGB32
    for row in range(limit, max(limit - CUT_SEARCH, 1), -1):
        line = bytes(pixels[row * stride : row * stride + width])
        if line[4:] == line[:-4]:
            return row
    return limit


def render_band(document: QPdfDocument, page: int, size: QSize, top: int, rows: int) -> QImage:
    """Rows `top` to `top + rows` of the page rendered at `size`, on white, without alpha."""
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(size)
    # QtPdf builds its matrix from QRect.right()/bottom(), which are one pixel short of
    # the edge: a clip of the band's own size would shrink it by a pixel. One more row and
    # column makes the bands equal a whole-page render (test_page_raster checks that).
    options.setScaledClipRect(QRect(0, top, size.width() + 1, rows + 1))
    rendered = document.render(page, QSize(size.width(), rows), options)
    return on_white(rendered)


def on_white(image: QImage) -> QImage:
    """QtPdf leaves the paper transparent; an opaque image prints faster and smaller."""
    opaque = QImage(image.size(), QImage.Format.Format_RGB32)
    opaque.fill(Qt.GlobalColor.white)
    painter = QPainter(opaque)
    painter.drawImage(0, 0, image)
    painter.end()
    return opaque
