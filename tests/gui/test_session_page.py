"""The session screen: C4 actions enabled exactly as the seed says in each state, the lock held elsewhere,
C5 scan button on real focus, scanning into the scan list and tabs (C6, C7), and the keyboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from scanapp.domain.counts import SessionState
from scanapp.domain.permissions import ROLES, Actor
from scanapp.gui.capture.scan_button import ScanMode
from tests.gui.conftest import activate, open_session, scan_shown, sign_in, text
from tests.helpers import CHIPS, COLA, WATER

UNKNOWN = "0099999123456"  # a valid EAN-13 that no product has


def scan(qtbot, page, code: str):
    """Type a code into the scanner input and press Enter, as a keyboard-wedge scanner does."""
    with scan_shown(qtbot, page) as recorded:
        qtbot.keyClicks(page.action_row.scanner_input, code)
        qtbot.keyClick(page.action_row.scanner_input, Qt.Key.Key_Return)
    return recorded.args[0]


def state(window, session_id):
    return window.engine.reads.session(session_id)


def visible_actions(page):
    buttons = (
        page.action_row.edit_button,
        page.action_row.discard_button,
        page.action_row.submit_button,
        page.action_row.reopen_button,
    )
    shown = {text(b): b.isEnabled() for b in buttons if not b.isHidden()}
    if not page.action_row.discarded_badge.isHidden():
        shown["Session discarded"] = False
    return shown


@pytest.fixture
def page(qtbot, window, retail):
    """Alex in the directed count's default session, started."""
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    p = window.session
    qtbot.mouseClick(p.action_row.scan_button, Qt.MouseButton.LeftButton)
    assert p.session.state is SessionState.IN_PROGRESS
    return p


def test_opening_a_session_takes_its_lock_and_leaving_releases_it(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    lock = state(window, retail.directed_session.id).lock
    assert (lock.user_id, lock.device_id) == ("alex", window.engine.device_id)
    qtbot.mouseClick(window.session.header.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.counts
    assert state(window, retail.directed_session.id).lock is None


def test_header_shows_count_name_type_and_session(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    page = window.session
    assert page.header.count_label.text() == "Aisle 5"
    assert page.header.type_label.text() == " · Directed count"
    assert page.header.session_label.text() == "Default session · Display"
    assert page.header.state_chip.text() == "Not started"


def test_before_the_start_only_start_counting_is_possible(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    page = window.session
    assert page.action_row.scan_button.mode is ScanMode.START and page.action_row.scan_button.isEnabled()
    assert text(page.action_row.scan_button) == "Start counting"
    assert page.action_row.scan_button.property("mode") == "start"  # green in the style sheet
    assert visible_actions(page) == {"Edit": False, "Discard": False}  # Submit appears only In progress
    assert not page.action_row.scanner_input.isEnabled()
    assert not page.hand_button.isEnabled()


def test_start_counting_moves_to_in_progress_and_focuses_the_scanner(qtbot, page):
    assert page.header.state_chip.text() == "In progress"
    qtbot.waitUntil(lambda: page.action_row.scanner_input.hasFocus())
    assert page.action_row.scan_button.mode is ScanMode.READY
    assert text(page.action_row.scan_button) == "Scanner ready" and not page.action_row.scan_button.isEnabled()
    assert visible_actions(page) == {"Edit": True, "Discard": True, "Submit": True}


def test_focus_elsewhere_on_the_page_stays_scanner_ready(qtbot, page):
    """Scans are taken whatever has the focus inside the window (H6): a click in a list changes nothing."""
    qtbot.waitUntil(lambda: page.action_row.scan_button.mode is ScanMode.READY)
    page.lists.scan_view.setFocus()
    qtbot.waitUntil(page.lists.scan_view.hasFocus)
    assert page.action_row.scan_button.mode is ScanMode.READY
    assert text(page.action_row.scan_button) == "Scanner ready"


def test_resume_counting_while_a_dialog_is_open_and_back_to_ready_after(qtbot, page):
    qtbot.waitUntil(lambda: page.action_row.scan_button.mode is ScanMode.READY)
    qtbot.mouseClick(page.action_row.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.action_row.scan_button.mode is ScanMode.RESUME)
    assert text(page.action_row.scan_button) == "Resume counting"
    assert page.action_row.scan_button.property("mode") == "resume"  # red in the style sheet
    page.dialog.reject()
    qtbot.waitUntil(lambda: page.action_row.scan_button.mode is ScanMode.READY)
    assert page.action_row.scanner_input.hasFocus()


def test_another_window_in_front_shows_resume_counting(qtbot, page):
    qtbot.waitUntil(lambda: page.action_row.scan_button.mode is ScanMode.READY)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    activate(qtbot, other)
    qtbot.waitUntil(lambda: page.action_row.scan_button.mode is ScanMode.RESUME)
    qtbot.keyClick(page, Qt.Key.Key_F2)  # nothing: F2 belongs to the session window, which is not active
    activate(qtbot, page)
    qtbot.waitUntil(lambda: page.action_row.scan_button.mode is ScanMode.READY)


def test_before_the_planned_start_only_pre_start_permissions_may_start(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.hard_session)
    page = window.session
    assert page.action_row.scan_button.mode is ScanMode.START and not page.action_row.scan_button.isEnabled()
    assert page.action_row.scan_button.toolTip().endswith(
        "To start earlier, sign in as a manager, a supervisor or an associate allowed to start early."
    )
    assert "_ADMIN" not in page.action_row.scan_button.toolTip()  # plain words, no permission codes
    assert page.lock_bar.text == page.action_row.scan_button.toolTip()  # on screen too: touch screens have no tooltips
    assert page._start_timer.isActive()
    page.leave()
    window.sign_out()
    sign_in(qtbot, window, "pat")
    open_session(qtbot, window, retail.hard_session)
    assert window.session.action_row.scan_button.isEnabled()
    qtbot.mouseClick(window.session.action_row.scan_button, Qt.MouseButton.LeftButton)
    assert state(window, retail.hard_session.id).started_by == "pat"


def test_scans_appear_newest_first_with_totals_and_tab_counts(qtbot, page):
    outcome = scan(qtbot, page, COLA)
    assert outcome.status == "accepted"
    assert scan(qtbot, page, COLA).status == "accepted"
    assert scan(qtbot, page, WATER).category.value == "Undirected"
    assert scan(qtbot, page, "4006381333932").status == "rejected"
    first = page.lists.scan_model.data(page.lists.scan_model.index(0, 0))
    assert first.startswith("Rejected: bad check digit")
    assert page.lists.scan_model.data(page.lists.scan_model.index(1, 0)).startswith("Product SKU-WATER\nUndirected")
    assert page.tab_titles() == ["Counted (1)", "Unmatched (0)", "Undirected (1)", "Uncounted (2)"]
    assert page.header.totals_label.text() == "Units scanned: 3\nUnique products: 2"
    assert page.lists.scans_label.text() == "Sca&ns (4), 1 not counted"
    assert page.lists.scans_label.toolTip().startswith("1 rejected (unreadable or invalid), 0 refused")
    assert page.last_scan.text().startswith("Rejected: bad check digit")
    assert page.last_scan.property("status") == "rejected"


def test_every_scan_gives_its_feedback(qtbot, page):
    given = []
    page.scanning.feedback.given.connect(lambda status, _sound: given.append(status))
    scan(qtbot, page, COLA)
    scan(qtbot, page, UNKNOWN)
    scan(qtbot, page, "4006381333932")  # bad check digit
    assert given == ["accepted", "unmatched", "rejected"]
    assert page.scanning.feedback.is_flashing(page.last_scan)
    assert page.last_scan.property("status") == "rejected"


def test_a_scan_is_shown_only_after_it_is_recorded(qtbot, page, monkeypatch):
    from scanapp.errors import KnownError

    def locked(*_args, **_kwargs):
        raise KnownError("The database is locked by another program. Nothing was written.")

    monkeypatch.setattr(page.engine.counting, "record_scans", locked)
    qtbot.keyClicks(page.action_row.scanner_input, COLA)
    qtbot.keyClick(page.action_row.scanner_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "The scan was not recorded: The database is locked" in page.message_bar.text)
    assert page.lists.scan_model.rowCount() == 0
    assert page.header.totals_label.text().startswith("Units scanned: 0")


def test_remove_a_wrong_scan_and_every_total_adjusts(qtbot, page):
    scan(qtbot, page, COLA)
    scan(qtbot, page, CHIPS)
    rect = page.lists.scan_view.visualRect(page.lists.scan_model.index(0, 1))
    qtbot.mouseClick(page.lists.scan_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.dialog
    assert "Product SKU-CHIPS" in dialog.message.text()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert page.lists.scan_model.rowCount() == 1
    assert page.header.totals_label.text() == "Units scanned: 1\nUnique products: 1"
    assert page.tab_titles()[0] == "Counted (1)"
    assert page.tab_titles()[3] == "Uncounted (2)"


def test_remove_by_keyboard_and_cancel_keeps_the_scan(qtbot, page):
    scan(qtbot, page, COLA)
    qtbot.keyClick(page.action_row.scanner_input, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Alt+N: the scan list
    qtbot.waitUntil(page.lists.scan_view.hasFocus)
    page.lists.scan_view.selectRow(0)
    qtbot.keyClick(page.lists.scan_view, Qt.Key.Key_Delete)
    qtbot.mouseClick(page.dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert page.lists.scan_model.rowCount() == 1


def test_edit_changes_name_and_area(qtbot, page, window):
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.dialog is not None)  # a mnemonic "clicks" with a short animation
    dialog = page.dialog
    assert dialog.windowTitle() == "Edit session"
    assert (dialog.name_edit.text(), dialog.area_box.currentText()) == ("Default session", "Display")
    dialog.name_edit.setText("Front shelves")
    dialog.area_box.setCurrentText("Sales floor")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.header.session_label.text() == "Front shelves · Sales floor"
    s = state(window, page.session.id)
    assert (s.name, s.area) == ("Front shelves", "Sales floor")


def test_discard_asks_first_then_returns_to_the_counts_list(qtbot, page, window, retail):
    qtbot.mouseClick(page.action_row.discard_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert state(window, retail.directed_session.id).state is SessionState.IN_PROGRESS
    qtbot.mouseClick(page.action_row.discard_button, Qt.MouseButton.LeftButton)
    assert page.dialog.windowTitle() == "Discard session?"
    qtbot.mouseClick(page.dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.counts
    assert state(window, retail.directed_session.id).state is SessionState.DISCARDED
    assert "discarded and removed from review" in window.counts.message_bar.text
    card = window.counts.session_cards[retail.directed_session.id]
    assert card.state_chip.text() == "Discarded"


def test_a_discarded_session_shows_its_badge_and_no_actions(qtbot, window, retail, counting, supervisor):
    counting.start(supervisor, retail.directed_session.id)
    counting.discard(supervisor, retail.directed_session.id)
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    page = window.session
    assert visible_actions(page) == {"Session discarded": False}
    assert page.action_row.discarded_badge.text() == "Session discarded"
    assert (
        page.action_row.scan_button.isHidden()
        and page.action_row.scanner_input.isHidden()
        and page.hand_button.isHidden()
    )
    assert state(window, retail.directed_session.id).lock is None  # nothing to work on, nothing to lock


def test_submit_then_only_re_open_session(qtbot, page, window, retail):
    scan(qtbot, page, COLA)
    qtbot.mouseClick(page.action_row.submit_button, Qt.MouseButton.LeftButton)
    assert state(window, retail.directed_session.id).state is SessionState.SUBMITTED
    assert visible_actions(page) == {"Re-open session": True}
    assert page.action_row.reopen_button.property("variant") == "reopen"  # outline, yellow
    assert page.action_row.scan_button.isHidden() and page.action_row.scanner_input.isHidden()
    assert page.lists.scan_view.isColumnHidden(1)  # no removing from a submitted session
    qtbot.mouseClick(page.action_row.reopen_button, Qt.MouseButton.LeftButton)
    assert state(window, retail.directed_session.id).state is SessionState.IN_PROGRESS
    assert visible_actions(page) == {"Edit": True, "Discard": True, "Submit": True}
    qtbot.waitUntil(lambda: page.action_row.scan_button.mode is ScanMode.READY)


def test_a_session_held_elsewhere_disables_every_action_and_says_who(qtbot, window, retail, counting, supervisor):
    counting.start(supervisor, retail.directed_session.id)
    counting.release(supervisor, retail.directed_session.id)
    pat = Actor("pat", "dev-other-7777", ROLES["associate_pre_start"])
    counting.claim(pat, retail.directed_session.id)
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    page = window.session
    assert page.lock_bar.text.startswith("Held by Pat (associate, pre-start) on device dev-othe.")
    assert visible_actions(page) == {"Edit": False, "Discard": False, "Submit": False}
    assert not page.action_row.scan_button.isEnabled() and not page.action_row.scanner_input.isEnabled()
    assert not page.hand_button.isEnabled()
    assert page.lists.scan_view.isColumnHidden(1)
    page.leave()
    assert state(window, retail.directed_session.id).lock.user_id == "pat"  # leaving does not free pat's lock


def test_a_user_who_cannot_count_is_told_so_in_plain_words(qtbot, window, retail):
    lee = next(u for u in window.engine.reads.users() if u.user_id == "lee")  # a lab tech: no retail counting
    window.sign_in_as(lee)
    page = window.session
    window.stack.setCurrentWidget(page)
    page.open(retail.directed_session.id)
    why = "Your account cannot count: ask a supervisor, or sign in as a user who counts."
    assert page.lock_bar.text == why
    assert not page.action_row.scan_button.isEnabled() and page.action_row.scan_button.toolTip() == why
    assert "_ADMIN" not in page.lock_bar.text  # no permission codes


def test_lock_taken_elsewhere_while_open_refuses_the_next_action_in_plain_words(
    qtbot, page, window, retail, counting, supervisor
):
    scan(qtbot, page, COLA)
    counting.force_release(supervisor, retail.directed_session.id)
    counting.claim(Actor("pat", "dev-other-7777", ROLES["associate_pre_start"]), retail.directed_session.id)
    qtbot.mouseClick(page.action_row.submit_button, Qt.MouseButton.LeftButton)
    assert page.message_bar.text == (
        "You cannot submit the session: pat on device dev-othe is working on this session. Ask a supervisor to "
        "release it."
    )
    assert page.lock_bar.text.startswith("Held by Pat")
    assert not page.action_row.submit_button.isEnabled()


def test_hard_count_has_two_tabs_and_no_expected_column(qtbot, window, retail):
    sign_in(qtbot, window, "sam")
    open_session(qtbot, window, retail.hard_session)
    page = window.session
    qtbot.mouseClick(page.action_row.scan_button, Qt.MouseButton.LeftButton)
    scan(qtbot, page, WATER)
    assert page.tab_titles() == ["Counted (1)", "Unmatched (0)"]
    assert page.header.type_label.text() == " · Hard count"


def test_hard_count_submit_needs_the_uncounted_means_zero_confirmation(qtbot, window, retail):
    sign_in(qtbot, window, "sam")
    open_session(qtbot, window, retail.hard_session)
    page = window.session
    qtbot.mouseClick(page.action_row.scan_button, Qt.MouseButton.LeftButton)
    scan(qtbot, page, WATER)
    qtbot.mouseClick(page.action_row.submit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert "recorded as zero" in dialog.message.text()
    assert not dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert state(window, retail.hard_session.id).state is SessionState.IN_PROGRESS
    qtbot.mouseClick(page.action_row.submit_button, Qt.MouseButton.LeftButton)
    page.dialog.acknowledge.click()
    assert page.dialog.confirm_button.isEnabled()
    qtbot.mouseClick(page.dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert state(window, retail.hard_session.id).state is SessionState.SUBMITTED
    assert visible_actions(page) == {"Re-open session": True}


def test_the_planned_start_arriving_enables_start_counting(qtbot, window, retail, clock):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.hard_session)
    page = window.session
    assert not page.action_row.scan_button.isEnabled()
    clock.advance(timedelta(days=1))
    with qtbot.waitSignal(page.refreshed):
        page._start_timer.timeout.emit()
    assert page.action_row.scan_button.isEnabled()
    assert page.lock_bar.text == ""


def test_fits_800_by_480(qtbot, page, window):
    for w in (window.sign_in, window.counts, window.session):
        hint = w.minimumSizeHint()
        assert hint.width() <= 800 and hint.height() <= 480, (type(w).__name__, hint)
    assert page.action_row.scan_button.height() >= 40 and page.action_row.submit_button.height() >= 40


def test_alt_left_goes_back_to_the_counts(qtbot, page, window):
    qtbot.keyClick(page.action_row.scanner_input, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.counts


def test_keyboard_only_submit(qtbot, page, window, retail):
    scan(qtbot, page, COLA)
    qtbot.keyClick(page.action_row.scanner_input, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: state(window, retail.directed_session.id).state is SessionState.SUBMITTED)
    assert page.action_row.scanner_input.isHidden()
    qtbot.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: state(window, retail.directed_session.id).state is SessionState.IN_PROGRESS)
    qtbot.waitUntil(page.action_row.scanner_input.hasFocus)
