"""The application-wide scanner capture (H6, DESIGN rule 12): one event filter on the QApplication that
tells a keyboard-wedge scanner's burst from a person's typing, wherever the focus is inside the app.

    capture = KeyCapture(settings, clock)
    capture.scan_read.connect(router.route)
    capture.install()

Each data key is held back while the capture decides. Keys that follow at scanner speed (the settings'
`key_gap_ms`, one USB stall tolerated once the burst looks scanned) and end with Enter (or Tab) are a scan:
they and their Enter never reach the focused widget, so no field is typed into, no default button pressed,
no list row activated. Anything else was typed: the held keys are given back to the widget they were meant
for, in order, with their own timestamps, before the key that decided it.

Timing is read from each event's timestamp, which the window system stamps when the key was pressed. An
event without one was made by a program (QTest, an accessibility tool), not pressed on a keyboard or a
scanner: the capture leaves it alone. A widget that reads the scanner's raw keys itself (the test pad's
input) is marked with `claim_scanner_keys` and left alone too.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import replace
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from scanapp.domain.clock import Clock
from scanapp.gui.capture.wedge_input import CLAIMED, ends_code, key_character
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.timing import gaps_between, is_manual
from scanapp.scanners.wedge import WedgeBuffer

log = logging.getLogger(__name__)

_KEY_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride})
_MODIFIER_KEYS = frozenset(
    {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock}
)
STALL_MS = 500
"""How long a burst that already looks scanned may pause (a USB stall) before it is given up on."""


class KeyCapture(QObject):
    scan_read = Signal(object)
    """A ScanRead: one burst ended by Enter/Tab; or a burst cut off without an end (error set)."""

    def __init__(self, settings: ScannerSettings, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer = WedgeBuffer(settings, clock)
        self._held: list[tuple[QWidget, QKeyEvent]] = []
        self._times: list[float] = []
        self._eaten: Counter[int] = Counter()
        """Keys of a taken scan whose release is still to come: their releases are eaten too."""
        self._giving_back = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._paused)

    @property
    def settings(self) -> ScannerSettings:
        return self.buffer.settings

    def set_settings(self, settings: ScannerSettings) -> None:
        self.buffer.settings = settings

    @property
    def holding(self) -> bool:
        """Keys are held back while the capture decides."""
        return bool(self._held)

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _KEY_EVENTS or self._giving_back or not isinstance(watched, QWidget):
            return False
        key_event = cast(QKeyEvent, event)
        if not key_event.timestamp() or watched.property(CLAIMED):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            return self._shortcut_override(key_event)
        if event.type() == QEvent.Type.KeyRelease:
            return self._release(watched, key_event)
        return self._press(watched, key_event)

    # -- deciding --------------------------------------------------------------------------------------

    def _shortcut_override(self, event: QKeyEvent) -> bool:
        """A data key (or the end of a held burst) is wanted as a key press, so no shortcut takes it first."""
        wanted = key_character(event) is not None or (self.holding and ends_code(event, self.settings))
        if wanted:
            event.accept()
        elif event.key() not in _MODIFIER_KEYS:
            self.give_back()  # a shortcut comes after what was typed before it
        return wanted

    def _press(self, widget: QWidget, event: QKeyEvent) -> bool:
        if event.key() in _MODIFIER_KEYS:
            return self._hold_along(widget, event)
        if ends_code(event, self.settings):
            return self._end(event) if self.holding else False
        char = key_character(event)
        if char is None or event.isAutoRepeat():
            self.give_back()  # navigation, Backspace, shortcuts: after what was typed before them
            return False
        at = float(event.timestamp())
        if self.holding and not self._continues(at):
            self.give_back()
        self.buffer.add(char, at)  # a runaway burst stops growing; the read says it was too long
        self._held.append((widget, event.clone()))
        self._times.append(at)
        self._pause.start(STALL_MS if self._looks_scanned() else max(2 * self.settings.key_gap_ms, 20))
        return True

    def _hold_along(self, widget: QWidget, event: QKeyEvent) -> bool:
        """Shift and Ctrl inside a burst (capitals, Ctrl+] for GS) go with it; elsewhere they pass."""
        if not self.holding:
            return False
        self._held.append((widget, event.clone()))
        return True

    def _release(self, widget: QWidget, event: QKeyEvent) -> bool:
        if self.holding:
            self._held.append((widget, event.clone()))
            return True
        if self._eaten[event.key()] > 0:
            self._eaten[event.key()] -= 1
            return True
        return False

    def _continues(self, at: float) -> bool:
        gap = at - self._times[-1]
        return gap <= self.settings.key_gap_ms or (self._looks_scanned() and gap <= STALL_MS)

    def _looks_scanned(self) -> bool:
        """The held keys so far came at a scanner's speed (and length, or with the scanner's prefix/suffix)."""
        pending = self.buffer.pending
        settings = self.settings
        gaps = gaps_between(self._times)
        marked = (settings.strip_prefix and pending.startswith(settings.strip_prefix)) or (
            settings.strip_suffix and pending.endswith(settings.strip_suffix)
        )
        length = max(len(pending), settings.min_length) if marked else len(pending)
        return not is_manual(length, gaps, settings)

    def _end(self, event: QKeyEvent) -> bool:
        gap = float(event.timestamp()) - self._times[-1]
        if self._looks_scanned() and gap <= STALL_MS:
            read = self.buffer.finish()
            self._take(event)
            if read is not None:
                self.scan_read.emit(replace(read, manual=False))
            return True
        self.give_back()  # typed: the held keys, then this Enter, go to the widget
        return False

    @Slot()
    def _paused(self) -> None:
        if not self.holding:
            return
        if not self._looks_scanned():
            self.give_back()
            return
        read = self.buffer.finish()
        self._take(None)
        if read is not None:
            error = f"cut off: no Enter or Tab after {len(read.text)} characters; scan it again"
            self.scan_read.emit(replace(read, manual=False, error=read.error or error))

    def _take(self, end: QKeyEvent | None) -> None:
        """The held keys were a scan: forget them, and eat the releases still to come."""
        pressed: Counter[int] = Counter()
        for _widget, held in self._held:
            pressed[held.key()] += 1 if held.type() == QEvent.Type.KeyPress else -1
        if end is not None:
            pressed[end.key()] += 1
        for key, count in pressed.items():
            if count > 0:
                self._eaten[key] += count
        self._forget()

    def give_back(self) -> None:
        """The held keys were typed: send them, in order, where they would have gone had they not waited.
        A key given back can move the focus (a digit on a table opens its editor): the next one follows it
        within the same window, as it would have."""
        held = self._held
        if held:  # support asks "why did my scan type into the field?": the gaps say
            log.debug("keys given back as typed: %r, gaps %s ms", self.buffer.pending, gaps_between(self._times))
        self._forget()
        if not held:
            return
        self._giving_back = True
        try:
            for widget, event in held:
                receiver = _receiver(widget)
                if receiver is not None:
                    QApplication.sendEvent(receiver, event)
        finally:
            self._giving_back = False

    def _forget(self) -> None:
        self._held = []
        self._times = []
        self.buffer.clear()
        self._pause.stop()


def _receiver(pressed_in: QWidget) -> QWidget | None:
    focus = QApplication.focusWidget()
    if not isValid(pressed_in):
        return focus
    if focus is not None and focus.window() is pressed_in.window():
        return focus
    return pressed_in
