"""One decoding pipeline for every source: from a ScanRead to either clean text to record or a reason.

Steps, in order: source error → control characters → GS substitute → prefix/suffix → AIM id policy →
maximum length → the engine's barcode rules (`scanapp.domain.barcodes.decode`) → double-read window.
Nothing here raises on bad data; every read ends as a `PipelineResult`, accepted or rejected.

The GUI hands the result to the counting service (any ScanRecorder):

    result = pipeline.process(read)
    outcome = result.record(counting, actor, session_id)   # record_scan or record_rejected
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from scanapp.domain.barcodes import GS, Barcode, BarcodeError, decode, printable
from scanapp.domain.permissions import Actor
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings

Outcome_co = TypeVar("Outcome_co", covariant=True)
Outcome = TypeVar("Outcome")

# What a rejected read keeps of an overlong line: enough to recognise it in the scan log.
_KEEP_OF_LONG = 64
# Leftovers of a terminator the source did not expect (a CRLF scanner on a CR setting) are not data.
_EDGE_JUNK = "\r\n\t\x00 "


def read_from_bytes(
    data: bytes,
    source: str,
    at: datetime,
    encoding: str = "utf-8",
    max_bytes: int | None = None,
    length: int | None = None,
) -> ScanRead:
    """A ScanRead from one line of bytes (serial, stdin), terminator already removed.

    Bytes that are invalid in `encoding` or a line longer than `max_bytes` give a read with `error` set
    (the pipeline rejects it), never an exception. `data` keeps the bytes as received, cut to `max_bytes`.
    `length` is the line's full length when the source kept only its start (see LineSplitter).
    """
    length = len(data) if length is None else length
    if max_bytes is not None and length > max_bytes:
        text = _text_of(data[:_KEEP_OF_LONG], encoding) + "…"
        error = f"too long: {length} bytes without a line end (at most {max_bytes})"
        return ScanRead(text=text, source=source, at=at, data=data[:max_bytes], error=error)
    try:
        return ScanRead(text=data.decode(encoding), source=source, at=at, data=data)
    except UnicodeDecodeError as err:
        return ScanRead(
            text=data.decode(encoding, errors="replace"),
            source=source,
            at=at,
            data=data,
            error=f"unreadable data: byte 0x{data[err.start]:02x} at position {err.start + 1} is not valid {encoding}",
        )
    except LookupError:
        return ScanRead(
            text=data.decode("latin-1"), source=source, at=at, data=data, error=f"unknown encoding {encoding!r}"
        )


def _text_of(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("latin-1")


def _too_long(length: int, limit: int) -> str:
    return f"too long: {length} characters (at most {limit})"


class ScanRecorder(Protocol[Outcome_co]):
    """Where results are recorded (the counting service): declared here, so scanners need not import it."""

    def record_scan(self, actor: Actor, session_id: str, raw: str, source: str, manual: bool = False) -> Outcome_co: ...
    def record_rejected(
        self, actor: Actor, session_id: str, raw: str, reason: str, source: str, manual: bool = False
    ) -> Outcome_co: ...


@dataclass(frozen=True)
class PipelineResult:
    """What became of one read: `raw` is the cleaned text (what is recorded either way); `reason` is set
    when it is rejected; `barcode` is the engine's reading when it is accepted."""

    read: ScanRead
    raw: str
    reason: str | None = None
    barcode: Barcode | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None

    def record(self, counting: ScanRecorder[Outcome], actor: Actor, session_id: str) -> Outcome:
        """Record the scan (or its rejection) durably; the outcome's status drives the feedback."""
        if self.ok:
            return counting.record_scan(actor, session_id, self.raw, self.read.source, self.read.manual)
        assert self.reason is not None
        return counting.record_rejected(actor, session_id, self.raw, self.reason, self.read.source, self.read.manual)

    def to_dict(self) -> dict[str, Any]:
        """The decode fields (as `scanapp decode --json`) plus source, time, manual and the read's details."""
        if self.barcode is not None:
            data = self.barcode.to_dict()
        else:
            data = {"ok": False, "raw": self.raw, "error": self.reason}
        data.update(
            source=self.read.source,
            at=self.read.at.isoformat(),
            manual=self.read.manual,
            hex=self.read.data[: _KEEP_OF_LONG * 4].hex(" ") if self.read.data else self.raw.encode().hex(" "),
        )
        if self.read.key_gaps_ms:
            data["key_gaps_ms"] = [round(g, 1) for g in self.read.key_gaps_ms]
        return data


class ScanPipeline:
    """Turns reads into results under one ScannerSettings. Keeps only the last code seen per source,
    for the double-read window. Use from one thread (the GUI's)."""

    def __init__(self, settings: ScannerSettings | None = None) -> None:
        self.settings = settings or ScannerSettings()
        self._last: dict[str, tuple[str, datetime]] = {}

    def set_settings(self, settings: ScannerSettings) -> None:
        self.settings = settings
        self._last.clear()

    def process(self, read: ScanRead) -> PipelineResult:
        """Never raises on bad data: every read comes back accepted (with its barcode) or rejected."""
        s = self.settings
        text = read.text
        if read.error:
            return PipelineResult(read, _shorten(text), read.error)
        text = text.strip(_EDGE_JUNK)
        if s.control_chars == "strip":
            text = "".join(ch for ch in text if ch == GS or not _is_control(ch))
        if s.gs_substitute:
            text = text.replace(s.gs_substitute, GS)
        if s.strip_prefix and text.startswith(s.strip_prefix):
            text = text[len(s.strip_prefix) :]
        if s.strip_suffix and text.endswith(s.strip_suffix):
            text = text[: -len(s.strip_suffix)]
        has_aim = len(text) >= 3 and text[0] == "]"
        if s.aim == "require" and not has_aim:
            return PipelineResult(read, _shorten(text), "no AIM symbology identifier (the scanner is set to send one)")
        if s.aim == "strip" and has_aim:
            text = text[3:]
        if len(text) > s.max_length:
            return PipelineResult(read, _shorten(text), _too_long(len(text), s.max_length))
        if not text:
            return PipelineResult(read, text, "empty scan")
        try:
            barcode = decode(text)
        except BarcodeError as err:
            return PipelineResult(read, text, err.reason)
        except Exception as err:  # a library bug on odd data must not stop a source
            return PipelineResult(read, text, f"unreadable data ({type(err).__name__}: {printable(str(err))})")
        if s.double_read_ms > 0:
            last = self._last.get(read.source)
            self._last[read.source] = (text, read.at)
            if last is not None and last[0] == text:
                gap_ms = (read.at - last[1]).total_seconds() * 1000
                if 0 <= gap_ms <= s.double_read_ms:
                    return PipelineResult(read, text, f"double read: same code again within {s.double_read_ms} ms")
        return PipelineResult(read, text, None, barcode)


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn")


def _shorten(text: str) -> str:
    return text if len(text) <= _KEEP_OF_LONG else text[:_KEEP_OF_LONG] + "…"
