"""SPEC H4 additions: UPC-E in every form, GS1 Digital Link, AIM identifiers as claims, date AIs as dates,
and codes that claim no GS1 reading kept as text."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scanapp.domain.barcodes import GS, BarcodeError, decode

UPCA = "042100005264"  # biip's UPC example: UPC-E 0425261 (check digit 4) expands to it


@pytest.mark.parametrize("raw", ["04252614", "]E004252614", "]E00425261", "]E0425261"])
def test_upce_in_its_6_7_and_8_digit_forms_has_its_upca_key(raw: str) -> None:
    b = decode(raw)
    assert (b.kind, b.gtin_format) == ("gtin", "UPC-E")
    assert b.gtin14 == b.code == decode(UPCA).gtin14 == "00042100005264"


def test_an_8_digit_code_valid_as_ean8_and_upce_is_ean8() -> None:
    b = decode("12345670")  # valid EAN-8, and a valid UPC-E of 012345000070
    assert (b.gtin_format, b.gtin14) == ("EAN-8", "00000012345670")
    # The scanner's ]E0 says EAN-13/UPC: the same digits are then the UPC-E (EAN-8 would be ]E4).
    assert decode("]E012345670").gtin14 == "00123456000070"


def test_an_8_digit_code_valid_as_neither_says_both() -> None:
    with pytest.raises(BarcodeError) as info:
        decode("04252615")
    assert info.value.reason == (
        "bad check digit: expected 0, got 5 (as EAN-8), and not a UPC-E either: its check digit should be 4"
    )
    with pytest.raises(BarcodeError, match="not a valid UPC-E: Invalid UPC-E check digit"):
        decode("]E004252615")


def test_short_numbers_without_an_aim_id_stay_store_codes() -> None:
    # 6 or 7 digits carry no check digit: without ]E0 nothing says they are a UPC-E.
    assert (decode("425261").kind, decode("425261").code) == ("text", "425261")
    assert decode("1234567").kind == "text"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("]E0ABC1234567890", "]E0 says EAN-13, UPC-A or UPC-E"),
        ("]E41234567", "]E4 says EAN-8: 8 digits, but the data has 7"),
        ("]E4123456789", "]E4 says EAN-8: 8 digits, but the data has 9"),
        ("]E012345678901234", "but the data has 14"),
        ("]E14006", "]E1 says a 2-digit add-on, but the data has 4 digits"),
        ("]E9123", "unknown EAN/UPC symbology identifier ]E9"),
        ("]C100106141412345678909", "(00) SSCC: bad check digit: expected 8, got 9"),
        ("]C10100012345678906", "(01) GTIN: bad check digit: expected 5, got 6"),
        ("]I11234567", "]I1 says ITF-14: 14 digits"),
        ("]", "incomplete symbology identifier"),
        ("]X", "incomplete symbology identifier"),
    ],
)
def test_data_that_does_not_fit_its_aim_claim_is_rejected_with_why(raw: str, reason: str) -> None:
    with pytest.raises(BarcodeError) as info:
        decode(raw)
    assert reason in info.value.reason


def test_the_made_up_gtin_of_a_7_digit_ean8_is_gone() -> None:
    # Today's bug: ]E41234567 became the UPC-E 01234565's key. EAN-8 is 8 digits, or nothing.
    with pytest.raises(BarcodeError):
        decode("]E41234567")


def test_an_sscc_with_a_good_check_digit_is_read() -> None:
    b = decode("]C100106141412345678908")
    assert (b.kind, b.gtin14, [e.ai for e in b.elements]) == ("gs1", None, ["00"])
    assert decode("00106141412345678908").elements[0].value == "106141412345678908"  # no AIM id


def test_ean13_with_add_on_is_the_main_symbols_gtin() -> None:
    b = decode("]E3" + "4006381333931" + "12")
    assert (b.gtin14, b.gtin_format) == ("04006381333931", "EAN-13")


@pytest.mark.parametrize(
    "raw",
    ["LAB-000123", "]A0LAB-000123", "]C0SKU-88", "]C012345678", "]A04006381333932", "]Q1hello", "ABC"],
)
def test_codes_that_claim_no_gs1_reading_are_opaque_text(raw: str) -> None:
    b = decode(raw)
    assert (b.kind, b.gtin14, b.elements) == ("text", None, ())
    assert b.code == raw.removeprefix(raw[:3] if raw.startswith("]") else "")


def test_a_code128_gtin_is_still_a_gtin() -> None:
    assert decode("]C04006381333931").gtin14 == "04006381333931"


def test_digital_link_with_path_and_query_ais() -> None:
    b = decode("https://id.gs1.org/01/09506000134352/10/ABC123?17=251231&3103=000195")
    assert (b.kind, b.gtin14, b.code, b.lot, b.expiry) == (
        "digital_link",
        "09506000134352",
        "09506000134352",
        "ABC123",
        date(2025, 12, 31),
    )
    assert [(e.ai, e.value) for e in b.elements] == [
        ("01", "09506000134352"),
        ("10", "ABC123"),
        ("17", "251231"),
        ("3103", "000195"),
    ]


@pytest.mark.parametrize(
    "raw",
    [
        "]Q1https://id.gs1.org/01/09506000134352/10/ABC123",  # QR Code, plain mode: how GS1 prints it
        "]d1HTTPS://EXAMPLE.COM/01/09506000134352/10/ABC123",  # Data Matrix, upper-case scheme
        "]Q3https://brand.example/a/b/01/09506000134352/10/ABC123",  # biip reads it in GS1 QR mode too
    ],
)
def test_digital_link_in_its_carriers(raw: str) -> None:
    b = decode(raw)
    assert (b.kind, b.gtin14, b.lot) == ("digital_link", "09506000134352", "ABC123")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("https://id.gs1.org/01/09506000134353", "(01) GTIN: bad check digit: expected 2, got 3"),
        ("https://id.gs1.org/01/09506000134352?01=09506000134369", "(01) appears twice with different values"),
        ("https://id.gs1.org/01/09506000134352/99/X", "not a valid GS1 Digital Link: Expected one of"),
        ("https://id.gs1.org/01/09506000134352?17=251340", "not a valid GS1 Digital Link"),
        ("https://[fe80::1/01/09506000134352", "not a valid web address"),
    ],
)
def test_broken_digital_links_are_rejected_with_why(raw: str, reason: str) -> None:
    with pytest.raises(BarcodeError) as info:
        decode(raw)
    assert reason in info.value.reason


@pytest.mark.parametrize(
    "raw", ["https://example.com/menu", "]Q1https://lab.example/sample/123", "HtTps://a/01/09506000134352"]
)
def test_web_addresses_that_name_no_gs1_key_are_text(raw: str) -> None:
    assert decode(raw).kind == "text"


def test_date_ais_carry_their_calendar_date() -> None:
    b = decode("]C10109506000134352" + "11251231" + "15200100" + "7003" + "2512311230")
    dates = {e.ai: (e.date, e.datetime) for e in b.elements if e.date}
    assert dates == {
        "11": (date(2025, 12, 31), None),
        "15": (date(2020, 1, 31), None),  # day 00: the month's last day
        "7003": (date(2025, 12, 31), datetime(2025, 12, 31, 12, 30)),
    }
    data = b.to_dict()
    assert [(g["ai"], g["date"], g["datetime"]) for g in data["gs1"]] == [
        ("01", None, None),
        ("11", "2025-12-31", None),
        ("15", "2020-01-31", None),
        ("7003", "2025-12-31", "2025-12-31T12:30:00"),
    ]
    assert [e.shown for e in b.elements][1:] == [
        "(11) 251231 = 2025-12-31",
        "(15) 200100 = 2020-01-31",
        "(7003) 2512311230 = 2025-12-31T12:30",
    ]


def test_an_impossible_date_is_rejected_in_plain_words() -> None:
    with pytest.raises(BarcodeError, match=r"AI \(17\) date/time from '250231'"):
        decode("]C10109506000134352" + "17250231")
    with pytest.raises(BarcodeError) as info:
        decode("]C10109506000134352" + "17251340")  # month 13: biip's pattern fails, its format is named
    assert info.value.reason.endswith("Failed to match '17251340' with the format of AI (17), N2+N6")


uris = st.text(alphabet="0123456789/?&=%AZaz-._", max_size=60).map(lambda t: "https://a/01/" + t)


@given(
    st.one_of(uris, st.text(max_size=40).map(lambda t: "]Q1https://" + t), st.text(max_size=30).map(lambda t: "]E" + t))
)
def test_odd_links_and_claims_raise_only_barcode_errors(raw: str) -> None:
    try:
        b = decode(raw)
    except BarcodeError as err:
        assert err.reason
    else:
        assert b.code and GS not in b.code[:0]
