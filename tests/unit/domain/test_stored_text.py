"""Every reason a scan is refused with is made from a template the screens translate (issue 10: German screens
showed English reasons), and reads back to the same template and values."""

from __future__ import annotations

import pytest

from scanapp.domain import stored_text
from scanapp.domain.barcode_types import BarcodeError
from scanapp.domain.barcodes import decode, gtin14_of

BAD_SCANS = [
    "9" * 10_001,
    "   ",
    "]E",
    "abc\x01def",
    "]E04006381333932",
    "]E9123",
    "]E0abc",
    "]E4123",
    "]E1123",
    "]E0123456789",
    "]E312345",
    "]I1123",
    "]C101123",
    "]C10104006381333932",
    "]C1010400638133393110A\x1d10B",
    "]Q1http://[::1",
    "40063813",
    "]C1(01)",
]


@pytest.mark.parametrize("raw", BAD_SCANS)
def test_each_reason_reads_back(raw: str) -> None:
    with pytest.raises(BarcodeError) as caught:
        decode(raw)
    found = stored_text.parse(caught.value.reason)
    assert found is not None, caught.value.reason
    template, values = found
    assert template.format(**values) == caught.value.reason


@pytest.mark.parametrize("gtin", ["12a4", "123", "4006381333932"])
def test_catalog_gtin_reasons_read_back(gtin: str) -> None:
    with pytest.raises(BarcodeError) as caught:
        gtin14_of(gtin)
    assert stored_text.parse(caught.value.reason) is not None, caught.value.reason


def test_translated_nests_and_leaves_other_text_alone() -> None:
    def mark(template: str) -> str:
        return f"<{template}>"

    reason = "(01) GTIN: bad check digit: expected 1, got 2"
    assert stored_text.translated(reason, mark) == "<(01) GTIN: <bad check digit: expected 1, got 2>>"
    assert stored_text.translated("something else entirely", mark) == "something else entirely"


def test_history_lines_read_back() -> None:
    from scanapp.domain.journal import EventKind
    from scanapp.services.lab_projection import history_lines, resolution_detail

    made = [
        *history_lines(EventKind.INVENTORY_MOVED, {"barcode": "B1", "from": "Shelf A", "to": "Shelf B"}),
        *history_lines(EventKind.INVENTORY_SET, {"barcode": "B1", "from": 2, "to": 1.5, "unit": "mL"}),
        *history_lines(EventKind.INVENTORY_ARCHIVED, {"barcode": "B1", "from": "available"}),
        *history_lines(EventKind.INVENTORY_SPLIT, {"barcode": "B1", "new_barcode": "B2", "quantity": 1, "unit": ""}),
    ]
    details = [d for _, _, d in made] + [
        resolution_detail({"resolution": "moved", "to": "Bench 2", "note": "on the cart"}),
        resolution_detail({"resolution": "still missing"}),
    ]
    assert details[1] == "quantity set from 2 to 1.5 mL"
    for detail in details:
        found = stored_text.parse(detail)
        assert found is not None and found[0].format(**found[1]) == detail
    assert stored_text.translated(details[-2], str, {"resolution": str.upper}) == (
        "resolved as MOVED, to Bench 2: on the cart"
    )
