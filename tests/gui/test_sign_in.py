"""Sign-in picks a local user and their permissions; who may open the counts list is gated as the seed says
(C2); signing out leaves any session and releases it. PINs, the supervisor's prompt and the idle lock (A1)
are in test_pins.py."""

from __future__ import annotations

from PySide6.QtCore import Qt

from scanapp.domain.counts import SessionState
from tests.gui.conftest import PIN, open_session, sign_in


def unlock(qtbot, window, pin: str = PIN) -> None:
    qtbot.keyClicks(window.lock_page.entry.pin, pin)
    qtbot.mouseClick(window.lock_page.unlock_button, Qt.MouseButton.LeftButton)


def test_every_local_user_is_offered_with_what_they_may_do(window):
    buttons = window.sign_in.buttons
    assert set(buttons) == {"alex", "pat", "morgan", "sam", "lee"}
    assert buttons["alex"].text() == "Alex (associate)\ncounts"
    assert buttons["pat"].text().endswith("counts, start early")
    assert buttons["sam"].text().endswith("counts, start early, release locks")
    assert buttons["lee"].text().endswith("lab")


def test_signing_in_opens_the_counts_list_as_that_user(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    assert window.engine.actor.user_id == "alex"
    assert window.engine.actor.device_id == window.engine.device_id
    assert window.counts.user_label.text() == "Alex (associate)"
    assert {r.count.name for r in window.counts.rows} == {"Aisle 5", "Backroom"}


def test_without_a_counts_permission_the_list_stays_closed_and_says_so_in_plain_words(qtbot, window, retail):
    sign_in(qtbot, window, "lee", expect=window.lab)  # a lab tech lands on Barcode Tracking (issue 10)
    window.show_counts()
    assert window.counts.denied.isVisible()
    assert "cannot open the counts list" in window.counts.denied.text()
    assert "Ask a supervisor" in window.counts.denied.text()
    assert "_ADMIN" not in window.counts.denied.text()  # no permission codes on screen
    assert not window.counts.body.isVisible()
    assert window.counts.count_cards == {} and window.counts.rows == []


def test_keyboard_sign_in(qtbot, window, retail):
    window.sign_in.buttons["morgan"].setFocus()
    qtbot.keyClick(window.sign_in.buttons["morgan"], Qt.Key.Key_Space)
    entry = window.sign_in.entry
    assert entry.user.user_id == "morgan" and entry.choosing
    qtbot.waitUntil(entry.pin.hasFocus)
    qtbot.keyClicks(entry.pin, "2468")
    qtbot.keyClick(entry.pin, Qt.Key.Key_Return)  # Enter moves on to the second field
    assert entry.again.hasFocus() and window.engine.signed_in_actor is None
    qtbot.keyClicks(entry.again, "2468")
    qtbot.keyClick(entry.again, Qt.Key.Key_Return)
    assert window.engine.actor.user_id == "morgan"


def test_escape_goes_back_from_the_pin_to_the_names(qtbot, window, retail):
    window.sign_in.buttons["pat"].setFocus()
    qtbot.keyClick(window.sign_in.buttons["pat"], Qt.Key.Key_Space)
    assert window.sign_in.steps.currentWidget() is window.sign_in.pin_step
    qtbot.keyClicks(window.sign_in.entry.pin, "12")
    qtbot.keyClick(window.sign_in.entry.pin, Qt.Key.Key_Escape)
    assert window.sign_in.steps.currentWidget() is window.sign_in.picker
    assert window.sign_in.buttons["pat"].hasFocus() and window.sign_in.entry.pin.text() == ""
    assert window.engine.signed_in_actor is None


def test_sign_out_from_a_session_releases_it(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    assert window.engine.reads.session(retail.directed_session.id).lock.user_id == "alex"
    window.sign_out()
    assert window.stack.currentWidget() is window.sign_in
    session = window.engine.reads.session(retail.directed_session.id)
    assert session.lock is None
    assert session.state is SessionState.NOT_STARTED
    assert window.engine.signed_in_actor is None


def test_closing_the_window_releases_the_session(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    window.close()
    assert window.engine.reads.session(retail.directed_session.id).lock is None


def test_a_store_without_users_says_how_to_get_some(qtbot, store, clock):
    from scanapp.bootstrap import App
    from scanapp.gui.shell.engine import Engine
    from scanapp.gui.shell.main_window import MainWindow

    w = MainWindow(Engine(App(data_dir=store.path.parent, clock=clock, _store=store)))
    qtbot.addWidget(w)
    assert w.sign_in.buttons == {}
    shown = w.sign_in.grid.itemAt(0).widget().text()
    assert "no users on this device" in shown and "--demo" in shown


def test_the_app_reopens_on_the_counts_list_for_who_was_signed_in(qtbot, window, retail, engine):
    from scanapp.gui.shell.main_window import MainWindow

    sign_in(qtbot, window, "pat")
    window.close()
    again = MainWindow(engine)  # a restart: a new window over the same store
    qtbot.addWidget(again)
    assert again.locked and again.stack.currentWidget() is again.lock_page  # whoever holds it enters the PIN
    assert again.lock_page.who.text() == "Pat (associate, pre-start) is signed in. Enter the PIN to carry on."
    unlock(qtbot, again)
    assert again.stack.currentWidget() is again.counts
    assert again.engine.actor.user_id == "pat"
    again.sign_out()
    third = MainWindow(engine)
    qtbot.addWidget(third)
    assert third.stack.currentWidget() is third.sign_in
    assert third.engine.signed_in_actor is None


def test_a_remembered_user_who_no_longer_exists_gets_the_sign_in(qtbot, engine, store, retail):
    from scanapp.gui.shell.main_window import MainWindow
    from scanapp.services import users
    from scanapp.store.uow import SqlUnitOfWork

    with SqlUnitOfWork(store) as uow:
        users.remember(uow, "someone-removed")
        uow.commit()
    w = MainWindow(engine)
    qtbot.addWidget(w)
    assert w.stack.currentWidget() is w.sign_in
