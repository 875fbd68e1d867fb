"""Pull: every change after a cursor, in pages, resumable, gap-free even while slow writers commit out of
order on PostgreSQL; a device is not sent its own events."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
from scansync import tables as t
from scansync.db import Database
from sqlalchemy import func, select

from tests.integration.sync.conftest import COLA, LiveServer, scan, seed_catalog_and_count


def _pull_all(client: httpx.Client, since: int = 0, limit: int = 3) -> tuple[list[dict[str, Any]], int]:
    out: list[dict[str, Any]] = []
    while True:
        page = client.get("/v1/changes", params={"since": since, "limit": limit}).json()
        out += page["changes"]
        since = page["next_cursor"]
        if not page["has_more"]:
            return out, since


def test_pull_covers_every_entity_in_order_and_resumes_from_a_cursor(server: LiveServer) -> None:
    with server.client("sam") as sam, server.client("alex") as alex, server.client("ada") as ada:
        count = seed_catalog_and_count(sam)
        sid = count["sessions"][0]["id"]
        sam.post(f"/v1/sessions/{sid}/start")
        alex.post(f"/v1/sessions/{sid}/lease")
        alex.post("/v1/journal", json={"events": [scan("dev-alex", 1, sid, "alex", "SKU-COLA", COLA, epoch=1)]})
        ada.post("/v1/users", json={"id": "casey", "password": "correct horse", "roles": ["associate"]})
        ada.post("/v1/lab/inventory", json=[{"barcode": "LAB-1", "ingredient": "Agarose", "lab": "Lab A"}])
        ada.post(
            "/v1/lab/listing-configs",
            json={"id": "lc", "name": "Freezers", "columns": ["barcode"], "filters": {"lab": ["Lab A"]}},
        )
        seen_by_sam, cursor = _pull_all(sam)
        seen_by_alex, _ = _pull_all(alex, limit=1000)
        # Resume: half now, the rest later from the cursor, equals one full pull.
        first = sam.get("/v1/changes", params={"since": 0, "limit": 4}).json()
        rest, _ = _pull_all(sam, since=first["next_cursor"])
        assert first["changes"] + rest == seen_by_sam
        # Nothing new: an empty page at the same cursor.
        assert sam.get("/v1/changes", params={"since": cursor}).json() == {
            "changes": [],
            "next_cursor": cursor,
            "has_more": False,
        }
    entities = [c["entity"] for c in seen_by_sam]
    assert set(entities) == {"product", "count", "session", "event", "user", "inventory_item", "listing_config"}
    assert [c["seq"] for c in seen_by_sam] == list(range(1, len(seen_by_sam) + 1))
    assert entities.index("count") < entities.index("session") < entities.index("event")
    sessions = [c["data"] for c in seen_by_sam if c["entity"] == "session"]
    assert (sessions[-1]["lease_user"], sessions[-1]["lease_epoch"], sessions[-1]["state"]) == (
        "alex",
        1,
        "In progress",
    )
    event = next(c["data"] for c in seen_by_sam if c["entity"] == "event")
    assert (event["kind"], event["device_id"], event["payload"]["item_key"]) == (
        "scan_recorded",
        "dev-alex",
        "SKU-COLA",
    )
    assert "event" not in [c["entity"] for c in seen_by_alex], "a device is not sent its own events"
    product = next(c["data"] for c in seen_by_sam if c["key"] == "SKU-COLA")
    assert product == {"sku": "SKU-COLA", "name": "Cola", "parent_name": "Drinks", "gtins": [COLA]}


def test_the_catalog_pull_is_incremental(server: LiveServer) -> None:
    with server.client("sam") as sam:
        seed_catalog_and_count(sam)
        _, cursor = _pull_all(sam)
        products = [
            {"sku": "SKU-COLA", "name": "Cola", "parent_name": "Drinks", "gtins": [COLA]},
            {"sku": "SKU-WATER", "name": "Still water", "parent_name": "Drinks"},
        ]
        r = sam.post("/v1/catalog/products", json={"products": products}).json()
        assert (r["imported"], r["unchanged"]) == (2, 1)
        assert sam.delete("/v1/catalog/products/SKU-CHIPS").status_code == 204
        changes, _ = _pull_all(sam, since=cursor)
    assert [(c["key"], c["data"]["name"], c["data"].get("deleted", False)) for c in changes] == [
        ("SKU-WATER", "Still water", False),
        ("SKU-CHIPS", "", True),
    ]


def test_pull_is_gap_free_while_writers_commit_slowly_and_concurrently(server: LiveServer) -> None:
    """A writer that numbered its changes but has not committed holds back every later writer, so a reader
    never sees change N+1 before change N (a plain serial column would let it skip N for good)."""
    with server.client("sam") as sam:
        count = seed_catalog_and_count(sam)
        sid = count["sessions"][0]["id"]
        sam.post(f"/v1/sessions/{sid}/start")
    last_seq: list[int] = []  # set once every writer is done
    deadline = time.monotonic() + 60
    problems: list[str] = []
    pages: list[list[int]] = []

    def slow_writer(db: Database, n: int) -> None:
        for i in range(n):
            with db.write() as tx:
                tx.publish("listing_config", f"slow-{threading.get_ident()}-{i}", {"id": "x"})
                tx.flush_changes()
                time.sleep(0.02)  # the workload, not a wait: a slow transaction, numbered, not yet committed

    def pusher(device: str, user: str) -> None:
        with server.client(user, device) as c:
            for seq in range(1, 31):
                c.post("/v1/journal", json={"events": [scan(device, seq, sid, user, "SKU-COLA", COLA)]})

    def reader() -> None:
        cursor = 0
        with server.client("ada") as c:
            # Read until the last change the writers made (known once they are done) has been seen.
            while not (last_seq and cursor >= last_seq[0]) and time.monotonic() < deadline:
                page = c.get("/v1/changes", params={"since": cursor, "limit": 7}).json()
                seqs = [ch["seq"] for ch in page["changes"]]
                if seqs and seqs != list(range(cursor + 1, cursor + 1 + len(seqs))):
                    problems.append(f"after {cursor} got {seqs}")
                pages.append(seqs)
                cursor = page["next_cursor"]

    writers = [threading.Thread(target=slow_writer, args=(server.db, 10)) for _ in range(3)]
    writers += [threading.Thread(target=pusher, args=(d, u)) for d, u in (("dev-alex", "alex"), ("dev-pat", "pat"))]
    read = threading.Thread(target=reader)
    read.start()
    for w in writers:
        w.start()
    for w in writers:
        w.join(60)
    with server.db.read() as conn:
        last_seq.append(conn.execute(select(func.max(t.changes.c.seq))).scalar_one())
    read.join(30)
    assert not read.is_alive(), "the reader did not reach the last change in 60 s"
    assert problems == []
    with server.client("ada") as c:
        everything, _ = _pull_all(c, limit=5000)
    seen = [s for p in pages for s in p]
    assert seen == [c["seq"] for c in everything] == list(range(1, len(everything) + 1))
    assert sum(1 for c in everything if c["entity"] == "event") == 60


def test_pull_limits_are_checked(server: LiveServer) -> None:
    with server.client("alex") as c:
        assert c.get("/v1/changes", params={"limit": 0}).status_code == 422
        assert c.get("/v1/changes", params={"limit": 5001}).status_code == 422
        assert c.get("/v1/changes", params={"since": -1}).status_code == 422
        assert c.get("/v1/changes", params={"since": "abc"}).status_code == 422
