"""Letters for one stored intake: provider letters and the client handout, previewed,
printed, saved as PDF, or printed all at once.

The core decides what may be made (consent, sections) and makes the PDFs (jobs.py, off
the UI thread through run_task); this dialog only asks and shows. Every provider letter
that is printed or saved is recorded in the client's accounting of disclosures; a
preview is not a disclosure. Temporary PDFs live in a folder removed when the dialog
closes.
"""

import datetime as dt
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
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
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
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from intake.gui.printing.jobs import (
    Document,
    LettersContext,
    ReferralChoice,
    load_letters_context,
    make_document,
)
from intake.gui.printing.pdf_print import prepare_printer, print_pdfs
from intake.gui.printing.preview import PdfPreviewDialog
from intake.gui.tasks import ProgressRelay, run_task
from intake.letters import KINDS
from intake.problems import InputError
from intake.progress import Cancelled
from intake.store.db import Database

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

    def choice(self, row: int) -> ReferralChoice | None:
        return self._choices[row] if 0 <= row < len(self._choices) else None


class LettersDialog(QDialog):
    # Modal system dialogs behind statics, so tests (and the lead) can patch them.
    @staticmethod
    def ask_printer(printer: QPrinter, parent: QWidget) -> bool:
        dialog = QPrintDialog(printer, parent)
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
        self.progress_dialog: QProgressDialog | None = None
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
        layout.addLayout(actions)

        self.list.selectionModel().currentChanged.connect(self._update)
        self.model.dataChanged.connect(self._update)
        self.kind_group.buttonToggled.connect(self._update)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_current)
        self.save_button.clicked.connect(self.save_current)
        self.print_all_button.clicked.connect(self.print_all)
        self.close_button.clicked.connect(self.reject)
        self.setTabOrder(self.list, self.provider_radio)
        self.setTabOrder(self.provider_radio, self.handout_radio)

        height = self.fontMetrics().height()
        self.resize(46 * height, 36 * height)
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
        document, context = self.current_document(), self.context
        if document is None or context is None:
            return
        printer = self._new_printer()
        if printer is None:
            return
        out = self._temp_path(document)
        self._start(self.tr("Making the document…"))
        run_task(
            self,
            lambda: make_document(context, document, out, database=self.database),
            lambda path: self._print_paths(printer, [path]),
            self._failed,
        )

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
        documents, context = self.all_documents(), self.context
        if not documents or context is None:
            return
        printer = self._new_printer()
        if printer is None:
            return
        outs = [self._temp_path(d) for d in documents]
        relay = ProgressRelay(self)
        progress = QProgressDialog(
            self.tr("Making the documents…"), self.tr("Cancel"), 0, len(documents), self
        )
        progress.setWindowTitle(self.tr("Print all"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.canceled.connect(relay.cancel)  # the Cancel button
        progress.rejected.connect(relay.cancel)  # Escape
        relay.stepped.connect(lambda _stage, done, _total: progress.setValue(done))
        self.progress_dialog = progress
        database = self.database

        def work() -> list[Path]:
            made = []
            for number, (document, out) in enumerate(zip(documents, outs, strict=True)):
                relay.check()
                made.append(make_document(context, document, out, database=database))
                relay.step("documents", number + 1, len(documents))
            return made

        self._start(self.tr("Making the documents…"))
        progress.show()
        run_task(
            self, work, lambda paths: self._print_paths(printer, paths, progress), self._all_failed
        )

    def _all_failed(self, exc: BaseException) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.reset()
            self.progress_dialog = None
        self._failed(exc)

    def _print_paths(
        self, printer: QPrinter, paths: list[Path], progress: QProgressDialog | None = None
    ) -> None:
        from intake.gui.printing.pdf_print import page_count

        total = page_count(paths)
        if progress is not None:
            progress.setLabelText(self.tr("Printing…"))
            progress.setRange(0, total)
            progress.setValue(0)

        def on_page(done: int) -> bool:
            if progress is None:
                return True
            progress.setValue(done)
            from PySide6.QtWidgets import QApplication

            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            printed = print_pdfs(printer, paths, on_page)
        except OSError as exc:
            self._failed(exc)
            return
        finally:
            if progress is not None:
                progress.reset()
                self.progress_dialog = None
        if printed < total:
            self._finish(
                self.tr("Printing cancelled after %1 of %2 pages.")
                .replace("%1", str(printed))
                .replace("%2", str(total))
            )
        else:
            self._finish(self.tr("Sent %1 page(s) to the printer.").replace("%1", str(printed)))

    def done(self, result: int) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        self._temp.cleanup()
        super().done(result)


def open_letters_dialog(parent: QWidget, database: Database, intake_id: str) -> QDialog:
    """Show the letters dialog for a stored intake (non-modal) and return it."""
    dialog = LettersDialog(database, intake_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
