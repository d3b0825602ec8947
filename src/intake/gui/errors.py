"""The last line of defence: an unexpected error is logged and shown calmly, never as a traceback.

The log gets the error's type and where it happened (files, lines, functions), never its
message, values or source text, any of which could hold a client's details.
"""

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QApplication

from intake.gui.i18n import fill

log = logging.getLogger("intake.gui")

TITLE = QT_TRANSLATE_NOOP("ErrorDialog", "Something went wrong")
TEXT = QT_TRANSLATE_NOOP(
    "ErrorDialog",
    "intake ran into a problem it did not expect, so what you were just doing may not "
    "have finished. You can carry on working.",
)

_showing = False


def install_excepthook() -> None:
    sys.excepthook = handle_exception


def handle_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unexpected %s\n%s", exc_type.__name__, where(tb))
    if QApplication.instance() is not None:
        show_error_dialog()


def where(tb: TracebackType | None) -> str:
    """The stack as files, lines and functions: no messages, no values, no source text."""
    return "\n".join(
        f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}'
        for frame in traceback.extract_tb(tb)
    )


def show_error_dialog() -> None:
    from PySide6.QtWidgets import QMessageBox  # here: not needed to start

    global _showing
    if _showing:  # one dialog at a time, even if errors keep coming
        return
    _showing = True
    try:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ErrorDialog", TITLE),
            QCoreApplication.translate("ErrorDialog", TEXT),
            parent=QApplication.activeWindow(),
        )
        more = QCoreApplication.translate(
            "ErrorDialog",
            "If it happens again, tell whoever looks after intake at your clinic. "
            "The details they need are in the log folder:\n%1",
        )
        box.setInformativeText(fill(more, _log_folder()))
        box.exec()
    finally:
        _showing = False


def _log_folder() -> str:
    from intake.paths import log_dir

    return str(log_dir())
