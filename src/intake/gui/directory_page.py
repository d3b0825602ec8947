"""The Directory tab: a message while the directory loads or if it cannot, else the browser.

The browser (and the taxonomy and models behind it) is built when first needed, once the
directory has loaded: the window shows sooner without it.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
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
        self._browser: DirectoryBrowser | None = None
        self.addWidget(message_page)
        self.show_message(self.tr(LOADING))

    @property
    def browser(self) -> "DirectoryBrowser":
        if self._browser is None:
            from intake.gui.directory_browser import DirectoryBrowser

            self._browser = DirectoryBrowser()
            self.addWidget(self._browser)
        return self._browser

    def show_message(self, title: str, text: str = "") -> None:
        self.title.setText(title)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.setCurrentIndex(0)

    def show_browser(self) -> None:
        self.setCurrentWidget(self.browser)
        self.browser.search.setFocus(Qt.FocusReason.OtherFocusReason)


def _centered_label() -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setMargin(12)
    return label
