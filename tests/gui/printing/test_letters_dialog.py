"""The letters dialog: referrals listed, consent respected, save/print/preview/print-all."""

import io
import threading
from pathlib import Path

import pytest
from printing_samples import METHADONE, SYRINGE
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from intake.gui.printing import letters_dialog as module
from intake.gui.printing import open_letters_dialog, pdf_print
from intake.gui.printing.jobs import Document, ToPrint
from intake.gui.printing.letters_dialog import LettersDialog
from intake.gui.printing.print_job import Letter, PrintError, PrintFailure, PrintResult
from intake.store import Database
from intake.store.records_tables import Disclosure

SHOTS = Path(__file__).resolve().parents[3] / "screenshots" / "printing"


def shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def disclosures(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Disclosure)).scalar_one())


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    return len(reader.pages), text


_parents: list[QWidget] = []


@pytest.fixture(autouse=True)
def _forget_parents() -> "object":
    yield
    _parents.clear()


def opened(qtbot: QtBot, database: Database, intake_id: str) -> LettersDialog:
    parent = QWidget()
    qtbot.addWidget(parent)
    _parents.append(parent)  # the window the lead opens it from; keeps the dialog alive
    dialog = open_letters_dialog(parent, database, intake_id)
    assert isinstance(dialog, LettersDialog)
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=20_000)
    return dialog


def idle(qtbot: QtBot, dialog: LettersDialog) -> None:
    qtbot.waitUntil(lambda: not dialog._busy, timeout=30_000)


def select_row(dialog: LettersDialog, service_id: str) -> None:
    for row in range(dialog.model.rowCount()):
        choice = dialog.model.choice(row)
        if choice is not None and choice.service_id == service_id:
            dialog.list.setCurrentIndex(dialog.model.index(row))
            return
    raise AssertionError("referral not listed")


def pdf_printer(out: Path) -> "type[object]":
    def ask(printer: QPrinter, parent: QWidget) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    return ask  # type: ignore[return-value]


def test_lists_referrals_and_refuses_a_letter_without_consent(
    qtbot: QtBot, demo_db: Database, intake_id: str
) -> None:
    dialog = opened(qtbot, demo_db, intake_id)
    ids = [dialog.model.choice(r).service_id for r in range(dialog.model.rowCount())]  # type: ignore[union-attr]
    assert ids == [METHADONE, SYRINGE]
    assert dialog.model.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    select_row(dialog, METHADONE)
    assert dialog.provider_radio.isEnabled() and dialog.provider_radio.isChecked()
    assert dialog.sections_box.isEnabled()
    allowed = dialog.context.allowed_sections  # type: ignore[union-attr]
    assert dialog.chosen_sections() == list(allowed)
    shot(dialog, "letters_dialog")

    select_row(dialog, SYRINGE)
    assert not dialog.provider_radio.isEnabled()
    assert dialog.handout_radio.isChecked()
    assert "No provider letter" in dialog.reason.text()
    assert "handout" in dialog.reason.text()
    assert not dialog.sections_box.isEnabled()
    assert dialog.current_document().kind == "handout"  # type: ignore[union-attr]
    shot(dialog, "letters_dialog_no_consent")


def test_save_as_pdf_writes_the_letter_and_records_a_disclosure(
    qtbot: QtBot,
    demo_db: Database,
    intake_id: str,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = out_dir / "letter"
    monkeypatch.setattr(LettersDialog, "ask_save_path", staticmethod(lambda parent, s: target))
    dialog = opened(qtbot, demo_db, intake_id)
    select_row(dialog, METHADONE)
    assert disclosures(demo_db) == 0
    dialog.save_button.click()
    idle(qtbot, dialog)
    written = out_dir / "letter.pdf"
    assert written.exists(), dialog.status.text()
    pages, text = pdf_text(written)
    assert pages >= 1 and "Harbor Light Community Clinic" in text
    assert disclosures(demo_db) == 1
    assert "Saved" in dialog.status.text()


def test_preview_renders_off_the_ui_thread_and_records_nothing(
    qtbot: QtBot, demo_db: Database, intake_id: str
) -> None:
    dialog = opened(qtbot, demo_db, intake_id)
    select_row(dialog, METHADONE)
    dialog.preview_button.click()
    idle(qtbot, dialog)
    preview = dialog.preview_dialog
    assert preview is not None
    qtbot.waitUntil(lambda: preview.ready, timeout=10_000)
    assert preview.document.pageCount() >= 2  # the letter and its return slip
    assert preview.page_label.text() == f"Page 1 of {preview.document.pageCount()}"
    assert not preview.previous_button.isEnabled()
    preview.next_button.click()
    qtbot.waitUntil(lambda: preview.current_page() == 1)
    preview.previous_button.click()
    qtbot.waitUntil(lambda: preview.current_page() == 0)
    qtbot.wait(300)  # QPdfView renders pages asynchronously
    shot(preview, "preview")
    assert disclosures(demo_db) == 0


def test_print_renders_every_page_into_the_printer(
    qtbot: QtBot,
    demo_db: Database,
    intake_id: str,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = out_dir / "printed.pdf"
    monkeypatch.setattr(LettersDialog, "ask_printer", staticmethod(pdf_printer(printed)))
    saved = out_dir / "saved.pdf"
    monkeypatch.setattr(LettersDialog, "ask_save_path", staticmethod(lambda parent, s: saved))
    dialog = opened(qtbot, demo_db, intake_id)
    select_row(dialog, METHADONE)
    dialog.print_button.click()
    idle(qtbot, dialog)
    assert printed.exists(), dialog.status.text()
    dialog.save_button.click()
    idle(qtbot, dialog)
    printed_pages, _ = pdf_text(printed)
    saved_pages, _ = pdf_text(saved)
    assert printed_pages == saved_pages
    first = PdfReader(str(printed)).pages[0].mediabox
    assert round(float(first.width)) == 595  # A4 from the settings
    assert disclosures(demo_db) == 2  # printed and saved: each a disclosure


def test_print_all_prints_letters_and_handout(
    qtbot: QtBot,
    demo_db: Database,
    intake_id: str,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = out_dir / "all.pdf"
    monkeypatch.setattr(LettersDialog, "ask_printer", staticmethod(pdf_printer(printed)))
    made: dict[str, tuple[int, str]] = {}  # letter title: its pages and text, as made

    def print_and_note(printer: QPrinter, letters: list[Letter], *args: object) -> object:
        for letter in letters:
            made[letter.title] = pdf_text(letter.path)
        return real_print_letters(printer, letters, *args)

    real_print_letters = module.print_letters
    monkeypatch.setattr(module, "print_letters", print_and_note)
    dialog = opened(qtbot, demo_db, intake_id)
    kinds = [d.kind for d in dialog.all_documents()]
    assert kinds == ["provider", "handout"]
    dialog.print_all_button.click()
    idle(qtbot, dialog)
    assert printed.exists(), dialog.status.text()
    assert list(made) == [
        "Provider letter to Methadone treatment (Rimview Opioid Treatment Program)",
        "Client handout",
    ]
    pages, text = pdf_text(printed)
    assert pages == sum(count for count, _ in made.values())  # every page of both
    for _, letter_text in made.values():  # each letter's words are in the printed file
        words = set(letter_text.split())
        assert len(words & set(text.split())) >= 0.9 * len(words)
    assert dialog.status.text() == f"Printed {pages} page(s) to {printed}."
    assert disclosures(demo_db) == 1
    assert not dialog.progress_bar.isVisible() and not dialog.cancel_button.isVisible()


def test_print_all_can_be_cancelled_while_the_letters_are_made(
    qtbot: QtBot,
    demo_db: Database,
    intake_id: str,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = out_dir / "cancelled.pdf"
    monkeypatch.setattr(LettersDialog, "ask_printer", staticmethod(pdf_printer(printed)))
    gate = threading.Event()
    real = module.make_to_print
    calls = []

    def slow(*args: object, **kwargs: object) -> ToPrint:
        calls.append(1)
        made = real(*args, **kwargs)  # type: ignore[arg-type]
        gate.wait(20)  # until the test has pressed Cancel
        return made

    monkeypatch.setattr(module, "make_to_print", slow)
    dialog = opened(qtbot, demo_db, intake_id)
    dialog.print_all_button.click()
    qtbot.waitUntil(lambda: calls == [1], timeout=20_000)
    assert dialog.progress_bar.isVisible() and dialog.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.cancel_button.isEnabled()
    gate.set()
    idle(qtbot, dialog)
    assert dialog.status.text() == "Printing cancelled; no file was written."
    assert calls == [1]  # the handout was never made
    assert not printed.exists()
    assert disclosures(demo_db) == 0  # the provider letter was made, never printed
    assert not dialog.progress_bar.isVisible()


def gate_pages(monkeypatch: pytest.MonkeyPatch, hold_at: int) -> tuple[threading.Event, list[int]]:
    """Hold the print worker when it starts drawing page `hold_at` until the gate opens."""
    gate, drawn = threading.Event(), []
    real = pdf_print.draw_page

    def held(*args: object) -> None:
        drawn.append(len(drawn) + 1)
        if len(drawn) == hold_at:
            gate.wait(20)
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_print, "draw_page", held)
    return gate, drawn


def test_cancel_while_printing_stops_and_keeps_no_file(
    qtbot: QtBot,
    demo_db: Database,
    intake_id: str,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = out_dir / "cancelled.pdf"
    monkeypatch.setattr(LettersDialog, "ask_printer", staticmethod(pdf_printer(printed)))
    gate, drawn = gate_pages(monkeypatch, hold_at=2)
    dialog = opened(qtbot, demo_db, intake_id)
    dialog.print_all_button.click()
    qtbot.waitUntil(lambda: len(drawn) == 2, timeout=20_000)  # held on page 2
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Printing letter"))
    # The window works while the worker prints: the status says where the job is.
    assert dialog.status.text() == (
        "Printing letter 1 of 2, “Provider letter to Methadone treatment "
        "(Rimview Opioid Treatment Program)”: page 1 of 3 done."
    )
    assert dialog.progress_bar.value() == 1 and dialog.progress_bar.maximum() >= 4
    assert dialog.progress_bar.text() == f"1 of {dialog.progress_bar.maximum()} pages"
    assert dialog.progress_bar.isVisible()
    assert not dialog.print_all_button.isEnabled()
    shot(dialog, "letters_dialog_printing")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    idle(qtbot, dialog)
    assert drawn == [1, 2]  # the page being drawn was finished, no other was started
    assert dialog.status.text() == "Printing cancelled; no file was written."
    assert not printed.exists()
    assert [p.name for p in out_dir.iterdir()] == []  # no temporary file left either
    assert disclosures(demo_db) == 0  # no file kept: the letter went nowhere
    assert dialog.print_all_button.isEnabled()


def test_a_letter_that_cannot_be_printed_is_named(
    qtbot: QtBot,
    demo_db: Database,
    intake_id: str,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = out_dir / "all.pdf"
    monkeypatch.setattr(LettersDialog, "ask_printer", staticmethod(pdf_printer(printed)))
    real = module.make_to_print

    def damaged_handout(
        context: object, document: Document, out: Path, **kwargs: object
    ) -> ToPrint:
        made = real(context, document, out, **kwargs)  # type: ignore[arg-type]
        if document.kind == "handout":
            made.path.write_bytes(b"%PDF-1.4 cut short")
        return made

    monkeypatch.setattr(module, "make_to_print", damaged_handout)
    dialog = opened(qtbot, demo_db, intake_id)
    dialog.print_all_button.click()
    idle(qtbot, dialog)
    assert dialog.status.text() == (
        "Could not print “Client handout”: its file is not a PDF that can be read. "
        "Nothing was printed."
    )
    assert "Traceback" not in dialog.status.text()
    assert not printed.exists()
    assert disclosures(demo_db) == 0
    shot(dialog, "letters_dialog_print_failed")


def test_closing_the_dialog_while_printing_stops_the_job(
    qtbot: QtBot,
    demo_db: Database,
    intake_id: str,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = out_dir / "closed.pdf"
    monkeypatch.setattr(LettersDialog, "ask_printer", staticmethod(pdf_printer(printed)))
    gate, drawn = gate_pages(monkeypatch, hold_at=1)
    dialog = opened(qtbot, demo_db, intake_id)
    folder = Path(dialog._temp.name)
    dialog.print_all_button.click()
    qtbot.waitUntil(lambda: drawn == [1], timeout=20_000)
    dialog.close_button.click()
    assert folder.exists()  # the worker still reads the letters from it
    gate.set()
    QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.waitUntil(lambda: not folder.exists(), timeout=10_000)
    assert drawn == [1]
    assert not printed.exists()


def test_sections_are_limited_to_what_the_consent_covers(
    qtbot: QtBot, demo_db: Database, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from printing_samples import TODAY

    from intake.directory.snapshot_loader import load_snapshot
    from intake.intake_model import load_intake, parse_intake
    from intake.paths import resource_path
    from intake.records import ChosenReferral, record_intake
    from intake.rules import load_rules, make_plan

    intake = load_intake(
        resource_path("examples", "intakes") / "consent_named_recipient.json", today=TODAY
    )
    data = intake.model_dump(mode="json", exclude_none=True)
    data["consent"]["information"] = ["identity", "goals"]
    intake = parse_intake(data, today=TODAY)
    plan = make_plan(intake, load_snapshot(demo_db), load_rules(), today=TODAY)
    stored = record_intake(
        demo_db, intake, chosen=[ChosenReferral(METHADONE)], plan=plan, counselor=None
    )
    target = out_dir / "narrow.pdf"
    monkeypatch.setattr(LettersDialog, "ask_save_path", staticmethod(lambda parent, s: target))

    dialog = opened(qtbot, demo_db, stored)
    enabled = [kind for kind, box in dialog.section_boxes.items() if box.isEnabled()]
    assert enabled == ["identity", "goals"]
    assert not dialog.section_boxes["substance_use"].isChecked()
    dialog.section_boxes["goals"].setChecked(False)
    assert dialog.chosen_sections() == ["identity"]
    dialog.save_button.click()
    idle(qtbot, dialog)
    _, text = pdf_text(target)
    assert "María" in text
    assert "Substance use" not in text and "What the client wants" not in text


def test_letters_printed_but_not_recorded_are_said_plainly(
    qtbot: QtBot,
    demo_db: Database,
    intake_id: str,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = out_dir / "all.pdf"
    monkeypatch.setattr(LettersDialog, "ask_printer", staticmethod(pdf_printer(printed)))

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "record_printed", broken)
    dialog = opened(qtbot, demo_db, intake_id)
    dialog.print_all_button.click()
    idle(qtbot, dialog)
    assert printed.exists()
    assert dialog.status.text() == (
        "The letters went to the printer, but 1 provider letter(s) could not be recorded in "
        "the client's accounting of disclosures. Note the disclosure by hand; the details "
        "were written to the log."
    )


def result(printed: int, *, cancelled: bool) -> PrintResult:
    return PrintResult(printed, 3, printed * 2, cancelled=cancelled, file=None)


def test_what_went_to_the_printer_is_what_is_recorded() -> None:
    letters = [Letter(title, Path(f"{title}.pdf")) for title in ("A", "B", "C")]
    assert module._sent(result(3, cancelled=False), to_file=False) == 3
    assert module._sent(result(3, cancelled=False), to_file=True) == 3
    # Cancelled on paper: the letters finished went out; to a file: nothing was kept.
    assert module._sent(result(2, cancelled=True), to_file=False) == 2
    assert module._sent(result(2, cancelled=True), to_file=True) == 0
    # The printer stopped on B: A went out, and B's first pages may have.
    stopped = PrintError(PrintFailure.PAGE, "B")
    assert module._sent_before(stopped, letters, to_file=False) == 2
    assert module._sent_before(stopped, letters, to_file=True) == 0
    assert module._sent_before(PrintError(PrintFailure.PRINTER), letters, to_file=False) == 0
    assert module._sent_before(PrintError(PrintFailure.MISSING, "C"), letters, False) == 0
