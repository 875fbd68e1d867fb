"""The readings of one scan's data, each through biip: a GTIN in its EAN/UPC forms, an AIM identifier's
claim, a GS1 element string, a GS1 Digital Link URI.

biip checks every check digit, AI pattern and date; this module decides which reading a scan gets
and words biip's errors as reasons a person can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import biip
from biip import ParseError
from biip.gs1_application_identifiers import GS1ApplicationIdentifier
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.gs1_messages import GS1Message
from biip.gtin import Gtin, GtinFormat
from biip.symbology import SymbologyIdentifier
from biip.upc import Upc, UpcFormat

from scanapp.domain.barcode_types import GS, Barcode, BarcodeError, BarcodeKind, Gs1Element

if TYPE_CHECKING:
    from biip.gs1_element_strings import GS1ElementStrings

GTIN_LENGTHS = (8, 12, 13, 14)

_FORMAT_NAMES = {
    GtinFormat.GTIN_8: "EAN-8",
    GtinFormat.GTIN_12: "UPC-A",
    GtinFormat.GTIN_13: "EAN-13",
    GtinFormat.GTIN_14: "GTIN-14",
}

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

# What each EAN/UPC modifier (ISO/IEC 15420) may carry, as the user is told when the data does not fit.
_EAN_UPC_CLAIMS = {
    "0": "EAN-13, UPC-A or UPC-E: 13, 12, 8, 7 or 6 digits",
    "1": "a 2-digit add-on",
    "2": "a 5-digit add-on",
    "3": "EAN-13 or UPC-A with an add-on: 13 digits and 2 or 5 more",
    "4": "EAN-8: 8 digits",
}
_ADD_ON_LENGTHS = {"1": (2,), "2": (5,), "3": (15, 18)}
# biip names the regular expression an AI's value failed; a person is better told the AI's format.
_PATTERN = re.compile(r"with GS1 AI \((\d+)\) pattern '.*'\.?$")


@dataclass(frozen=True)
class Scan:
    """One scan being read: the raw text, its data after the AIM id, and the AIM id if there is one."""

    raw: str
    data: str
    symbology: SymbologyIdentifier | None

    @property
    def sym_id(self) -> str | None:
        return self.symbology.value if self.symbology else None

    @property
    def sym_name(self) -> str | None:
        if self.symbology is None:
            return None
        source = self.symbology.gs1_symbology or self.symbology.iso_symbology
        words = source.name.replace("_", " ").title().split()
        return " ".join(_SPELLING.get(w, w) for w in words)

    def text(self) -> Barcode:
        """Opaque text: a code that claims no GS1 reading (a lab label, a store SKU)."""
        return Barcode(raw=self.raw, kind="text", code=self.data, symbology=self.sym_id, symbology_name=self.sym_name)

    def gtin(self, gtin14: str, gtin_format: str) -> Barcode:
        return Barcode(
            raw=self.raw,
            kind="gtin",
            code=gtin14,
            gtin14=gtin14,
            gtin_format=gtin_format,
            symbology=self.sym_id,
            symbology_name=self.sym_name,
        )

    def reject(self, reason: str) -> BarcodeError:
        return BarcodeError(reason, self.raw)


def is_uri(data: str) -> bool:
    # Digital Link allows the scheme in lower or in upper case, not mixed (biip's urlsplit would take
    # "HtTps"): anything else is not a Digital Link, however much it looks like one.
    return data.startswith(("https://", "http://", "HTTPS://", "HTTP://"))


def gtin_reason(message: str, what: str = "GTIN") -> str:
    if "check digit" in message:
        return "bad check digit: " + message.split(": ", 1)[-1].rstrip(".").lower()
    return f"not a valid {what}: " + message.rstrip(".")


def _words(message: str) -> str:
    match = _PATTERN.search(message)
    if match:
        ai = GS1ApplicationIdentifier.extract(match.group(1))
        message = message[: match.start()] + f"with the format of AI ({ai.ai}), {ai.format}"
    return message.rstrip(".")


def _is_digits(data: str) -> bool:
    return data.isdigit() and data.isascii()


def _gtin(scan: Scan, data: str) -> Barcode:
    try:
        gtin = Gtin.parse(data)
    except ParseError as exc:
        raise scan.reject(gtin_reason(str(exc))) from exc
    return scan.gtin(gtin.as_gtin_14(), _FORMAT_NAMES[gtin.format])


def _upce(scan: Scan) -> Barcode:
    try:
        upc = Upc.parse(scan.data)
    except ParseError as exc:
        raise scan.reject(f"not a valid UPC-E: {str(exc).rstrip('.')}") from exc
    return scan.gtin(upc.as_gtin_14(), "UPC-E")


def read_plain_digits(scan: Scan) -> Barcode:
    """8, 12, 13 or 14 digits with no AIM id: biip's `.gtin` reading, which prefers EAN-8 to UPC-E
    when 8 digits are both and expands an 8-digit UPC-E that is only that. Longer codes have one GTIN
    reading, so they skip `biip.parse`'s other parsers (six times slower, on every new code)."""
    if len(scan.data) != 8:
        return _gtin(scan, scan.data)
    result = biip.parse(scan.data)
    if result.gtin is None:
        reason = gtin_reason(result.gtin_error or "")
        if result.upc_error:
            reason += f" (as EAN-8), and not a UPC-E either: {_upc_words(result.upc_error)}"
        raise scan.reject(reason)
    upce = result.upc is not None and result.upc.format is UpcFormat.UPC_E and result.gtin.format is GtinFormat.GTIN_12
    return scan.gtin(result.gtin.as_gtin_14(), "UPC-E" if upce else _FORMAT_NAMES[result.gtin.format])


def _upc_words(message: str) -> str:
    if "check digit" in message:
        return "its check digit should be " + message.split("Expected ", 1)[-1].split(",", 1)[0]
    return message.split(": ", 1)[-1].rstrip(".").lower()


def read_gtin_if_valid(scan: Scan) -> Barcode | None:
    """A symbology that claims no GS1 reading (Code 39, Code 128 without FNC1 …) may still print a GTIN;
    anything else in it is the owner's own code, never refused for a check digit it does not claim."""
    if not (_is_digits(scan.data) and len(scan.data) in GTIN_LENGTHS):
        return None
    try:
        return _gtin(scan, scan.data)
    except BarcodeError:
        return None


def read_ean_upc(scan: Scan) -> Barcode:
    """An ]E id claims EAN/UPC: data that cannot be that symbology is refused with what it should be."""
    assert scan.symbology is not None
    modifier, data = scan.symbology.modifiers, scan.data
    claim = _EAN_UPC_CLAIMS.get(modifier)
    if claim is None:
        raise scan.reject(f"unknown EAN/UPC symbology identifier {scan.sym_id}")
    if not _is_digits(data):
        raise scan.reject(f"{scan.sym_id} says {claim}, but the data has other characters than digits")
    if modifier == "4":
        if len(data) != 8:
            raise scan.reject(f"{scan.sym_id} says {claim}, but the data has {len(data)}")
        return _gtin(scan, data)
    if modifier in _ADD_ON_LENGTHS:
        if len(data) not in _ADD_ON_LENGTHS[modifier]:
            raise scan.reject(f"{scan.sym_id} says {claim}, but the data has {len(data)} digits")
        if modifier == "3":  # the product is the main symbol; the add-on (an issue, a price) is not its key
            return _gtin(scan, data[:13])
        return scan.text()
    if len(data) in (6, 7, 8):  # EAN-8 has its own ]E4, so 6 to 8 digits under ]E0 can only be UPC-E
        return _upce(scan)
    if len(data) not in (12, 13):
        raise scan.reject(f"{scan.sym_id} says {claim}, but the data has {len(data)}")
    return _gtin(scan, data)


def read_itf14(scan: Scan) -> Barcode:
    if not (_is_digits(scan.data) and len(scan.data) == 14):
        raise scan.reject(f"{scan.sym_id} says ITF-14: 14 digits, but the data is {len(scan.data)} characters")
    return _gtin(scan, scan.data)


def read_element_string(scan: Scan) -> Barcode:
    try:
        message = GS1Message.parse(scan.data)
    except ParseError as exc:
        raise scan.reject(f"not a valid GS1 element string: {_words(str(exc))}") from exc
    return _gs1_barcode(scan, message.element_strings, "gs1", scan.data.strip(GS))


def read_digital_link(scan: Scan) -> Barcode | None:
    """A GS1 Digital Link URI with its AIs, or None for a web address that names no GS1 key (kept as
    text: a QR code on a lab label may well be a plain link)."""
    try:
        uri = GS1DigitalLinkURI.parse(scan.data)
    except ParseError as exc:
        if "primary identifier" in str(exc):
            return None
        raise scan.reject(f"not a valid GS1 Digital Link: {_words(str(exc))}") from exc
    except ValueError as exc:  # urlsplit's own refusals ("Invalid IPv6 URL")
        raise scan.reject(f"not a valid web address: {exc}") from exc
    return _gs1_barcode(scan, uri.element_strings, "digital_link", scan.data)


def _gs1_barcode(scan: Scan, strings: GS1ElementStrings, kind: BarcodeKind, code: str) -> Barcode:
    gtin14 = lot = serial = expiry = None
    seen: dict[str, str] = {}
    for element in strings:
        ai = element.ai.ai
        if seen.setdefault(ai, element.value) != element.value:
            raise scan.reject(f"({ai}) appears twice with different values: {seen[ai]} and {element.value}")
        error = element.gtin_error or element.sscc_error
        if error:
            what = "SSCC" if element.sscc_error else "GTIN"
            raise scan.reject(f"({ai}) {what}: {gtin_reason(error, what)}")
        if ai in ("01", "02") and element.gtin is not None and gtin14 is None:
            gtin14 = element.gtin.as_gtin_14()
        elif ai == "10":
            lot = element.value
        elif ai == "21":
            serial = element.value
        elif ai == "17":
            expiry = element.date
    elements = tuple(
        Gs1Element(ai=e.ai.ai, title=e.ai.data_title, value=e.value, date=e.date, datetime=e.datetime) for e in strings
    )
    return Barcode(
        raw=scan.raw,
        kind=kind,
        code=gtin14 or code,
        gtin14=gtin14,
        gtin_format="GTIN-14" if gtin14 else None,
        symbology=scan.sym_id,
        symbology_name=scan.sym_name,
        lot=lot,
        expiry=expiry,
        serial=serial,
        elements=elements,
    )
