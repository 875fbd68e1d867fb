"""What the session screen does with bad input: runaway scanner input, text that is no barcode, control
characters, a store locked by another program — each is recorded or refused in plain words, never a crash."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from scanapp.gui.models.table import ROW_ROLE
from tests.gui.conftest import open_session, scan_shown, sign_in
from tests.gui.test_session_page import scan
from tests.helpers import COLA


@pytest.fixture
def page(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    p = window.session
    qtbot.mouseClick(p.action_row.scan_button, Qt.MouseButton.LeftButton)
    return p


def newest(page):
    return page.lists.scan_model.data(page.lists.scan_model.index(0, 0), ROW_ROLE).line


def test_text_that_is_no_barcode_is_kept_as_unmatched(qtbot, page):
    outcome = scan(qtbot, page, "hello world")
    assert outcome.status == "unmatched"
    assert newest(page).code == "hello world"
    assert page.tab_titles()[1] == "Unmatched (1)"


def test_a_runaway_line_is_rejected_with_its_reason(qtbot, page):
    outcome = scan(qtbot, page, "7" * 600)
    assert outcome.status == "rejected"
    assert newest(page).reason == "too long: 600 characters (at most 512)"
    assert page.lists.scan_model.data(page.lists.scan_model.index(0, 0)).startswith("Rejected: too long")


def test_gs_typed_as_ctrl_bracket_reads_as_gs1(qtbot, page):
    with scan_shown(qtbot, page) as recorded:
        qtbot.keyClicks(page.action_row.scanner_input, "]C10104006381333931")
        gs = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier, "\x1d")
        QApplication.sendEvent(page.action_row.scanner_input, gs)
        qtbot.keyClicks(page.action_row.scanner_input, "10LOT7")
        qtbot.keyClick(page.action_row.scanner_input, Qt.Key.Key_Return)
    outcome = recorded.args[0]
    assert outcome.status == "accepted"
    assert outcome.item_key == "SKU-COLA" and outcome.barcode.lot == "LOT7"


def test_enter_alone_records_nothing(qtbot, page):
    qtbot.keyClick(page.action_row.scanner_input, Qt.Key.Key_Return)
    assert page.lists.scan_model.rowCount() == 0


def test_a_store_locked_by_another_program_refuses_the_scan_in_plain_words(qtbot, page, store):
    # The store waits for the lock up to its busy timeout (5 s) before giving up: this test takes that long.
    other = sqlite3.connect(store.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        qtbot.keyClicks(page.action_row.scanner_input, COLA)
        qtbot.keyClick(page.action_row.scanner_input, Qt.Key.Key_Return)
        page.scanning.flush()  # recorded at the end of this turn of the event loop: now, while the lock is held
    finally:
        other.rollback()
        other.close()
    assert page.message_bar.text.startswith("The scan was not recorded: The database")
    assert "is locked by another program. Nothing was written" in page.message_bar.text
    assert page.lists.scan_model.rowCount() == 0
    assert scan(qtbot, page, COLA).status == "accepted"  # and once it is free, scanning goes on
