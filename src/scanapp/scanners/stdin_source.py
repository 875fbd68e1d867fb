"""Lines from standard input as scans (`scanapp listen --stdin`): for piping a scanner's output, a
recorded session, or a test file through the same pipeline as a device."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QObject, QSocketNotifier, QThread, Signal, Slot

from scanapp.domain.clock import Clock, SystemClock
from scanapp.scanners.lines import LineSplitter
from scanapp.scanners.pipeline import read_from_bytes
from scanapp.scanners.serial_source import max_line_bytes
from scanapp.scanners.settings import ScannerSettings

SOURCE = "stdin"
_CHUNK = 65536


class _BlockingReader(QThread):
    """Where stdin cannot be watched by a notifier (Windows), read it on a thread."""

    chunk_received = Signal(bytes)

    def __init__(self, fd: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fd = fd

    def run(self) -> None:
        while True:
            try:
                data = os.read(self.fd, _CHUNK)
            except OSError:
                data = b""
            self.chunk_received.emit(data)
            if not data:
                return


class StdinSource(QObject):
    """Reads LF-ended lines (a CR before the LF is dropped by the pipeline) from a file descriptor."""

    scan_read = Signal(object)
    finished = Signal()
    """End of input: every line, including an unterminated last one, has been emitted."""

    def __init__(
        self, settings: ScannerSettings | None = None, fd: int | None = None, clock: Clock | None = None
    ) -> None:
        super().__init__()
        self.settings = settings or ScannerSettings()
        self.fd = sys.stdin.fileno() if fd is None else fd
        self.clock = clock or SystemClock()
        self._splitter = LineSplitter(b"\n", max_line_bytes(self.settings))
        self._notifier: QSocketNotifier | None = None
        self._thread: _BlockingReader | None = None
        self._was_blocking = True

    @Slot()
    def start(self) -> None:
        if sys.platform == "win32":
            self._thread = _BlockingReader(self.fd, self)
            self._thread.chunk_received.connect(self._chunk)
            self._thread.start()
            return
        self._was_blocking = os.get_blocking(self.fd)
        os.set_blocking(self.fd, False)
        self._notifier = QSocketNotifier(self.fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)

    @Slot()
    def _readable(self) -> None:
        try:
            data = os.read(self.fd, _CHUNK)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        self._chunk(data)

    @Slot(bytes)
    def _chunk(self, data: bytes) -> None:
        if not data:
            self._end()
            return
        for line in self._splitter.feed(data):
            self._emit(line.data, line.length)

    @Slot()
    def stop(self) -> None:
        """Stop watching the descriptor and give it back blocking, as the shell expects it."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
            os.set_blocking(self.fd, self._was_blocking)

    def _end(self) -> None:
        self.stop()
        last = self._splitter.pending()
        if last is not None:
            self._emit(last.data, last.length)
        self.finished.emit()

    def _emit(self, data: bytes, length: int) -> None:
        if data.endswith(b"\r"):
            data, length = data[:-1], length - 1
        if length == 0:
            return  # a blank line is no scan
        read = read_from_bytes(
            data,
            SOURCE,
            self.clock.now(),
            encoding=self.settings.encoding,
            max_bytes=max_line_bytes(self.settings),
            length=length,
        )
        self.scan_read.emit(read)
