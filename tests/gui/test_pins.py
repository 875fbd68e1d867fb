"""Sign-in with a PIN (SPEC A1): chosen at the first sign-in, typed twice; wrong ones refused plainly and
slowed down on the injected clock; a damaged hash refused with a way out; a supervisor's own PIN for force
release whoever is signed in; the idle lock, which keeps the open session and its scans."""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import text

from scanapp.domain.counts import SessionState
from scanapp.domain.permissions import ROLES, Actor
from scanapp.gui.shell.supervisor_prompt import SupervisorPrompt
from tests.gui.conftest import PIN, open_session, sign_in


def pick(qtbot, window, user_id):
    qtbot.mouseClick(window.sign_in.buttons[user_id], Qt.MouseButton.LeftButton)
    return window.sign_in.entry


def enter(qtbot, window, pin):
    entry = window.sign_in.entry
    qtbot.keyClicks(entry.pin, pin)
    qtbot.mouseClick(window.sign_in.submit_button, Qt.MouseButton.LeftButton)
    return entry.message.text()


def stored_hash(store, user_id):
    with store.read() as conn:
        return conn.execute(text("SELECT pin_hash FROM user_pins WHERE user_id = :u"), {"u": user_id}).scalar()


def test_the_first_sign_in_chooses_a_pin_and_the_next_one_asks_for_it(qtbot, window, store, retail):
    entry = pick(qtbot, window, "alex")
    assert entry.choosing and entry.again.isVisible()
    assert "choose a PIN" in entry.prompt.text()
    assert window.sign_in.submit_button.text() == "Choose PIN and sign in"
    sign_in(qtbot, window, "alex")  # types it twice
    saved = stored_hash(store, "alex")
    assert saved.startswith("$argon2id$") and PIN not in saved
    window.sign_out()
    entry = pick(qtbot, window, "alex")
    assert not entry.choosing and not entry.again.isVisible()
    assert entry.prompt.text() == "Alex (associate), enter your PIN."
    assert enter(qtbot, window, PIN) == ""
    assert window.engine.actor.user_id == "alex"


def test_two_different_pins_or_a_short_one_are_not_chosen(qtbot, window, store, retail):
    entry = pick(qtbot, window, "alex")
    qtbot.keyClicks(entry.pin, "1234")
    qtbot.keyClicks(entry.again, "1243")
    qtbot.mouseClick(window.sign_in.submit_button, Qt.MouseButton.LeftButton)
    assert entry.message.text() == "The two PINs differ. Type the same PIN in both fields."
    entry.clear()
    qtbot.keyClicks(entry.pin, "12")
    qtbot.keyClicks(entry.again, "12")
    qtbot.mouseClick(window.sign_in.submit_button, Qt.MouseButton.LeftButton)
    assert entry.message.text() == "A PIN needs at least 4 characters."
    assert stored_hash(store, "alex") is None and window.engine.signed_in_actor is None


def test_a_wrong_pin_is_refused_and_after_five_the_app_makes_you_wait(qtbot, window, clock, retail):
    sign_in(qtbot, window, "alex")
    window.sign_out()
    pick(qtbot, window, "alex")
    assert enter(qtbot, window, "9999") == "Wrong PIN. 4 more tries before a wait."
    for _ in range(3):
        enter(qtbot, window, "9999")
    assert window.sign_in.entry.message.text() == "Wrong PIN. 1 more try before a wait."
    assert enter(qtbot, window, "9999") == "Too many wrong tries: wait 30 seconds, then try again."
    assert enter(qtbot, window, PIN) == "Too many wrong tries: wait 30 seconds, then try again."  # not checked
    assert window.engine.signed_in_actor is None
    clock.advance(timedelta(seconds=20))
    assert enter(qtbot, window, PIN) == "Too many wrong tries: wait 10 seconds, then try again."
    clock.advance(timedelta(seconds=10))
    assert enter(qtbot, window, "9999") == "Too many wrong tries: wait 60 seconds, then try again."  # doubled
    clock.advance(timedelta(seconds=60))
    assert enter(qtbot, window, PIN) == ""
    assert window.engine.actor.user_id == "alex"
    window.sign_out()
    pick(qtbot, window, "alex")
    assert enter(qtbot, window, "9999") == "Wrong PIN. 4 more tries before a wait."  # the right one reset the run


def test_a_damaged_hash_is_refused_plainly_and_a_supervisor_resets_it(qtbot, window, store, retail):
    sign_in(qtbot, window, "sam")
    window.sign_out()
    sign_in(qtbot, window, "alex")
    window.sign_out()
    with store.read() as conn:
        conn.execute(
            text("UPDATE user_pins SET pin_hash = '$argon2id$v=19$m=65536,t=3,p=4$trunc' WHERE user_id = 'alex'")
        )
        conn.commit()
    pick(qtbot, window, "alex")
    said = enter(qtbot, window, PIN)
    assert said == "Alex (associate)'s PIN on this device is damaged and cannot be checked. A supervisor can reset it."
    assert window.engine.signed_in_actor is None
    unsent = window.sync.bridge.service.state().unsent  # as the store has it (each PIN chosen above is one)
    qtbot.mouseClick(window.sign_in.forgot_button, Qt.MouseButton.LeftButton)
    prompt = window.sign_in.dialogs.dialog
    assert isinstance(prompt, SupervisorPrompt)
    assert [u.user_id for u in prompt.supervisors] == ["morgan", "sam"]  # who may supervise; not alex
    prompt.who.setCurrentIndex(1)
    qtbot.keyClicks(prompt.entry.pin, PIN)
    qtbot.mouseClick(prompt.confirm_button, Qt.MouseButton.LeftButton)
    assert stored_hash(store, "alex") is None
    entry = window.sign_in.entry
    assert entry.user.user_id == "alex" and entry.choosing  # alex chooses a new one at once
    qtbot.keyClicks(entry.pin, "7777")
    qtbot.keyClicks(entry.again, "7777")
    qtbot.mouseClick(window.sign_in.submit_button, Qt.MouseButton.LeftButton)
    assert window.engine.actor.user_id == "alex"
    # The reset and the new PIN are in the journal for the server: the header counts them at once.
    qtbot.waitUntil(lambda: window.sync.bridge.state.unsent == unsent + 2, timeout=3000)
    assert f"{unsent + 2} changes not synced" in window.sync.header.text


def test_no_pin_or_hash_reaches_the_log(qtbot, window, store, retail, caplog):
    with caplog.at_level(logging.DEBUG):
        sign_in(qtbot, window, "alex")
        window.sign_out()
        pick(qtbot, window, "alex")
        enter(qtbot, window, "9876")
        enter(qtbot, window, PIN)
    assert "wrong PIN for alex" in caplog.text
    assert PIN not in caplog.text and "9876" not in caplog.text and "$argon2" not in caplog.text


def held_by_pat(counting, session_id):
    counting.claim(Actor("pat", "dev-other-7777", ROLES["associate_pre_start"]), session_id)


def open_release_prompt(qtbot, window, retail):
    window.counts.select_count(retail.directed_id)
    release = window.counts.session_cards[retail.directed_session.id].release_button
    qtbot.waitUntil(release.isVisible)
    qtbot.mouseClick(release, Qt.MouseButton.LeftButton)
    prompt = window.counts.dialog
    assert isinstance(prompt, SupervisorPrompt)
    return prompt


def last_event(store):
    with store.read() as conn:
        return conn.execute(text("SELECT kind, user_id FROM events ORDER BY local_id DESC LIMIT 1")).one()


def test_force_release_with_an_associate_signed_in_takes_a_supervisors_pin(qtbot, window, store, counting, retail):
    sign_in(qtbot, window, "sam")  # sam chooses a PIN
    window.sign_out()
    held_by_pat(counting, retail.directed_session.id)
    sign_in(qtbot, window, "alex")
    prompt = open_release_prompt(qtbot, window, retail)
    assert "held by Pat" in prompt.message.text()
    assert [u.user_id for u in prompt.supervisors] == ["sam"]  # only who may force-release is offered
    assert prompt.entry.prompt.text() == "Sam (supervisor), enter your PIN."
    qtbot.keyClicks(prompt.entry.pin, PIN.replace("4", "5"))
    qtbot.mouseClick(prompt.confirm_button, Qt.MouseButton.LeftButton)
    assert prompt.isVisible() and prompt.entry.message.text().startswith("Wrong PIN.")
    assert window.engine.reads.session(retail.directed_session.id).lock.user_id == "pat"
    qtbot.keyClicks(prompt.entry.pin, PIN)
    qtbot.mouseClick(prompt.confirm_button, Qt.MouseButton.LeftButton)
    assert window.engine.reads.session(retail.directed_session.id).lock is None
    assert tuple(last_event(store)) == ("lock_force_released", "sam")  # done as the supervisor, not as alex
    assert window.engine.actor.user_id == "alex"  # who is signed in does not change
    assert window.counts.message_bar.text == "Session released."


def test_an_associates_own_pin_does_not_authorise_force_release(qtbot, window, counting, retail):
    sign_in(qtbot, window, "sam")
    window.sign_out()
    held_by_pat(counting, retail.directed_session.id)
    sign_in(qtbot, window, "alex", pin="1357")  # alex's PIN differs from sam's
    prompt = open_release_prompt(qtbot, window, retail)
    assert "alex" not in [u.user_id for u in prompt.supervisors]
    qtbot.keyClicks(prompt.entry.pin, "1357")
    qtbot.mouseClick(prompt.confirm_button, Qt.MouseButton.LeftButton)
    assert prompt.entry.message.text().startswith("Wrong PIN.")
    qtbot.mouseClick(prompt.cancel_button, Qt.MouseButton.LeftButton)
    assert window.engine.reads.session(retail.directed_session.id).lock.user_id == "pat"


def test_a_supervisor_signed_in_is_asked_for_their_pin_again(qtbot, window, counting, retail):
    held_by_pat(counting, retail.directed_session.id)
    sign_in(qtbot, window, "sam")
    prompt = open_release_prompt(qtbot, window, retail)
    assert prompt.who.currentData() == "sam" and prompt.entry.pin.text() == ""
    qtbot.mouseClick(prompt.confirm_button, Qt.MouseButton.LeftButton)  # nothing typed: refused
    assert prompt.isVisible()
    qtbot.keyClicks(prompt.entry.pin, PIN)
    qtbot.mouseClick(prompt.confirm_button, Qt.MouseButton.LeftButton)
    assert window.engine.reads.session(retail.directed_session.id).lock is None


def test_the_app_locks_when_idle_and_the_open_session_stays_open(qtbot, window, clock, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    session_id = retail.directed_session.id
    assert window.idle_lock.minutes == 5
    clock.advance(timedelta(minutes=4, seconds=59))
    window.idle_lock.check()
    assert not window.locked
    qtbot.keyClick(window.session, Qt.Key.Key_Shift)  # a key is activity: the idle time starts again
    clock.advance(timedelta(minutes=4, seconds=59))
    window.idle_lock.check()
    assert not window.locked
    clock.advance(timedelta(minutes=5))
    qtbot.waitUntil(lambda: window.locked)  # the lock's own timer notices
    assert window.stack.currentWidget() is window.lock_page
    assert window.lock_page.who.text() == "Alex (associate) is signed in. Enter the PIN to carry on."
    assert window.engine.reads.session(session_id).lock.user_id == "alex"  # still held
    qtbot.keyClicks(window.lock_page.entry.pin, "0000")
    qtbot.mouseClick(window.lock_page.unlock_button, Qt.MouseButton.LeftButton)
    assert window.locked and window.lock_page.entry.message.text().startswith("Wrong PIN.")
    qtbot.keyClicks(window.lock_page.entry.pin, PIN)
    qtbot.mouseClick(window.lock_page.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.locked
    assert window.stack.currentWidget() is window.session and window.session.session.id == session_id


def test_a_dialog_open_when_the_app_locks_is_hidden_and_comes_back(qtbot, window, clock, counting, retail):
    held_by_pat(counting, retail.directed_session.id)
    sign_in(qtbot, window, "alex")
    prompt = open_release_prompt(qtbot, window, retail)
    window.idle_lock.lock()
    assert not prompt.isVisible()  # nothing under the lock can be used
    qtbot.keyClicks(window.lock_page.entry.pin, PIN)
    qtbot.mouseClick(window.lock_page.unlock_button, Qt.MouseButton.LeftButton)
    assert prompt.isVisible() and window.counts.dialog is prompt


def test_another_user_signs_in_from_the_lock_screen_and_the_session_is_released(qtbot, window, clock, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    window.idle_lock.lock()
    qtbot.mouseClick(window.lock_page.other_button, Qt.MouseButton.LeftButton)
    assert not window.locked and window.stack.currentWidget() is window.sign_in
    assert window.engine.signed_in_actor is None
    session = window.engine.reads.session(retail.directed_session.id)
    assert session.lock is None and session.state is SessionState.NOT_STARTED
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]


def test_closing_the_app_while_locked_releases_the_session(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    window.idle_lock.lock()
    window.close()
    assert window.engine.reads.session(retail.directed_session.id).lock is None


def test_an_idle_lock_of_zero_never_locks(qtbot, engine, clock, retail):
    from scanapp.gui.shell.main_window import MainWindow

    engine.parts.users.set_idle_lock_minutes(0, Actor("sam", engine.device_id, ROLES["supervisor"]))
    w = MainWindow(engine)
    qtbot.addWidget(w)
    sign_in(qtbot, w, "alex")
    clock.advance(timedelta(days=1))
    w.idle_lock.check()
    assert not w.locked


def tap(qtbot, pad, *keys):
    for key in keys:
        qtbot.mouseClick(pad.keys[key], Qt.MouseButton.LeftButton)


def test_a_pin_is_entered_by_touch_alone_on_the_keypad(qtbot, window, retail):
    entry = pick(qtbot, window, "alex")
    pad = entry.pad
    tap(qtbot, pad, "1", "2", "9", "back", "3", "4")
    assert entry.pin.text() == "1234" and entry.pin.hasFocus()  # the keys never take the focus
    qtbot.mouseClick(entry.again, Qt.MouseButton.LeftButton)  # a tap in the second field
    tap(qtbot, pad, "7", "clear", "1", "2", "3", "4")
    assert entry.again.text() == "1234" and entry.pin.text() == "1234"
    qtbot.mouseClick(window.sign_in.submit_button, Qt.MouseButton.LeftButton)
    assert window.engine.actor.user_id == "alex"
    window.idle_lock.lock()
    tap(qtbot, window.lock_page.entry.pad, "1", "2", "3", "4")
    qtbot.mouseClick(window.lock_page.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.locked
