"""How one raw scan is read: symbology, GTIN-14 key, GS1 fields, or a reason to reject it.

All GS1/GTIN rules come from biip; this module only decides which of biip's readings applies
and turns its errors into reasons a person can act on.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from biip import ParseError
from biip.checksums import gs1_standard_check_digit
from biip.gs1_messages import GS1Message
from biip.gtin import Gtin, GtinFormat
from biip.symbology import SymbologyIdentifier
from biip.upc import Upc

GS = "\x1d"
MAX_LENGTH = 512

BarcodeKind = Literal["gtin", "gs1", "text"]

_GTIN_LENGTHS = (8, 12, 13, 14)
# Scanners that strip the AIM id may still send a GS1 element string as plain digits: only try GS1 for
# strings that start with the GTIN AI and are longer than any GTIN.
_GS1_LEADING_AIS = ("01", "02")

_FORMAT_NAMES = {
    GtinFormat.GTIN_8: "EAN-8",
    GtinFormat.GTIN_12: "UPC-A",
    GtinFormat.GTIN_13: "EAN-13",
    GtinFormat.GTIN_14: "GTIN-14",
}


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
            "gs1": [{"ai": e.ai, "title": e.title, "value": e.value} for e in self.elements],
        }


def error_dict(err: BarcodeError) -> dict[str, Any]:
    return {"ok": False, "raw": err.raw, "error": err.reason}


def printable(raw: str) -> str:
    """The raw data with control characters made visible, for messages and logs."""
    return "".join("<GS>" if ch == GS else (f"<0x{ord(ch):02x}>" if _is_control(ch) else ch) for ch in raw)


def decode(raw: str) -> Barcode:
    """Read one scan. Raises BarcodeError with a reason when it cannot be read."""
    return _decode(raw)


# Reading is a pure function of the data, and a count scans the same few codes over and over.
# Failures are not cached (lru_cache never caches exceptions), so they always say why afresh.
@lru_cache(maxsize=16384)
def _decode(raw: str) -> Barcode:
    if len(raw) > MAX_LENGTH:
        raise BarcodeError(f"too long: {len(raw)} characters (at most {MAX_LENGTH})", raw[:64] + "…")
    symbology: SymbologyIdentifier | None = None
    data = raw
    if raw.startswith("]") and len(raw) >= 3:
        try:
            symbology = SymbologyIdentifier.extract(raw)
        except ParseError as exc:
            raise BarcodeError(f"unreadable symbology identifier {raw[:3]!r}", raw) from exc
        data = raw[len(symbology.value) :]
    _check_characters(data, raw)
    if not data.strip(GS + " "):
        raise BarcodeError("empty scan", raw)

    sym_id = symbology.value if symbology else None
    sym_name = _symbology_name(symbology)
    gs1_symbology = symbology is not None and symbology.gs1_symbology is not None and _is_gs1_message(symbology)
    if gs1_symbology or GS in data:
        return _decode_gs1(raw, data, sym_id, sym_name)
    if data.isdigit() and data.isascii():
        if len(data) in _GTIN_LENGTHS:
            return _decode_gtin(raw, data, sym_id, sym_name)
        if len(data) in (6, 7) and symbology is not None and symbology.value.startswith("]E"):
            return _decode_upce(raw, data, sym_id, sym_name)
        if len(data) >= 16 and data.startswith(_GS1_LEADING_AIS):
            try:
                return _decode_gs1(raw, data, sym_id, sym_name)
            except BarcodeError as exc:
                if "check digit" in exc.reason:
                    raise
                # not GS1 after all: a long numeric code, kept as text
    return Barcode(raw=raw, kind="text", code=data, symbology=sym_id, symbology_name=sym_name)


def _is_gs1_message(symbology: SymbologyIdentifier) -> bool:
    # EAN/UPC and ITF-14 carry a bare GTIN, not an element string.
    return symbology.iso_symbology.name not in ("EAN_UPC", "ITF")


_SPELLING = {
    "Ean": "EAN",
    "Upc": "UPC",
    "Gs1": "GS1",
    "Itf": "ITF",
    "Qr": "QR",
    "Pdf417": "PDF417",
    "Msi": "MSI",
    "Ocr": "OCR",
    "Databar": "DataBar",
    "Datamatrix": "DataMatrix",
    "Dotcode": "DotCode",
}


def _symbology_name(symbology: SymbologyIdentifier | None) -> str | None:
    if symbology is None:
        return None
    source = symbology.gs1_symbology or symbology.iso_symbology
    words = source.name.replace("_", " ").title().split()
    return " ".join(_SPELLING.get(w, w) for w in words)


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn")


def _check_characters(data: str, raw: str) -> None:
    if data.isprintable() and "\ufffd" not in data:
        return  # the usual case, in C: "printable" excludes every control category checked below
    for pos, ch in enumerate(data):
        if ch == GS:
            continue
        if ch == "\ufffd":
            raise BarcodeError(f"unreadable data: invalid byte sequence at position {pos + 1}", raw)
        if _is_control(ch):
            raise BarcodeError(f"unreadable data: control character 0x{ord(ch):02x} at position {pos + 1}", raw)


def _gtin_format(gtin: Gtin, upce: bool = False) -> str:
    if upce:
        return "UPC-E"
    return _FORMAT_NAMES.get(gtin.format, str(gtin.format))


def _decode_gtin(raw: str, data: str, sym_id: str | None, sym_name: str | None) -> Barcode:
    try:
        gtin = Gtin.parse(data)
    except ParseError as exc:
        raise BarcodeError(_gtin_reason(str(exc)), raw) from exc
    return Barcode(
        raw=raw,
        kind="gtin",
        code=gtin.as_gtin_14(),
        gtin14=gtin.as_gtin_14(),
        gtin_format=_gtin_format(gtin),
        symbology=sym_id,
        symbology_name=sym_name,
    )


def _decode_upce(raw: str, data: str, sym_id: str | None, sym_name: str | None) -> Barcode:
    try:
        gtin = Upc.parse(data).as_gtin_12()
    except ParseError as exc:
        raise BarcodeError(f"not a valid UPC-E: {exc}", raw) from exc
    gtin14 = Gtin.parse(gtin).as_gtin_14()
    return Barcode(
        raw=raw,
        kind="gtin",
        code=gtin14,
        gtin14=gtin14,
        gtin_format="UPC-E",
        symbology=sym_id,
        symbology_name=sym_name,
    )


def _decode_gs1(raw: str, data: str, sym_id: str | None, sym_name: str | None) -> Barcode:
    try:
        message = GS1Message.parse(data)
    except ParseError as exc:
        raise BarcodeError(f"not a valid GS1 element string: {_strip_biip(str(exc))}", raw) from exc
    elements = tuple(Gs1Element(ai=e.ai.ai, title=e.ai.data_title, value=e.value) for e in message.element_strings)
    gtin14 = lot = serial = None
    expiry = None
    for element in message.element_strings:
        ai = element.ai.ai
        if ai in ("01", "02") and element.gtin is not None:
            gtin14 = element.gtin.as_gtin_14()
        elif ai in ("01", "02"):
            raise BarcodeError(_gtin_reason(str(element.gtin_error)), raw)
        elif ai == "10":
            lot = element.value
        elif ai == "21":
            serial = element.value
        elif ai == "17":
            expiry = element.date
    return Barcode(
        raw=raw,
        kind="gs1",
        code=gtin14 or data.strip(GS),
        gtin14=gtin14,
        gtin_format="GTIN-14" if gtin14 else None,
        symbology=sym_id,
        symbology_name=sym_name,
        lot=lot,
        expiry=expiry,
        serial=serial,
        elements=elements,
    )


def _strip_biip(message: str) -> str:
    return message.rstrip(".")


def _gtin_reason(message: str) -> str:
    if "check digit" in message:
        return "bad check digit: " + message.split(": ", 1)[-1].rstrip(".").lower()
    return "not a valid GTIN: " + _strip_biip(message)


def gtin14_of(value: str) -> str:
    """Normalise a catalog GTIN (UPC-A, UPC-E, EAN-8, EAN-13, GTIN-14) to GTIN-14, or raise BarcodeError.

    Catalog imports call this a million times, so valid GTINs take biip's check-digit function directly
    rather than the full `Gtin.parse` (8 µs each, mostly prefix lookup); a property test holds the two
    to the same answers, and any failure is worded by `Gtin.parse` itself.
    """
    value = value.strip()
    if not value.isdigit() or not value.isascii():
        raise BarcodeError("GTIN must be digits only", value)
    if len(value) in (6, 7):
        try:
            return Gtin.parse(Upc.parse(value).as_gtin_12()).as_gtin_14()
        except ParseError as exc:
            raise BarcodeError(f"not a valid UPC-E: {exc}", value) from exc
    if len(value) not in _GTIN_LENGTHS:
        raise BarcodeError(f"GTIN must have 8, 12, 13 or 14 digits, not {len(value)}", value)
    if gs1_standard_check_digit(value[:-1]) == int(value[-1]):
        return value.zfill(14)
    try:
        Gtin.parse(value)
    except ParseError as exc:
        raise BarcodeError(_gtin_reason(str(exc)), value) from exc
    raise AssertionError(f"biip accepts {value} although its check digit is wrong")  # pragma: no cover
