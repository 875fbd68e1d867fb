"""What every scanner source emits: one read, as raw as the source can give it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ScanRead:
    """One code as a scanner (or a person at the keyboard) delivered it, before any decoding.

    `text` is the data with the terminator removed; `data` the bytes as received where the source has
    bytes (serial), else the UTF-8 of `text`. `manual` marks typing told apart from a scanner by key timing.
    `key_gaps_ms` are the gaps between keystrokes (wedge, evdev), for the test pad and the manual flag.
    `error` is set when the source could not even produce text (undecodable bytes, overlong line).
    """

    text: str
    source: str  # "wedge", "evdev:/dev/input/…", "serial:/dev/ttyUSB0", "stdin"
    at: datetime
    data: bytes = b""
    manual: bool = False
    key_gaps_ms: tuple[float, ...] = field(default=())
    error: str | None = None
