"""Key presses as the window system delivers them: stamped with the time they were pressed, sent to the
widget that has the focus (a ShortcutOverride first, then the press, then the release), the way a
keyboard-wedge scanner or a person types into the app. GS is Ctrl+] as a hand-made event (never keyClicks,
which aborts on 0x1d)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from scanapp.domain.barcodes import GS

_KEYS = {"\r": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab, "\x08": Qt.Key.Key_Backspace}


class Keyboard:
    """Types into whatever has the focus, `gap_ms` between keys, on its own clock of milliseconds."""

    def __init__(self, start_ms: int = 100_000) -> None:
        self.now = start_ms

    def press(self, key: Qt.Key, text: str, modifiers=Qt.KeyboardModifier.NoModifier, gap_ms: int = 0) -> None:
        self.now += gap_ms
        receiver = QApplication.focusWidget() or QApplication.activeWindow()
        assert isinstance(receiver, QWidget), "nothing has the focus: the keys would go nowhere"
        override = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers, text)
        override.setTimestamp(self.now)
        override.ignore()
        QApplication.sendEvent(receiver, override)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, modifiers, text)
            event.setTimestamp(self.now)
            QApplication.sendEvent(QApplication.focusWidget() or receiver, event)

    def type(self, text: str, gap_ms: int) -> None:
        for ch in text:
            if ch == GS:
                self.press(Qt.Key.Key_BracketRight, GS, Qt.KeyboardModifier.ControlModifier, gap_ms)
            elif ch in _KEYS:
                self.press(_KEYS[ch], ch, gap_ms=gap_ms)
            else:
                key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
                self.press(key, ch, gap_ms=gap_ms)

    def scan(self, code: str, gap_ms: int = 2) -> None:
        """A wedge scanner: the code at scanner speed, then Enter."""
        self.type(code, gap_ms)
        self.press(Qt.Key.Key_Return, "\r", gap_ms=gap_ms)
