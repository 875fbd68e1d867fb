"""A1: the idle-lock minutes are set from the app, with a supervisor's own PIN like force release, whoever is
signed in; 0 never locks; the new time applies at once, and is kept for the next start."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from scanapp.gui.shell.idle_lock_dialog import IdleLockDialog
from tests.gui.conftest import PIN, sign_in


def open_dialog(qtbot, window) -> IdleLockDialog:
    qtbot.mouseClick(window.counts.idle_lock_button, Qt.MouseButton.LeftButton)
    dialog = window.counts.dialog
    assert isinstance(dialog, IdleLockDialog)
    return dialog


def test_a_supervisor_sets_the_idle_lock_and_it_applies_at_once(qtbot, window, engine, clock, retail):
    sign_in(qtbot, window, "sam")  # sam chooses a PIN
    window.sign_out()
    sign_in(qtbot, window, "alex")
    dialog = open_dialog(qtbot, window)
    assert dialog.minutes.value() == 5 and dialog.minutes.text() == "5 min"
    assert [u.user_id for u in dialog.supervisors] == ["sam"]  # an associate's or a manager's PIN never does it
    dialog.minutes.setValue(2)
    qtbot.keyClicks(dialog.entry.pin, "9999")
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.entry.message.text().startswith("Wrong PIN.")
    assert engine.parts.users.idle_lock_minutes() == 5  # nothing changed without the supervisor's PIN
    qtbot.keyClicks(dialog.entry.pin, PIN)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert engine.parts.users.idle_lock_minutes() == 2
    assert window.counts.message_bar.text == "ScanApp now locks after 2 minutes without a touch."
    assert window.idle_lock.minutes == 2  # at once, not at the next start
    clock.advance(timedelta(seconds=119))
    window.idle_lock.check()
    assert not window.locked
    clock.advance(timedelta(seconds=2))
    window.idle_lock.check()
    assert window.locked and window.engine.actor.user_id == "alex"


def test_zero_never_locks(qtbot, window, engine, clock, retail):
    sign_in(qtbot, window, "sam")
    dialog = open_dialog(qtbot, window)
    dialog.minutes.setValue(0)
    assert dialog.minutes.text() == "Never"
    qtbot.keyClicks(dialog.entry.pin, PIN)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert engine.parts.users.idle_lock_minutes() == 0
    assert window.counts.message_bar.text == "ScanApp no longer locks by itself."
    clock.advance(timedelta(days=1))
    window.idle_lock.check()
    assert not window.locked


def test_cancel_changes_nothing(qtbot, window, engine, retail):
    sign_in(qtbot, window, "sam")
    dialog = open_dialog(qtbot, window)
    dialog.minutes.setValue(30)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert engine.parts.users.idle_lock_minutes() == 5 and window.idle_lock.minutes == 5
