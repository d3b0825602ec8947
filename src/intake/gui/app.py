"""Starting the desktop app: check for a display, show the window, then load the directory.

The window appears before the store and the directory are imported (they take about half
a second); it says "Loading the directory…" until they are ready. PySide6 is imported at
the top, so that `intake` without PySide6 installed fails on importing this module and
the command line can say what to install.
"""

import logging
import logging.handlers
import os
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from intake import __version__
from intake.paths import APP_AUTHOR, APP_NAME, resource_path

NO_DISPLAY = (
    "intake: no display found (DISPLAY is not set); the desktop app needs a graphical "
    "session. Headless commands: intake --help"
)


def run(database_url: str | None = None, argv: list[str] | None = None) -> int:
    """Open the desktop app on `database_url` (default: the user's database); the exit status."""
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    from intake.gui.errors import install_excepthook
    from intake.gui.main_window import MainWindow

    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "intake.svg"))))
    _log_to_file()
    install_excepthook()
    window = MainWindow(database_url)
    window.show()
    window.start_loading()
    return app.exec()


def display_available() -> bool:
    """False on Linux and other X11/Wayland systems with no display and no platform chosen."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _log_to_file() -> None:
    """Warnings and errors also go to a file: a windowed app has no console to read."""
    from intake.paths import log_dir

    try:
        handler = logging.handlers.RotatingFileHandler(
            log_dir() / "intake.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return  # no log folder: the app still works, logging stays on standard error
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
