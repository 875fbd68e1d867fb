"""Serial scanner source (pyserial): a port, a baud rate, a line terminator (CR, LF or CRLF).

Reads never block the GUI: where the port has a file descriptor (Linux, macOS) a QSocketNotifier says when
bytes are waiting and only those are read; where it has none (Windows) a worker QThread reads with a short
timeout and hands chunks back by signal. When the port goes away the source says so, closes it and tries
again with a growing delay (0.25 s doubling up to 5 s) until it is back, then reads on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import serial
from PySide6.QtCore import QObject, QSocketNotifier, QThread, QTimer, Signal, Slot

from scanapp.domain.clock import Clock, SystemClock
from scanapp.scanners.lines import LineSplitter
from scanapp.scanners.pipeline import read_from_bytes
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import TERMINATOR_BYTES, ScannerSettings
from scanapp.scanners.state import CONNECTED, DISCONNECTED, STOPPED

log = logging.getLogger(__name__)

RETRY_FIRST_MS = 250
RETRY_MAX_MS = 5000


@dataclass(frozen=True)
class SerialPort:
    device: str
    description: str


def list_ports() -> list[SerialPort]:
    """The serial ports pyserial finds, with their descriptions ("USB Serial Device", "Honeywell …")."""
    from serial.tools import list_ports as lp

    return sorted(
        (
            SerialPort(p.device, p.description if p.description and p.description != "n/a" else p.device)
            for p in lp.comports()
        ),
        key=lambda p: p.device,
    )


def max_line_bytes(settings: ScannerSettings) -> int:
    """Bytes kept of one line: room for the longest allowed code in UTF-8, never less than 1 KiB."""
    return max(settings.max_length * 4, 1024)


def _open_port(port: str, settings: ScannerSettings) -> Any:
    # exclusive: a second program reading the same port would steal half the bytes of every scan.
    return serial.serial_for_url(port, baudrate=settings.baud, timeout=0, exclusive=True)


class _ReaderThread(QThread):
    """For ports without a file descriptor: blocking reads with a short timeout, off the GUI thread."""

    chunk_received = Signal(bytes)
    failed = Signal(str)

    def __init__(self, port: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.port = port

    def run(self) -> None:
        self.port.timeout = 0.1
        while not self.isInterruptionRequested():
            try:
                data = self.port.read(max(1, self.port.in_waiting))
            except (serial.SerialException, OSError, TypeError, AttributeError) as err:
                # TypeError/AttributeError: pyserial on a handle closed under it; same meaning as unplugged.
                self.failed.emit(str(err))
                return
            if data:
                self.chunk_received.emit(data)


class SerialSource(QObject):
    """One serial port as a scanner source. Call `start()`; it keeps itself connected until `stop()`."""

    scan_read = Signal(object)
    """A ScanRead per line; with `error` set for undecodable or overlong lines, or a line cut off by unplug."""
    state_changed = Signal(str, str)
    """(state, message in plain words): "connected", "disconnected" (and why; retrying), "stopped"."""
    bytes_received = Signal(bytes)
    """Every chunk as it arrives, for the test pad's live hex view."""

    def __init__(
        self,
        port: str,
        settings: ScannerSettings | None = None,
        clock: Clock | None = None,
        open_port: Callable[[str, ScannerSettings], Any] = _open_port,
        use_thread: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.port_name = port
        self.source = f"serial:{port}"
        self.settings = settings or ScannerSettings(kind="serial", device=port)
        self.clock = clock or SystemClock()
        self.state = STOPPED
        self.message = ""
        self._open_port = open_port
        self._use_thread = use_thread
        self._port: Any = None
        self._notifier: QSocketNotifier | None = None
        self._thread: _ReaderThread | None = None
        self._splitter = self._new_splitter()
        self._delay_ms = RETRY_FIRST_MS
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._try_open)

    def set_settings(self, settings: ScannerSettings) -> None:
        """New baud or terminator: reopen so they take effect."""
        self.settings = settings
        self._splitter = self._new_splitter()
        if self._port is not None:
            self._close()
            self._try_open()

    @Slot()
    def start(self) -> None:
        self._delay_ms = RETRY_FIRST_MS
        self._try_open()

    @Slot()
    def stop(self) -> None:
        self._retry.stop()
        self._close()
        self._set_state(STOPPED, "stopped")

    def _new_splitter(self) -> LineSplitter:
        return LineSplitter(TERMINATOR_BYTES[self.settings.terminator], max_line_bytes(self.settings))

    @Slot()
    def _try_open(self) -> None:
        try:
            port = self._open_port(self.port_name, self.settings)
        except (serial.SerialException, OSError, ValueError) as err:
            self._set_state(DISCONNECTED, f"{self.port_name} not available ({_plain(err)}); trying again")
            self._retry_later()
            return
        self._port = port
        self._delay_ms = RETRY_FIRST_MS
        self._splitter = self._new_splitter()
        fd = _fileno(port)
        if fd is not None and not self._use_thread:
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._readable)
        else:
            self._thread = _ReaderThread(port, self)
            self._thread.chunk_received.connect(self._chunk)
            self._thread.failed.connect(self._thread_failed)
            self._thread.start()
        self._set_state(CONNECTED, f"reading {self.port_name} at {self.settings.baud} baud")

    def _retry_later(self) -> None:
        self._retry.start(self._delay_ms)
        self._delay_ms = min(self._delay_ms * 2, RETRY_MAX_MS)

    @Slot()
    def _readable(self) -> None:
        if self._port is None:
            return
        try:
            data = self._port.read(max(1, self._port.in_waiting))
        except (serial.SerialException, OSError) as err:
            self._lost(err)
            return
        if data:
            self._chunk(data)

    @Slot(bytes)
    def _chunk(self, data: bytes) -> None:
        self.bytes_received.emit(data)
        for line in self._splitter.feed(data):
            if line.length == 0:
                continue  # a blank line is no scan
            self.scan_read.emit(self._read(line.data, line.length))

    @Slot(str)
    def _thread_failed(self, message: str) -> None:
        self._lost(OSError(message))

    def _read(self, data: bytes, length: int, error: str | None = None) -> ScanRead:
        read = read_from_bytes(
            data,
            self.source,
            self.clock.now(),
            encoding=self.settings.encoding,
            max_bytes=max_line_bytes(self.settings),
            length=length,
        )
        if error is not None and read.error is None:
            read = replace(read, error=error)
        return read

    def _lost(self, err: BaseException) -> None:
        log.info("serial %s lost: %s", self.port_name, err)
        self._close()
        partial = self._splitter.pending()
        self._set_state(DISCONNECTED, f"scanner on {self.port_name} disconnected; waiting for it")
        if partial is not None and partial.length:
            self.scan_read.emit(
                self._read(partial.data, partial.length, "cut off: the scanner went away in the middle of a code")
            )
        self._retry_later()

    def _close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._thread is not None:
            thread, self._thread = self._thread, None
            thread.chunk_received.disconnect(self._chunk)
            thread.failed.disconnect(self._thread_failed)
            thread.requestInterruption()
            thread.wait()
        if self._port is not None:
            port, self._port = self._port, None
            try:
                port.close()
            except (serial.SerialException, OSError) as err:
                log.debug("closing %s: %s", self.port_name, err)

    def _set_state(self, state: str, message: str) -> None:
        if (state, message) == (self.state, self.message):
            return
        self.state, self.message = state, message
        log.info("serial %s: %s (%s)", self.port_name, state, message)
        self.state_changed.emit(state, message)


def _fileno(port: Any) -> int | None:
    try:
        return int(port.fileno())
    except (AttributeError, OSError, ValueError, serial.SerialException):
        return None


def _plain(err: BaseException) -> str:
    text = str(err)
    if isinstance(err, OSError) and err.strerror:
        text = err.strerror
    # pyserial wraps: "[Errno 2] could not open port /dev/x: [Errno 2] No such file or directory: '/dev/x'"
    return text.split(": [Errno")[-1].split("] ", 1)[-1].split(":")[0].strip() or type(err).__name__
