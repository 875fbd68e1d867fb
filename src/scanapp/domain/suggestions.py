"""Likely matches for an unmatched code (B2): which catalog codes the scanned one may have been meant as.

Pure rules, no lookups: `suggest(code)` lists candidate GTIN-14 keys, most likely first, each with a reason a
person can judge. The caller looks the candidates up in the catalog (store.queries.products_for_codes).

What a scan that reached "unmatched" can be, and what we try for each:

- another form of the same number: a UPC-E read as EAN-8 (scanners that drop the AIM id send 8 digits),
  a UPC-A that the catalog holds in its UPC-E form, an 11- or 7-digit code missing its check digit, or a
  12-digit code missing its leading zero;
- the same item at another packaging level (GTIN-14 indicator digit 0–9);
- a mis-read that still passed the check digit: one digit different, or two neighbouring digits swapped,
  with the check digit recomputed. (A single wrong digit always breaks the GS1 check, so a scan that was
  accepted as valid but is wrong in one data digit must have had its check digit mis-read too; a swap of
  two digits five apart does not change the check digit at all.)

Every candidate is a valid GTIN-14 (the key the catalog stores), never the scanned code itself, and each
appears once, under its most likely reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from biip import EncodeError, ParseError
from biip.checksums import gs1_standard_check_digit
from biip.upc import Upc

from scanapp.domain.messages import QT_TRANSLATE_NOOP

GTIN14 = 14

CONTEXT = "Suggestions"
"""The translation context of the reasons below (the screens translate a reason by its id)."""


class Why(StrEnum):
    """Why a product is offered for a scan: the likely-match rules below, and what a search found."""

    UPCE_AS_OTHER = "UPC-E read as another code"
    UPCA_CATALOG_UPCE = "catalog has the UPC-E form"
    NO_CHECK_DIGIT = "no check digit"
    NO_LEADING_ZERO = "no leading zero"
    PACKAGING_LEVEL = "packaging level"
    TWO_SWAPPED = "two digits swapped"
    ONE_MISREAD = "one digit misread"
    HAS_CODE = "has this code"
    MATCHES_SEARCH = "matches the search"


WHY_TEXT: Mapping[Why, str] = {
    Why.UPCE_AS_OTHER: QT_TRANSLATE_NOOP("Suggestions", "UPC-E read as another code: its UPC-A form"),
    Why.UPCA_CATALOG_UPCE: QT_TRANSLATE_NOOP("Suggestions", "UPC-A scanned, catalog has the UPC-E form"),
    Why.NO_CHECK_DIGIT: QT_TRANSLATE_NOOP("Suggestions", "scanner left out the check digit"),
    Why.NO_LEADING_ZERO: QT_TRANSLATE_NOOP("Suggestions", "leading zero missing"),
    Why.PACKAGING_LEVEL: QT_TRANSLATE_NOOP("Suggestions", "same item, packaging level {indicator}"),
    Why.TWO_SWAPPED: QT_TRANSLATE_NOOP("Suggestions", "two digits swapped ({right} read as {scanned})"),
    Why.ONE_MISREAD: QT_TRANSLATE_NOOP("Suggestions", "one digit misread ({right} read as {scanned})"),
    Why.HAS_CODE: QT_TRANSLATE_NOOP("Suggestions", "has this code"),
    Why.MATCHES_SEARCH: QT_TRANSLATE_NOOP("Suggestions", "matches the search"),
}
ON_THE_LIST = QT_TRANSLATE_NOOP("Suggestions", "{reason}, on the list")
"""A reason for a product on the count's directed list."""

Params = tuple[tuple[str, str], ...]


def reason_text(why: Why, params: Params = ()) -> str:
    """The reason in English with its values (the screens translate WHY_TEXT[why] instead)."""
    return WHY_TEXT[why].format(**dict(params))


@dataclass(frozen=True)
class Suggestion:
    code: str
    """A GTIN-14 key to look up in the catalog."""
    why: Why
    """Why it may be the product: shown beside the candidate in the Match Product dialog."""
    params: Params = ()
    """The reason's values (which digits, which packaging level)."""

    @property
    def reason(self) -> str:
        return reason_text(self.why, self.params)


def with_check(body: str) -> str:
    """`body` with its GS1 check digit appended."""
    return body + str(gs1_standard_check_digit(body))


def is_valid_gtin(digits: str) -> bool:
    return (
        len(digits) in (8, 12, 13, 14)
        and digits.isascii()
        and digits.isdigit()
        and gs1_standard_check_digit(digits[:-1]) == int(digits[-1])
    )


def suggest(code: str) -> list[Suggestion]:
    """Candidate GTIN-14 keys for an unmatched `code` (a GTIN-14 key, or the data as scanned), most likely
    first. Codes that are not digits have no numeric neighbours: the result is empty."""
    digits = code.strip()
    if not digits or not digits.isascii() or not digits.isdigit() or len(digits) > GTIN14:
        return []
    found: dict[str, tuple[Why, Params]] = {}

    def add(candidate: str, reason: tuple[Why, Params]) -> None:
        if candidate != own and candidate not in found:
            found[candidate] = reason

    own = digits.zfill(GTIN14) if is_valid_gtin(digits) else ""
    readings = _readings(digits)
    for candidate, reason in readings:
        add(candidate, reason)
    bases = ([own] if own else []) + [c for c, _ in readings]
    for base in bases:
        for candidate, reason in _packaging_levels(base):
            add(candidate, reason)
    for base in bases:
        for candidate, reason in _swaps(base):
            add(candidate, reason)
    for base in bases:
        for candidate, reason in _one_digit_off(base):
            add(candidate, reason)
    return [Suggestion(c, why, params) for c, (why, params) in found.items()]


def _readings(digits: str) -> list[tuple[str, tuple[Why, Params]]]:
    """Other ways to read the same digits as a GTIN (UPC-E/UPC-A, missing check digit or leading zero)."""
    out: list[tuple[str, tuple[Why, Params]]] = []
    short = digits.lstrip("0")
    # A GTIN-14 that holds an EAN-8 (six leading zeros) may be a UPC-E read without its AIM id.
    upce_candidates = []
    if len(digits) in (6, 7, 8):
        upce_candidates.append(digits)
    if len(digits) == GTIN14 and digits.startswith("000000") and is_valid_gtin(digits):
        upce_candidates.append(digits[6:])
    for value in upce_candidates:
        upca = _upce_to_upca(value)
        if upca is not None:
            out.append((upca.zfill(GTIN14), (Why.UPCE_AS_OTHER, ())))
    # A UPC-A (GTIN-14 with two leading zeros) may be held in the catalog by its UPC-E form, stored as EAN-8.
    if len(digits) in (12, 13, 14) and is_valid_gtin(digits) and len(short) <= 12:
        upce = _upca_to_upce(digits.zfill(GTIN14)[2:])
        if upce is not None:
            out.append((upce.zfill(GTIN14), (Why.UPCA_CATALOG_UPCE, ())))
    # Scanners set up not to transmit the check digit send 7 (EAN-8) or 11 (UPC-A) or 12 (EAN-13) digits.
    if len(digits) in (7, 11, 12, 13):
        out.append((with_check(digits).zfill(GTIN14), (Why.NO_CHECK_DIGIT, ())))
    # A code whose leading zero was dropped (11-digit UPC-A with check digit, 12-digit EAN-13 …).
    if len(digits) in (7, 11, 12) and is_valid_gtin("0" + digits):
        out.append((("0" + digits).zfill(GTIN14), (Why.NO_LEADING_ZERO, ())))
    return [(c, r) for c, r in out if is_valid_gtin(c)]


def _upce_to_upca(value: str) -> str | None:
    try:
        upce = Upc.parse(value)
    except ParseError:
        return None
    return upce.as_upc_a()


def _upca_to_upce(upca: str) -> str | None:
    try:
        return Upc.parse(upca).as_upc_e()
    except (ParseError, EncodeError):
        return None


def _packaging_levels(gtin14: str) -> list[tuple[str, tuple[Why, Params]]]:
    """The same item number under the other GTIN-14 indicator digits (unit, inner pack, case …)."""
    body = gtin14[1:-1]
    return [
        (with_check(str(indicator) + body), (Why.PACKAGING_LEVEL, (("indicator", str(indicator)),)))
        for indicator in range(10)
        if str(indicator) != gtin14[0]
    ]


def _swaps(gtin14: str) -> list[tuple[str, tuple[Why, Params]]]:
    """Two neighbouring data digits swapped (check digit recomputed), and the last data digit swapped
    with the check digit where that gives a valid code."""
    out: list[tuple[str, tuple[Why, Params]]] = []

    def swapped(a: str, b: str) -> tuple[Why, Params]:
        return Why.TWO_SWAPPED, (("right", b + a), ("scanned", a + b))

    data = gtin14[:-1]
    for i in range(len(data) - 1):
        a, b = data[i], data[i + 1]
        if a != b:
            out.append((with_check(data[:i] + b + a + data[i + 2 :]), swapped(a, b)))
    a, b = data[-1], gtin14[-1]
    tail = data[:-1] + b + a
    if a != b and is_valid_gtin(tail):
        out.append((tail, swapped(a, b)))
    return out


def _one_digit_off(gtin14: str) -> list[tuple[str, tuple[Why, Params]]]:
    """One data digit different, check digit recomputed (a wrong digit the check digit did not catch
    must have come with a wrong check digit)."""
    out: list[tuple[str, tuple[Why, Params]]] = []
    data = gtin14[:-1]
    for i, scanned in enumerate(data):
        for digit in "0123456789":
            if digit != scanned:
                candidate = with_check(data[:i] + digit + data[i + 1 :])
                out.append((candidate, (Why.ONE_MISREAD, (("right", digit), ("scanned", scanned)))))
    return out
