"""The catalog CSV reader shared by the device's import and the sync server's."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from scanapp.domain.catalog_csv import CatalogFileError, CatalogReader, RejectedRow


def read(data: bytes) -> tuple[list[tuple[int, str, str]], list[RejectedRow]]:
    rejected: list[RejectedRow] = []
    rows = CatalogReader(io.BytesIO(data), Path("c.csv")).rows(rejected.append)
    return [(r.line, r.sku, r.code) for r in rows], rejected


def test_rows_come_with_their_line_and_gtin14() -> None:
    rows, rejected = read(b"gtin,sku,name,parent_name\n4006381333931,A1,Cola,Cola\n\n036000291452,B2,Water,\n")
    assert rows == [(2, "A1", "04006381333931"), (4, "B2", "00036000291452")]
    assert rejected == []


def test_a_bad_row_is_reported_and_reading_goes_on() -> None:
    rows, rejected = read(
        b"sku,name,parent_name,gtin\nA1,Cola,C,4006381333932\nA2,Caf\xe9,C,036000291452\nA3,Ok,C,036000291452\n"
    )
    assert [r.line for r in rejected] == [2, 3]
    assert "check digit" in rejected[0].reason and "not valid UTF-8 (byte 0xE9)" in rejected[1].reason
    assert rows == [(4, "A3", "00036000291452")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        ("sku,name,parent_name,gtin\n".encode("utf-16"), "UTF-16"),
        (b"sku,name\nA1,Cola\n", "missing columns parent_name, gtin"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(data: bytes, message: str) -> None:
    with pytest.raises(CatalogFileError, match=message):
        read(data)
