"""The application-wide capture on its own: scanner or person at the settings' thresholds, held keys given
back in order, a scan's Enter never pressing a default button, a stall, a burst without an end, and the
widgets it leaves alone. Key events carry explicit timestamps (tests/gui/wedge_keys.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from scanapp.domain.barcodes import GS
from scanapp.gui.capture.app_filter import STALL_MS, KeyCapture
from scanapp.gui.capture.wedge_input import WedgeInput
from scanapp.scanners.settings import ScannerSettings
from tests.gui.conftest import activate
from tests.gui.wedge_keys import Keyboard
from tests.helpers import FixedClock

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
CODE = "4006381333931"


@pytest.fixture
def form(qtbot):
    """A dialog with a field and a default button, the field focused, and the capture installed."""
    dialog = QDialog()
    field = QLineEdit(dialog)
    ok = QPushButton("OK", dialog)
    ok.setDefault(True)
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(ok)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    capture = KeyCapture(
        ScannerSettings(key_gap_ms=40, min_length=4), FixedClock(datetime(2026, 12, 1, tzinfo=UTC)), dialog
    )
    capture.install()
    reads = []
    capture.scan_read.connect(reads.append)
    pressed = []
    ok.clicked.connect(lambda: pressed.append("ok"))
    yield dialog, field, capture, reads, pressed
    capture.uninstall()


def test_a_burst_at_the_gap_threshold_is_a_scan_and_its_enter_presses_nothing(form):
    dialog, field, _capture, reads, pressed = form
    Keyboard().scan(CODE, gap_ms=40)
    assert [(r.text, r.manual, r.key_gaps_ms) for r in reads] == [(CODE, False, (40.0,) * 12)]
    assert field.text() == "" and pressed == [] and dialog.isVisible()


def test_typing_one_ms_slower_than_the_threshold_types_and_enter_presses_the_default_button(qtbot, form):
    _dialog, field, _capture, reads, pressed = form
    keys = Keyboard()
    keys.type(CODE, gap_ms=41)
    qtbot.waitUntil(lambda: field.text() == CODE)  # the last key given back once the pause says "typed"
    keys.press(Qt.Key.Key_Return, "\r", gap_ms=41)
    assert reads == [] and pressed == ["ok"]


def test_a_fast_entry_shorter_than_the_minimum_is_typing(form):
    _dialog, field, _capture, reads, pressed = form
    Keyboard().scan("123", gap_ms=1)
    assert reads == [] and field.text() == "123" and pressed == ["ok"]


def test_held_keys_are_given_back_in_order_before_the_key_that_decided(form):
    _dialog, field, capture, reads, _pressed = form
    keys = Keyboard()
    keys.type("ab", gap_ms=100)
    assert field.text() == "a" and capture.holding  # "b" is held until the next key or the pause
    keys.press(Qt.Key.Key_Backspace, "\x08", gap_ms=100)
    assert field.text() == "a" and not capture.holding
    keys.type("C", gap_ms=100)
    keys.press(Qt.Key.Key_Left, "", gap_ms=100)
    assert field.text() == "aC" and field.cursorPosition() == 1 and reads == []


def test_one_usb_stall_inside_a_scan_keeps_it_one_scan(form):
    _dialog, field, _capture, reads, _pressed = form
    keys = Keyboard()
    keys.type("400638", gap_ms=3)
    keys.now += STALL_MS - 10
    keys.scan("1333931", gap_ms=3)
    assert [r.text for r in reads] == [CODE] and field.text() == ""


def test_a_burst_with_no_enter_is_cut_off_and_rejected_not_typed(qtbot, form):
    _dialog, field, _capture, reads, _pressed = form
    keys = Keyboard()
    keys.type(CODE, gap_ms=2)
    qtbot.waitUntil(lambda: len(reads) == 1, timeout=STALL_MS * 4)
    assert reads[0].text == CODE and "no Enter or Tab" in reads[0].error
    assert field.text() == ""


def test_gs_as_ctrl_bracket_and_capitals_with_shift_stay_in_the_scan(form):
    _dialog, field, _capture, reads, _pressed = form
    keys = Keyboard()
    keys.type("]C10104006381333931", gap_ms=2)
    keys.press(Qt.Key.Key_BracketRight, GS, Qt.KeyboardModifier.ControlModifier, gap_ms=2)
    keys.press(Qt.Key.Key_Shift, "", gap_ms=2)
    keys.scan("10LOT7", gap_ms=2)
    assert [r.text for r in reads] == [f"]C10104006381333931{GS}10LOT7"] and field.text() == ""


def test_tab_ends_a_scan_without_moving_the_focus(form):
    _dialog, field, _capture, reads, _pressed = form
    keys = Keyboard()
    keys.type(CODE, gap_ms=2)
    keys.press(Qt.Key.Key_Tab, "\t", gap_ms=2)
    assert [r.text for r in reads] == [CODE] and field.hasFocus()


def test_a_scans_enter_release_is_eaten_and_a_later_release_passes(form):
    _dialog, field, capture, reads, _pressed = form
    Keyboard().scan(CODE)
    release = QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    release.setTimestamp(5)
    assert capture.eventFilter(field, release) is False  # the scan's own release came already: this one passes
    assert len(reads) == 1


def test_a_widget_that_reads_the_scanner_itself_gets_the_raw_keys(qtbot, form):
    _dialog, field, _capture, reads, _pressed = form
    pad = WedgeInput(field)  # the test pad's input claims the scanner's keys
    pad_reads = []
    pad.scan_read.connect(pad_reads.append)
    Keyboard().scan(CODE)
    assert reads == [] and [r.text for r in pad_reads] == [CODE]


def test_events_made_by_a_program_without_a_timestamp_are_left_alone(qtbot, form):
    _dialog, field, _capture, reads, pressed = form
    qtbot.keyClicks(field, CODE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert reads == [] and field.text() == CODE and pressed == ["ok"]


def test_a_shortcut_key_in_the_middle_of_typing_comes_after_the_typed_keys(form):
    _dialog, field, _capture, _reads, _pressed = form
    keys = Keyboard()
    keys.type("x", gap_ms=100)
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier, "")
    override.setTimestamp(keys.now + 10)
    QApplication.sendEvent(field, override)
    assert field.text() == "x"


def test_keys_given_back_follow_the_focus_a_given_back_key_moved(qtbot):
    """A digit typed on a table opens its editor; the next digit, held meanwhile, goes into that editor."""
    model = QStandardItemModel(2, 1)
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    activate(qtbot, table)
    table.setCurrentIndex(model.index(0, 0))
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    capture = KeyCapture(ScannerSettings(), FixedClock(datetime(2026, 12, 1, tzinfo=UTC)), table)
    capture.install()
    keys = Keyboard()
    keys.type("50", gap_ms=100)
    keys.press(Qt.Key.Key_Return, "\r", gap_ms=100)
    qtbot.waitUntil(lambda: model.index(0, 0).data() == "50")  # the view commits on its next turn
    capture.uninstall()
