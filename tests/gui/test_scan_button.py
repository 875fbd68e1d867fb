"""C5 scan button: the three states follow whether scans come to the window (its activation, the scan row
shown and allowed), not which widget inside has the focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from scanapp.gui.capture.scan_button import ScanButton, ScanMode
from tests.gui.conftest import activate


@pytest.fixture
def panel(qtbot):
    w = QWidget()
    field = QLineEdit()
    other = QPushButton("elsewhere")
    button = ScanButton(field)
    layout = QVBoxLayout(w)
    for child in (button, field, other):
        layout.addWidget(child)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    activate(qtbot, w)
    return w, button, field, other


def test_before_the_session_starts_it_offers_start_counting(qtbot, panel):
    _w, button, _field, _other = panel
    button.set_session_state(started=False, allowed=True)
    assert button.mode is ScanMode.START
    assert button.text() == "Start counting"
    assert button.isEnabled()
    with qtbot.waitSignal(button.start_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_start_counting_disabled_when_not_allowed_says_why(panel):
    _w, button, _field, _other = panel
    button.set_session_state(started=False, allowed=False, why_not="Start counting opens tomorrow 06:00.")
    assert button.text() == "Start counting"
    assert not button.isEnabled()
    assert "tomorrow 06:00" in button.toolTip()


def test_in_the_active_window_it_is_scanner_ready_whatever_has_the_focus(qtbot, panel):
    _w, button, field, other = panel
    button.set_session_state(started=True, allowed=True)
    field.setFocus()
    qtbot.waitUntil(lambda: button.mode is ScanMode.READY)
    assert button.text() == "Scanner ready"
    assert not button.isEnabled()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    assert button.mode is ScanMode.READY  # scans are captured application-wide: focus inside does not matter


def test_a_disabled_scan_row_or_a_refused_session_is_not_ready(qtbot, panel):
    _w, button, field, _other = panel
    button.set_session_state(started=True, allowed=True)
    field.setEnabled(False)
    button.set_session_state(started=True, allowed=True)
    assert button.mode is ScanMode.RESUME
    field.setEnabled(True)
    button.set_session_state(started=True, allowed=False, why_not="Another user or device holds this session.")
    assert button.mode is ScanMode.RESUME and not button.isEnabled()
    assert button.toolTip() == "Another user or device holds this session."


def test_resume_counting_asks_for_the_window_back(qtbot, panel):
    w, button, _field, _other = panel
    button.set_session_state(started=True, allowed=True)
    popup = QWidget()
    qtbot.addWidget(popup)
    popup.show()
    activate(qtbot, popup)
    qtbot.waitUntil(lambda: button.mode is ScanMode.RESUME)
    assert button.text() == "Resume counting" and button.isEnabled()
    assert button.property("mode") == "resume"
    with qtbot.waitSignal(button.resume_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    activate(qtbot, w)
    qtbot.waitUntil(lambda: button.mode is ScanMode.READY)


def test_clicking_the_button_does_not_take_the_focus(qtbot, panel):
    _w, button, field, _other = panel
    button.set_session_state(started=False, allowed=True)
    field.setFocus()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert field.hasFocus()


def test_another_window_taking_activation_turns_it_to_resume(qtbot, panel):
    w, button, field, _other = panel
    button.set_session_state(started=True, allowed=True)
    field.setFocus()
    qtbot.waitUntil(lambda: button.mode is ScanMode.READY)
    popup = QWidget()
    qtbot.addWidget(popup)
    popup.show()
    activate(qtbot, popup)
    qtbot.waitUntil(lambda: button.mode is ScanMode.RESUME)
    activate(qtbot, w)
    qtbot.waitUntil(lambda: button.mode is ScanMode.READY)


def test_f2_presses_the_button(qtbot, panel):
    _w, button, _field, other = panel
    button.set_session_state(started=False, allowed=True)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    with qtbot.waitSignal(button.start_requested):
        qtbot.keyClick(other, Qt.Key.Key_F2)
