"""What a read barcode is, and why one is refused: the values `scanapp.domain.barcodes` hands out."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

GS = "\x1d"
MAX_LENGTH = 512

BarcodeKind = Literal["gtin", "gs1", "digital_link", "text"]


class BarcodeError(ValueError):
    """The scan cannot be read; `reason` is what the user is told."""

    def __init__(self, reason: str, raw: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.raw = raw


@dataclass(frozen=True)
class Gs1Element:
    ai: str
    title: str
    value: str
    date: date | None = None
    """The calendar date of a date AI (11, 13, 15, 16, 17, 7003 …); day 00 is the month's last day."""
    datetime: datetime | None = None
    """Date and time, for the AIs that carry a time (7003, 8008 …)."""

    @property
    def shown(self) -> str:
        """`(17) 251231 = 2025-12-31`: the AI, its value as printed, and the date it stands for."""
        text = f"({self.ai}) {self.value}"
        when = self.datetime.isoformat(timespec="minutes") if self.datetime else self.date and self.date.isoformat()
        return f"{text} = {when}" if when else text

    def to_dict(self) -> dict[str, Any]:
        return {
            "ai": self.ai,
            "title": self.title,
            "value": self.value,
            "date": self.date.isoformat() if self.date else None,
            "datetime": self.datetime.isoformat() if self.datetime else None,
        }


@dataclass(frozen=True)
class Barcode:
    raw: str
    kind: BarcodeKind
    code: str
    """Lookup key: the GTIN-14 when there is one, otherwise the data as scanned (without AIM id)."""
    gtin14: str | None = None
    gtin_format: str | None = None
    symbology: str | None = None
    symbology_name: str | None = None
    lot: str | None = None
    expiry: date | None = None
    serial: str | None = None
    elements: tuple[Gs1Element, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": True,
            "raw": self.raw,
            "kind": self.kind,
            "code": self.code,
            "gtin14": self.gtin14,
            "gtin_format": self.gtin_format,
            "symbology": self.symbology,
            "symbology_name": self.symbology_name,
            "lot": self.lot,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "serial": self.serial,
            "gs1": [e.to_dict() for e in self.elements],
        }


def error_dict(err: BarcodeError) -> dict[str, Any]:
    return {"ok": False, "raw": err.raw, "error": err.reason}


def printable(raw: str) -> str:
    """The raw data with control characters made visible, for messages and logs."""
    return "".join("<GS>" if ch == GS else (f"<0x{ord(ch):02x}>" if is_control(ch) else ch) for ch in raw)


def is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn")
