"""A burst of scans that arrived together (queued while the app was busy) is recorded in one durable
transaction, then shown with one refresh: none lost, merged or split, in order, each shown only after that
commit. Scans taken and not yet recorded are recorded before the session is left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from scanapp.domain.counts import SessionState
from tests.gui.conftest import activate, open_session, sign_in
from tests.gui.test_capture_routing import scans
from tests.gui.wedge_keys import Keyboard
from tests.helpers import CHIPS, COLA, WATER

UNKNOWN = "0099999123456"
BURST = [COLA, CHIPS, UNKNOWN, "4006381333932", WATER, COLA]  # one with a bad check digit: rejected, kept


@pytest.fixture
def page(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    p = window.session
    qtbot.mouseClick(p.action_row.scan_button, Qt.MouseButton.LeftButton)
    assert p.session.state is SessionState.IN_PROGRESS
    activate(qtbot, window)
    return p


def test_a_burst_is_one_commit_shown_once_in_order(qtbot, window, page, store, retail, monkeypatch):
    counting = window.engine.counting
    commits: list[int] = []
    record_scans = counting.record_scans

    def counted(actor, session_id, batch):
        commits.append(len(batch))
        return record_scans(actor, session_id, batch)

    monkeypatch.setattr(counting, "record_scans", counted)
    recorded: list[str] = []
    page.scan_recorded.connect(lambda outcome: recorded.append(outcome.status))
    heard: list[str] = []
    page.scanning.feedback.given.connect(lambda status, _played: heard.append(status))
    keys = Keyboard()
    for code in BURST:  # every key is delivered before the event loop turns: the burst came while busy
        keys.scan(code)
    assert commits == [] and page.lists.scan_model.rowCount() == 0  # nothing shown before its commit
    with qtbot.waitSignal(page.refreshed):
        pass
    assert commits == [len(BURST)]
    assert recorded == ["accepted", "accepted", "unmatched", "rejected", "accepted", "accepted"]
    assert heard == ["rejected"]  # the burst is heard once, as what needs attention most
    assert page.last_scan.text() == "Rejected: bad check digit: expected 1, got 2 (6 scans recorded)"
    shown = [page.lists.scan_model.row_at(i).line.raw for i in range(len(BURST))][::-1]
    assert shown == BURST and [raw for _kind, raw in scans(store, retail.directed_session.id)] == BURST
    assert page.totals.units == 5 and page.totals.rejected == 1


def test_scans_taken_are_recorded_before_the_session_is_left(qtbot, window, page, store, retail):
    keys = Keyboard()
    keys.scan(COLA)
    keys.scan(CHIPS)
    page.leave()  # before the event loop turned
    assert window.stack.currentWidget() is window.counts
    assert scans(store, retail.directed_session.id) == [("scan", COLA), ("scan", CHIPS)]
    assert window.engine.reads.session(retail.directed_session.id).lock is None
