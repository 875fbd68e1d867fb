"""Keyboard-wedge scanner input: a scanner that types into the focused field, like a keyboard.

This module holds what a wedge decides, free of Qt: the code being typed, key by key with the time of
each key, and what becomes of it on Enter or when focus leaves. The screen's glue (an event filter on the
scanner QLineEdit that feeds it) is `scanapp.gui.capture.wedge_input.WedgeInput`.

A scanner is told from a person by key timing: a read whose median gap between keys is above
`settings.key_gap_ms`, or which is shorter than `settings.min_length`, or was edited (Backspace), is
marked `manual` (typed by hand) — allowed, but recorded as such.
"""

from __future__ import annotations

import logging

from scanapp.domain.barcodes import printable
from scanapp.domain.clock import Clock
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.timing import gaps_between, is_manual

log = logging.getLogger(__name__)

SOURCE = "wedge"
# A runaway key (a book on the keyboard) must not grow the buffer without end; the pipeline rejects it.
MAX_BUFFER = 8192


class WedgeBuffer:
    """The code being typed into the scanner input: its characters (GS included) and their key times."""

    def __init__(self, settings: ScannerSettings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock
        self._chars: list[str] = []
        self._times: list[float] = []
        self._edited = False
        self._overflow = False

    def __len__(self) -> int:
        return len(self._chars)

    @property
    def pending(self) -> str:
        return "".join(self._chars)

    def clear(self) -> None:
        self._chars.clear()
        self._times.clear()
        self._edited = False
        self._overflow = False

    def add(self, chars: str, at_ms: float) -> float | None:
        """Add the characters of one key pressed at `at_ms` (any monotonic milliseconds). Returns the gap
        since the previous key (-1 for the first), or None when the buffer is full and they were dropped."""
        if len(self._chars) >= MAX_BUFFER:
            self._overflow = True
            return None
        gap = at_ms - self._times[-1] if self._times else -1.0
        self._chars.extend(chars)
        self._times.extend([at_ms] * len(chars))
        return gap

    def backspace(self) -> bool:
        """Remove the last character; a code edited by hand is manual. False when there was none."""
        if not self._chars:
            return False
        self._chars.pop()
        self._times.pop()
        self._edited = True
        return True

    def finish(self) -> ScanRead | None:
        """The read that Enter (or Tab) ends, and a clean buffer; None when nothing was typed."""
        if not self._chars:
            return None
        gaps = self._gaps()
        error = f"too long: more than {MAX_BUFFER} characters before Enter" if self._overflow else None
        return self._read(gaps, self._is_manual(gaps), error)

    def focus_lost(self) -> ScanRead | None:
        """What focus leaving mid-code means: a scanner's cut-off code is a read with an error (so it is
        recorded and rejected, never a wrong shorter code); a person's unfinished typing is dropped."""
        if not self._chars:
            return None
        gaps = self._gaps()
        if self._is_manual(gaps):
            log.info("scanner input lost focus; discarded typed text %r", printable(self.pending))
            self.clear()
            return None
        error = f"cut off: the scanner input lost focus after {len(self._chars)} characters; scan it again"
        return self._read(gaps, False, error)

    def _read(self, gaps: tuple[float, ...], manual: bool, error: str | None) -> ScanRead:
        text = self.pending
        read = ScanRead(
            text=text,
            source=SOURCE,
            at=self.clock.now(),
            data=text.encode("utf-8", errors="surrogatepass"),
            manual=manual,
            key_gaps_ms=gaps,
            error=error,
        )
        self.clear()
        return read

    def _gaps(self) -> tuple[float, ...]:
        return gaps_between(self._times)

    def _is_manual(self, gaps: tuple[float, ...]) -> bool:
        return is_manual(len(self._chars), gaps, self.settings, self._edited)
