"""A PDF shown as it will print: QPdfView with page navigation (previous, next, page n of m)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PdfPreviewDialog(QDialog):
    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Document preview"))
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setDocument(self.document)

        self.previous_button = QPushButton(self.tr("&Previous page"))
        self.previous_button.setShortcut(QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage))
        self.next_button = QPushButton(self.tr("&Next page"))
        self.next_button.setShortcut(QKeySequence(QKeySequence.StandardKey.MoveToNextPage))
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button.clicked.connect(lambda: self._go(-1))
        self.next_button.clicked.connect(lambda: self._go(1))

        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.page_label, 1)
        navigation.addWidget(self.next_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(navigation)
        layout.addWidget(buttons)

        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self.document.statusChanged.connect(self._show_page)
        self.document.load(str(path))
        height = self.fontMetrics().height()
        self.resize(52 * height, 44 * height)
        self._show_page()

    @property
    def ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _go(self, step: int) -> None:
        page = self.current_page() + step
        if 0 <= page < self.document.pageCount():
            self.view.pageNavigator().jump(page, self.view.pageNavigator().currentLocation())

    def _show_page(self) -> None:
        count = self.document.pageCount()
        page = self.current_page()
        self.page_label.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(page + 1 if count else 0))
            .replace("%2", str(count))
        )
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < count)

    def done(self, result: int) -> None:
        self.document.close()
        super().done(result)
