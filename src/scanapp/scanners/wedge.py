"""Keyboard-wedge scanner input: a scanner that types into the focused field, like a keyboard.

Install a `WedgeInput` on the dedicated scanner QLineEdit:

    wedge = WedgeInput(line_edit, settings)
    wedge.scan_read.connect(on_read)          # one ScanRead per code ended by Enter (or Tab)

The wedge reads `QKeyEvent.text()` in an event filter because `QLineEdit.text()` drops GS (0x1d), the
GS1 separator. It keeps its own buffer and mirrors it into the line edit (GS shown as <GS>), so what the
person sees is what will be read. A scanner is told from a person by key timing: a read whose median gap
between keys is above `settings.key_gap_ms`, or which is shorter than `settings.min_length`, is marked
`manual` (typed by hand) — allowed, but recorded as such.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from scanapp.domain.barcodes import GS, printable
from scanapp.domain.clock import Clock, SystemClock
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.timing import gaps_between, is_manual

log = logging.getLogger(__name__)

SOURCE = "wedge"
# A runaway key (a book on the keyboard) must not grow the buffer without end; the pipeline rejects it.
MAX_BUFFER = 8192
SHOWN_CHARS = 512


class WedgeInput(QObject):
    """Reads scans typed into one QLineEdit (the scanner input). Lives as long as the line edit."""

    scan_read = Signal(object)
    """A ScanRead: one code, ended by Enter/Tab; or a cut-off code (error set) when focus left mid-scan."""
    key_received = Signal(str, float)
    """Each character as it arrives and the gap in ms since the previous one (-1 for the first): the test pad."""

    def __init__(
        self, line_edit: QLineEdit, settings: ScannerSettings | None = None, clock: Clock | None = None
    ) -> None:
        super().__init__(line_edit)
        self.line_edit = line_edit
        self.settings = settings or ScannerSettings()
        self.clock = clock or SystemClock()
        self._chars: list[str] = []
        self._times: list[float] = []
        self._edited = False
        self._overflow = False
        line_edit.installEventFilter(self)

    def set_settings(self, settings: ScannerSettings) -> None:
        self.settings = settings

    @property
    def pending(self) -> str:
        """The characters of the code being typed, GS included."""
        return "".join(self._chars)

    def clear(self) -> None:
        self._chars.clear()
        self._times.clear()
        self._edited = False
        self._overflow = False
        self.line_edit.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.line_edit:
            return False
        if event.type() == QEvent.Type.KeyPress:
            return self._key_press(event)  # type: ignore[arg-type]
        if event.type() == QEvent.Type.FocusOut and self._chars:
            self._focus_lost()
        return False

    def _key_press(self, event: QKeyEvent) -> bool:
        key = event.key()
        # A line feed typed as text (Ctrl+J, xdotool's "\n") ends a code like Enter does.
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or event.text() in ("\r", "\n")
        if enter or (key == Qt.Key.Key_Tab and self.settings.end_on_tab):
            self._finish()
            return True  # Tab must not move focus away from the scanner input
        if key == Qt.Key.Key_Backspace:
            if self._chars:
                self._chars.pop()
                self._times.pop()
                self._edited = True
                self._show()
            return True
        if key == Qt.Key.Key_Escape and self._chars:
            self.clear()
            return True
        char = _character(event)
        if char is None:
            return False  # navigation keys and shortcuts (Ctrl+A, …) behave as usual
        if len(self._chars) >= MAX_BUFFER:
            self._overflow = True
            return True
        now = _event_ms(event)
        gap = now - self._times[-1] if self._times else -1.0
        self._chars.extend(char)
        self._times.extend([now] * len(char))
        self._show()
        self.key_received.emit(char, gap)
        return True

    def _finish(self) -> None:
        if not self._chars:
            return
        text = self.pending
        gaps = self._gaps()
        read = ScanRead(
            text=text,
            source=SOURCE,
            at=self.clock.now(),
            data=text.encode("utf-8", errors="surrogatepass"),
            manual=self._is_manual(gaps),
            key_gaps_ms=gaps,
            error=f"too long: more than {MAX_BUFFER} characters before Enter" if self._overflow else None,
        )
        self.clear()
        self.scan_read.emit(read)

    def _focus_lost(self) -> None:
        gaps = self._gaps()
        if self._is_manual(gaps):
            # A person's unfinished typing: not a scan, so nothing to record.
            log.info("scanner input lost focus; discarded typed text %r", printable(self.pending))
            self.clear()
            return
        text = self.pending
        read = ScanRead(
            text=text,
            source=SOURCE,
            at=self.clock.now(),
            data=text.encode("utf-8", errors="surrogatepass"),
            key_gaps_ms=gaps,
            error=f"cut off: the scanner input lost focus after {len(text)} characters; scan it again",
        )
        self.clear()
        self.scan_read.emit(read)

    def _gaps(self) -> tuple[float, ...]:
        return gaps_between(self._times)

    def _is_manual(self, gaps: tuple[float, ...]) -> bool:
        return is_manual(len(self._chars), gaps, self.settings, self._edited)

    def _show(self) -> None:
        # Mirror only the start of a runaway line: redrawing thousands of characters per key is quadratic.
        if len(self._chars) <= SHOWN_CHARS:
            self.line_edit.setText(printable(self.pending))
        elif len(self._chars) == SHOWN_CHARS + 1:
            self.line_edit.setText(printable(self.pending) + "…")


def _character(event: QKeyEvent) -> str | None:
    """The data character(s) a key press adds, or None for keys that are not data."""
    text = event.text()
    ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    if text == GS or (ctrl and event.key() == Qt.Key.Key_BracketRight):
        return GS  # Ctrl+] is how a keyboard (and a wedge scanner) types GS; some platforms give no text for it
    if not text or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
        return None
    return text


def _event_ms(event: QKeyEvent) -> float:
    # The window system's timestamp says when the key was pressed, not when a busy event loop got to it;
    # hand-made events carry none, so fall back to now.
    stamp = event.timestamp()
    return float(stamp) if stamp else time.monotonic() * 1000
