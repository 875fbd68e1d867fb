"""Keyboard wedge: bursts of scans, slow typing, GS as a hand-made Ctrl+] key event, focus loss mid-code.

Key timing comes from each event's timestamp (as the window system stamps real key presses), so these
tests set timestamps explicitly and never depend on how fast the machine runs them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from scanapp.domain.barcodes import GS
from scanapp.gui.capture.wedge_input import WedgeInput
from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings

# The offscreen platform says so whenever a window is shown; it is not about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

_KEYS = {"\r": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab, "\x08": Qt.Key.Key_Backspace, "\x1b": Qt.Key.Key_Escape}


class Typist:
    """Sends key presses to a widget with explicit timestamps, `gap_ms` apart."""

    def __init__(self, widget: QWidget, start_ms: int = 1_000) -> None:
        self.widget = widget
        self.now = start_ms

    def press(self, key: Qt.Key, text: str, modifiers=Qt.KeyboardModifier.NoModifier, gap_ms: int = 0) -> bool:
        self.now += gap_ms
        event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text)
        event.setTimestamp(self.now)
        QApplication.sendEvent(self.widget, event)
        release = QKeyEvent(QEvent.Type.KeyRelease, key, modifiers, text)
        release.setTimestamp(self.now)
        QApplication.sendEvent(self.widget, release)
        return event.isAccepted()

    def gs(self, gap_ms: int) -> None:
        self.press(Qt.Key.Key_BracketRight, GS, Qt.KeyboardModifier.ControlModifier, gap_ms)

    def type(self, text: str, gap_ms: int) -> None:
        for ch in text:
            if ch == GS:
                self.gs(gap_ms)
            elif ch in _KEYS:
                self.press(_KEYS[ch], ch, gap_ms=gap_ms)
            else:
                key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
                self.press(key, ch, gap_ms=gap_ms)


@pytest.fixture
def window(qtbot):
    w = QWidget()
    layout = QVBoxLayout(w)
    scanner = QLineEdit(w)
    other = QLineEdit(w)
    layout.addWidget(scanner)
    layout.addWidget(other)
    qtbot.addWidget(w)
    return w, scanner, other


def collect(wedge: WedgeInput) -> list[ScanRead]:
    reads: list[ScanRead] = []
    wedge.scan_read.connect(reads.append)
    return reads


def test_burst_of_scans_each_read_whole_in_order(window):
    _, scanner, _ = window
    wedge = WedgeInput(scanner, ScannerSettings(key_gap_ms=40))
    reads = collect(wedge)
    codes = [f"40063813339{i % 10}{i % 7}" for i in range(200)]
    typist = Typist(scanner)
    for code in codes:
        typist.type(code + "\r", gap_ms=2)
    assert [r.text for r in reads] == codes
    assert all(not r.manual and r.source == "wedge" and r.error is None for r in reads)
    assert all(r.key_gaps_ms == (2.0,) * 12 for r in reads)
    assert scanner.text() == ""


def test_slow_typing_is_allowed_but_marked_manual(window):
    _, scanner, _ = window
    wedge = WedgeInput(scanner, ScannerSettings(key_gap_ms=40))
    reads = collect(wedge)
    typist = Typist(scanner)
    typist.type("4006381333931", gap_ms=180)
    assert scanner.text() == "4006381333931"  # the person sees what they type
    typist.type("\r", gap_ms=500)
    assert len(reads) == 1
    assert reads[0].text == "4006381333931" and reads[0].manual
    assert ScanPipeline().process(reads[0]).barcode.gtin14 == "04006381333931"


def test_one_scanner_hiccup_does_not_make_a_scan_manual(window):
    _, scanner, _ = window
    reads = collect(WedgeInput(scanner, ScannerSettings(key_gap_ms=40)))
    typist = Typist(scanner)
    typist.type("400638", gap_ms=3)
    typist.type("1333931", gap_ms=3)
    typist.now += 250  # one USB stall in the middle of a scan
    typist.type("\r", gap_ms=3)
    typist.type("1234", gap_ms=3)
    typist.now += 500
    typist.type("5678\r", gap_ms=3)
    assert [r.manual for r in reads] == [False, False]


def test_short_fast_entries_count_as_typed(window):
    _, scanner, _ = window
    reads = collect(WedgeInput(scanner, ScannerSettings(min_length=6)))
    Typist(scanner).type("123\r", gap_ms=1)
    assert reads[0].text == "123" and reads[0].manual


def test_gs_from_ctrl_bracket_survives_and_tab_ends_the_code(window):
    _, scanner, _ = window
    reads = collect(WedgeInput(scanner))
    typist = Typist(scanner)
    typist.type("]C10100012345678905", gap_ms=2)
    typist.gs(gap_ms=2)
    # Some platforms deliver Ctrl+] without text: it is still GS.
    typist.type("10ABC123", gap_ms=2)
    typist.press(Qt.Key.Key_BracketRight, "", Qt.KeyboardModifier.ControlModifier, gap_ms=2)
    typist.type("17251231", gap_ms=2)
    assert scanner.text() == "]C10100012345678905<GS>10ABC123<GS>17251231"
    assert typist.press(Qt.Key.Key_Tab, "\t", gap_ms=2)  # consumed: focus does not move on
    assert len(reads) == 1
    read = reads[0]
    assert read.text == f"]C10100012345678905{GS}10ABC123{GS}17251231"
    assert read.data == read.text.encode()
    barcode = ScanPipeline().process(read).barcode
    assert (barcode.gtin14, barcode.lot, barcode.expiry.isoformat()) == ("00012345678905", "ABC123", "2025-12-31")


def test_a_line_feed_typed_as_text_ends_a_code(window):
    _, scanner, _ = window
    reads = collect(WedgeInput(scanner))
    typist = Typist(scanner)
    typist.type("96385074", gap_ms=1)
    typist.press(Qt.Key(0x0A), "\n", gap_ms=1)  # what xdotool and Ctrl+J deliver
    assert [r.text for r in reads] == ["96385074"]


def test_tab_can_be_left_to_move_focus(window):
    _, scanner, _ = window
    reads = collect(WedgeInput(scanner, ScannerSettings(end_on_tab=False)))
    typist = Typist(scanner)
    typist.type("96385074", gap_ms=1)
    typist.press(Qt.Key.Key_Tab, "\t", gap_ms=1)
    assert reads == []
    typist.type("\r", gap_ms=1)
    assert [r.text for r in reads] == ["96385074"]


def test_backspace_edits_and_escape_clears_what_a_person_typed(window):
    _, scanner, _ = window
    reads = collect(WedgeInput(scanner))
    typist = Typist(scanner)
    typist.type("9638507x\x085", gap_ms=1)  # fast, but edited: a person
    assert scanner.text() == "96385075"
    typist.type("\x1b", gap_ms=1)
    assert scanner.text() == ""
    typist.type("96385074\x08\x084\r", gap_ms=1)
    assert [(r.text, r.manual) for r in reads] == [("9638504", True)]


def test_enter_on_an_empty_input_reads_nothing(window):
    _, scanner, _ = window
    reads = collect(WedgeInput(scanner))
    Typist(scanner).type("\r\r\t", gap_ms=5)
    assert reads == []


def test_shortcuts_and_navigation_keys_are_left_to_the_line_edit(window):
    _, scanner, _ = window
    reads = collect(WedgeInput(scanner))
    typist = Typist(scanner)
    typist.type("1234", gap_ms=1)
    typist.press(Qt.Key.Key_Left, "", gap_ms=1)
    assert scanner.cursorPosition() == 3  # the line edit got the key
    typist.press(Qt.Key.Key_A, "\x01", Qt.KeyboardModifier.ControlModifier, gap_ms=1)
    typist.type("5678\r", gap_ms=1)
    assert [r.text for r in reads] == ["12345678"]


def _focus(qtbot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_focus_lost_mid_scan_gives_a_cut_off_read_not_a_wrong_code(qtbot, window):
    w, scanner, other = window
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    _focus(qtbot, scanner)
    wedge = WedgeInput(scanner)
    reads = collect(wedge)
    typist = Typist(scanner)
    typist.type("400638", gap_ms=2)
    with qtbot.waitSignal(wedge.scan_read):
        _focus(qtbot, other)
    assert len(reads) == 1
    assert reads[0].text == "400638" and "lost focus" in reads[0].error
    result = ScanPipeline().process(reads[0])
    assert not result.ok and result.raw == "400638"
    # Back in the scanner input, the next code starts clean.
    _focus(qtbot, scanner)
    typist.type("4006381333931\r", gap_ms=2)
    assert reads[-1].text == "4006381333931" and reads[-1].error is None


def test_focus_lost_while_a_person_types_discards_quietly(qtbot, window):
    w, scanner, other = window
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    _focus(qtbot, scanner)
    reads = collect(WedgeInput(scanner))
    Typist(scanner).type("4006", gap_ms=300)
    _focus(qtbot, other)
    assert reads == []
    assert scanner.text() == ""


def test_runaway_input_is_capped_and_rejected(window):
    _, scanner, _ = window
    reads = collect(WedgeInput(scanner))
    typist = Typist(scanner)
    for _ in range(9000):
        typist.press(Qt.Key.Key_1, "1", gap_ms=1)
    typist.type("\r", gap_ms=1)
    assert len(reads) == 1 and "too long" in reads[0].error
    assert not ScanPipeline().process(reads[0]).ok
    typist.type("96385074\r", gap_ms=1)
    assert reads[-1].text == "96385074"
