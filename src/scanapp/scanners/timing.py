"""Scanner or person? Decided by key timing, the same way for the wedge and evdev."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence

from scanapp.scanners.settings import ScannerSettings


def is_manual(length: int, gaps_ms: Sequence[float], settings: ScannerSettings, edited: bool = False) -> bool:
    """True when a read looks typed by hand: edited (Backspace), shorter than `min_length`, or with a
    median gap between keys above `key_gap_ms`. The median, not the maximum, so one USB stall in the
    middle of a scan does not make it look human."""
    if edited or length < max(settings.min_length, 1):
        return True
    return bool(gaps_ms) and statistics.median(gaps_ms) > settings.key_gap_ms


def gaps_between(times_ms: Sequence[float]) -> tuple[float, ...]:
    return tuple(b - a for a, b in itertools.pairwise(times_ms))
