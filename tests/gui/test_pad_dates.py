"""The scanner test pad shows date AIs with the ISO date they stand for, as `scanapp decode` does."""

from __future__ import annotations

from datetime import UTC, datetime

from scanapp.gui.scanner_setup.test_pad import PadRow
from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.read import ScanRead


def test_pad_row_shows_dates_and_digital_link_ais(qapp) -> None:
    text = "https://id.gs1.org/01/09506000134352/10/ABC123?17=251231"
    read = ScanRead(text=text, source="wedge", at=datetime(2026, 1, 2, tzinfo=UTC), data=text.encode())
    row = PadRow.of(ScanPipeline().process(read))
    assert row.ok
    assert row.result == "GTIN-14 09506000134352 (GTIN-14) (10) ABC123 (17) 251231 = 2025-12-31"
