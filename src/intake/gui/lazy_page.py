"""A tab whose page is built the first time it is shown (or asked for), not at start-up.

The main window opens sooner when the tabs a counselor has not opened yet cost nothing:
their widgets, and the modules behind them, wait until needed.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent


class LazyPage(QWidget):
    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    @property
    def page(self) -> QWidget:
        """The page, built now if it was not yet."""
        if self._page is None:
            self._page = self._build()
            self._layout.addWidget(self._page)
            self.setFocusProxy(self._page)
        return self._page

    def showEvent(self, event: "QShowEvent") -> None:
        self.page  # noqa: B018 - building it is the point
        super().showEvent(event)
