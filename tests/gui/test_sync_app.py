"""The app syncs by itself and shows it (SPEC S2, S3, S6): the real window on the offscreen platform, the real
sync client and the real server over HTTP on loopback (SQLite and PostgreSQL behind it), short sync waits.
Each test waits on what the app shows or the server holds, never on a sleep."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from scansync import tables as t
from sqlalchemy import delete, select

from scanapp.domain.counts import SessionState
from scanapp.gui.models.scan_lines import STATUS_ROLE
from scanapp.scanners.read import ScanRead
from scanapp.services.sync_leases import LeasePhase
from scanapp.services.sync_state import Phase
from tests.gui.conftest import PIN, sign_in
from tests.gui.sync_fixtures import (
    FAST,
    WAIT_MS,
    Server,
    Shop,
    close,
    enroll,
    make_window,
    open_shop_session,
    server,
    shop,
    synced,
    use_server,
    wait_synced,
)
from tests.gui.test_session_page import scan
from tests.helpers import CHIPS, COLA, WATER
from tests.integration.sync.conftest import db, password_hashes, pg_url
from tests.integration.sync.slow_proxy import SlowProxy

__all__ = ["db", "password_hashes", "pg_url", "server", "shop"]  # fixtures used here


@pytest.fixture
def app(gui_app, server: Server):
    enroll(server, gui_app.device_id)
    use_server(gui_app, server.url)
    return gui_app


@pytest.fixture
def window(qtbot, app):
    w = make_window(qtbot, app)
    yield w
    close(w)


def start_counting(qtbot, window) -> None:
    page = window.session
    qtbot.mouseClick(page.action_row.scan_button, Qt.MouseButton.LeftButton)
    assert page.session.state is SessionState.IN_PROGRESS


def routed(window, code: str) -> None:
    """A wedge scan handed to the window's router, as the application-wide capture does."""
    window.capture.router.route(ScanRead(code, "wedge", datetime.now()))


def test_offline_scans_go_up_by_themselves_once_the_server_is_back(qtbot, window, server: Server, shop: Shop):
    sign_in(qtbot, window, "alex")  # the PIN checked here signs alex in to the server too, in the background
    open_shop_session(qtbot, window, shop)
    start_counting(qtbot, window)
    wait_synced(qtbot, window)
    server.stop()
    page = window.session
    for code in [COLA] * 12 + [CHIPS] * 3 + [WATER] * 15:
        scan(qtbot, page, code)
    header = window.sync.header
    qtbot.waitUntil(lambda: window.sync.bridge.state.phase is Phase.OFFLINE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.sync.bridge.state.unsent == 30, timeout=WAIT_MS)
    assert "30 changes not synced" in header.text and header.text.startswith("Offline")
    assert page.totals.units == 30, "offline, every scan is counted on the device"

    server.start()  # the same address: nobody touches the device
    back = time.monotonic()
    wait_synced(qtbot, window)
    took = time.monotonic() - back
    assert took < FAST.backoff_cap_s + 5, f"synced {took:.1f} s after the server came back"
    assert server.totals(shop.count_id)["units"] == 30 == window.engine.reads.totals(shop.session_id).units
    assert header.text.startswith("Synced") and "not synced" not in header.text
    # the PIN alex chose (pin_set), the session started and 30 scans, each once
    assert len(server.device_events(window.engine.device_id)) == 32


def test_the_state_says_an_error_loudly_and_a_tap_syncs_now(qtbot, window, server: Server, shop: Shop):
    header = window.sync.header
    qtbot.waitUntil(lambda: window.sync.bridge.state.phase is Phase.ERROR, timeout=WAIT_MS)
    assert header.text.startswith("Sync error: the server asks for a sign-in. Tap here, then enter your PIN")
    assert header.property("syncState") == "error"
    sign_in(qtbot, window, "alex")
    wait_synced(qtbot, window)
    with server.db.write() as tx:  # the server forgets every sign-in (revoked, or its database restored)
        tx.conn.execute(delete(t.tokens))
    with qtbot.waitSignal(window.sync.bridge.round_finished, timeout=WAIT_MS):
        qtbot.mouseClick(header.status, Qt.MouseButton.LeftButton)
    assert window.sync.bridge.state.needs_sign_in
    qtbot.mouseClick(header.status, Qt.MouseButton.LeftButton)  # the lock screen asks Alex's PIN
    assert window.stack.currentWidget() is window.lock_page
    qtbot.keyClicks(window.lock_page.entry.pin, PIN)
    qtbot.mouseClick(window.lock_page.unlock_button, Qt.MouseButton.LeftButton)
    wait_synced(qtbot, window)
    assert header.property("syncState") == "synced" and header.text.startswith("Synced today")
    assert "Last attempt: today" in header.status.toolTip()
    server.stop()
    with qtbot.waitSignal(window.sync.bridge.round_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(header.status, Qt.MouseButton.LeftButton)
    assert not finished.args[0].ok
    assert header.text.startswith("Offline") and "last synced today" in header.text and "tried today" in header.text


def test_the_server_killed_mid_push_loses_and_doubles_nothing(qtbot, gui_app, server: Server, shop: Shop):
    enroll(server, gui_app.device_id)
    with SlowProxy(server.url) as proxy:
        use_server(gui_app, proxy.url)
        window = make_window(qtbot, gui_app)
        try:
            sign_in(qtbot, window, "alex")
            open_shop_session(qtbot, window, shop)
            start_counting(qtbot, window)
            wait_synced(qtbot, window)
            engine, actor = window.engine, window.engine.actor
            for i in range(1200):  # three push batches of 500
                engine.counting.record_scan(actor, shop.session_id, (COLA, CHIPS, WATER)[i % 3], "test")
            pushes: list[str] = []

            def kill_on_the_second_batch(method: str, target: str) -> str:
                if method == "POST" and target.startswith("/v1/journal"):
                    pushes.append(target)
                    if len(pushes) == 2:
                        server.stop()  # the first batch is stored; the server dies before the second
                return "pass"

            proxy.fault = kill_on_the_second_batch
            with qtbot.waitSignal(window.sync.bridge.round_finished, timeout=WAIT_MS) as finished:
                window.sync.bridge.sync_now()
            assert not finished.args[0].ok and finished.args[0].kind == "offline"
            stored = len(server.device_events(engine.device_id))
            assert 0 < stored < 1202, "the round was cut between two batches"
            assert window.sync.bridge.state.unsent == 1202 - stored  # PIN chosen, session started, 1,200 scans
            server.start()
            wait_synced(qtbot, window)
            ids = server.device_events(engine.device_id)
            assert len(ids) == len(set(ids)) == 1202
            assert server.totals(shop.count_id)["units"] == 1200 == engine.reads.totals(shop.session_id).units
        finally:
            close(window)


def test_a_force_release_is_seen_by_the_holder_at_once(qtbot, window, server: Server, shop: Shop):
    sign_in(qtbot, window, "alex")
    open_shop_session(qtbot, window, shop)
    start_counting(qtbot, window)
    page = window.session
    scan(qtbot, page, COLA)
    wait_synced(qtbot, window)
    with server.client("sam") as sam:
        assert sam.post(f"/v1/sessions/{shop.session_id}/lease/force-release").status_code == 200
    with qtbot.waitSignal(page.lease.lost, timeout=WAIT_MS):
        page.lease._heartbeat.timeout.emit()  # the next heartbeat (every 20 s here): refused
    assert page.lease.phase is LeasePhase.LOST
    assert page.lock_bar.kind == "error" and "This device lost the session" in page.lock_bar.label.text()
    assert not page.action_row.scanner_input.isEnabled() and not page.action_row.submit_button.isEnabled()
    with qtbot.waitSignal(window.capture.router.refused):
        routed(window, COLA)
    assert page.totals.units == 1 == window.engine.reads.totals(shop.session_id).units
    assert page.message_bar.label.text().startswith(f"Scan {COLA} was not recorded. This device lost the session")


def test_the_lease_lost_while_offline_sends_the_later_scans_to_review(qtbot, gui_app, server: Server, shop: Shop):
    """Alex holds the session and goes offline (the server blackholed for the device only); meanwhile a
    supervisor force-releases it and Pat's device takes it. Alex's offline scans come back fenced: they stay
    in the list marked "in supervisor review", leave alex's totals, and the session turns read-only."""
    enroll(server, gui_app.device_id)
    with SlowProxy(server.url) as proxy:
        use_server(gui_app, proxy.url, request_s=1.0)
        window = make_window(qtbot, gui_app)
        try:
            sign_in(qtbot, window, "alex")
            open_shop_session(qtbot, window, shop)
            start_counting(qtbot, window)
            page = window.session
            for code in (COLA, COLA, CHIPS):
                scan(qtbot, page, code)
            wait_synced(qtbot, window)
            proxy.fault = lambda _method, _target: "swallow"  # offline for this device only
            offline = [scan(qtbot, page, code).line_id for code in (COLA, WATER, COLA, CHIPS)]
            qtbot.waitUntil(lambda: window.sync.bridge.state.phase is Phase.OFFLINE, timeout=WAIT_MS)
            assert page.totals.units == 7
            with server.client("sam") as sam:
                assert sam.post(f"/v1/sessions/{shop.session_id}/lease/force-release").json()["epoch"] == 2
            with server.client("pat") as pat:
                assert pat.post(f"/v1/sessions/{shop.session_id}/lease").json()["epoch"] == 3
            proxy.fault = lambda _method, _target: "pass"
            qtbot.waitUntil(lambda: page.lease.phase is LeasePhase.LOST, timeout=WAIT_MS)
            qtbot.waitUntil(lambda: window.sync.bridge.state.in_review == 4, timeout=WAIT_MS)
            qtbot.waitUntil(lambda: page.totals.units == 3, timeout=WAIT_MS)
            assert server.totals(shop.count_id)["units"] == 3
            model = page.lists.scan_model
            statuses = {model.row_at(r).line.event_id: model.data(model.index(r, 0), STATUS_ROLE) for r in range(7)}
            assert {statuses[i] for i in offline} == {"In review"}
            assert "In supervisor review" in model.data(model.index(0, 0))
            assert "4 in supervisor review" in window.sync.header.text
            assert not page.action_row.scanner_input.isEnabled()
            with qtbot.waitSignal(window.capture.router.refused):
                routed(window, COLA)
            assert window.engine.reads.totals(shop.session_id).units == 3
        finally:
            close(window)


def test_end_shift_with_the_server_down_says_what_is_left(qtbot, window, server: Server, shop: Shop):
    sign_in(qtbot, window, "alex")
    open_shop_session(qtbot, window, shop)
    start_counting(qtbot, window)
    wait_synced(qtbot, window)
    server.stop()
    for code in (COLA, COLA, WATER):
        scan(qtbot, window.session, code)
    header = window.sync.header
    assert header.end_shift_button.isVisible()
    qtbot.mouseClick(header.end_shift_button, Qt.MouseButton.LeftButton)
    dialog = window.sync.dialog
    assert dialog is not None and window.stack.currentWidget() is window.counts, "the session was left first"
    qtbot.waitUntil(lambda: dialog.result_state is not None, timeout=WAIT_MS)
    text = dialog.message.text()
    assert text.startswith("3 changes are not synced. They stay on this device and go up at the next sync.")
    assert "Why: Cannot reach the sync server" in text
    assert dialog.go_button.text() == "Sign out anyway" and dialog.retry_button.isVisible()
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.sign_in
    assert window.sync.bridge.state.unsent == 3, "kept for the next sync"

    server.start()
    wait_synced(qtbot, window)
    assert server.totals(shop.count_id)["units"] == 3


def test_end_shift_online_syncs_everything_then_signs_out(qtbot, window, server: Server, shop: Shop):
    sign_in(qtbot, window, "alex")
    open_shop_session(qtbot, window, shop)
    start_counting(qtbot, window)
    for code in (COLA, CHIPS):
        scan(qtbot, window.session, code)
    qtbot.mouseClick(window.sync.header.end_shift_button, Qt.MouseButton.LeftButton)
    dialog = window.sync.dialog
    qtbot.waitUntil(lambda: dialog.result_state is not None, timeout=WAIT_MS)
    assert dialog.message.text() == "Everything is synced."
    assert dialog.go_button.text() == "Sign out" and not dialog.retry_button.isVisible()
    with server.client("sam") as sam:
        lease = sam.get(f"/v1/sessions/{shop.session_id}").json()
    assert lease["lease_user"] is None, "the session's lease was given back"
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.sign_in
    assert server.totals(shop.count_id)["units"] == 2


def test_closing_with_unsynced_work_asks(qtbot, window, server: Server, shop: Shop):
    sign_in(qtbot, window, "alex")
    wait_synced(qtbot, window)
    server.stop()
    open_shop_session_offline(qtbot, window, shop)
    start_counting(qtbot, window)  # one change: the session started
    window.close()
    assert window.isVisible(), "not closed yet: a sync first"
    dialog = window.sync.dialog
    qtbot.waitUntil(lambda: dialog.result_state is not None, timeout=WAIT_MS)
    assert dialog.message.text().startswith("1 change is not synced. It stays on this device")
    assert dialog.go_button.text() == "Close anyway"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert window.isVisible()
    window.close()
    dialog = window.sync.dialog
    qtbot.waitUntil(lambda: dialog.result_state is not None, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())


def open_shop_session_offline(qtbot, window, shop: Shop) -> None:
    """Offline, the session opens under a claim made on the device, for the server to confirm later."""
    window.counts.select_count(shop.count_id)
    qtbot.mouseClick(window.counts.session_cards[shop.session_id].open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.lease.phase is LeasePhase.LOCAL, timeout=WAIT_MS)


def test_a_session_opened_offline_is_confirmed_at_the_next_sync(qtbot, window, server: Server, shop: Shop):
    sign_in(qtbot, window, "alex")
    wait_synced(qtbot, window)
    server.stop()
    open_shop_session_offline(qtbot, window, shop)
    assert "claimed on this device" in window.session.lock_bar.label.text()
    start_counting(qtbot, window)
    scan(qtbot, window.session, COLA)
    server.start()
    qtbot.waitUntil(lambda: window.session.lease.phase is LeasePhase.HELD, timeout=WAIT_MS)
    wait_synced(qtbot, window)
    assert server.totals(shop.count_id)["units"] == 1
    assert synced(window)


def release_with_sams_pin(qtbot, window, shop: Shop) -> None:
    window.counts.select_count(shop.count_id)
    release = window.counts.session_cards[shop.session_id].release_button
    qtbot.waitUntil(release.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(release, Qt.MouseButton.LeftButton)
    prompt = window.counts.dialog
    prompt.who.setCurrentIndex([u.user_id for u in prompt.supervisors].index("sam"))
    qtbot.keyClicks(prompt.entry.pin, PIN)
    qtbot.mouseClick(prompt.confirm_button, Qt.MouseButton.LeftButton)
    assert not prompt.isVisible(), prompt.entry.message.text()


def held_by_pat_on_the_server(qtbot, window, server: Server, shop: Shop):
    """Sam chose a PIN on this device earlier; alex holds it now; pat holds the session on the server."""
    sign_in(qtbot, window, "sam")
    window.sign_out()
    sign_in(qtbot, window, "alex")
    client = window.engine.parts.sync.client()
    qtbot.waitUntil(lambda: client.tokens.current_user() == "alex", timeout=WAIT_MS)
    wait_synced(qtbot, window)  # the PINs chosen went up, each under its own user's token
    client.tokens.forget("sam")  # sam's own sign-in is gone: only the PIN asked again can bring it back
    with server.client("pat") as pat:
        assert pat.post(f"/v1/sessions/{shop.session_id}/lease").status_code == 200
    qtbot.waitUntil(lambda: shop.count_id in window.counts.count_cards, timeout=WAIT_MS)
    window.engine.parts.sync.run_round()  # the device learns pat holds it
    return client


def test_a_force_release_with_a_supervisors_pin_is_done_on_the_server_as_them(
    qtbot, window, server: Server, shop: Shop
):
    """Sam force-releases pat's session on alex's device with sam's PIN: sam signs in to the server too (without
    becoming the device's current user) and the server's lease is released under sam's own token, so the session
    stays released after the next pull (a release made on the device alone came back held at the next sync)."""
    client = held_by_pat_on_the_server(qtbot, window, server, shop)
    release_with_sams_pin(qtbot, window, shop)
    qtbot.waitUntil(lambda: window.counts.message_bar.text == "Session released.", timeout=WAIT_MS)
    wait_synced(qtbot, window)
    assert window.engine.reads.session(shop.session_id).lock is None
    with server.db.read() as conn:
        lease = conn.execute(select(t.sessions.c.lease_user).where(t.sessions.c.id == shop.session_id)).scalar()
        audit = conn.execute(select(t.audit_log.c.user_id).where(t.audit_log.c.target == shop.session_id)).scalars()
        reviewed = select(t.review_items.c.reason, t.events.c.kind).join(
            t.events, t.events.c.id == t.review_items.c.event_id
        )
        assert [tuple(r) for r in conn.execute(reviewed)] == []
        released = select(t.events.c.user_id, t.events.c.status).where(t.events.c.kind == "lock_force_released")
        assert [tuple(r) for r in conn.execute(released)] == [("sam", "recorded")]
        assert "sam" in list(audit)
    assert lease is None
    assert client.tokens.valid("sam") is not None and client.tokens.current_user() == "alex"


def test_a_force_release_with_the_server_down_says_it_needs_the_server(qtbot, window, server: Server, shop: Shop):
    held_by_pat_on_the_server(qtbot, window, server, shop)
    server.stop()
    release_with_sams_pin(qtbot, window, shop)
    qtbot.waitUntil(lambda: window.counts.message_bar.kind == "error", timeout=WAIT_MS)
    assert "works only online: nothing was changed" in window.counts.message_bar.text
    assert window.engine.reads.session(shop.session_id).lock.user_id == "pat"
