"""Likely-match suggestions for unmatched codes (B2): pure rules, checked against hand-made mis-reads and a
property over every valid GTIN."""

from __future__ import annotations

from biip.upc import Upc
from hypothesis import given
from hypothesis import strategies as st

from scanapp.domain.suggestions import is_valid_gtin, suggest, with_check


def codes(found: list) -> list[str]:
    return [s.code for s in found]


def reason_for(found: list, code: str) -> str:
    return next(s.reason for s in found if s.code == code)


def test_upce_sent_without_number_system_and_check_digit_suggests_its_upca() -> None:
    # A scanner set to send UPC-E as 6 digits: decoded as text, unmatched; its UPC-A is 042100005264.
    found = suggest("425261")
    assert found[0].code == "00042100005264"
    assert "UPC-E" in found[0].reason


def test_upce_read_as_ean8_suggests_its_upca() -> None:
    # UPC-E 0 123405 3 happens to carry a valid EAN-8 check digit too (about 1 in 10 do), so a scanner that
    # drops the AIM id sends an "EAN-8" that decodes fine and matches nothing.
    upce = "01234053"
    assert is_valid_gtin(upce) and Upc.parse(upce).as_upc_a() == "012340000053"
    found = suggest(upce.zfill(14))
    assert found[0].code == "00012340000053"


def test_upca_with_check_digit_left_out() -> None:
    found = suggest("03600029145")  # UPC-A 036000291452 without its check digit
    assert "00036000291452" in codes(found)
    assert reason_for(found, "00036000291452") == "scanner left out the check digit"


def test_case_code_scanned_suggests_the_unit() -> None:
    unit = "04006381333931"
    case = with_check("1" + unit[1:-1])
    found = suggest(case)
    assert unit in codes(found)
    assert reason_for(found, unit) == "same item, packaging level 0"


def test_transposition_that_keeps_the_check_digit() -> None:
    # Swapping neighbours five apart (0 and 5 here) leaves the GS1 check digit unchanged: the mis-read is a
    # valid code that matches nothing.
    true = "04006381333931"
    misread = "04006831333931"  # "38" read as "83"
    assert is_valid_gtin(misread)
    found = suggest(misread)
    assert true in codes(found)
    assert reason_for(found, true).startswith("two digits swapped")


def test_one_digit_and_check_digit_misread() -> None:
    true = "04006381333931"
    misread = with_check("0400638133393"[:5] + "9" + "0400638133393"[6:])
    found = suggest(misread)
    assert reason_for(found, true) == "one digit misread (3 read as 9)"


def test_candidates_are_valid_unique_and_never_the_code_itself() -> None:
    code = "04006381333931"
    found = codes(suggest(code))
    assert code not in found
    assert len(found) == len(set(found))
    assert all(len(c) == 14 and is_valid_gtin(c) for c in found)


def test_text_codes_have_no_numeric_neighbours() -> None:
    assert suggest("LAB-000123") == []
    assert suggest("") == []
    assert suggest("١٢٣٤٥٦٧٨") == []  # digits, but not ASCII ones
    assert suggest("1" * 20) == []


gtins = st.text("0123456789", min_size=13, max_size=13).map(with_check)


@given(gtins, st.integers(0, 12), st.sampled_from("0123456789"))
def test_one_digit_misread_of_a_known_code_suggests_that_code(true: str, pos: int, digit: str) -> None:
    data = true[:-1]
    misread = with_check(data[:pos] + digit + data[pos + 1 :])
    if misread != true:
        assert true in codes(suggest(misread))


@given(gtins, st.integers(0, 11))
def test_swapped_neighbours_of_a_known_code_suggest_that_code(true: str, pos: int) -> None:
    data = true[:-1]
    misread = with_check(data[:pos] + data[pos + 1] + data[pos] + data[pos + 2 :])
    if misread != true:
        assert true in codes(suggest(misread))


@given(gtins)
def test_check_digit_swapped_with_last_digit_suggests_the_code(true: str) -> None:
    misread = true[:-2] + true[-1] + true[-2]
    if misread != true and is_valid_gtin(misread):
        assert true in codes(suggest(misread))


@given(st.text("0123456789", min_size=6, max_size=6))
def test_any_upce_payload_suggests_its_upca(payload: str) -> None:
    upca = Upc.parse(payload).as_upc_a()
    assert upca.zfill(14) in codes(suggest(payload))
