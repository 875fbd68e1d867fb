"""The supervisor station's Devices and Review queue tabs (SPEC S3, S4, S5, A1): the real window on the offscreen
platform, the real sync client and the real server over HTTP on loopback (SQLite and PostgreSQL behind it).
Each test waits on what the app shows or the server holds, never on a sleep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from scansync import tables as t
from sqlalchemy import select

from scanapp.gui.models.supervisor_devices import DevicesModel, clock_offset
from scanapp.gui.models.supervisor_review import ReviewModel
from scanapp.gui.shell.supervisor_prompt import SupervisorPrompt
from scanapp.gui.supervisor.devices_tab import DevicesTab
from scanapp.gui.supervisor.review_tab import ReviewTab
from scanapp.services.supervisor_remote import DeviceRow, Problem, ReviewRow
from scanapp.sync.client import Refused
from tests.gui.conftest import PIN, sign_in
from tests.gui.sync_fixtures import (
    WAIT_MS,
    Server,
    Shop,
    close,
    enroll,
    make_window,
    server,
    shop,
    use_server,
    wait_synced,
)
from tests.integration.sync.conftest import COLA, db, password_hashes, pg_url, scan

__all__ = ["db", "password_hashes", "pg_url", "server", "shop"]  # fixtures used here


@pytest.fixture
def app(gui_app, server: Server):
    enroll(server, gui_app.device_id)
    use_server(gui_app, server.url, request_s=2.0)
    return gui_app


@pytest.fixture
def window(qtbot, app):
    w = make_window(qtbot, app)
    yield w
    close(w)


def signed_in_to_server(qtbot, app, user: str) -> None:
    """The PIN checked at sign-in signs the user in to the server too, in the background."""
    qtbot.waitUntil(lambda: app.sync.client() is not None and app.sync.client().signed_in(user), timeout=WAIT_MS)


def open_station(qtbot, window, user: str = "sam") -> Any:
    sign_in(qtbot, window, user)
    signed_in_to_server(qtbot, window.engine.parts, user)
    wait_synced(qtbot, window)
    assert window.counts.station_button.isVisible()
    qtbot.mouseClick(window.counts.station_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.station
    return window.station


def devices_tab(station) -> DevicesTab:
    tab = station.tab(0)
    assert isinstance(tab, DevicesTab)
    return tab


def review_tab(qtbot, station) -> ReviewTab:
    station.tabs.setCurrentIndex(1)
    tab = station.tab(1)
    assert isinstance(tab, ReviewTab)
    idle(qtbot, station)
    return tab


def idle(qtbot, station) -> None:
    qtbot.waitUntil(lambda: not station.background.busy, timeout=WAIT_MS)


def enter_pin(qtbot, prompt: SupervisorPrompt, pin: str) -> None:
    qtbot.keyClicks(prompt.entry.pin, pin)
    qtbot.mouseClick(prompt.confirm_button, Qt.MouseButton.LeftButton)


def fenced_scans(server: Server, shop: Shop, n: int) -> list[dict[str, Any]]:
    """Alex's device held the session, a supervisor force-released it, and alex's later scans came up under
    the old epoch: the server keeps them fenced, for review."""
    with server.client("sam") as sam, server.client("alex", "dev-alex") as alex:
        assert sam.post(f"/v1/sessions/{shop.session_id}/start").status_code == 200
        assert alex.post(f"/v1/sessions/{shop.session_id}/lease").json()["epoch"] == 1
        assert sam.post(f"/v1/sessions/{shop.session_id}/lease/force-release").status_code == 200
        events = [scan("dev-alex", i, shop.session_id, "alex", "SKU-COLA", COLA, epoch=1) for i in range(1, n + 1)]
        verdicts = alex.post("/v1/journal", json={"events": events}).json()["verdicts"]
    assert [v["status"] for v in verdicts] == ["fenced"] * n
    return events


def test_the_devices_tab_lists_every_device_with_its_unsynced_events(qtbot, window, server: Server, shop: Shop):
    with server.client("alex", "dev-alex") as alex:  # alex's handheld wrote 4 events and sent only the first
        event = scan("dev-alex", 1, shop.session_id, "alex", "SKU-COLA", COLA)
        assert alex.post("/v1/journal", json={"events": [event], "device_last_seq": 4}).status_code == 200
    station = open_station(qtbot, window)
    tab = devices_tab(station)
    qtbot.waitUntil(lambda: tab.shown is not None and tab.shown.live, timeout=WAIT_MS)
    rows = {r.device_id: r for r in tab.model.rows}
    me = window.engine.device_id
    assert rows["dev-alex"].pending == 3 and rows[me].pending == 0
    assert rows[me].last_success is not None and not rows[me].stale
    assert rows["dev-lee"].stale and rows["dev-lee"].last_success is None  # never synced: go and look
    row = [r.device_id for r in tab.model.rows].index("dev-alex")
    model = tab.model
    assert model.data(model.index(row, DevicesModel.PENDING)) == "3"
    lee = [r.device_id for r in tab.model.rows].index("dev-lee")
    assert model.data(model.index(lee, DevicesModel.STATUS)) == "Stale: check this device"  # said, not only coloured
    assert model.data(model.index(lee, DevicesModel.LAST_SYNC)) == "never"
    assert tab.as_of.text().startswith("As of ") and "from the sync server" in tab.as_of.text()


def test_with_the_server_gone_the_last_list_shows_as_of_its_time(qtbot, window, server: Server, shop: Shop):
    station = open_station(qtbot, window)
    tab = devices_tab(station)
    qtbot.waitUntil(lambda: tab.shown is not None and tab.shown.live, timeout=WAIT_MS)
    before = list(tab.model.rows)
    server.stop()
    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.shown is not None and not tab.shown.live, timeout=WAIT_MS)
    assert tab.shown.problem is Problem.OFFLINE
    assert tab.model.rows == before
    assert tab.as_of.text().startswith("As of ") and "the last list read" in tab.as_of.text()
    assert "cannot be reached" in tab.as_of.text()
    review = review_tab(qtbot, station)
    assert not review.shown.live and "cannot be reached" in review.as_of.text()


def test_offline_the_cached_queue_shows_and_resolving_is_refused_plainly(qtbot, window, server: Server, shop: Shop):
    fenced_scans(server, shop, 1)
    station = open_station(qtbot, window)
    tab = review_tab(qtbot, station)
    qtbot.waitUntil(lambda: len(tab.model.rows) == 1, timeout=WAIT_MS)
    server.stop()
    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.shown is not None and not tab.shown.live, timeout=WAIT_MS)
    assert len(tab.model.rows) == 1 and "the last list read" in tab.as_of.text()
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.merge_button, Qt.MouseButton.LeftButton)
    assert station.dialogs.dialog is None  # no PIN asked for what cannot happen
    assert "works only online" in station.message_bar.text and "Nothing was changed" in station.message_bar.text


def test_sync_all_runs_a_round_and_reads_the_devices_again(qtbot, window, server: Server, shop: Shop):
    station = open_station(qtbot, window)
    tab = devices_tab(station)
    qtbot.waitUntil(lambda: tab.shown is not None and tab.shown.live, timeout=WAIT_MS)
    first = tab.shown
    with server.client("alex", "dev-alex") as alex:  # meanwhile a handheld reports events it has not sent
        event = scan("dev-alex", 1, shop.session_id, "alex", "SKU-COLA", COLA)
        assert alex.post("/v1/journal", json={"events": [event], "device_last_seq": 6}).status_code == 200
    with qtbot.waitSignal(window.sync.bridge.round_finished, timeout=WAIT_MS):
        qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.shown is not first and not station.background.busy, timeout=WAIT_MS)
    assert {r.device_id: r.pending for r in tab.model.rows}["dev-alex"] == 5
    assert "This device is synced" in station.message_bar.text and tab.sync_button.isEnabled()


def test_force_release_asks_the_supervisor_pin_and_frees_the_session_on_the_server(
    qtbot, window, server: Server, shop: Shop
):
    with server.client("alex", "dev-alex") as alex:
        assert alex.post(f"/v1/sessions/{shop.session_id}/lease").json()["epoch"] == 1
    station = open_station(qtbot, window)
    tab = devices_tab(station)
    qtbot.waitUntil(lambda: tab.shown is not None and tab.shown.live, timeout=WAIT_MS)
    tab.view.selectRow([r.device_id for r in tab.model.rows].index("dev-alex"))
    assert tab.release_button.isEnabled() and tab.held_choice.currentData() == shop.session_id
    assert tab.held_choice.currentText() == "Default session"  # by name: the session came down with the sync
    qtbot.mouseClick(tab.release_button, Qt.MouseButton.LeftButton)
    prompt = station.dialogs.dialog
    assert isinstance(prompt, SupervisorPrompt)
    enter_pin(qtbot, prompt, "9999")
    assert prompt.isVisible() and prompt.entry.message.text()  # refused, said why
    with server.db.read() as conn:
        assert conn.execute(select(t.sessions.c.lease_device).where(t.sessions.c.id == shop.session_id)).scalar()
    enter_pin(qtbot, prompt, PIN)
    qtbot.waitUntil(lambda: "was released" in station.message_bar.text, timeout=WAIT_MS)
    with server.db.read() as conn:
        held = conn.execute(select(t.sessions.c.lease_device).where(t.sessions.c.id == shop.session_id)).scalar()
    assert held is None
    qtbot.waitUntil(lambda: tab.shown is not None and not any(r.held_ids for r in tab.model.rows), timeout=WAIT_MS)


@pytest.mark.parametrize("action", ["merge", "move", "discard"])
def test_a_fenced_scan_is_reviewed_and_the_counts_follow(qtbot, window, server: Server, shop: Shop, action: str):
    events = fenced_scans(server, shop, 2)
    station = open_station(qtbot, window)
    tab = review_tab(qtbot, station)
    qtbot.waitUntil(lambda: len(tab.model.rows) == 2, timeout=WAIT_MS)
    model = tab.model
    assert {r.event_id for r in model.rows} == {e["id"] for e in events}
    first = model.rows[0]
    assert model.data(model.index(0, ReviewModel.WHO)) == "Alex (associate)"
    assert model.data(model.index(0, ReviewModel.WHY)) == "Fenced: the lease was lost"
    assert model.data(model.index(0, ReviewModel.SESSION)) == "Aisle 5 · Default session"
    assert COLA in model.data(model.index(0, ReviewModel.WHAT))
    reads = window.engine.reads
    assert reads.totals(shop.session_id).units == 0
    tab.view.selectRow(0)
    button = {"merge": tab.merge_button, "move": tab.move_button, "discard": tab.discard_button}[action]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    prompt = station.dialogs.dialog
    assert isinstance(prompt, SupervisorPrompt)
    enter_pin(qtbot, prompt, PIN)
    qtbot.waitUntil(lambda: [r.event_id for r in tab.model.rows] == [events[1]["id"]], timeout=WAIT_MS)
    with server.client("sam") as sam:
        queue = sam.get("/v1/review").json()
        audit = [a["action"] for a in sam.get("/v1/audit").json()]
        sessions = sam.get(f"/v1/counts/{shop.count_id}").json()["sessions"]
    assert [i["event_id"] for i in queue] == [events[1]["id"]] and audit[0] == f"review_{action}"
    assert first.event_id not in {r.event_id for r in tab.model.rows}
    if action == "merge":
        qtbot.waitUntil(lambda: reads.totals(shop.session_id).units == 1, timeout=WAIT_MS)
    elif action == "move":
        (new,) = [s for s in sessions if s["id"] != shop.session_id]
        assert new["name"] == "Review of Default session" and new["state"] == "In progress"
        qtbot.waitUntil(
            lambda: any(s.session.id == new["id"] for s in reads.sessions_of(shop.count_id)), timeout=WAIT_MS
        )
        qtbot.waitUntil(lambda: reads.totals(new["id"]).units == 1, timeout=WAIT_MS)
        assert reads.totals(shop.session_id).units == 0
    else:
        wait_synced(qtbot, window)
        assert reads.totals(shop.session_id).units == 0 and len(sessions) == 1
    assert server.totals(shop.count_id)["units"] == (0 if action == "discard" else 1)


def test_an_associate_never_sees_the_station_and_the_server_refuses_them(qtbot, window, app, server: Server):
    sign_in(qtbot, window, "alex")
    signed_in_to_server(qtbot, app, "alex")
    assert window.stack.currentWidget() is window.counts
    assert not window.counts.station_button.isVisible()
    window.show_station()  # not even by a stray signal
    assert window.stack.currentWidget() is window.counts
    with pytest.raises(Refused) as refused:
        app.sync.client().devices(user="alex")
    assert refused.value.status == 403
    with pytest.raises(Refused) as refused:
        app.sync.client().review_queue(user="alex")
    assert refused.value.status == 403
    shown = app.supervisor_remote.devices("alex")
    assert shown.problem is Problem.FORBIDDEN and shown.rows == ()  # no cached list for a refused user


NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def test_the_models_pass_the_model_tester(qtmodeltester, engine):
    devices = DevicesModel(lambda: NOW, lambda: {"alex": "Alex"})
    devices.set_rows(
        [
            DeviceRow("d1", "Front", False, NOW, NOW, 0, 0.4, "alex", (), (), False),
            DeviceRow("d2", "Back", False, None, None, 7, -95.0, None, ("Aisle 5",), ("s1",), True),
            DeviceRow("d3", "Old", True, NOW - timedelta(days=3), None, 0, None, None, (), (), False),
        ]
    )
    qtmodeltester.check(devices)
    assert devices.data(devices.index(1, DevicesModel.CLOCK)) == "−1 min 35 s"
    assert devices.data(devices.index(2, DevicesModel.STATUS)) == "Revoked"
    assert clock_offset(2.04) == "+2.0 s" and clock_offset(None) == "—"
    review = ReviewModel(lambda: NOW, lambda: {"alex": "Alex"})
    review.set_rows(
        [
            ReviewRow(
                "e1",
                "s1",
                "Default",
                "c1",
                "Aisle 5",
                "d1",
                "Front",
                "alex",
                "scan_recorded",
                "fenced",
                "r",
                NOW,
                "Cola",
            ),
            ReviewRow("e2", None, "", None, "", "d2", "d2", "bob", "alias_added", "proposed", "why", NOW, ""),
        ]
    )
    qtmodeltester.check(review)
    assert review.data(review.index(1, ReviewModel.WHO)) == "bob"
    assert review.data(review.index(1, ReviewModel.WHY)) == "Proposed catalog change"
