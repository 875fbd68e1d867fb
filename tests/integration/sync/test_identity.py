"""A2: the server takes who did what from the token. An event recorded by another user than the one whose
sign-in pushed it is kept for review with the reason, never applied and never lost, and it does not hold back
the events behind it. The device pushes each user's run of events under that user's own token."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from scansync import tables as t
from sqlalchemy import select

from scanapp.domain.counts import SessionState
from tests.integration.sync.conftest import COLA, START, WATER, LiveServer, scan, seed_catalog_and_count, wire_event
from tests.integration.sync.device import Device


def _status(server: LiveServer, event_id: str) -> str:
    with server.db.read() as conn:
        return str(conn.execute(select(t.events.c.status).where(t.events.c.id == event_id)).scalar_one())


def seed_count_id(server: LiveServer) -> str:
    with server.db.read() as conn:
        return str(conn.execute(select(t.counts.c.id)).scalar_one())


def test_alex_cannot_start_a_session_as_sam(server: LiveServer) -> None:
    """The issue's case: alex's token pushed session_started as sam, on a count alex may not start yet (its
    planned start is ahead; sam may start early), and it was applied."""
    with server.client("sam") as sam:
        count = seed_catalog_and_count(sam, planned=START + timedelta(hours=3))
    sid = count["sessions"][0]["id"]
    as_sam = wire_event("dev-alex", 1, "session_started", sid, "sam")
    own = scan("dev-alex", 2, sid, "alex", "SKU-COLA", COLA)  # behind it: judged on its own, not blocked
    with server.client("alex") as alex:
        answer = alex.post("/v1/journal", json={"events": [as_sam, own]}).json()
    assert (answer["high_water"], answer["accepted"]) == (2, 2)
    verdicts = {v["id"]: v for v in answer["verdicts"]}
    assert verdicts[as_sam["id"]]["status"] == "unverified"
    assert "recorded by sam, pushed under alex's sign-in" in verdicts[as_sam["id"]]["reason"]
    assert verdicts[own["id"]]["status"] == "rejected"  # alex's own scan: the session is not started
    assert _status(server, as_sam["id"]) == "unverified"
    with server.client("sam") as sam:
        assert sam.get(f"/v1/sessions/{sid}").json()["state"] == "Not started"
        queue = {i["event_id"]: i for i in sam.get("/v1/review").json()}
        assert queue[as_sam["id"]]["status"] == "unverified" and queue[as_sam["id"]]["user_id"] == "sam"
        # A supervisor who knows sam did start it merges it: applied as sam's, audited as the reviewer's.
        assert sam.post(f"/v1/review/{as_sam['id']}", json={"action": "merge"}).json()["status"] == "merged"
        assert sam.get(f"/v1/sessions/{sid}").json()["state"] == "In progress"
        assert sam.get(f"/v1/sessions/{sid}").json()["started_by"] == "sam"
        assert sam.get("/v1/audit").json()[0]["action"] == "review_merge"
    assert _status(server, as_sam["id"]) == "applied"


def test_a_token_pushes_only_its_own_users_events_into_effect(server: LiveServer) -> None:
    with server.client("sam") as sam:
        sid = seed_catalog_and_count(sam)["sessions"][0]["id"]
        sam.post(f"/v1/sessions/{sid}/start")
    events = [
        scan("dev-alex", 1, sid, "alex", "SKU-COLA", COLA),
        scan("dev-alex", 2, sid, "pat", "SKU-COLA", COLA),  # pat may count too, but did not sign this in
        wire_event("dev-alex", 3, "session_discarded", sid, "sam"),  # a supervisor's action, under alex's token
        scan("dev-alex", 4, sid, "alex", "SKU-WATER", WATER),
    ]
    with server.client("alex") as alex:
        answer = alex.post("/v1/journal", json={"events": events}).json()
    assert {v["seq"]: v["status"] for v in answer["verdicts"]} == {2: "unverified", 3: "unverified"}
    with server.client("sam") as sam:
        assert sam.get(f"/v1/sessions/{sid}").json()["state"] == "In progress"
        report = sam.get(f"/v1/counts/{seed_count_id(server)}/report").json()
    assert report["totals"]["units"] == 2 and report["totals"]["in_review"] == 2


@pytest.fixture
def device(server: LiveServer, tmp_path: Path) -> Iterator[Device]:
    made = Device(server, tmp_path / "shared.db", "sam")
    yield made
    made.close()


def test_a_shared_device_pushes_each_users_run_under_their_own_token(server: LiveServer, device: Device) -> None:
    """sam starts the session, alex and pat take turns scanning on the same handheld: each signed in on it,
    so every event goes up under its own user's token and all are applied."""
    with server.client("sam") as sam:
        sid = seed_catalog_and_count(sam)["sessions"][0]["id"]
    device.client.sync_once()
    sam_actor, alex, pat = device.actor, device.actor_of("alex"), device.actor_of("pat")
    device.counting.start(sam_actor, sid)
    device.counting.release(sam_actor, sid)
    for actor, codes in ((alex, (COLA, COLA)), (pat, (WATER,)), (alex, (COLA,))):
        device.counting.claim(actor, sid)
        for code in codes:
            device.counting.record_scan(actor, sid, code, source="test")
        device.counting.release(actor, sid)
    for user in ("alex", "pat"):
        device.give_token(user)
    report = device.client.sync_once()
    assert report.all_pushed and report.not_applied == {}
    with server.db.read() as conn:
        by_user = dict(
            conn.execute(select(t.events.c.user_id, t.events.c.status).where(t.events.c.kind == "scan_recorded")).all()
        )
        pushers = conn.execute(select(t.devices.c.last_user).where(t.devices.c.id == device.store.device_id))
        last_user = pushers.scalar_one()
    assert by_user == {"alex": "applied", "pat": "applied"}
    assert last_user == "alex", "the last run went up under alex's token"
    with server.client("sam") as sam:
        assert sam.get(f"/v1/sessions/{sid}").json()["state"] == "In progress"
    assert device.totals(sid)[0] == 4


def test_a_run_with_no_token_goes_to_review_and_the_rest_still_goes_through(server: LiveServer, device: Device) -> None:
    """pat counted on the handheld but never signed in to the server from it (offline all along): pat's scans go
    up under the current user's token, wait for review with the reason, and alex's scans after them apply."""
    with server.client("sam") as sam:
        sid = seed_catalog_and_count(sam)["sessions"][0]["id"]
        sam.post(f"/v1/sessions/{sid}/start")
    device.client.sync_once()
    pat, alex = device.actor_of("pat"), device.actor_of("alex")
    pat_lines = [device.counting.record_scan(pat, sid, code, source="test").line_id for code in (COLA, WATER)]
    alex_line = device.counting.record_scan(alex, sid, COLA, source="test").line_id
    device.give_token("alex")  # alex signs in now; sam's token is still there, pat has none
    report = device.client.sync_once()
    assert report.all_pushed and set(report.not_applied) == set(pat_lines)
    assert all("recorded by pat, pushed under alex's sign-in" in r for r in report.not_applied.values())
    assert _status(server, alex_line) == "applied"
    assert device.client.status()["in_review"] == 2
    assert device.session(sid).state is SessionState.IN_PROGRESS
