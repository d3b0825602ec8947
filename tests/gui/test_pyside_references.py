"""The Qt binding must not lose references to None.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every Qt call returning
nothing and every Python slot Qt called: a few thousand calls into a session, None was
freed and the program died ("Fatal Python error: none_dealloc"). pyproject.toml keeps
that release out; these tests fail on any binding with the same fault. (From Python 3.12
None is immortal and the count does not move, so they pass there whatever the binding.)
"""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

CALLS = 2_000


class _Sender(QObject):
    fired = Signal(str)


def test_qt_calls_returning_nothing_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
    assert sys.getrefcount(None) - before > -CALLS // 2


def test_python_slots_called_by_qt_keep_none_alive() -> None:
    sender = _Sender()
    received: list[str] = []
    sender.fired.connect(received.append)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        sender.fired.emit("x")
    assert len(received) == CALLS
    assert sys.getrefcount(None) - before > -CALLS // 2
