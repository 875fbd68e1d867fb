"""The keyboard wedge on the scanner input: key presses on one QLineEdit, fed to a `WedgeBuffer`.

    wedge = WedgeInput(line_edit, settings)
    wedge.scan_read.connect(on_read)          # one ScanRead per code ended by Enter (or Tab)

The wedge reads `QKeyEvent.text()` in an event filter because `QLineEdit.text()` drops GS (0x1d), the
GS1 separator. The buffer is its own and mirrored into the line edit (GS shown as <GS>), so what the
person sees is what will be read. Telling a scanner from a person is the buffer's
(`scanapp.scanners.wedge`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from scanapp.domain.barcodes import GS, printable
from scanapp.domain.clock import Clock, SystemClock
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.wedge import WedgeBuffer

CLAIMED = "claimsScannerKeys"
"""Widget property: this line edit reads the scanner's raw keys itself; the application-wide capture
(capture.app_filter) leaves its keys alone."""
# Redrawing thousands of characters per key is quadratic: a runaway line shows only its start.
SHOWN_CHARS = 512


class WedgeInput(QObject):
    """Reads scans typed into one QLineEdit (the scanner input). Lives as long as the line edit."""

    scan_read = Signal(object)
    """A ScanRead: one code, ended by Enter/Tab; or a cut-off code (error set) when focus left mid-scan."""
    key_received = Signal(str, float)
    """Each character as it arrives and the gap in ms since the previous one (-1 for the first): the test pad."""

    def __init__(
        self,
        line_edit: QLineEdit,
        settings: ScannerSettings | None = None,
        clock: Clock | None = None,
        claim_scanner_keys: bool = True,
    ) -> None:
        """`claim_scanner_keys`: bursts typed into the line edit are read here (the test pad shows each key);
        False: the application-wide capture takes bursts wherever the focus is and only a person's typing
        reaches the line edit (the session's scanner input)."""
        super().__init__(line_edit)
        line_edit.setProperty(CLAIMED, claim_scanner_keys)
        self.line_edit = line_edit
        self.clock = clock or SystemClock()
        self.buffer = WedgeBuffer(settings or ScannerSettings(), self.clock)
        line_edit.installEventFilter(self)

    @property
    def settings(self) -> ScannerSettings:
        return self.buffer.settings

    def set_settings(self, settings: ScannerSettings) -> None:
        self.buffer.settings = settings

    @property
    def pending(self) -> str:
        """The characters of the code being typed, GS included."""
        return self.buffer.pending

    def clear(self) -> None:
        self.buffer.clear()
        self.line_edit.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.line_edit:
            return False
        if event.type() == QEvent.Type.KeyPress:
            return self._key_press(event)  # type: ignore[arg-type]
        if event.type() == QEvent.Type.FocusOut and len(self.buffer):
            self._emit(self.buffer.focus_lost())  # None: a person's unfinished typing, dropped
        return False

    def _key_press(self, event: QKeyEvent) -> bool:
        key = event.key()
        if ends_code(event, self.settings):
            if len(self.buffer):
                self._emit(self.buffer.finish())
            return True  # Tab must not move focus away from the scanner input
        if key == Qt.Key.Key_Backspace:
            if self.buffer.backspace():
                self._show()
            return True
        if key == Qt.Key.Key_Escape and len(self.buffer):
            self.clear()
            return True
        char = key_character(event)
        if char is None:
            return False  # navigation keys and shortcuts (Ctrl+A, …) behave as usual
        gap = self.buffer.add(char, self._event_ms(event))
        if gap is not None:
            self._show()
            self.key_received.emit(char, gap)
        return True

    def _emit(self, read: ScanRead | None) -> None:
        self.line_edit.clear()  # the buffer is empty again either way
        if read is not None:
            self.scan_read.emit(read)

    def _show(self) -> None:
        length = len(self.buffer)
        if length <= SHOWN_CHARS:
            self.line_edit.setText(printable(self.buffer.pending))
        elif length == SHOWN_CHARS + 1:
            self.line_edit.setText(printable(self.buffer.pending) + "…")

    def _event_ms(self, event: QKeyEvent) -> float:
        # The window system's timestamp says when the key was pressed, not when a busy event loop got to it;
        # hand-made events carry none, so fall back to the clock's monotonic time.
        stamp = event.timestamp()
        return float(stamp) if stamp else self.clock.mono_ns() / 1_000_000


def ends_code(event: QKeyEvent, settings: ScannerSettings) -> bool:
    """Enter ends a code; so does a line feed typed as text (Ctrl+J, xdotool's "\\n"), and Tab when set."""
    key = event.key()
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or event.text() in ("\r", "\n"):
        return True
    return key == Qt.Key.Key_Tab and settings.end_on_tab


def key_character(event: QKeyEvent) -> str | None:
    """The data character(s) a key press adds, or None for keys that are not data."""
    text = event.text()
    ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    if text == GS or (ctrl and event.key() == Qt.Key.Key_BracketRight):
        return GS  # Ctrl+] is how a keyboard (and a wedge scanner) types GS; some platforms give no text for it
    if not text or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
        return None
    return text
