"""How one raw scan is read: symbology, GTIN-14 key, GS1 fields, or a reason to reject it.

All GS1/GTIN rules come from biip (through `barcode_readings`); this module decides from the AIM
identifier and the data which reading applies. An AIM identifier is a claim: data that does not fit the
symbology it names is refused; data that claims no GS1 reading stays opaque text.
"""

from __future__ import annotations

from functools import lru_cache

from biip import ParseError
from biip.checksums import gs1_standard_check_digit
from biip.gtin import Gtin
from biip.symbology import GS1Symbology, ISOSymbology, SymbologyIdentifier
from biip.upc import Upc

from scanapp.domain.barcode_readings import (
    GTIN_LENGTHS,
    Scan,
    gtin_reason,
    is_uri,
    read_digital_link,
    read_ean_upc,
    read_element_string,
    read_gtin_if_valid,
    read_itf14,
    read_plain_digits,
)
from scanapp.domain.barcode_types import (
    GS,
    MAX_LENGTH,
    Barcode,
    BarcodeError,
    BarcodeKind,
    Gs1Element,
    error_dict,
    is_control,
    printable,
)

__all__ = [
    "GS",
    "MAX_LENGTH",
    "Barcode",
    "BarcodeError",
    "BarcodeKind",
    "Gs1Element",
    "decode",
    "error_dict",
    "gtin14_of",
    "printable",
]

# Scanners that strip the AIM id may still send a GS1 element string as plain digits: only try GS1 for
# strings that start with a GTIN AI and are longer than any GTIN, or with the SSCC AI and its 18 digits.
_GS1_LEADING_AIS = {"01": 16, "02": 16, "00": 20}
_GS1_MESSAGE_SYMBOLOGIES = GS1Symbology.with_gs1_messages()
# biip reads a URI in GS1 QR / GS1 DataMatrix as Digital Link too; GS1 prints Digital Link in the plain
# (non-GS1) modes of QR Code and Data Matrix, ]Q1 and ]d1.
_DL_GS1_SYMBOLOGIES = GS1Symbology.with_gs1_digital_link_uri()
_DL_CARRIERS = (ISOSymbology.QR_CODE, ISOSymbology.DATA_MATRIX, ISOSymbology.AZTEC_CODE)


def decode(raw: str) -> Barcode:
    """Read one scan. Raises BarcodeError with a reason when it cannot be read."""
    return _decode(raw)


# Reading is a pure function of the data, and a count scans the same few codes over and over.
# Failures are not cached (lru_cache never caches exceptions), so they always say why afresh.
@lru_cache(maxsize=16384)
def _decode(raw: str) -> Barcode:
    if len(raw) > MAX_LENGTH:
        raise BarcodeError(f"too long: {len(raw)} characters (at most {MAX_LENGTH})", raw[:64] + "…")
    symbology, data = _split_symbology(raw)
    _check_characters(data, raw)
    if not data.strip(GS + " "):
        raise BarcodeError("empty scan", raw)
    scan = Scan(raw, data, symbology)
    if symbology is None:
        return _decode_unclaimed(scan)
    if symbology.iso_symbology is ISOSymbology.EAN_UPC:
        return read_ean_upc(scan)
    if symbology.gs1_symbology is GS1Symbology.ITF_14:
        return read_itf14(scan)
    if symbology.gs1_symbology in _GS1_MESSAGE_SYMBOLOGIES:
        if symbology.gs1_symbology in _DL_GS1_SYMBOLOGIES and is_uri(data):
            return read_digital_link(scan) or scan.text()
        return read_element_string(scan)
    if symbology.iso_symbology in _DL_CARRIERS and is_uri(data):
        return read_digital_link(scan) or scan.text()
    if GS in data:
        return read_element_string(scan)
    return read_gtin_if_valid(scan) or scan.text()


def _split_symbology(raw: str) -> tuple[SymbologyIdentifier | None, str]:
    if not raw.startswith("]"):
        return None, raw
    if len(raw) < 3:
        raise BarcodeError(f"incomplete symbology identifier {raw!r}", raw)
    try:
        symbology = SymbologyIdentifier.extract(raw)
    except (ParseError, ValueError) as exc:
        raise BarcodeError(f"unreadable symbology identifier {raw[:3]!r}", raw) from exc
    return symbology, raw[len(symbology.value) :]


def _decode_unclaimed(scan: Scan) -> Barcode:
    """No AIM id: the data alone decides. Plain EAN/UPC digits are a GTIN (biip's `.gtin`, never the
    AI (400) reading of the same digits). 6- and 7-digit numbers carry no check digit, so nothing tells
    a UPC-E from a store's short code: they stay text unless the scanner says EAN/UPC (]E0)."""
    data = scan.data
    if is_uri(data):
        return read_digital_link(scan) or scan.text()
    if GS in data:
        return read_element_string(scan)
    if data.isdigit() and data.isascii():
        if len(data) in GTIN_LENGTHS:
            return read_plain_digits(scan)
        if len(data) >= _GS1_LEADING_AIS.get(data[:2], len(data) + 1):
            try:
                return read_element_string(scan)
            except BarcodeError as exc:
                if "check digit" in exc.reason:
                    raise
                # not GS1 after all: a long numeric code, kept as text
    return scan.text()


def _check_characters(data: str, raw: str) -> None:
    if data.isprintable() and "\ufffd" not in data:
        return  # the usual case, in C: "printable" excludes every control category checked below
    for pos, ch in enumerate(data):
        if ch == GS:
            continue
        if ch == "\ufffd":
            raise BarcodeError(f"unreadable data: invalid byte sequence at position {pos + 1}", raw)
        if is_control(ch):
            raise BarcodeError(f"unreadable data: control character 0x{ord(ch):02x} at position {pos + 1}", raw)


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
            return Upc.parse(value).as_gtin_14()
        except ParseError as exc:
            raise BarcodeError(f"not a valid UPC-E: {exc}", value) from exc
    if len(value) not in GTIN_LENGTHS:
        raise BarcodeError(f"GTIN must have 8, 12, 13 or 14 digits, not {len(value)}", value)
    if gs1_standard_check_digit(value[:-1]) == int(value[-1]):
        return value.zfill(14)
    try:
        Gtin.parse(value)
    except ParseError as exc:
        raise BarcodeError(gtin_reason(str(exc)), value) from exc
    raise AssertionError(f"biip accepts {value} although its check digit is wrong")  # pragma: no cover
