"""Letters for one stored intake: provider letters and the client handout, previewed,
printed, saved as PDF, or printed all at once.

The core decides what may be made (consent, sections) and makes the PDFs (jobs.py);
pdf_print puts them on paper. Both run off the UI thread through run_task; this dialog
only asks and shows, with progress and Cancel while printing (closing it cancels too).
Every provider letter that is saved, or that goes to the printer, is recorded in the
client's accounting of disclosures; a print cancelled or failed before a letter is not,
and a preview is not a disclosure. Temporary PDFs live in a folder removed when
the dialog closes (or, if it closes mid-print, when the print worker has finished).
"""

import datetime as dt
import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from intake.gui.printing.jobs import (
    Document,
    LettersContext,
    ReferralChoice,
    ToPrint,
    load_letters_context,
    make_document,
    make_to_print,
    record_printed,
)
from intake.gui.printing.pdf_print import output_file, prepare_printer, print_letters
from intake.gui.printing.preview import PdfPreviewDialog
from intake.gui.printing.print_job import (
    Letter,
    PrintError,
    PrintFailure,
    PrintRelay,
    PrintResult,
    PrintStep,
)
from intake.gui.tasks import Task, run_task
from intake.letters import KINDS
from intake.problems import InputError
from intake.progress import Cancelled
from intake.store.db import Database

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1


class ReferralListModel(QAbstractListModel):
    """The intake's referrals, checkable (which go on the handout and into "Print all")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices: list[ReferralChoice] = []
        self._checked: list[bool] = []

    def set_choices(self, choices: Sequence[ReferralChoice]) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        self._checked = [True] * len(self._choices)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        choice = self._choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return choice.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return choice.refusal or self.tr("A provider letter can be made.")
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = self._checked[index.row()]
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == CHOICE_ROLE:
            return choice
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))  # type: ignore[call-overload]
        self._checked[index.row()] = state == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def checked(self) -> list[ReferralChoice]:
        return [c for c, on in zip(self._choices, self._checked, strict=True) if on]

    def choices(self) -> list[ReferralChoice]:
        return list(self._choices)

    def choice(self, row: int) -> ReferralChoice | None:
        return self._choices[row] if 0 <= row < len(self._choices) else None


class LettersDialog(QDialog):
    # Modal system dialogs behind statics, so tests (and the lead) can patch them.
    @staticmethod
    def ask_printer(printer: QPrinter, parent: QWidget) -> bool:
        dialog = QPrintDialog(printer, parent)
        # Page ranges would be ignored: the letters are printed whole.
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, False)
        return dialog.exec() == QDialog.DialogCode.Accepted

    @staticmethod
    def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("LettersDialog", "Save as PDF"),
            suggested,
            QCoreApplication.translate("LettersDialog", "PDF documents (*.pdf)"),
        )
        return Path(name) if name else None

    def __init__(self, database: Database, intake_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Letters and handout"))
        self.database = database
        self.intake_id = intake_id
        self.context: LettersContext | None = None
        self._temp = tempfile.TemporaryDirectory(prefix="intake-print-")
        self._counter = 0
        self.preview_dialog: PdfPreviewDialog | None = None
        self.relay: PrintRelay | None = None
        self._print_task: Task | None = None
        self._busy = False

        self.model = ReferralListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Referrals"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        list_label = QLabel(self.tr("&Referrals (ticked ones go on the handout and in Print all):"))
        list_label.setBuddy(self.list)
        list_label.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setAccessibleName(self.tr("Provider letter status"))
        self.reason.setMinimumHeight(3 * self.fontMetrics().lineSpacing())
        self.reason.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.provider_radio = QRadioButton(self.tr("Provider &letter to the selected referral"))
        self.handout_radio = QRadioButton(self.tr("Client &handout for the ticked referrals"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.provider_radio)
        self.kind_group.addButton(self.handout_radio)
        document_box = QGroupBox(self.tr("Document"))
        document_layout = QVBoxLayout(document_box)
        document_layout.addWidget(self.provider_radio)
        document_layout.addWidget(self.handout_radio)

        self.sections_box = QGroupBox(self.tr("Sections in the provider letter"))
        sections_layout = QGridLayout(self.sections_box)
        self.section_boxes: dict[str, QCheckBox] = {}
        for number, kind in enumerate(KINDS):
            box = QCheckBox(self._section_label(kind))
            box.setEnabled(False)
            self.section_boxes[kind] = box
            sections_layout.addWidget(box, number // 2, number % 2)
        self.sections_note = QLabel(self.tr("Only what the client's consent allows can be ticked."))
        self.sections_note.setWordWrap(True)
        sections_layout.addWidget(self.sections_note, (len(KINDS) + 1) // 2, 0, 1, 2)

        self.status = QLabel(self.tr("Loading the intake…"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Status"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Printing progress"))
        self.cancel_button = QPushButton(self.tr("Ca&ncel printing"))
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)

        self.preview_button = QPushButton(self.tr("Pre&view"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.print_all_button = QPushButton(self.tr("Print &all…"))
        self.print_all_button.setToolTip(
            self.tr("A provider letter for each ticked referral that allows one, and the handout.")
        )
        self.close_button = QPushButton(self.tr("&Close"))
        actions = QHBoxLayout()
        for button in (
            self.preview_button,
            self.print_button,
            self.save_button,
            self.print_all_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.reason)
        layout.addWidget(document_box)
        layout.addWidget(self.sections_box)
        layout.addWidget(self.status)
        layout.addLayout(progress_row)
        layout.addLayout(actions)

        self.list.selectionModel().currentChanged.connect(self._update)
        self.model.dataChanged.connect(self._update)
        self.kind_group.buttonToggled.connect(self._update)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_current)
        self.save_button.clicked.connect(self.save_current)
        self.print_all_button.clicked.connect(self.print_all)
        self.cancel_button.clicked.connect(self.cancel_printing)
        self.close_button.clicked.connect(self.reject)
        self.setTabOrder(self.list, self.provider_radio)
        self.setTabOrder(self.provider_radio, self.handout_radio)

        height = self.fontMetrics().height()
        self.resize(46 * height, 36 * height)
        self._show_progress(False)
        self._set_actions_enabled(False)
        today = dt.date.today()
        run_task(
            self,
            lambda: load_letters_context(database, intake_id, today=today),
            self._loaded,
            self._failed,
        )

    # -- loading ------------------------------------------------------------------------

    def _loaded(self, context: LettersContext) -> None:
        self.context = context
        self.model.set_choices(context.referrals)
        for kind, box in self.section_boxes.items():
            allowed = kind in context.allowed_sections
            box.setEnabled(allowed)
            box.setChecked(allowed)
        if context.referrals:
            self.list.setCurrentIndex(self.model.index(0))
            self.status.setText("")
        else:
            self.status.setText(self.tr("This intake has no referrals to write letters for."))
        first = self.model.choice(0)
        (self.provider_radio if first and first.letter_allowed else self.handout_radio).setChecked(
            True
        )
        self._update()

    def _section_label(self, kind: str) -> str:
        labels = {
            "identity": self.tr("&Identity (name, date of birth)"),
            "contact": self.tr("C&ontact details"),
            "goals": self.tr("&Goals"),
            "substance_use": self.tr("S&ubstance use"),
            "risks": self.tr("Ris&ks"),
            "circumstances": self.tr("Circu&mstances"),
        }
        return labels.get(kind, kind)

    # -- state --------------------------------------------------------------------------

    def current_choice(self) -> ReferralChoice | None:
        return self.model.choice(self.list.currentIndex().row())

    def chosen_sections(self) -> list[str]:
        return [
            kind for kind, box in self.section_boxes.items() if box.isEnabled() and box.isChecked()
        ]

    def _update(self) -> None:
        choice = self.current_choice()
        allowed = choice is not None and choice.letter_allowed
        self.provider_radio.setEnabled(allowed)
        if not allowed and self.provider_radio.isChecked():
            self.handout_radio.setChecked(True)
        if choice is None:
            self.reason.setText("")
        elif choice.letter_allowed:
            self.reason.setText(
                self.tr("A provider letter to %1 can be made.").replace("%1", choice.title)
            )
        else:
            refusal = choice.refusal or ""
            if "handout" not in refusal:  # the core's reasons mostly suggest it already
                refusal += " " + self.tr("You can give the client the handout instead.")
            self.reason.setText(self.tr("No provider letter: %1").replace("%1", refusal))
        self.sections_box.setEnabled(self.provider_radio.isChecked())
        self._set_actions_enabled(self.context is not None and not self._busy)

    def _set_actions_enabled(self, enabled: bool) -> None:
        has_document = self.current_document() is not None
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(enabled and has_document)
        self.print_all_button.setEnabled(enabled and bool(self.all_documents()))

    def current_document(self) -> Document | None:
        if self.context is None:
            return None
        if self.provider_radio.isChecked():
            choice = self.current_choice()
            if choice is None or not choice.letter_allowed:
                return None
            return Document.provider(choice.service_id, self.chosen_sections())
        services = [c.service_id for c in self.model.checked() if c.service is not None]
        return Document.handout(services) if services else None

    def all_documents(self) -> list[Document]:
        if self.context is None:
            return []
        checked = self.model.checked()
        sections = self.chosen_sections()
        documents = [Document.provider(c.service_id, sections) for c in checked if c.letter_allowed]
        services = [c.service_id for c in checked if c.service is not None]
        if services:
            documents.append(Document.handout(services))
        return documents

    def _temp_path(self, document: Document) -> Path:
        self._counter += 1
        return Path(self._temp.name) / f"{document.kind}-{self._counter}.pdf"

    def _start(self, text: str) -> None:
        self._busy = True
        self.status.setText(text)
        self._set_actions_enabled(False)

    def _finish(self, text: str) -> None:
        self._busy = False
        self.status.setText(text)
        self._update()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._finish(self.tr("Cancelled."))
        elif isinstance(exc, InputError):
            self._finish(" ".join(p.message for p in exc.problems))
        elif isinstance(exc, OSError):
            self._finish(
                self.tr("The document could not be written or printed: %1").replace(
                    "%1", exc.strerror or str(exc)
                )
            )
        else:
            self._finish(self.tr("Something went wrong; nothing more was done."))
            raise exc

    # -- actions ------------------------------------------------------------------------

    def preview(self) -> None:
        document, context = self.current_document(), self.context
        if document is None or context is None:
            return
        out = self._temp_path(document)
        self._start(self.tr("Making the preview…"))
        run_task(
            self,
            lambda: make_document(context, document, out, database=None),
            self._show_preview,
            self._failed,
        )

    def _show_preview(self, path: Path) -> None:
        self._finish(self.tr("Preview only: nothing was recorded or printed."))
        self.preview_dialog = PdfPreviewDialog(path, self.tr("Preview"), self)
        self.preview_dialog.show()

    def _new_printer(self) -> QPrinter | None:
        assert self.context is not None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.context.settings)
        if not type(self).ask_printer(printer, self):
            return None
        return printer

    def print_current(self) -> None:
        document = self.current_document()
        if document is not None:
            self._print_documents([document])

    def save_current(self) -> None:
        document, context = self.current_document(), self.context
        if document is None or context is None:
            return
        suggested = (
            self.tr("provider-letter.pdf")
            if document.kind == "provider"
            else self.tr("handout.pdf")
        )
        path = type(self).ask_save_path(self, suggested)
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._start(self.tr("Saving…"))
        run_task(
            self,
            lambda: make_document(context, document, path, database=self.database),
            lambda written: self._finish(self.tr("Saved %1.").replace("%1", str(written))),
            self._failed,
        )

    def print_all(self) -> None:
        documents = self.all_documents()
        if documents:
            self._print_documents(documents)

    # -- printing (off the UI thread) ---------------------------------------------------

    def _print_documents(self, documents: list[Document]) -> None:
        """Make the documents, then print them in one job, all in a worker; the dialog shows
        progress and offers Cancel meanwhile."""
        context = self.context
        if context is None:
            return
        printer = self._new_printer()
        if printer is None:
            return
        to_file = output_file(printer) is not None
        jobs = [(d, self._temp_path(d), self.letter_title(d)) for d in documents]
        relay = self.relay = PrintRelay(self)
        relay.stepped.connect(self._show_making)
        relay.printed.connect(self._show_printed)
        database = self.database

        def work() -> PrintResult:
            made: list[ToPrint] = []
            letters: list[Letter] = []
            for number, (document, out, title) in enumerate(jobs, start=1):
                relay.check()  # Cancel before printing starts: nothing is sent
                made.append(make_to_print(context, document, out, database=database))
                letters.append(Letter(title, made[-1].path))
                relay.step("documents", number, len(jobs))
            try:
                result = print_letters(printer, letters, relay)
            except PrintError as exc:
                _record(database, made[: _sent_before(exc, letters, to_file)])
                raise
            _record(database, made[: _sent(result, to_file)])
            return result

        self._start(self.tr("Making the letters…"))
        self._show_progress(True)
        self._print_task = run_task(
            self,
            work,
            lambda result: self._printed(result, to_file),
            lambda exc: self._print_failed(exc, to_file),
        )

    def letter_title(self, document: Document) -> str:
        """What a document is called in progress and error messages."""
        if document.kind == "handout":
            return self.tr("Client handout")
        choice = next(
            (c for c in self.model.choices() if c.service_id == document.service_ids[0]), None
        )
        name = choice.title if choice is not None else document.service_ids[0]
        return self.tr("Provider letter to %1").replace("%1", name)

    def cancel_printing(self) -> None:
        if self.relay is None or self.relay.cancelled:
            return
        self.relay.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Stopping…"))

    def _show_progress(self, shown: bool) -> None:
        self.progress_bar.setRange(0, 0)  # busy until the first step says how much
        self.progress_bar.setVisible(shown)
        self.cancel_button.setVisible(shown)
        self.cancel_button.setEnabled(shown)

    def _show_making(self, _stage: str, done: int, total: int) -> None:
        if self.relay is None or self.relay.cancelled:
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(self.tr("%v of %m letters made"))
        self.status.setText(
            self.tr("Making the letters: %1 of %2 done.")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def _show_printed(self, step: PrintStep) -> None:
        self.progress_bar.setRange(0, step.total)
        self.progress_bar.setValue(step.done)
        if self.relay is None or self.relay.cancelled:
            return
        self.progress_bar.setFormat(self.tr("%v of %m pages"))
        self.status.setText(
            self.tr("Printing letter %1 of %2, “%3”: page %4 of %5 done.")
            .replace("%1", str(step.letter))
            .replace("%2", str(step.letters))
            .replace("%3", step.title)
            .replace("%4", str(step.page))
            .replace("%5", str(step.pages))
        )

    def _end_printing(self) -> None:
        if self.relay is not None:
            self.relay.deleteLater()  # its last signals were delivered before the result
        self.relay = None
        self._print_task = None
        self._show_progress(False)

    def _printed(self, result: PrintResult, to_file: bool) -> None:
        self._end_printing()
        if result.cancelled:
            self._finish(self._cancelled_text(result.letters_printed, result.letters, to_file))
        elif result.file is not None:
            self._finish(
                self.tr("Printed %1 page(s) to %2.")
                .replace("%1", str(result.pages_printed))
                .replace("%2", str(result.file))
            )
        else:
            self._finish(
                self.tr("Sent %1 page(s) to the printer.").replace("%1", str(result.pages_printed))
            )

    def _cancelled_text(self, letters_printed: int, letters: int, to_file: bool) -> str:
        if to_file:
            return self.tr("Printing cancelled; no file was written.")
        if letters_printed == 0:
            return self.tr("Printing cancelled; nothing was sent to the printer.")
        return (
            self.tr("Printing stopped: %1 of %2 letters, each complete, went to the printer.")
            .replace("%1", str(letters_printed))
            .replace("%2", str(letters))
        )

    def _print_failed(self, exc: BaseException, to_file: bool) -> None:
        self._end_printing()
        if isinstance(exc, Cancelled):
            self._finish(self._cancelled_text(0, 0, to_file))
        elif isinstance(exc, NotRecorded):
            self._finish(
                self.tr(
                    "The letters went to the printer, but %1 provider letter(s) could not be "
                    "recorded in the client's accounting of disclosures. Note the disclosure "
                    "by hand; the details were written to the log."
                ).replace("%1", str(exc.letters))
            )
        elif isinstance(exc, PrintError):
            self._finish(self.print_error_text(exc))
        else:
            self._failed(exc)

    def print_error_text(self, error: PrintError) -> str:
        """Plain sentences: which letter, what went wrong, what became of the job."""
        if error.failure == PrintFailure.PRINTER:
            return self.tr(
                "The printer could not be started, so nothing was printed. Check that it is "
                "connected, or, when printing to a file, that the folder can be written to."
            )
        if error.failure == PrintFailure.OUTPUT:
            return self.tr("The file could not be written (%1), so nothing was saved.").replace(
                "%1", error.detail
            )
        if error.failure == PrintFailure.PAGE:
            return self.tr(
                "The printer stopped while printing “%1”; the pages before it may have printed."
            ).replace("%1", error.letter or "")
        reasons = {
            PrintFailure.MISSING: self.tr("its file could not be found"),
            PrintFailure.UNREADABLE: self.tr("its file is not a PDF that can be read"),
            PrintFailure.PROTECTED: self.tr("its file is protected by a password"),
            PrintFailure.EMPTY: self.tr("it has no pages"),
        }
        # Letters are all opened before the first page: none of the job was printed.
        return (
            self.tr("Could not print “%1”: %2. Nothing was printed.")
            .replace("%1", error.letter or "")
            .replace("%2", reasons[error.failure])
        )

    def done(self, result: int) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        if self._print_task is not None:
            # Closing stops printing; the worker may still be reading the letters, so
            # their folder goes when it has finished.
            if self.relay is not None:
                self.relay.cancel()
            self._print_task.finished.connect(self._temp.cleanup)
        else:
            self._temp.cleanup()
        super().done(result)


class NotRecorded(Exception):
    """Letters went to the printer but their disclosures could not be recorded."""

    def __init__(self, letters: int) -> None:
        super().__init__(f"{letters} provider letter(s) printed but not recorded")
        self.letters = letters


def _sent(result: PrintResult, to_file: bool) -> int:
    """How many of the letters, in order, went out: all, unless the job was cancelled."""
    if not result.cancelled:
        return result.letters
    return 0 if to_file else result.letters_printed  # a cancelled file is not kept


def _sent_before(error: PrintError, letters: Sequence[Letter], to_file: bool) -> int:
    """How many letters may have reached the printer before it stopped: those before the
    letter it stopped on, and that one (some of its pages may have printed)."""
    if error.failure != PrintFailure.PAGE or to_file:
        return 0  # nothing was printed, or the file was not kept
    titles = [letter.title for letter in letters]
    return titles.index(error.letter) + 1 if error.letter in titles else len(letters)


def _record(database: Database, printed: Sequence[ToPrint]) -> None:
    try:
        record_printed(database, printed)
    except Exception as exc:
        letters = sum(1 for p in printed if p.pending is not None)
        log.error("recording printed letters failed: %s", type(exc).__name__)
        raise NotRecorded(letters) from exc


def open_letters_dialog(parent: QWidget, database: Database, intake_id: str) -> QDialog:
    """Show the letters dialog for a stored intake (non-modal) and return it."""
    dialog = LettersDialog(database, intake_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
