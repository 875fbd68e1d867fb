"""Session leases: one holder at a time under concurrency (one process, and two processes on PostgreSQL),
epochs that only grow, expiry by the server clock, and fencing of a force-released holder's later events."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from scansync import tables as t
from scansync.accounts import issue_token
from sqlalchemy import insert, select

from tests.integration.sync.conftest import COLA, START, LiveServer, scan, seed_catalog_and_count, start_process

WORKERS = 50


def _session(server: LiveServer) -> str:
    with server.client("sam") as sam:
        count = seed_catalog_and_count(sam)
        sid = count["sessions"][0]["id"]
        assert sam.post(f"/v1/sessions/{sid}/start").status_code == 200
    return str(sid)


def _devices_with_tokens(server: LiveServer, n: int, now: datetime | None = None) -> list[str]:
    """n extra devices for alex, each with a token (valid at `now`, the server's clock by default)."""
    tokens = []
    with server.db.write() as tx:
        for i in range(n):
            device = f"dev-worker-{i:02d}"
            tx.conn.execute(
                insert(t.devices).values(
                    id=device, name=device, enrolled_at=START, enrolled_by="test", high_water=0, reported_seq=0
                )
            )
            token, _ = issue_token(tx.conn, server.settings, now or server.clock.now(), "alex", device)
            tokens.append(token)
    return tokens


def _lease_states(server: LiveServer, sid: str) -> list[tuple[int, str | None]]:
    """(epoch, holder device) after every lease change, from the change log in its order."""
    with server.db.read() as conn:
        rows = conn.execute(
            select(t.changes.c.data)
            .where(t.changes.c.entity == "session", t.changes.c.key == sid)
            .order_by(t.changes.c.seq)
        )
        return [(d["lease_epoch"], d["lease_device"]) for d in (json.loads(r.data) for r in rows)]


def _race(urls: list[str], tokens: list[str], action: Any) -> list[Any]:
    barrier = threading.Barrier(len(tokens))

    def run(i: int) -> Any:
        with httpx.Client(
            base_url=urls[i % len(urls)], timeout=60, headers={"Authorization": f"Bearer {tokens[i]}"}
        ) as client:
            barrier.wait()
            return action(client)

    with ThreadPoolExecutor(len(tokens)) as pool:
        return list(pool.map(run, range(len(tokens))))


def _check_one_holder_at_a_time(server: LiveServer, sid: str, granted: list[int]) -> None:
    assert sorted(granted) == list(range(1, len(granted) + 1)), "every grant a new, strictly larger epoch"
    held_by = None
    last_epoch = 0
    for epoch, device in _lease_states(server, sid):
        assert epoch >= last_epoch
        if device is not None and device != held_by:
            assert held_by is None, f"epoch {epoch} granted to {device} while {held_by} held the lease"
            assert epoch > last_epoch
        held_by, last_epoch = device, epoch


def _acquire_then_release(rounds: int, sid: str) -> Any:
    def go(client: httpx.Client) -> list[int]:
        granted = []
        for _ in range(rounds):
            r = client.post(f"/v1/sessions/{sid}/lease")
            if r.status_code == 200:
                granted.append(r.json()["epoch"])
                assert client.delete(f"/v1/sessions/{sid}/lease").status_code == 200
            else:
                assert r.status_code == 409, r.text
        return granted

    return go


def test_fifty_concurrent_acquisitions_grant_exactly_one(server: LiveServer) -> None:
    sid = _session(server)
    tokens = _devices_with_tokens(server, WORKERS)
    results = _race([server.url], tokens, lambda c: c.post(f"/v1/sessions/{sid}/lease"))
    codes = sorted(r.status_code for r in results)
    assert codes == [200] + [409] * (WORKERS - 1), [r.text for r in results if r.status_code not in (200, 409)]
    winner = next(r.json() for r in results if r.status_code == 200)
    assert winner["epoch"] == 1
    with server.client("sam") as sam:
        session = sam.get(f"/v1/sessions/{sid}").json()
    assert (session["lease_device"], session["lease_epoch"]) == (winner["device_id"], 1)
    # Then everyone keeps trying, releasing whenever they win: still one holder at a time.
    rounds = _race([server.url], tokens, _acquire_then_release(3, sid))
    granted = [1] + [e for r in rounds for e in r]
    # The first winner still held epoch 1 when the rounds began; it released in its own round.
    _check_one_holder_at_a_time(server, sid, sorted(set(granted)))


def test_lease_expires_by_the_server_clock_and_the_next_grant_moves_the_epoch(server: LiveServer) -> None:
    sid = _session(server)
    with server.client("alex") as alex, server.client("pat") as pat:
        first = alex.post(f"/v1/sessions/{sid}/lease").json()
        assert pat.post(f"/v1/sessions/{sid}/lease").status_code == 409
        server.clock.advance(timedelta(seconds=30))
        assert alex.put(f"/v1/sessions/{sid}/lease").json()["epoch"] == first["epoch"]
        server.clock.advance(timedelta(seconds=61))
        second = pat.post(f"/v1/sessions/{sid}/lease").json()
        assert second["epoch"] == first["epoch"] + 1 and second["user_id"] == "pat"
        lost = alex.put(f"/v1/sessions/{sid}/lease")
        assert lost.status_code == 409 and "lease was lost" in lost.json()["detail"]
        # alex's scans written under its expired epoch now arrive: fenced, pat's are applied.
        r = alex.post("/v1/journal", json={"events": [scan("dev-alex", 1, sid, "alex", "SKU-COLA", COLA, epoch=1)]})
        assert r.json()["verdicts"][0]["status"] == "fenced"
        assert "granted to pat" in r.json()["verdicts"][0]["reason"]
        r = pat.post("/v1/journal", json={"events": [scan("dev-pat", 1, sid, "pat", "SKU-COLA", COLA, epoch=2)]})
        assert r.json()["verdicts"] == []
    with server.db.read() as conn:
        ends = [
            (h.epoch, h.end_reason) for h in conn.execute(select(t.lease_history).order_by(t.lease_history.c.epoch))
        ]
    assert ends == [(1, "expired"), (2, None)]


def test_a_device_keeps_its_own_earlier_epochs(server: LiveServer) -> None:
    """Released normally, or expired and renewed by the same device: its events stay valid."""
    sid = _session(server)
    with server.client("alex") as alex:
        assert alex.post(f"/v1/sessions/{sid}/lease").json()["epoch"] == 1
        server.clock.advance(timedelta(minutes=5))
        assert alex.post(f"/v1/sessions/{sid}/lease").json()["epoch"] == 2
        r = alex.post(
            "/v1/journal",
            json={
                "events": [
                    scan("dev-alex", 1, sid, "alex", "SKU-COLA", COLA, epoch=1),
                    scan("dev-alex", 2, sid, "alex", "SKU-COLA", COLA, epoch=2),
                ]
            },
        )
        assert r.json()["verdicts"] == []
        # An epoch the server never granted is fenced, not trusted.
        r = alex.post("/v1/journal", json={"events": [scan("dev-alex", 3, sid, "alex", "SKU-COLA", COLA, epoch=9)]})
        assert r.json()["verdicts"][0]["status"] == "fenced"


def test_force_release_while_the_holder_keeps_pushing_fences_its_later_events(server: LiveServer) -> None:
    sid = _session(server)
    with server.client("alex") as alex:
        assert alex.post(f"/v1/sessions/{sid}/lease").json()["epoch"] == 1
    stop = threading.Event()
    verdicts: list[tuple[int, str]] = []

    def keep_pushing() -> None:
        seq = 0
        with server.client("alex") as alex:
            while not stop.is_set() or seq < 40:
                batch = [scan("dev-alex", seq + i, sid, "alex", "SKU-COLA", COLA, epoch=1) for i in range(1, 6)]
                seq += 5
                r = alex.post("/v1/journal", json={"events": batch}).json()
                fenced = {v["seq"] for v in r["verdicts"] if v["status"] == "fenced"}
                verdicts.extend((e["seq"], "fenced" if e["seq"] in fenced else "applied") for e in batch)

    pusher = threading.Thread(target=keep_pushing)
    pusher.start()
    while len(verdicts) < 15:
        threading.Event().wait(0.005)
    with server.client("sam") as sam:
        freed = sam.post(f"/v1/sessions/{sid}/lease/force-release")
        assert freed.status_code == 200 and freed.json()["epoch"] == 2 and freed.json()["user_id"] is None
        stop.set()
        pusher.join(30)
        audit = sam.get("/v1/audit").json()
        queue = sam.get("/v1/review").json()
    statuses = [s for _, s in sorted(verdicts)]
    first_fenced = statuses.index("fenced")
    assert first_fenced >= 15 and set(statuses[first_fenced:]) == {"fenced"}, "every event after the release is fenced"
    assert all(s == "applied" for s in statuses[:first_fenced])
    assert sorted(i["event"]["seq"] for i in queue) == [seq for seq, s in sorted(verdicts) if s == "fenced"]
    assert "force-released" in queue[0]["reason"]
    assert audit[0]["action"] == "force_release" and audit[0]["detail"]["holder_user"] == "alex"
    with server.db.read() as conn:
        lines = conn.execute(select(t.lines.c.event_id).where(t.lines.c.session_id == sid)).all()
    assert len(lines) == first_fenced


def test_only_common_admin_may_force_release_and_the_holder_may_release(server: LiveServer) -> None:
    sid = _session(server)
    with server.client("alex") as alex, server.client("morgan") as morgan, server.client("pat") as pat:
        alex.post(f"/v1/sessions/{sid}/lease")
        assert morgan.post(f"/v1/sessions/{sid}/lease/force-release").status_code == 403
        assert pat.delete(f"/v1/sessions/{sid}/lease").status_code == 409
        assert alex.delete(f"/v1/sessions/{sid}/lease").json()["user_id"] is None
        assert pat.post(f"/v1/sessions/{sid}/lease").json()["epoch"] == 2


def test_review_merge_move_and_discard_are_applied_by_the_rules_and_audited(server: LiveServer) -> None:
    sid = _session(server)
    with server.client("sam") as sam, server.client("alex") as alex:
        other = sam.post(
            f"/v1/counts/{sam.get(f'/v1/sessions/{sid}').json()['count_id']}/sessions",
            json={"name": "Recount", "area": "Backstock"},
        ).json()["id"]
        sam.post(f"/v1/sessions/{other}/start")
        alex.post(f"/v1/sessions/{sid}/lease")
        sam.post(f"/v1/sessions/{sid}/lease/force-release")
        events = [scan("dev-alex", i, sid, "alex", "SKU-COLA", COLA, epoch=1) for i in (1, 2, 3)]
        assert all(
            v["status"] == "fenced" for v in alex.post("/v1/journal", json={"events": events}).json()["verdicts"]
        )
        assert sam.post(f"/v1/review/{events[0]['id']}", json={"action": "merge"}).json()["status"] == "merged"
        moved = sam.post(f"/v1/review/{events[1]['id']}", json={"action": "move", "target_session_id": other})
        assert moved.json()["status"] == "moved"
        assert (
            sam.post(f"/v1/review/{events[2]['id']}", json={"action": "discard", "note": "double scan"}).status_code
            == 200
        )
        again = sam.post(f"/v1/review/{events[2]['id']}", json={"action": "merge"})
        assert again.status_code == 409
        assert sam.get("/v1/review").json() == []
        actions = [a["action"] for a in sam.get("/v1/audit").json()]
        assert actions[:3] == ["review_discard", "review_move", "review_merge"]
        report = sam.get(f"/v1/counts/{sam.get(f'/v1/sessions/{sid}').json()['count_id']}/report").json()
    assert report["totals"]["units"] == 2
    with server.db.read() as conn:
        where = {r.event_id: r.session_id for r in conn.execute(select(t.lines))}
    assert where == {events[0]["id"]: sid, events[1]["id"]: other}


@pytest.mark.postgres
def test_two_processes_on_postgresql_one_holder_at_a_time(
    pg_server: LiveServer, request: pytest.FixtureRequest
) -> None:
    server = pg_server
    sid = _session(server)
    now = datetime.now(UTC)  # the processes run on the real clock
    tokens = _devices_with_tokens(server, WORKERS, now=now)
    procs = [start_process(request.getfixturevalue("pg_url")) for _ in range(2)]
    try:
        urls = [url for url, _ in procs]
        results = _race(urls, tokens, lambda c: c.post(f"/v1/sessions/{sid}/lease"))
        assert sorted(r.status_code for r in results) == [200] + [409] * (WORKERS - 1)
        winner = next(r for r in results if r.status_code == 200).json()
        with httpx.Client(
            base_url=urls[0], headers={"Authorization": f"Bearer {tokens[int(winner['device_id'][-2:])]}"}
        ) as c:
            assert c.delete(f"/v1/sessions/{sid}/lease").status_code == 200
        rounds = _race(urls, tokens, _acquire_then_release(3, sid))
    finally:
        for _, proc in procs:
            proc.terminate()
            proc.wait(10)
    granted = [1] + [e for r in rounds for e in r]
    assert len(granted) > 2
    _check_one_holder_at_a_time(server, sid, granted)
