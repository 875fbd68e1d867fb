"""PySide6 6.12.0 on CPython 3.11 loses a reference to True on every Signal.emit(); after a few hundred
scans the interpreter aborts (bool_dealloc). pyproject excludes that release; this catches the next one."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal(object)


def test_emitting_signals_keeps_the_reference_count_of_true(qtbot):
    emitter = _Emitter()
    received: list[int] = []
    emitter.happened.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(50):
        emitter.happened.emit(i)
    assert received == list(range(50))
    assert sys.getrefcount(True) >= before - 5  # unrelated code may drop a few; the bug drops one per emit
