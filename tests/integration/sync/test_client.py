"""The real sync client (httpx) against the real server over HTTP on loopback, with real device stores."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from scansync import tables as t
from sqlalchemy import func, insert, select, text

from scanapp.cli import main as scanapp_main
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.counting import Counting
from scanapp.store import queries
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync import local
from scanapp.sync.client import SignInNeeded, SyncClient, SyncError
from tests.integration.sync.conftest import CHIPS, COLA, START, WATER, Clock, LiveServer, seed_catalog_and_count
from tests.integration.sync.device import Device


@pytest.fixture
def devices(server: LiveServer, tmp_path: Path) -> Iterator[dict[str, Device]]:
    made = {u: Device(server, tmp_path / f"{u}.db", u) for u in ("alex", "pat")}
    yield made
    for d in made.values():
        d.close()


def _count(server: LiveServer) -> tuple[str, str]:
    with server.client("sam") as sam:
        count = seed_catalog_and_count(sam)
    return count["id"], count["sessions"][0]["id"]


def test_a_device_pulls_counts_works_offline_under_a_lease_and_pushes(
    server: LiveServer, devices: dict[str, Device]
) -> None:
    count_id, sid = _count(server)
    alex, pat = devices["alex"], devices["pat"]
    first = alex.client.sync_once()
    assert first.pulled > 0 and first.all_pushed
    with alex.store.read() as conn:
        assert queries.session(conn, sid).name == "Default session"
        assert {r.item_key for r in queries.uncounted(conn, sid)} == {"SKU-COLA", "SKU-CHIPS"}
    lease = alex.client.acquire(sid)
    assert lease.epoch == 1
    server.clock.advance(timedelta(seconds=30))
    renewed = alex.client.heartbeat(sid)
    assert renewed.epoch == 1 and renewed.expires_at > lease.expires_at
    with alex.store.read() as conn:
        assert queries.session(conn, sid).lock.expires_at == renewed.expires_at
    alex.counting.start(alex.actor, sid)
    for code in (COLA, COLA, WATER, "00012345678905"):
        alex.counting.record_scan(alex.actor, sid, code, source="test")
    alex.counting.add_hand_counted(alex.actor, sid, [("SKU-CHIPS", 2)])
    assert alex.client.status()["unsent"] == 6
    report = alex.client.sync_once()
    assert (report.pushed, report.not_applied, report.unsent) == (6, {}, 0)
    assert alex.client.status()["unsent"] == 0
    with server.client("sam") as sam:
        server_report = sam.get(f"/v1/counts/{count_id}/report").json()
        assert sam.get(f"/v1/sessions/{sid}").json()["state"] == "In progress"
    assert server_report["totals"] == {"units": 5, "unique_products": 3, "unmatched_scans": 1, "in_review": 0}
    # Another device sees the same session, its lock, and the same totals, folded from alex's events.
    pat.client.sync_once()
    assert pat.totals(sid) == alex.totals(sid) == (6, 3, 5)  # local units include the unmatched scan
    with pat.store.read() as conn:
        session = queries.session(conn, sid)
    assert (session.lock.user_id, session.epoch, session.state.value) == ("alex", 1, "In progress")
    # Releasing pushes first, then frees the lease for the next device.
    alex.counting.record_scan(alex.actor, sid, COLA, source="test")
    assert alex.client.release(sid).user_id is None
    with server.client("sam") as sam:
        assert sam.get(f"/v1/counts/{count_id}/report").json()["totals"]["units"] == 6
    assert pat.client.acquire(sid).epoch == 2


def test_scans_made_offline_after_a_force_release_come_back_fenced_for_review(
    server: LiveServer, devices: dict[str, Device]
) -> None:
    count_id, sid = _count(server)
    alex = devices["alex"]
    alex.client.sync_once()
    alex.client.acquire(sid)
    alex.counting.start(alex.actor, sid)
    alex.counting.record_scan(alex.actor, sid, COLA, source="test")
    alex.client.sync_once()
    # Offline now: alex keeps scanning; meanwhile a supervisor frees the session on the server.
    offline = [
        alex.counting.record_scan(alex.actor, sid, code, source="test").line_id for code in (CHIPS, CHIPS, WATER)
    ]
    with server.client("sam") as sam:
        assert sam.post(f"/v1/sessions/{sid}/lease/force-release").json()["epoch"] == 2
    report = alex.client.sync_once()
    assert report.all_pushed and set(report.not_applied) == set(offline)
    assert all("force-released" in reason for reason in report.not_applied.values())
    assert alex.client.status()["in_review"] == 3
    with server.client("sam") as sam:
        assert sorted(i["event_id"] for i in sam.get("/v1/review").json()) == sorted(offline)
        assert sam.get(f"/v1/counts/{count_id}/report").json()["totals"]["units"] == 1
    with alex.store.read() as conn:
        session = queries.session(conn, sid)
    assert session.lock is None and session.epoch == 2, "the pull brought the server's lease state back"


def test_a_submit_made_offline_after_a_force_release_is_fenced_and_undone_on_the_device(
    server: LiveServer, devices: dict[str, Device]
) -> None:
    """The session's state on the old holder goes back to the server's: it was never submitted there."""
    _count_id, sid = _count(server)
    alex = devices["alex"]
    alex.client.sync_once()
    alex.client.acquire(sid)
    alex.counting.start(alex.actor, sid)
    alex.counting.record_scan(alex.actor, sid, COLA, source="test")
    alex.client.sync_once()
    with server.client("sam") as sam:
        sam.post(f"/v1/sessions/{sid}/lease/force-release").raise_for_status()
    submitted = alex.counting.submit(alex.actor, sid, confirmed_uncounted_zero=True)
    assert submitted.state.value == "Submitted"
    report = alex.client.sync_once()
    assert report.all_pushed and len(report.not_applied) == 1
    with server.client("sam") as sam:
        assert sam.get(f"/v1/sessions/{sid}").json()["state"] == "In progress"
    with alex.store.read() as conn:
        session = queries.session(conn, sid)
    assert (session.state.value, session.lock, session.epoch) == ("In progress", None, 2)


def test_pull_is_resumable_after_an_interruption(server: LiveServer, devices: dict[str, Device]) -> None:
    from tests.bench.bench_sync import gtin

    with server.client("sam") as sam:
        for start in range(0, 2500, 500):
            products = [
                {"sku": f"P-{i:05d}", "name": f"Product {i}", "gtins": [gtin(5_000_000 + i)]}
                for i in range(start, start + 500)
            ]
            assert not sam.post("/v1/catalog/products", json={"products": products}).json()["rejected"]
    alex = devices["alex"]
    alex.client.put_setting(**{local.CURSOR: 0})

    def cut(cursor: int) -> None:
        raise SyncError("network dropped")

    with pytest.raises(SyncError):
        alex.client.pull(page_size=1000, on_page=cut)
    assert alex.client._get(local.CURSOR) == 1000
    alex.client.pull(page_size=1000)
    with alex.store.read() as conn:
        n_products = conn.execute(text("SELECT count(*) FROM products")).scalar_one()
        n_codes = conn.execute(text("SELECT count(*) FROM product_codes")).scalar_one()
    assert (n_products, n_codes) == (2500, 2500)
    with server.db.read() as conn:
        assert alex.client._get(local.CURSOR) == conn.execute(select(func.max(t.changes.c.seq))).scalar_one()


def test_a_pull_grows_its_pages_while_they_come_fast_and_gets_every_change(
    server: LiveServer, devices: dict[str, Device]
) -> None:
    """Pages start at page_size and double after a few fast ones, up to `largest`; the page asked ahead while
    one is applied changes nothing of what arrives."""
    from tests.bench.bench_sync import gtin

    with server.client("sam") as sam:
        products = [{"sku": f"P-{i:04d}", "name": f"Product {i}", "gtins": [gtin(6_000_000 + i)]} for i in range(300)]
        assert not sam.post("/v1/catalog/products", json={"products": products}).json()["rejected"]
    with server.db.read() as conn:
        last = conn.execute(select(func.max(t.changes.c.seq))).scalar_one()
    alex = devices["alex"]
    alex.client.put_setting(**{local.CURSOR: 0})
    cursors: list[int] = []
    alex.client.pull(page_size=10, on_page=cursors.append, largest=80)
    sizes = [b - a for a, b in zip([0, *cursors], cursors, strict=False)]
    assert cursors[-1] == last and sizes[:3] == [10, 10, 10]
    assert max(sizes) == 80 and len(cursors) < last / 10 / 2
    with alex.store.read() as conn:
        for table in ("products", "product_codes"):
            assert conn.execute(text(f"SELECT count(*) FROM {table} WHERE sku LIKE 'P-%'")).scalar_one() == 300


def test_the_client_resends_from_where_the_server_says(server: LiveServer, devices: dict[str, Device]) -> None:
    """The server lost its last commits (restored from a backup): its high-water mark is behind the device's
    watermark. The server's answer wins; the journal still has every event."""
    count_id, sid = _count(server)
    alex = devices["alex"]
    alex.client.sync_once()
    alex.client.acquire(sid)
    alex.counting.start(alex.actor, sid)
    for _ in range(5):
        alex.counting.record_scan(alex.actor, sid, COLA, source="test")
    alex.client.put_setting(**{local.PUSHED: 4})  # as if 1..4 had been acknowledged by the old server state
    report = alex.client.push()
    assert report.all_pushed and report.pushed == 6
    with server.client("sam") as sam:
        assert sam.get(f"/v1/counts/{count_id}/report").json()["totals"]["units"] == 5


def test_a_new_server_database_restarts_push_and_pull_from_zero(server: LiveServer, devices: dict[str, Device]) -> None:
    _count(server)
    alex = devices["alex"]
    alex.client.sync_once()
    alex.client.put_setting(**{local.SERVER_ID: "another-server", local.CURSOR: 10**6, local.PUSHED: 10**6})
    report = alex.client.sync_once()
    assert report.pulled > 0 and alex.client._get(local.SERVER_ID) == server.db.server_id


def test_world_errors_are_plain_messages(server: LiveServer, devices: dict[str, Device], tmp_path: Path) -> None:
    alex = devices["alex"]
    dead = SyncClient(alex.store, "http://127.0.0.1:9", clock=alex.clock)
    with pytest.raises(SyncError, match="Cannot reach the sync server"):
        dead.sync_once()
    alex.client.remember_token("alex", "revoked", START + timedelta(days=1))
    with pytest.raises(SignInNeeded):
        alex.client.sync_once()
    assert not alex.client.signed_in("alex"), "the refused token is forgotten"
    assert alex.client.sign_in("alex", "pw-alex-123").user_id == "alex"
    with pytest.raises(SignInNeeded, match="PIN or password is wrong, or this device is not enrolled"):
        alex.client.sign_in("alex", "wrong")


def test_scanapp_sync_command(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    count_id, sid = _count(server)
    data = tmp_path / "device-data"
    store = Store.open(data / "scanapp.db")
    device_id = store.device_id
    store.close()
    monkeypatch.setenv("SCANAPP_SYNC_PASSWORD", "pw-alex-123")

    # The command decides by the server's (test) clock, as a device set to the right time would.
    def sync(*argv: str) -> int:
        return scanapp_main(["--data-dir", str(data), "sync", *argv], clock=server.clock)

    not_enrolled = sync("--server", server.url, "--user", "alex")
    assert not_enrolled == 2 and f"scanapp-sync device enroll {device_id}" in capsys.readouterr().err
    with server.db.write() as tx:
        tx.conn.execute(
            insert(t.devices).values(
                id=device_id, name="cli", enrolled_at=START, enrolled_by="t", high_water=0, reported_seq=0
            )
        )
    assert sync("--server", server.url, "--user", "alex") == 0
    assert "events not yet sent" in capsys.readouterr().out
    # Scans made locally go up on the next round; server and user are remembered.
    store = Store.open(data / "scanapp.db")
    counting = Counting(lambda: SqlUnitOfWork(store), Clock(START))
    counting.start(Actor("alex", device_id, ROLES["associate"]), sid)
    counting.record_scan(Actor("alex", device_id, ROLES["associate"]), sid, COLA, source="cli-test")
    store.close()
    monkeypatch.delenv("SCANAPP_SYNC_PASSWORD")
    assert sync() == 0
    assert "pushed 2 events" in capsys.readouterr().out
    with server.client("sam") as sam:
        assert sam.get(f"/v1/counts/{count_id}/report").json()["totals"]["units"] == 1
    # Another server needs its own sign-in; this one is down.
    monkeypatch.setenv("SCANAPP_SYNC_PASSWORD", "pw-alex-123")
    assert sync("--server", "http://127.0.0.1:9") == 2
    assert "Cannot reach the sync server" in capsys.readouterr().err


@pytest.mark.parametrize(
    "now", [datetime(2031, 6, 1, 9, 0, tzinfo=UTC), datetime(2019, 1, 1, 9, 0, tzinfo=UTC)], ids=["2031", "2019"]
)
def test_token_expiry_follows_the_injected_clocks_far_from_today(
    server: LiveServer,
    tmp_path: Path,
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Client and server agree on time with each other, not with the real date: a client that read the
    system clock would think a 2019 token expired at once, and a 2031 token never."""
    server.clock.current = now
    with server.client("sam") as sam:
        seed_catalog_and_count(sam, planned=now - timedelta(hours=1))
    data = tmp_path / "device-data"
    store = Store.open(data / "scanapp.db")
    with server.db.write() as tx:
        tx.conn.execute(
            insert(t.devices).values(
                id=store.device_id, name="far", enrolled_at=now, enrolled_by="t", high_water=0, reported_seq=0
            )
        )
    clock = Clock(now)
    client = SyncClient(store, server.url, clock=clock)

    def sync() -> int:  # the command line, on the same device and clock, with no password to hand
        return scanapp_main(["--data-dir", str(data), "sync"], clock=clock)

    def advance(delta: timedelta) -> None:
        clock.advance(delta)
        server.clock.advance(delta)

    monkeypatch.delenv("SCANAPP_SYNC_PASSWORD", raising=False)
    try:
        assert not client.signed_in()
        token = client.sign_in("alex", "pw-alex-123")
        assert token.expires_at == now + server.settings.token_ttl
        assert client.signed_in()
        report = client.sync_once()
        assert report.pulled > 0 and report.all_pushed
        assert client.status()["last_pull_at"] == now.isoformat()
        advance(server.settings.token_ttl - timedelta(seconds=1))
        assert client.signed_in()
        assert sync() == 0, capsys.readouterr().err
        advance(timedelta(seconds=2))
        assert not client.signed_in()
        with pytest.raises(SignInNeeded):
            client.sync_once()
        assert sync() == 2
        assert "needs their password or PIN" in capsys.readouterr().err
    finally:
        client.close()
        store.close()
