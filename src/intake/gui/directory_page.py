"""The Directory tab: a message while the directory loads or if it cannot, else the browser."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from intake.gui.directory_browser import DirectoryBrowser

LOADING = QT_TRANSLATE_NOOP("DirectoryPage", "Loading the directory…")


class DirectoryPage(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _centered_label()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.message = _centered_label()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        message_page = QWidget()
        layout = QVBoxLayout(message_page)
        layout.addStretch()
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addStretch()
        self.browser = DirectoryBrowser()
        self.addWidget(message_page)
        self.addWidget(self.browser)
        self.show_message(self.tr(LOADING))

    def show_message(self, title: str, text: str = "") -> None:
        self.title.setText(title)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.setCurrentIndex(0)

    def show_browser(self) -> None:
        self.setCurrentIndex(1)
        self.browser.search.setFocus(Qt.FocusReason.OtherFocusReason)


def _centered_label() -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setMargin(12)
    return label
