"""evdev scanner source (Linux): reads one /dev/input device directly, grabbed exclusively, so scans arrive
whatever window has focus and never also type into it.

Reads run on the GUI thread without blocking it: a QSocketNotifier says when the device fd has events and
`read()` takes only what is there. When the device goes away (ENODEV) the source says so, and looks for
it again every `retry_ms` until it is back: pick a /dev/input/by-id path, which stays the same across
replugging.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot

from scanapp.domain.clock import Clock, SystemClock
from scanapp.scanners.evdev_keys import KeyDecoder
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.state import CONNECTED, DISCONNECTED, STOPPED

log = logging.getLogger(__name__)

BY_ID = Path("/dev/input/by-id")


@dataclass(frozen=True)
class EvdevDevice:
    path: str
    name: str


def list_devices(by_id: Path = BY_ID) -> list[EvdevDevice]:
    """Input devices with their names, by their stable /dev/input/by-id paths where udev made them."""
    import evdev

    if by_id.is_dir():
        paths = sorted(str(p) for p in by_id.iterdir() if "event" in p.name)
    else:
        paths = sorted(evdev.list_devices())
    devices = []
    for path in paths:
        try:
            device = evdev.InputDevice(path)
        except OSError as err:
            devices.append(EvdevDevice(path, f"({err.strerror or err})"))
            continue
        devices.append(EvdevDevice(path, device.name))
        device.close()
    return devices


def _open_device(path: str) -> Any:
    import evdev

    return evdev.InputDevice(path)


class EvdevSource(QObject):
    """One evdev device as a scanner source. Call `start()`; it keeps itself connected until `stop()`."""

    scan_read = Signal(object)
    """A ScanRead per code; a cut-off read (error set) when the device vanished in the middle of one."""
    state_changed = Signal(str, str)
    """(state, message in plain words): "connected", "disconnected" (and why; retrying), "stopped"."""

    def __init__(
        self,
        path: str,
        settings: ScannerSettings | None = None,
        clock: Clock | None = None,
        open_device: Callable[[str], Any] = _open_device,
        retry_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.source = f"evdev:{path}"
        self.clock = clock or SystemClock()
        self.decoder = KeyDecoder(self.source, settings or ScannerSettings())
        self.state = STOPPED
        self.message = ""
        self._open_device = open_device
        self._device: Any = None
        self._notifier: QSocketNotifier | None = None
        self._retry = QTimer(self)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._try_open)

    def set_settings(self, settings: ScannerSettings) -> None:
        self.decoder.settings = settings

    @Slot()
    def start(self) -> None:
        self._try_open()
        if self._device is None:
            self._retry.start()

    @Slot()
    def stop(self) -> None:
        self._retry.stop()
        self._close()
        self._set_state(STOPPED, "stopped")

    @Slot()
    def _try_open(self) -> None:
        try:
            device = self._open_device(self.path)
        except OSError as err:
            self._set_state(DISCONNECTED, _why(err, self.path))
            return
        try:
            device.grab()
        except OSError as err:
            device.close()
            reason = "another program holds it" if err.errno == errno.EBUSY else _why(err, self.path)
            self._set_state(DISCONNECTED, f"cannot take the scanner {self.path} for ScanApp alone: {reason}")
            return
        self._device = device
        self.decoder.reset()
        self._notifier = QSocketNotifier(device.fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        self._retry.stop()
        self._set_state(CONNECTED, f"reading {getattr(device, 'name', '') or self.path}")

    @Slot()
    def _readable(self) -> None:
        if self._device is None:
            return
        try:
            events = list(self._device.read())
        except BlockingIOError:
            return
        except OSError as err:
            self._lost(err)
            return
        for event in events:
            read = self.decoder.feed(event, self.clock.now())
            if read is not None:
                self.scan_read.emit(read)

    def _lost(self, err: OSError) -> None:
        cut = self.decoder.finish(
            self.clock.now(), error="cut off: the scanner went away in the middle of a code; scan it again"
        )
        self._close()
        unplugged = err.errno in (errno.ENODEV, errno.ENOENT, errno.EIO)
        self._set_state(DISCONNECTED, "scanner unplugged; waiting for it" if unplugged else _why(err, self.path))
        if cut is not None:
            self.scan_read.emit(cut)
        self._retry.start()

    def _close(self) -> None:
        # The notifier goes before the fd it watches, or Qt complains about an invalid socket.
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._device is not None:
            device, self._device = self._device, None
            try:
                device.close()
            except OSError as err:
                log.debug("closing %s: %s", self.path, err)

    def _set_state(self, state: str, message: str) -> None:
        if (state, message) == (self.state, self.message):
            return
        self.state, self.message = state, message
        log.info("evdev %s: %s (%s)", self.path, state, message)
        self.state_changed.emit(state, message)


def _why(err: OSError, path: str) -> str:
    if err.errno == errno.ENOENT:
        return f"no device at {path}; waiting for it"
    if err.errno == errno.EACCES:
        return f"no permission to read {path} (add the user to the input group or install the udev rule)"
    return f"{path}: {err.strerror or err}"
