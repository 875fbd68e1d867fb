"""Scan feedback (H5): a distinct sound and colour for accepted, unmatched and rejected scans.

    feedback = ScanFeedback(parent)
    feedback.give(outcome.status, scanner_input)   # beep + flash the widget in the status colour

Sounds are WAVs shipped in the package (scanapp/resources/sounds/) played with QSoundEffect (QtMultimedia,
from PySide6-Addons): low latency, no thread of ours. Without QtMultimedia, an audio device or the sound
files, feedback is colour only and the reason is logged once; it never raises.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot, qInstallMessageHandler
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

Status = Literal["accepted", "unmatched", "rejected"]
STATUSES: tuple[Status, ...] = ("accepted", "unmatched", "rejected")

# The same greens, ambers and reds the scan list uses for Counted, Unmatched and rejected lines.
COLOURS: dict[str, QColor] = {
    "accepted": QColor("#137333"),
    "unmatched": QColor("#b06000"),
    "rejected": QColor("#c5221f"),
}
FLASH_MS = 600


def sound_dir() -> Path | None:
    """The package's sounds folder. QSoundEffect plays local files only: None when the package is not
    unpacked on disk (a zipped install), and feedback is colour only."""
    directory = files("scanapp.resources") / "sounds"
    if not isinstance(directory, Path):
        return None
    if all((directory / f"{status}.wav").is_file() for status in STATUSES):
        return directory
    return None


def colour(status: str) -> QColor:
    return QColor(COLOURS.get(status, COLOURS["rejected"]))


class ScanFeedback(QObject):
    """Plays the sound and flashes a widget for each scan outcome. One per window is enough."""

    given = Signal(str, bool)
    """(status, sound played): after each `give`, for tests and the test pad."""

    def __init__(
        self, parent: QObject | None = None, sounds: Path | None = None, volume: float = 0.8, muted: bool = False
    ) -> None:
        super().__init__(parent)
        self.volume = volume
        self.muted = muted
        self._sounds_path = sounds
        self._effects: dict[str, Any] | None = None
        self.audio_problem: str | None = None
        """Why there is no sound, in plain words; None while sound works (or was not tried yet)."""
        self._flashing: dict[int, tuple[QWidget, str]] = {}
        self._timers: dict[int, QTimer] = {}

    @Slot(str)
    def play(self, status: str) -> bool:
        """Play the status's sound; False (and a log line, once) when there is no sound to play."""
        if self.muted:
            return False
        effects = self._load()
        effect = effects.get(status) if effects else None
        if effect is None:
            return False
        effect.play()
        return True

    def give(self, status: str, widget: QWidget | None = None) -> None:
        """Sound and colour for one scan outcome ("accepted", "unmatched" or "rejected")."""
        played = self.play(status)
        if widget is not None:
            self.flash(widget, status)
        self.given.emit(status, played)

    def flash(self, widget: QWidget, status: str, ms: int = FLASH_MS) -> None:
        """Tint the widget in the status colour for `ms`, then put its own style back."""
        key = id(widget)
        if key not in self._flashing:
            self._flashing[key] = (widget, widget.styleSheet())
            widget.destroyed.connect(lambda *_: self._flashing.pop(key, None))
        original = self._flashing[key][1]
        widget.setStyleSheet(f"{original}\nbackground-color: {colour(status).name()}; color: #ffffff;")
        widget.setProperty("scanFeedback", status)
        self._timer_for(key).start(ms)

    def is_flashing(self, widget: QWidget) -> bool:
        return id(widget) in self._flashing

    def _timer_for(self, key: int) -> QTimer:
        # One timer per widget, kept for its next flash: deleting timers from their own timeout is asking
        # for a double delete when this object goes first.
        timer = self._timers.get(key)
        if timer is None:
            timer = self._timers[key] = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: self._unflash(key))
        return timer

    def _unflash(self, key: int) -> None:
        entry = self._flashing.pop(key, None)
        if entry is None:
            return
        widget, original = entry
        widget.setStyleSheet(original)
        widget.setProperty("scanFeedback", None)

    def _load(self) -> dict[str, Any] | None:
        if self._effects is None and self.audio_problem is None:
            try:
                self._effects = self._create_effects()
            except _NoSound as err:
                self.audio_problem = str(err)
                log.warning("scan feedback without sound: %s", err)
        return self._effects

    def _create_effects(self) -> dict[str, Any]:
        directory = self._sounds_path or sound_dir()
        if directory is None:
            raise _NoSound("the sound files are not installed (scanapp/resources/sounds)")
        for status in STATUSES:
            if not (directory / f"{status}.wav").is_file():
                raise _NoSound(f"missing sound file {directory / f'{status}.wav'}")
        with _quiet_qt_messages():
            try:
                from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
            except ImportError as err:
                raise _NoSound(f"QtMultimedia is not available ({err})") from err
            if not QMediaDevices.audioOutputs():
                raise _NoSound("no audio output device")
            effects: dict[str, Any] = {}
            for status in STATUSES:
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(directory / f"{status}.wav")))
                effect.setVolume(self.volume)
                effects[status] = effect
        return effects


class _NoSound(Exception):
    """Why feedback has no sound, in plain words."""


@contextmanager
def _quiet_qt_messages() -> Iterator[None]:
    """While QtMultimedia starts, its notes about optional libraries (VA-API, PipeWire) and a missing sound
    server go to our debug log instead of stderr: we report the one thing that matters, no sound, ourselves."""

    def handler(mode: Any, context: Any, message: str) -> None:
        log.debug("Qt (%s): %s", getattr(context, "category", ""), message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
