"""Sync server benchmark (on demand, prints numbers; not part of the pass/fail suite).

    .venv/bin/python tests/bench/bench_sync.py [--backends sqlite,postgres] [--events 100000] [--batch 500]
                                               [--products 1000000] [--page 5000]

1. Push throughput: one device pushes pre-built batches of scan events, one after another, to a real
   `scanapp-sync serve` process over HTTP on loopback (its own process, so client and server do not share
   a GIL). events/s = events / wall time of all pushes, every one acknowledged and applied. Against it: the
   raw insert of the rows those pushes store (the target's denominator), and the floor no push can beat: the
   same bodies sent with a token the server does not know (it reads and parses each, then answers 401) plus
   the raw insert; push/raw can reach floor/raw only if rules and row building took no time at all.
2. Catalog pull, against a server database of its own holding the catalog alone (the pushes above would add
   their 100,000 scans to what a new device pulls): N products imported (server-side, timed too), then pulled
   page by page over HTTP from cursor 0 to the end, every page parsed as JSON. Then the same pull through the
   real SyncClient into a fresh device store (what a new handheld does on first sync): each page in one
   transaction, and again in the app's write budget (the background worker's slices of a few ms).
PostgreSQL: $SCANAPP_TEST_PG_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test), in a fresh
schema dropped afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any
from urllib.parse import quote

import httpx
import psycopg
from sqlalchemy import insert
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scansync import catalog, sessions
from scansync import tables as t
from scansync.accounts import hash_password, issue_token
from scansync.config import Settings
from scansync.db import Database, dumps, insert_params, time_binder
from scansync.line_events import LINE_COLUMNS
from scansync.push import EVENT_COLUMNS, event_row
from scansync.views import event_wire, session_values

from scanapp.domain.clock import SystemClock
from scanapp.domain.journal import new_event_id
from scanapp.services.sync_service import WRITE_BUDGET_S
from scanapp.store.database import Store
from scanapp.sync import local
from scanapp.sync.client import PULL_PAGE, SyncClient
from scanapp.sync.wire import MAX_PAGE, CountIn, ProductIn, WireEvent
from tests.integration.sync.conftest import start_process

PG_URL = os.environ.get("SCANAPP_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def gtin(n: int) -> str:
    body = f"{n:013d}"
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def add_device(db: Database, name: str) -> str:
    now = datetime.now(UTC)
    with db.write() as tx:
        tx.conn.execute(
            insert(t.devices).values(
                id=name, name=name, enrolled_at=now, enrolled_by="bench", high_water=0, reported_seq=0
            )
        )
        token, _ = issue_token(tx.conn, Settings(), now, "sam", name)
    return token


def seed(db: Database) -> tuple[str, str]:
    """A supervisor, an enrolled device with a token, and a started directed count session."""
    now = datetime.now(UTC)
    admin = __import__("scanapp.domain.permissions", fromlist=["Actor"])
    actor = admin.Actor("sam", "bench-device", admin.ROLES["supervisor"])
    with db.write() as tx:
        tx.conn.execute(
            insert(t.users).values(
                id="sam", display_name="Sam", password_hash=hash_password("x" * 8), roles="supervisor", created_at=now
            )
        )
        tx.conn.execute(
            insert(t.devices).values(
                id="bench-device", name="bench", enrolled_at=now, enrolled_by="bench", high_water=0, reported_seq=0
            )
        )
        token, _ = issue_token(tx.conn, Settings(), now, "sam", "bench-device")
        catalog.import_products(tx, [ProductIn(sku=f"SKU-{i}", name=f"P{i}", gtins=[gtin(i)]) for i in range(1, 101)])
        count = sessions.create_count(
            tx,
            actor,
            now,
            CountIn(
                name="Bench",
                kind="directed",
                planned_start=now,
                expected=[{"item_key": f"SKU-{i}", "expected_qty": 5} for i in range(1, 51)],
            ),
        )
        sid = count["sessions"][0]["id"]
        s = sessions.get_session(tx.conn, sid)
        started = sessions.rules.start(s, sessions.get_count(tx.conn, s.count_id), actor, now)
        tx.conn.execute(t.sessions.update().where(t.sessions.c.id == sid).values(**session_values(started)))
    return token, sid


def build_batches(n_events: int, batch: int, sid: str, device: str = "bench-device") -> list[bytes]:
    return [
        json.dumps({"events": events, "device_last_seq": n_events}).encode()
        for events in _events(n_events, batch, sid, device)
    ]


def _events(n_events: int, batch: int, sid: str, device: str) -> Iterator[list[dict[str, Any]]]:
    now = datetime.now(UTC).isoformat()
    for start in range(1, n_events + 1, batch):
        events = []
        for seq in range(start, min(start + batch, n_events + 1)):
            sku = (seq % 120) + 1  # a few codes are not in the catalog: unmatched lines
            events.append(
                {
                    "id": new_event_id(),
                    "kind": "scan_recorded",
                    "device_id": device,
                    "seq": seq,
                    "user_id": "sam",
                    "session_id": sid,
                    "wall_time": now,
                    "mono_ns": seq,
                    "lock_epoch": 0,
                    "payload": {
                        "raw": gtin(sku),
                        "code": gtin(sku),
                        "item_key": f"SKU-{sku}" if sku <= 100 else None,
                        "source": "bench",
                        "manual": False,
                    },
                }
            )
        yield events


Rows = list[tuple[Any, ...]]


def raw_batches(db: Database, n_events: int, batch: int, sid: str) -> list[tuple[Rows, Rows, list[dict[str, Any]]]]:
    """The rows a push of the same events stores (the event with its verdict, its scan line, its change-log
    entry), for a device of their own, made before the clock starts in the very terms the push hands the
    driver (times bound as the server binds them), so the raw side does nothing but store them."""
    with db.read() as conn:
        bind_time = time_binder(conn)
    received = bind_time(datetime.now(UTC))
    out = []
    for events in _events(n_events, batch, sid, "raw-device"):
        rows, lines, changes = [], [], []
        for ev in events:
            wire = WireEvent.model_validate(ev)
            p = wire.payload
            payload = dumps(p)
            rows.append(event_row(wire, bind_time, received, "applied", None, payload))
            line = {
                "event_id": wire.id,
                "session_id": sid,
                "kind": "scan",
                "raw": p["raw"],
                "code": p["code"],
                "item_key": p["item_key"],
                "units": 1,
                "removed": False,
                "at": bind_time(wire.wall_time),
            }
            lines.append(tuple(line[c] for c in LINE_COLUMNS))
            changes.append(
                {
                    "entity": "event",
                    "key": wire.id,
                    "device_id": "raw-device",
                    "data": event_wire(wire, payload_json=payload),
                }
            )
        out.append((rows, lines, changes))
    return out


def bench_raw(db: Database, batches: list[tuple[Rows, Rows, list[dict[str, Any]]]]) -> float:
    """The same rows inserted straight through the driver (executemany), one transaction per batch, at the
    server's durability (its engine: SQLite WAL with synchronous=FULL; PostgreSQL commits): the floor a push
    of those events cannot go below. events/s."""
    n = sum(len(rows) for rows, _, _ in batches)
    started = time.perf_counter()
    for rows, lines, changes in batches:
        with db.write() as tx:
            insert_params(tx.conn, t.events, EVENT_COLUMNS, rows)
            insert_params(tx.conn, t.lines, LINE_COLUMNS, lines)
            tx.pending = list(changes)  # numbered with the change counter, as every published change is
    return n / (time.perf_counter() - started)


def bench_http_and_parse(url: str, batches: list[bytes], n_events: int) -> float:
    """The bodies posted with a token the server does not know: each is received and parsed as a push's body
    is (the token is checked in the push's own transaction, after parsing), then answered 401. events/s of
    what a push costs before any rule or storage."""
    headers = {"Authorization": "Bearer not-a-token-of-this-server", "Content-Type": "application/json"}
    started = time.perf_counter()
    with httpx.Client(base_url=url, headers=headers, timeout=120) as c:
        for body in batches:
            r = c.post("/v1/journal", content=body)
            assert r.status_code == 401, r.status_code
    return n_events / (time.perf_counter() - started)


def push_all(url: str, token: str, batches: list[bytes], n_events: int) -> None:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    with httpx.Client(base_url=url, headers=headers, timeout=120) as c:
        last = None
        for body in batches:
            r = c.post("/v1/journal", content=body)
            r.raise_for_status()
            last = r.json()
            assert last["verdicts"] == [], last["verdicts"][:3]
    assert last is not None and last["high_water"] == n_events


def bench_push(url: str, devices: list[tuple[str, list[bytes]]], per_device: int) -> float:
    """All devices push at once, each its own batches in order; events/s over all of them."""
    started = time.perf_counter()
    with ThreadPoolExecutor(len(devices)) as pool:
        for done in [pool.submit(push_all, url, tok, b, per_device) for tok, b in devices]:
            done.result()  # a failed push fails the benchmark
    return per_device * len(devices) / (time.perf_counter() - started)


def seed_catalog(db: Database, n: int) -> float:
    started = time.perf_counter()
    chunk = 5000
    for start in range(0, n, chunk):
        products = [
            ProductIn(
                sku=f"C-{i:07d}", name=f"Product {i}", parent_name=f"Family {i // 50}", gtins=[gtin(10_000_000 + i)]
            )
            for i in range(start, min(start + chunk, n))
        ]
        with db.write() as tx:
            result = catalog.import_products(tx, products)
            assert not result["rejected"], result["rejected"][:3]
    return time.perf_counter() - started


def bench_pull(url: str, token: str, page: int) -> tuple[float, int, int, int]:
    headers = {"Authorization": f"Bearer {token}"}
    cursor, pages, products, size = 0, 0, 0, 0
    with httpx.Client(base_url=url, headers=headers, timeout=120) as c:
        started = time.perf_counter()
        while True:
            r = c.get("/v1/changes", params={"since": cursor, "limit": page})
            r.raise_for_status()
            size += len(r.content)
            body = r.json()
            pages += 1
            products += sum(1 for ch in body["changes"] if ch["entity"] == "product")
            cursor = body["next_cursor"]
            if not body["has_more"]:
                break
        return time.perf_counter() - started, pages, products, size


def bench_device_pull(url: str, token: str, tmp: Path, page: int, budget: float | None) -> tuple[float, int]:
    """The same pull by the real client into a fresh device store (SQLite, synchronous=FULL); `budget`: the
    write budget (seconds) of each transaction applying it, None for a page per transaction."""
    store = Store.open(tmp / f"device-{secrets.token_hex(3)}.db")
    client = SyncClient(store, url, clock=SystemClock())
    client.write_budget = None if budget is None else local.WriteBudget(budget)
    try:
        client.remember_token("sam", token, datetime.now(UTC) + timedelta(hours=12))
        started = time.perf_counter()
        client.pull(page_size=page)
        took = time.perf_counter() - started
        with store.read() as conn:
            products = conn.exec_driver_sql("SELECT count(*) FROM products").scalar_one()
    finally:
        client.close()
        store.close()
    return took, int(products)


def open_backend(backend: str, tmp: Path) -> tuple[str, object]:
    if backend == "sqlite":
        return f"sqlite:///{tmp / 'bench.db'}", None
    plain = make_url(PG_URL).set(drivername="postgresql").render_as_string(hide_password=False)
    admin = psycopg.connect(plain, autocommit=True)
    schema = f"scansync_bench_{secrets.token_hex(3)}"
    admin.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}", (admin, schema)


def run(backend: str, args: argparse.Namespace) -> None:
    with TemporaryDirectory() as tmp:
        url, cleanup = open_backend(backend, Path(tmp))
        try:
            db = Database.open(url)
            token, sid = seed(db)
            server, proc = start_process(url, workers=args.workers)
            try:
                raw = bench_raw(db, raw_batches(db, args.events, args.batch, sid))
                bodies = build_batches(args.events, args.batch, sid)
                unparsed = bench_http_and_parse(server, bodies, args.events)
                rate = bench_push(server, [(token, bodies)], args.events)
                floor = 1 / (1 / raw + 1 / unparsed)
                print(
                    f"{backend:9} push, 1 device: {args.events:,} events in batches of {args.batch}: "
                    f"{rate:,.0f} events/s (server: {args.workers} process(es)); raw insert of the same rows: "
                    f"{raw:,.0f} events/s; push/raw = {rate / raw:.2f}\n"
                    f"{backend:9} floor: HTTP and parsing alone {unparsed:,.0f} events/s, with the raw insert "
                    f"{floor:,.0f} events/s = {floor / raw:.2f} of raw (no rule, no row built)"
                )
                if args.devices > 1:
                    per = args.events // args.devices
                    devices = [
                        (add_device(db, f"bench-{i}"), build_batches(per, args.batch, sid, f"bench-{i}"))
                        for i in range(args.devices)
                    ]
                    rate = bench_push(server, devices, per)
                    print(
                        f"{backend:9} push, {args.devices} devices at once: {per * args.devices:,} events in "
                        f"batches of {args.batch}: {rate:,.0f} events/s (server: {args.workers} process(es))"
                    )
            finally:
                proc.terminate()
                proc.wait(10)
            db.close()
        finally:
            if cleanup is not None:
                admin, schema = cleanup
                admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
                admin.close()
        if args.products:
            bench_catalog(backend, args, Path(tmp))


def bench_catalog(backend: str, args: argparse.Namespace, tmp: Path) -> None:
    url, cleanup = open_backend(backend, tmp / "catalog")
    try:
        db = Database.open(url)
        token, _sid = seed(db)
        took = seed_catalog(db, args.products)
        print(f"{backend:9} catalog import (server side): {args.products:,} products in {took:.1f} s")
        server, proc = start_process(url, workers=args.workers)
        try:
            secs, pages, products, size = bench_pull(server, token, args.page)
            print(
                f"{backend:9} paged pull: {products:,} products in {pages} pages of {args.page} "
                f"({size / 1e6:.0f} MB JSON) in {secs:.1f} s = {products / secs:,.0f} products/s"
            )
            if args.device_pull:
                for budget, how in ((None, "a page per transaction"), (WRITE_BUDGET_S, "the app's write budget")):
                    device = add_device(db, f"bench-pull-{secrets.token_hex(2)}")
                    secs, stored = bench_device_pull(server, device, tmp, PULL_PAGE, budget)
                    print(
                        f"{backend:9} first pull into a new device store (SyncClient, pages of {PULL_PAGE} growing to"
                        f" {MAX_PAGE}, {how}):"
                        f" {stored:,} products in {secs:.1f} s = {stored / secs:,.0f} products/s"
                    )
        finally:
            proc.terminate()
            proc.wait(10)
        db.close()
    finally:
        if cleanup is not None:
            admin, schema = cleanup
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
            admin.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--backends", default="sqlite,postgres")
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--batch", type=int, default=500)
    p.add_argument("--products", type=int, default=1_000_000)
    p.add_argument("--page", type=int, default=5000)
    p.add_argument("--devices", type=int, default=4, help="devices pushing at once in the second push run")
    p.add_argument("--workers", type=int, default=1, help="server processes")
    p.add_argument(
        "--no-device-pull",
        dest="device_pull",
        action="store_false",
        help="skip pulling the catalog into a device store through the sync client",
    )
    args = p.parse_args()
    for backend in args.backends.split(","):
        run(backend.strip(), args)


if __name__ == "__main__":
    main()
