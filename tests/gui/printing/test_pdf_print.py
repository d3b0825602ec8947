"""Printing letters in a worker: every page in one job, progress in order, Cancel, readable
failures, and a UI thread that keeps running meanwhile. Real output: a PDF-file QPrinter."""

import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from printing_samples import SETTINGS
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from intake.gui.printing import pdf_print
from intake.gui.printing.page_raster import _cut_row, on_white, render_band
from intake.gui.printing.pdf_print import prepare_printer, print_letters
from intake.gui.printing.print_job import (
    Letter,
    PrintError,
    PrintFailure,
    PrintRelay,
    PrintResult,
    PrintStep,
)
from intake.gui.tasks import run_task


def make_letter(path: Path, name: str, pages: int) -> Letter:
    """A reportlab PDF whose every page says which letter and page it is."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 18)
        pdf.drawString(72, 760, f"{name} page {page} of {pages}")
        pdf.rect(72, 80 + 50 * page, 220, 30, stroke=0, fill=1)  # a block where only it has one
        pdf.setFont("Helvetica", 11)
        for line in range(30):
            pdf.drawString(72, 720 - 20 * line, f"Line {line + 1} of the {name.lower()} letter.")
        pdf.showPage()
    pdf.save()
    return Letter(f"{name} letter", path)


@pytest.fixture
def letters(tmp_path: Path) -> list[Letter]:
    return [
        make_letter(tmp_path / "first.pdf", "Alpha", 2),
        make_letter(tmp_path / "second.pdf", "Bravo", 3),
        make_letter(tmp_path / "third.pdf", "Charlie", 1),
    ]


def file_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, SETTINGS)  # A4
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def page_texts(path: Path) -> list[str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


class Job:
    """print_letters run through run_task, as the dialog does, with what it reported."""

    def __init__(self, qtbot: QtBot, relay: PrintRelay | None = None) -> None:
        self.owner = QWidget()
        qtbot.addWidget(self.owner)
        self.relay = relay or PrintRelay(self.owner)
        self.steps: list[PrintStep] = []
        self.relay.printed.connect(self.steps.append)
        self.result: PrintResult | None = None
        self.error: BaseException | None = None
        self.ended = False
        self.qtbot = qtbot

    def start(self, printer: QPrinter, letters: Sequence[Letter], **options: bool) -> "Job":
        def succeeded(result: PrintResult) -> None:
            self.result, self.ended = result, True

        def failed(exc: BaseException) -> None:
            self.error, self.ended = exc, True

        relay = self.relay
        run_task(self.owner, lambda: print_letters(printer, letters, relay, **options),
                 succeeded, failed)  # fmt: skip
        return self

    def wait(self) -> "Job":
        self.qtbot.waitUntil(lambda: self.ended, timeout=60_000)
        return self


class CancelAt(PrintRelay):
    """Presses Cancel (from the worker, so exactly there) once `done` pages are printed."""

    def __init__(self, parent: QWidget, done: int) -> None:
        super().__init__(parent)
        self.at = done

    def page_printed(self, step: PrintStep) -> None:
        super().page_printed(step)
        if step.done == self.at:
            self.cancel()


def test_prints_every_page_of_every_letter_into_one_pdf(
    qtbot: QtBot, letters: list[Letter], tmp_path: Path
) -> None:
    out = tmp_path / "out" / "printed.pdf"
    out.parent.mkdir()
    job = Job(qtbot).start(file_printer(out), letters).wait()
    assert job.error is None
    assert job.result == PrintResult(3, 3, 6, cancelled=False, file=out)
    texts = page_texts(out)
    assert len(texts) == 2 + 3 + 1  # the sum of the letters' pages, in order
    expected = [("Alpha", 1, 2), ("Alpha", 2, 2), ("Bravo", 1, 3), ("Bravo", 2, 3),
                ("Bravo", 3, 3), ("Charlie", 1, 1)]  # fmt: skip
    for text, (name, page, pages) in zip(texts, expected, strict=True):
        assert f"{name} page {page} of {pages}" in text
        assert f"Line 30 of the {name.lower()} letter." in text
    assert round(float(PdfReader(str(out)).pages[0].mediabox.width)) == 595  # A4
    assert leftovers(out.parent) == []


def test_printed_pages_look_like_the_letters(
    qtbot: QtBot, letters: list[Letter], tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"
    Job(qtbot).start(file_printer(out), letters[:1]).wait()
    original = [thumbnail(letters[0].path, page) for page in range(2)]
    printed = [thumbnail(out, page) for page in range(2)]
    # Soft edges move a little in resampling; a block missing or misplaced costs 255.
    assert largest_difference(printed[0], original[0]) < 100
    assert largest_difference(printed[1], original[1]) < 100
    assert largest_difference(printed[0], original[1]) > 200  # the measure can tell pages apart


def thumbnail(path: Path, page: int) -> QImage:
    document = QPdfDocument()
    document.load(str(path))
    image = document.render(page, QSize(298, 421))
    document.close()
    # Paper is transparent in a render of the reportlab file and white in the printed one.
    gray = on_white(image).convertToFormat(QImage.Format.Format_Grayscale8)
    return gray.scaled(
        QSize(60, 85),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def largest_difference(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    stride, width = a.bytesPerLine(), a.width()
    pixels_a, pixels_b = bytes(a.constBits()), bytes(b.constBits())
    return max(
        abs(pixels_a[row * stride + x] - pixels_b[row * stride + x])
        for row in range(a.height())
        for x in range(width)
    )


def test_progress_arrives_in_order(qtbot: QtBot, letters: list[Letter], tmp_path: Path) -> None:
    job = Job(qtbot).start(file_printer(tmp_path / "printed.pdf"), letters).wait()
    qtbot.waitUntil(lambda: len(job.steps) == 6)
    assert [(s.letter, s.page, s.pages, s.done) for s in job.steps] == [
        (1, 1, 2, 1), (1, 2, 2, 2), (2, 1, 3, 3), (2, 2, 3, 4), (2, 3, 3, 5), (3, 1, 1, 6),
    ]  # fmt: skip
    assert {(s.letters, s.total) for s in job.steps} == {(3, 6)}
    assert [s.title for s in job.steps[1:3]] == ["Alpha letter", "Bravo letter"]


def test_cancel_to_a_file_stops_at_the_next_page_and_keeps_no_file(
    qtbot: QtBot, letters: list[Letter], tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"
    out.write_bytes(b"an older file the user had")
    owner = QWidget()
    qtbot.addWidget(owner)
    job = Job(qtbot, CancelAt(owner, done=3)).start(file_printer(out), letters).wait()
    assert job.result == PrintResult(1, 3, 3, cancelled=True, file=None)
    qtbot.waitUntil(lambda: len(job.steps) == 3)
    assert out.read_bytes() == b"an older file the user had"  # not replaced, not truncated
    assert leftovers(tmp_path) == []


def test_cancel_on_paper_finishes_the_letter_being_printed(
    qtbot: QtBot, letters: list[Letter], tmp_path: Path
) -> None:
    # No real printer offscreen: a file printer with the paper rule shows what is drawn.
    owner = QWidget()
    qtbot.addWidget(owner)
    printer = file_printer(tmp_path / "printed.pdf")
    job = Job(qtbot, CancelAt(owner, done=3)).start(printer, letters, whole_letters=True).wait()
    # Cancel came on the first page of Bravo: its other two pages follow, Charlie does not.
    assert job.result == PrintResult(2, 3, 5, cancelled=True, file=None)


def test_cancel_before_the_first_page_starts_no_job(
    qtbot: QtBot, letters: list[Letter], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    begun: list[object] = []
    monkeypatch.setattr(pdf_print, "_start_page", lambda *args: begun.append(args))
    job = Job(qtbot)
    job.relay.cancel()
    job.start(file_printer(tmp_path / "printed.pdf"), letters, whole_letters=True).wait()
    assert job.result == PrintResult(0, 3, 0, cancelled=True, file=None)
    assert begun == []  # on paper, not even a blank page goes to the printer
    assert list(tmp_path.glob("printed*")) == []


@pytest.mark.parametrize(
    ("damage", "failure"),
    [
        (
            lambda path: path.write_bytes(b"%PDF-1.4 this is not really a PDF"),
            PrintFailure.UNREADABLE,
        ),
        (lambda path: path.unlink(), PrintFailure.MISSING),
    ],
    ids=["unreadable", "missing"],
)
def test_a_letter_that_cannot_be_read_is_named_and_nothing_is_printed(
    qtbot: QtBot,
    letters: list[Letter],
    tmp_path: Path,
    damage: Callable[[Path], None],
    failure: PrintFailure,
) -> None:
    damage(letters[1].path)
    out = tmp_path / "printed.pdf"
    job = Job(qtbot).start(file_printer(out), letters).wait()
    assert isinstance(job.error, PrintError)
    assert job.error.failure == failure
    assert job.error.letter == "Bravo letter"
    assert job.steps == []  # every letter is opened before the first page is printed
    assert not out.exists() and leftovers(tmp_path) == []


def test_a_folder_that_cannot_be_written_is_an_output_failure(
    qtbot: QtBot, letters: list[Letter], tmp_path: Path
) -> None:
    job = Job(qtbot).start(file_printer(tmp_path / "no such folder" / "out.pdf"), letters).wait()
    assert isinstance(job.error, PrintError)
    assert job.error.failure == PrintFailure.OUTPUT and job.error.letter is None
    assert job.error.detail  # the system's reason, shown to the user


def test_the_ui_thread_keeps_running_while_pages_print(qtbot: QtBot, tmp_path: Path) -> None:
    many = [make_letter(tmp_path / f"{n}.pdf", f"Letter{n}", 4) for n in range(4)]
    ticks = 0

    def tick() -> None:
        nonlocal ticks
        ticks += 1

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    job = Job(qtbot)
    seen: list[int] = []
    job.relay.printed.connect(lambda _step: seen.append(ticks))
    timer.start()
    job.start(file_printer(tmp_path / "printed.pdf"), many).wait()
    timer.stop()
    qtbot.waitUntil(lambda: len(seen) == 16)
    # Drawing every page on the UI thread (as before) gives no ticks at all until the end.
    # Here the timer kept firing all through the job: at least once per page printed.
    assert seen[-1] - seen[0] >= len(seen) - 1
    assert seen == sorted(seen)


def test_pages_are_printed_from_the_whole_page_picture(tmp_path: Path) -> None:
    """Bands rendered separately add up to the page rendered whole, pixel for pixel."""
    letter = make_letter(tmp_path / "one.pdf", "Delta", 1)
    document = QPdfDocument()
    document.load(str(letter.path))
    size = QSize(620, 877)
    whole = on_white(document.render(0, size))
    for rows in (100, 137, 877):
        for top in range(0, size.height(), rows):
            band = render_band(document, 0, size, top, min(rows, size.height() - top))
            assert band == whole.copy(0, top, size.width(), band.height()), (rows, top)
    document.close()


def test_bands_end_in_white_space_between_lines() -> None:
    image = QImage(50, 300, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    for y in range(300):
        if y not in (200, 230):
            image.setPixel(y % 50, y, 0xFF000000)  # something drawn on every other row
    assert _cut_row(image, 250) == 230
    assert _cut_row(image, 220) == 200
    assert _cut_row(image, 199) == 199  # none near enough: cut where the band is full
