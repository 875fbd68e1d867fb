"""H6: a refused scan is never lost. It is on disk before the person hears or reads that it was refused; it is
shown in its session's scan log where it came, in red with why, never removable and never in a total; when the
store cannot keep it, the person is told that too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from scanapp.domain.counts import SessionState
from scanapp.store import queries
from scanapp.store.database import StoreLocked
from tests.gui.conftest import activate, open_session, scan_shown, sign_in
from tests.gui.test_capture_routing import log_rows, refused
from tests.gui.wedge_keys import Keyboard
from tests.helpers import CHIPS, COLA, WATER


@pytest.fixture
def submitted(qtbot, window, retail, counting):
    """Alex's directed session with one scan, submitted, open on the page; the window active."""
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    page = window.session
    qtbot.mouseClick(page.action_row.scan_button, Qt.MouseButton.LeftButton)
    activate(qtbot, window)
    with scan_shown(qtbot, page):
        Keyboard().scan(WATER)
    qtbot.mouseClick(page.action_row.submit_button, Qt.MouseButton.LeftButton)
    assert page.session.state is SessionState.SUBMITTED
    return page


def test_a_refused_scan_is_on_disk_before_the_sound_and_the_message(qtbot, window, submitted, store):
    sid = submitted.session.id
    on_disk_when: dict[str, list[tuple[str, str]]] = {}
    window.capture.router.feedback.given.connect(lambda *_: on_disk_when.setdefault("sound", refused(store, sid)))
    window.capture.router.refused.connect(lambda *_: on_disk_when.setdefault("message", refused(store, sid)))
    Keyboard().scan(COLA)
    assert on_disk_when == {"sound": [("submitted", COLA)], "message": [("submitted", COLA)]}


def test_refused_scans_stay_where_they_came_as_lines_follow(qtbot, window, submitted, store, retail):
    page = submitted
    keys = Keyboard()
    keys.scan(COLA)  # refused: submitted
    assert log_rows(qtbot, page, 2)[0][0] == "Refused"
    qtbot.mouseClick(page.action_row.reopen_button, Qt.MouseButton.LeftButton)
    with scan_shown(qtbot, page):
        keys.scan(CHIPS)
    qtbot.mouseClick(page.action_row.edit_button, Qt.MouseButton.LeftButton)
    keys.scan(COLA)  # refused: a dialog is open
    keys.scan(COLA)
    page.dialog.reject()
    statuses = [s for s, _title, _why in log_rows(qtbot, page, 5)]
    assert statuses == ["Refused", "Refused", "Counted", "Refused", "Undirected"]  # newest first
    with store.read() as conn:
        kept = [(r.after_ordinal, r.position) for r in queries.refused_scans(conn, page.session.id)]
    assert kept == [(1, 1), (2, 1), (2, 2)]
    assert page.totals.units == 2 and page.totals.lines == 2  # refusals are in no total
    # Opened afresh, the log reads the same.
    page.release()
    open_session(qtbot, window, retail.directed_session)
    assert [s for s, _title, _why in log_rows(qtbot, window.session, 5)] == statuses


def test_a_refused_scan_has_nothing_to_remove(qtbot, window, submitted):
    page = submitted
    Keyboard().scan(COLA)
    log_rows(qtbot, page, 2)
    qtbot.mouseClick(page.action_row.reopen_button, Qt.MouseButton.LeftButton)
    page.lists.remove_requested.emit(0)  # its row: Delete on the selected row says the same
    assert page.dialog is None
    assert page.message_bar.text == "A refused scan was never counted: there is nothing to remove."
    assert page.lists.scan_model.rowCount() == 2


def test_when_the_store_cannot_keep_a_refused_scan_the_person_is_told(qtbot, window, submitted, monkeypatch, store):
    def locked(*_args, **_kwargs):
        raise StoreLocked("The database is locked by another program. Nothing was written.")

    monkeypatch.setattr(window.engine.counting.refusals, "keep", locked)
    Keyboard().scan(COLA)
    assert submitted.message_bar.text == (
        f"Scan {COLA} was not recorded. This session is submitted: Re-open session to scan more. It could not be "
        "kept in the log: The database is locked by another program. Nothing was written."
    )
    assert refused(store, submitted.session.id) == []


def test_a_scan_at_sign_in_is_kept_with_no_session_and_no_user(qtbot, window, store, retail):
    assert window.stack.currentWidget() is window.sign_in
    activate(qtbot, window)
    Keyboard().scan(COLA)
    assert (
        window.capture.banner.text == f"Scan {COLA} was not recorded. No session is open here: open a session to scan."
    )
    with store.read() as conn:
        [kept] = queries.refused_scans(conn, None)
    assert (kept.user_id, kept.session_id, kept.raw, kept.reason.value) == (None, None, COLA, "no session")
