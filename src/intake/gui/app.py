"""Starting the desktop app: check for a display, show the window, then load the directory.

The window appears before the store and the directory are imported (they take about half
a second); it says "Loading the directory…" until they are ready. PySide6 is imported at
the top, so that `intake` without PySide6 installed fails on importing this module and
the command line can say what to install.
"""

import gc
import os
import sys

from PySide6.QtCore import QSize, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from intake import __version__
from intake.paths import APP_AUTHOR, APP_NAME, resource_path

SHUTDOWN_WAIT_MS = 10_000
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
    app.setWindowIcon(window_icon())
    install_excepthook()
    window = MainWindow(database_url, first_run_setup=True)
    window.show()
    # Both as soon as the window is up rather than before: the loading thread would take
    # turns with the UI thread (the GIL) while it paints, and the log file's setup costs
    # more than the rest of the window; until then warnings reach standard error.
    QTimer.singleShot(0, window.start_loading)
    QTimer.singleShot(0, _log_to_file)
    QTimer.singleShot(0, _collect_from_now_on)
    status = app.exec()
    # Work still running (a read started just before the window closed) finishes before
    # Python shuts down under it; a directory import was cancelled by the window.
    QThreadPool.globalInstance().waitForDone(SHUTDOWN_WAIT_MS)
    return status


# PNGs drawn from icons/intake.svg by installer/render_icons.py --window-icons: drawing the
# SVG itself loads Qt's SVG plugin, which costs as much as the rest of the first paint.
WINDOW_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def window_icon() -> QIcon:
    """The app's icon at the sizes window managers ask for (the SVG if the PNGs are missing)."""
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        path = resource_path("icons", f"intake-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon if not icon.isNull() else QIcon(str(resource_path("icons", "intake.svg")))


def _collect_from_now_on() -> None:
    """What start-up made stays for good: set it aside from the cycle collector, then turn
    the collector on (the command line turned it off while the window was being built)."""
    gc.freeze()
    gc.enable()


def display_available() -> bool:
    """False on Linux and other X11/Wayland systems with no display and no platform chosen."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _log_to_file() -> None:
    """Warnings and errors also go to a file: a windowed app has no console to read."""
    import logging.handlers

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
