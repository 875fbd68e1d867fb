"""The keyboard wedge's decisions without any widget: what Enter, Backspace, an overflow and focus loss make
of the keys typed so far. (The same rules through real key events: tests/gui/test_scanner_wedge.py.)"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scanapp.domain.barcodes import GS
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.wedge import MAX_BUFFER, SOURCE, WedgeBuffer
from tests.helpers import FixedClock

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def typed(buffer: WedgeBuffer, text: str, gap_ms: float, start_ms: float = 1_000) -> list[float | None]:
    return [buffer.add(ch, start_ms + i * gap_ms) for i, ch in enumerate(text)]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


def test_a_fast_burst_is_a_scan_with_its_gaps_and_the_clock_s_time(clock):
    buffer = WedgeBuffer(ScannerSettings(key_gap_ms=40), clock)
    assert typed(buffer, f"]C1010{GS}10A", gap_ms=3) == [-1.0] + [3.0] * 9
    read = buffer.finish()
    assert read is not None
    assert (read.text, read.source, read.at, read.manual, read.error) == (f"]C1010{GS}10A", SOURCE, T0, False, None)
    assert read.key_gaps_ms == (3.0,) * 9 and read.data == read.text.encode()
    assert len(buffer) == 0 and buffer.finish() is None  # Enter again reads nothing


def test_slow_short_or_edited_input_is_manual(clock):
    slow = WedgeBuffer(ScannerSettings(key_gap_ms=40), clock)
    typed(slow, "4006381333931", gap_ms=120)
    assert slow.finish().manual

    short = WedgeBuffer(ScannerSettings(min_length=6), clock)
    typed(short, "123", gap_ms=1)
    assert short.finish().manual

    edited = WedgeBuffer(ScannerSettings(), clock)
    typed(edited, "9638507x", gap_ms=1)
    assert edited.backspace()
    edited.add("4", 1_100)
    read = edited.finish()
    assert read.text == "96385074" and read.manual
    assert not edited.backspace()  # nothing left to remove


def test_an_overflow_keeps_the_start_and_is_rejected_as_too_long(clock):
    buffer = WedgeBuffer(ScannerSettings(), clock)
    gaps = typed(buffer, "1" * (MAX_BUFFER + 5), gap_ms=1)
    assert gaps[MAX_BUFFER - 1] == 1.0 and gaps[MAX_BUFFER:] == [None] * 5
    read = buffer.finish()
    assert len(read.text) == MAX_BUFFER and "too long" in read.error


def test_focus_lost_cuts_off_a_scan_but_drops_typing(clock):
    scanner = WedgeBuffer(ScannerSettings(key_gap_ms=40), clock)
    typed(scanner, "400638", gap_ms=2)
    read = scanner.focus_lost()
    assert read.text == "400638" and "lost focus after 6 characters" in read.error and not read.manual
    assert len(scanner) == 0

    person = WedgeBuffer(ScannerSettings(key_gap_ms=40), clock)
    typed(person, "4006", gap_ms=300)
    assert person.focus_lost() is None and person.pending == ""
    assert WedgeBuffer(ScannerSettings(), clock).focus_lost() is None


def test_new_settings_apply_to_the_code_being_typed(clock):
    buffer = WedgeBuffer(ScannerSettings(key_gap_ms=40), clock)
    typed(buffer, "96385074", gap_ms=60)
    buffer.settings = ScannerSettings(key_gap_ms=100)
    assert not buffer.finish().manual
