"""Barcode reading: every GTIN form to one GTIN-14 key, GS1 fields, AIM ids, and clear rejections."""

from __future__ import annotations

import json
import string
from datetime import date

import pytest
from biip import ParseError
from biip.checksums import gs1_standard_check_digit
from biip.gtin import Gtin
from hypothesis import given
from hypothesis import strategies as st

from scanapp.domain.barcodes import GS, MAX_LENGTH, BarcodeError, decode, gtin14_of, printable


def with_check(body: str) -> str:
    return body + str(gs1_standard_check_digit(body))


@pytest.mark.parametrize(
    ("raw", "fmt"),
    [
        ("036000291452", "UPC-A"),  # UPC-A
        ("0036000291452", "UPC-A"),  # the same as EAN-13 with a leading zero (biip names it by its content)
        ("00036000291452", "UPC-A"),  # the same as GTIN-14
        ("]E0036000291452", "UPC-A"),  # with an AIM id
    ],
)
def test_upc_ean_gtin14_forms_share_one_key(raw: str, fmt: str) -> None:
    b = decode(raw)
    assert b.kind == "gtin"
    assert b.code == b.gtin14 == "00036000291452"
    assert b.gtin_format == fmt


def test_upce_expands_to_its_upca_key() -> None:
    upce = decode("]E00123456")  # UPC-E 0123456 (check digit computed) == UPC-A 012345000065
    upca = decode("012345000065")
    assert upce.gtin_format == "UPC-E"
    assert upce.gtin14 == upca.gtin14 == "00012345000065"


def test_ean8_and_ean13() -> None:
    assert decode("96385074").gtin14 == "00000096385074"
    assert decode("96385074").gtin_format == "EAN-8"
    assert decode("4006381333931").gtin14 == "04006381333931"
    assert decode("4006381333931").gtin_format == "EAN-13"


def test_plain_ean13_is_not_read_as_gs1_ai_400() -> None:
    # DESIGN trap: biip also parses 4006381333931 as AI (400); plain EAN digits are a GTIN.
    b = decode("4006381333931")
    assert b.kind == "gtin"
    assert b.elements == ()


def test_gs1_128_with_gs_separators() -> None:
    b = decode("]C10100012345678905" + GS + "10ABC123" + GS + "17251231")
    assert b.kind == "gs1"
    assert b.symbology == "]C1"
    assert b.symbology_name == "GS1 128"
    assert b.gtin14 == "00012345678905"
    assert b.lot == "ABC123"
    assert b.expiry == date(2025, 12, 31)
    assert [e.ai for e in b.elements] == ["01", "10", "17"]


def test_gs1_datamatrix_serial() -> None:
    b = decode("]d2010001234567890517251231" + GS + "21SER1")
    assert (b.gtin14, b.serial, b.symbology_name) == ("00012345678905", "SER1", "GS1 DataMatrix")


def test_gs1_without_aim_id_is_recognised_by_its_gtin_ai() -> None:
    b = decode("010001234567890517251231")
    assert b.kind == "gs1"
    assert b.gtin14 == "00012345678905"


def test_gs1_with_bad_gtin_check_digit_is_rejected() -> None:
    with pytest.raises(BarcodeError, match="check digit"):
        decode("]C10100012345678906")
    with pytest.raises(BarcodeError, match="check digit"):
        decode("0100012345678906")


def test_itf14_carries_a_bare_gtin14() -> None:
    b = decode("]I110012345678902")
    assert b.kind == "gtin"
    assert b.gtin_format == "GTIN-14"


def test_non_gtin_text_is_a_plain_code() -> None:
    b = decode("]A0LAB-000123")
    assert (b.kind, b.code, b.symbology_name) == ("text", "LAB-000123", "Code 39")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("4006381333932", "bad check digit: expected 1, got 2"),
        ("", "empty scan"),
        ("]Q3", "empty scan"),
        ("\x1d", "empty scan"),
        ("   ", "empty scan"),
        ("123\x07", "control character 0x07 at position 4"),
        ("caf\ufffd", "invalid byte sequence"),
        ("]C1garbage", "not a valid GS1 element string"),
        ("x" * (MAX_LENGTH + 1), "too long"),
    ],
)
def test_unreadable_data_is_rejected_with_a_reason(raw: str, reason: str) -> None:
    with pytest.raises(BarcodeError) as info:
        decode(raw)
    assert reason in info.value.reason


def test_a_10000_character_line_is_rejected_not_kept_whole() -> None:
    with pytest.raises(BarcodeError) as info:
        decode("7" * 10_000)
    assert "10000 characters" in info.value.reason
    assert len(info.value.raw) < 100


def test_to_dict_is_json() -> None:
    data = decode("]C10100012345678905" + GS + "10ABC").to_dict()
    lot = {"ai": "10", "title": "BATCH/LOT", "value": "ABC", "date": None, "datetime": None}
    assert json.loads(json.dumps(data))["gs1"][1] == lot


def test_printable_shows_gs_and_controls() -> None:
    assert printable("01" + GS + "\x07x") == "01<GS><0x07>x"


bodies = st.integers(min_value=0, max_value=10**12 - 1)


@given(bodies)
def test_every_form_of_one_gtin_reads_the_same_key(n: int) -> None:
    upca = with_check(f"{n:011d}")[-12:] if n < 10**11 else None
    ean13 = with_check(f"{n:012d}")
    keys = {decode(ean13).gtin14, decode("0" + ean13).gtin14, decode("]E0" + ean13).gtin14}
    assert keys == {ean13.zfill(14)}
    if upca is not None:
        assert decode(upca).gtin14 == decode("0" + upca).gtin14 == upca.zfill(14)


@given(bodies, st.integers(min_value=0, max_value=12), st.integers(min_value=1, max_value=9))
def test_any_single_digit_misread_is_rejected(n: int, pos: int, delta: int) -> None:
    good = with_check(f"{n:012d}")
    digits = list(good)
    digits[pos] = str((int(digits[pos]) + delta) % 10)
    with pytest.raises(BarcodeError, match="check digit"):
        decode("".join(digits))


gtin_like = st.text(alphabet=string.digits, min_size=6, max_size=15)


@given(gtin_like)
def test_gtin14_of_agrees_with_biip(value: str) -> None:
    """The import fast path answers exactly as biip's full Gtin.parse for every GTIN length."""
    if len(value) in (6, 7):
        return  # UPC-E goes through biip's Upc directly
    try:
        expected = Gtin.parse(value).as_gtin_14()
    except ParseError:
        expected = None
    try:
        got = gtin14_of(value)
    except BarcodeError:
        got = None
    assert got == expected


@given(st.text(max_size=80))
def test_decode_never_raises_anything_but_barcode_error(raw: str) -> None:
    try:
        b = decode(raw)
    except BarcodeError as err:
        assert err.reason
    else:
        assert b.code
