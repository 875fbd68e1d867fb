"""Sync never hangs: the real client through a slow proxy (tests/integration/sync/slow_proxy.py) in front of
the real server on loopback. A trickled pull and a blackholed push end by their deadlines, keep what the
server confirmed, and the next sync through a healthy path completes with nothing lost or duplicated. And a
push cut off mid-upload is one line in the server's log.

The time bounds are liveness checks, generously above the deadlines (SLACK_S), measured on a monotonic clock:
without the deadlines these syncs do not end at all.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from scansync import tables as t
from sqlalchemy import func, insert, select, text

from scanapp.cli import main as scanapp_main
from scanapp.store.database import Store
from scanapp.store.settings import StoredSettings
from scanapp.sync import local
from scanapp.sync.client import ServerTooSlow, SyncClient
from scanapp.sync.exchange import Deadlines
from tests.bench.bench_sync import gtin
from tests.integration.sync.conftest import CHIPS, COLA, START, WATER, LiveServer, seed_catalog_and_count
from tests.integration.sync.slow_proxy import HOLD, PASS, SWALLOW, Fault, SlowProxy, Trickle
from tests.integration.sync.test_client import Device

DEADLINES = Deadlines(connect_s=2.0, request_s=1.0, round_s=4.0)
SLACK_S = 5.0
TRICKLE = Trickle(size=16, every_s=0.05)  # 320 bytes/s: even the smallest page (~25 KB) takes over a minute


@pytest.fixture
def proxy(server: LiveServer) -> Iterator[SlowProxy]:
    with SlowProxy(server.url, max_hold_s=30) as p:
        yield p


@pytest.fixture
def alex(server: LiveServer, proxy: SlowProxy, tmp_path: Path) -> Iterator[Device]:
    """A signed-in device whose client goes through the proxy, with short deadlines."""
    device = Device(server, tmp_path / "alex.db", "alex")
    device.client.close()
    device.client = SyncClient(device.store, proxy.url, clock=device.clock, deadlines=DEADLINES)
    yield device
    device.close()


def _catalog(server: LiveServer, n: int) -> None:
    with server.client("sam") as sam:
        for start in range(0, n, 500):
            products = [
                {"sku": f"P-{i:05d}", "name": f"Product {i}", "gtins": [gtin(6_000_000 + i)]}
                for i in range(start, min(n, start + 500))
            ]
            assert not sam.post("/v1/catalog/products", json={"products": products}).json()["rejected"]


def _pull_query(target: str) -> dict[str, int]:
    parts = urlsplit(target)
    if parts.path != "/v1/changes":
        return {}
    return {k: int(v[0]) for k, v in parse_qs(parts.query).items()}


def _trickle_after_first_page(method: str, target: str) -> Fault:
    return TRICKLE if _pull_query(target).get("since", 0) > 0 else PASS


def _ends_too_slow(sync: Callable[[], object], within_s: float) -> tuple[ServerTooSlow, float]:
    started = time.monotonic()
    with pytest.raises(ServerTooSlow) as caught:
        sync()
    took = time.monotonic() - started
    assert took < within_s + SLACK_S, f"the sync took {took:.1f} s for a deadline of {within_s:g} s"
    print(f"faulted sync ended after {took:.2f} s ({DEADLINES})")
    return caught.value, took


def _server_changes(server: LiveServer) -> tuple[int, int]:
    with server.db.read() as conn:
        return (
            conn.execute(select(func.count()).select_from(t.changes)).scalar_one(),
            conn.execute(select(func.max(t.changes.c.seq))).scalar_one(),
        )


def test_a_trickled_pull_ends_by_the_round_deadline_and_the_next_sync_completes(
    server: LiveServer, proxy: SlowProxy, alex: Device
) -> None:
    _catalog(server, 2500)
    proxy.fault = _trickle_after_first_page
    err, _ = _ends_too_slow(alex.client.sync_once, DEADLINES.round_s)
    assert err.round_over and "this sync round did not finish within 4 s" in str(err)
    # The first page came at full speed and stays; each trickled page was asked again at half the size.
    limits = [_pull_query(target)["limit"] for _, target, _ in proxy.seen if _pull_query(target)]
    assert limits[:4] == [1000, 1000, 500, 250] and limits == sorted(limits, reverse=True)
    assert err.report is not None and err.report.pulled > 0
    kept = alex.client._get(local.CURSOR)
    assert kept > 0 and alex.client._get(local.LAST_PULL)

    proxy.fault = lambda _method, _target: PASS
    healed = alex.client.sync_once()
    n_changes, last_seq = _server_changes(server)
    assert err.report.pulled + healed.pulled == n_changes, "no page applied twice, none skipped"
    assert alex.client._get(local.CURSOR) == last_seq
    with alex.store.read() as conn:
        assert conn.execute(text("SELECT count(*), count(DISTINCT sku) FROM products")).one() == (2500, 2500)
        assert conn.execute(text("SELECT count(*) FROM product_codes")).scalar_one() == 2500


def test_a_lease_heartbeat_is_not_held_up_behind_a_trickled_pull(
    server: LiveServer, proxy: SlowProxy, alex: Device
) -> None:
    """The app renews its lease from the screen while a round runs in the background, on one client."""
    with server.client("sam") as sam:
        sid = seed_catalog_and_count(sam)["sessions"][0]["id"]
    _catalog(server, 1500)
    alex.client.sync_once()
    alex.client.acquire(sid)
    with server.client("sam") as sam:  # more to pull, all of it trickled
        sam.post("/v1/catalog/products", json={"products": [{"sku": "NEW", "name": "New", "gtins": []}]})
    proxy.fault = lambda method, target: TRICKLE if _pull_query(target) else PASS
    errors: list[BaseException] = []

    def background() -> None:
        try:
            alex.client.sync_once()
        except ServerTooSlow as err:
            errors.append(err)

    round_thread = threading.Thread(target=background)
    round_thread.start()
    assert proxy.faulted.wait(10)
    renewed = alex.client.heartbeat(sid)
    still_pulling = round_thread.is_alive()
    round_thread.join(DEADLINES.round_s + SLACK_S)
    assert renewed.user_id == "alex" and still_pulling, "the heartbeat came back while the round was stuck"
    assert not round_thread.is_alive() and len(errors) == 1


@pytest.mark.parametrize("fault", [SWALLOW, HOLD], ids=["swallowed", "reply-lost-after-applied"])
def test_a_blackholed_push_ends_by_its_request_deadline_and_the_next_sync_sends_each_event_once(
    server: LiveServer, proxy: SlowProxy, alex: Device, fault: Fault
) -> None:
    with server.client("sam") as sam:
        count = seed_catalog_and_count(sam)
    sid = count["sessions"][0]["id"]
    alex.client.sync_once()
    alex.client.acquire(sid)
    alex.counting.start(alex.actor, sid)
    for code in (COLA, COLA, WATER, CHIPS):
        alex.counting.record_scan(alex.actor, sid, code, source="test")
    watermark = alex.client._get(local.PUSHED)
    proxy.fault = lambda method, target: fault if (method, target) == ("POST", "/v1/journal") else PASS
    err, _ = _ends_too_slow(alex.client.sync_once, DEADLINES.request_s)
    assert not err.round_over and "POST /v1/journal did not finish within 1 s" in str(err)
    assert err.report is not None and err.report.unsent == 5
    assert alex.client._get(local.PUSHED) == watermark

    proxy.fault = lambda _method, _target: PASS
    healed = alex.client.sync_once()
    assert healed.unsent == 0
    assert (healed.pushed, healed.duplicates) == ((0, 5) if fault == HOLD else (5, 0))
    with server.db.read() as conn:
        stored = conn.execute(
            select(func.count(), func.count(func.distinct(t.events.c.id)), func.max(t.events.c.seq)).where(
                t.events.c.device_id == alex.store.device_id
            )
        ).one()
    assert tuple(stored) == (5, 5, 5)
    with server.client("sam") as sam:
        assert sam.get(f"/v1/counts/{count['id']}/report").json()["totals"]["units"] == 4


def test_scanapp_sync_exits_non_zero_with_one_plain_line_when_a_deadline_ends_it(
    server: LiveServer,
    proxy: SlowProxy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _catalog(server, 1500)
    data = tmp_path / "device-data"
    store = Store.open(data / "scanapp.db")
    device_id = store.device_id
    store.close()
    with server.db.write() as tx:
        tx.conn.execute(
            insert(t.devices).values(
                id=device_id, name="cli", enrolled_at=START, enrolled_by="t", high_water=0, reported_seq=0
            )
        )
    monkeypatch.setenv("SCANAPP_SYNC_PASSWORD", "pw-alex-123")
    proxy.fault = _trickle_after_first_page

    def sync(*argv: str) -> int:
        return scanapp_main(["--data-dir", str(data), "sync", *argv], clock=server.clock)

    started = time.monotonic()
    code = sync("--server", proxy.url, "--user", "alex", "--request-deadline", "1", "--round-deadline", "4")
    took = time.monotonic() - started
    out, err = capsys.readouterr()
    with capsys.disabled():
        print(f"scanapp sync ended after {took:.2f} s (request deadline 1 s, round deadline 4 s)")
    assert code == 3 and took < 4 + SLACK_S
    assert err.splitlines() == [
        f"scanapp: The sync server at {proxy.url} is too slow: this sync round did not finish within 4 s. "
        "Everything confirmed so far is kept; the next sync continues from there."
    ]
    assert out.splitlines() == ["pushed 0 events (0 already there), pulled 1000 changes; 0 events not yet sent"]
    store = Store.open(data / "scanapp.db")
    remembered = Deadlines.stored(StoredSettings(store).get)
    store.close()
    assert (remembered.request_s, remembered.round_s) == (1.0, 4.0)

    proxy.fault = lambda _method, _target: PASS
    assert sync() == 0
    assert "0 events not yet sent" in capsys.readouterr().out


class _Records(logging.Handler):
    def __init__(self, wanted: str) -> None:
        super().__init__(logging.DEBUG)
        self.wanted = wanted
        self.records: list[logging.LogRecord] = []
        self.seen = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        if self.wanted in record.getMessage():
            self.seen.set()


def test_a_push_cut_off_mid_upload_is_one_line_in_the_server_log(server: LiveServer) -> None:
    records = _Records("client disconnected during upload")
    # uvicorn's own loggers do not propagate to the root: listen on both, so its traceback would be seen too.
    loggers = [logging.getLogger(), logging.getLogger("uvicorn")]
    for logger in loggers:
        logger.addHandler(records)
    host, port = server.url.removeprefix("http://").split(":")
    head = (
        "POST /v1/journal HTTP/1.1\r\n"
        f"Host: {host}\r\nAuthorization: Bearer {server.token('alex')}\r\n"
        "Content-Type: application/json\r\nContent-Length: 200000\r\n\r\n"
    )
    try:
        with socket.create_connection((host, int(port)), timeout=10) as raw:
            raw.sendall(head.encode() + b'{"events":[' + b" " * 20_000)
            raw.shutdown(socket.SHUT_RDWR)  # the Wi-Fi drops 20 KB into a 200 KB upload
        assert records.seen.wait(10), [r.getMessage() for r in records.records]
        with server.client("alex") as c:  # and the server goes on serving
            assert c.get("/healthz").status_code == 200
    finally:
        for logger in loggers:
            logger.removeHandler(records)
    lines = [r for r in records.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in lines] == [
        "client disconnected during upload: push from device dev-alex (200000 bytes announced)"
    ]
    assert not any(r.exc_info for r in records.records)
