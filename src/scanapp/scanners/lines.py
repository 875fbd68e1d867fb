"""Byte streams (serial, stdin) cut into lines, with a bound on memory however long a line runs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    data: bytes
    """The line without its terminator; only its first `max_bytes` when it ran longer."""
    length: int
    """Its full length in bytes."""


class LineSplitter:
    """Feed chunks as they arrive; get whole lines back in order. A line longer than `max_bytes` is kept
    only up to `max_bytes` (its full length is counted), so a stream with no terminator cannot fill memory."""

    def __init__(self, terminator: bytes, max_bytes: int) -> None:
        if not terminator:
            raise ValueError("a line needs a terminator")
        self.terminator = terminator
        self.max_bytes = max_bytes
        self._buffer = bytearray()
        self._dropped = 0  # bytes of the current line beyond max_bytes, not kept

    def feed(self, chunk: bytes) -> list[Line]:
        lines: list[Line] = []
        self._buffer += chunk
        while True:
            end = self._buffer.find(self.terminator)
            if end < 0:
                break
            lines.append(self._line(bytes(self._buffer[:end])))
            del self._buffer[: end + len(self.terminator)]
        # Keep a possible partial terminator at the end so a CRLF split across chunks is still found.
        keep = self.max_bytes + len(self.terminator) - 1
        if len(self._buffer) > keep:
            self._dropped += len(self._buffer) - keep
            tail = bytes(self._buffer[-(len(self.terminator) - 1) :]) if len(self.terminator) > 1 else b""
            del self._buffer[self.max_bytes :]
            self._buffer += tail
        return lines

    def pending(self) -> Line | None:
        """What has come since the last terminator (a cut-off line when the stream ends), or None."""
        if not self._buffer and not self._dropped:
            return None
        line = self._line(bytes(self._buffer))
        self._buffer.clear()
        return line

    def _line(self, data: bytes) -> Line:
        length = len(data) + self._dropped
        self._dropped = 0
        return Line(data[: self.max_bytes], length)
