"""Counts and sessions created on a device reach the server (issue 11: there was no count-created event, so
the demo's scans landed in review as "unknown"): applied when the user who pushed them may create counts,
else kept for review; every other device then pulls them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from scanapp.domain.counts import CountKind
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.lab import Reconciliation
from scanapp.store import queries
from tests.integration.sync.conftest import CHIPS, COLA, START, WATER, LiveServer, seed_catalog_and_count
from tests.integration.sync.device import Device


@pytest.fixture
def devices(server: LiveServer, tmp_path: Path) -> Iterator[dict[str, Device]]:
    made = {u: Device(server, tmp_path / f"{u}.db", u) for u in ("sam", "alex")}
    yield made
    for d in made.values():
        d.close()


def test_a_count_made_on_a_device_with_its_list_and_sessions_reaches_the_server(
    server: LiveServer, devices: dict[str, Device]
) -> None:
    with server.client("sam") as sam:
        seed_catalog_and_count(sam)  # the catalog
    sam_device, alex = devices["sam"], devices["alex"]
    sam_device.client.sync_once()
    count, default = sam_device.counting.create_count(
        sam_device.actor,
        "Endcap promo check",
        CountKind.DIRECTED,
        START - timedelta(minutes=5),
        [("SKU-COLA", 6.0), ("SKU-CHIPS", 2.0)],
        default_area="Endcap",
    )
    back = sam_device.counting.new_session(sam_device.actor, count.id, "Back room", "Backstock")
    sam_device.counting.start(sam_device.actor, default.id)
    for code in (COLA, COLA, CHIPS, WATER):
        sam_device.counting.record_scan(sam_device.actor, default.id, code, source="test")
    report = sam_device.client.sync_once()
    assert report.all_pushed and report.not_applied == {}
    with server.client("sam") as sam:
        made = sam.get(f"/v1/counts/{count.id}").json()
        server_report = sam.get(f"/v1/counts/{count.id}/report").json()
    assert (made["name"], made["kind"], made["created_by"]) == ("Endcap promo check", "directed", "sam")
    assert made["expected"] == [
        {"item_key": "SKU-CHIPS", "expected_qty": 2.0},
        {"item_key": "SKU-COLA", "expected_qty": 6.0},
    ]
    sessions = {s["id"]: s for s in made["sessions"]}
    assert set(sessions) == {default.id, back.id}
    assert sessions[default.id]["is_default"] and sessions[default.id]["area"] == "Endcap"
    assert not sessions[back.id]["is_default"] and sessions[back.id]["state"] == "Not started"
    assert sessions[default.id]["state"] == "In progress"
    assert server_report["totals"] == {"units": 4, "unique_products": 3, "unmatched_scans": 0, "in_review": 0}
    # Another device gets the count, its list and its sessions, and the same totals.
    alex.client.sync_once()
    with alex.store.read() as conn:
        assert {r.item_key for r in queries.uncounted(conn, default.id)} == set()
        assert queries.session(conn, back.id).name == "Back room"
    assert alex.totals(default.id) == sam_device.totals(default.id)


def test_an_associate_cannot_create_a_count_on_the_server_from_a_device(
    server: LiveServer, devices: dict[str, Device]
) -> None:
    """alex's device still thinks alex may create counts (a supervisor role taken away on the server since the
    device last synced): the server refuses the count and its session, and keeps both for review."""
    alex = devices["alex"]
    stale = Actor("alex", alex.store.device_id, ROLES["supervisor"])
    count, _default = alex.counting.create_count(stale, "Wall", CountKind.HARD, START)
    report = alex.client.sync_once()
    assert report.all_pushed and len(report.not_applied) == 2
    reasons = sorted(report.not_applied.values())
    refusal = "Your account may not create a count: ask a supervisor, or sign in as a user who may."
    assert f"{refusal} (Needs COMMON_ADMIN or INV_COUNT_ADMIN.)" in reasons
    assert any(f"unknown count {count.id}" in r for r in reasons)
    with server.client("sam") as sam:
        assert sam.get(f"/v1/counts/{count.id}").status_code == 404
        assert {i["kind"] for i in sam.get("/v1/review").json()} == {"count_created", "session_created"}
        # A supervisor who agrees merges the count, then its session: both apply.
        for item in sam.get("/v1/review").json():
            assert sam.post(f"/v1/review/{item['event_id']}", json={"action": "merge"}).status_code == 200
        assert [s["is_default"] for s in sam.get(f"/v1/counts/{count.id}").json()["sessions"]] == [True]


def test_a_lab_session_started_on_a_device_reaches_the_others_with_its_listing_config(
    server: LiveServer, tmp_path: Path
) -> None:
    """The listing config a tech made on one bench and the reconciliation count made from it, with its frozen
    scope, reach the server and the other benches (listing_config_created, then reconciliation_created)."""
    with server.client("lee") as lee:
        items = [{"barcode": f"LAB-{i}", "ingredient": "Agarose", "lab": "Lab A", "location": "F1"} for i in range(3)]
        assert lee.post("/v1/lab/inventory", json=items).status_code == 200
    bench, other = (Device(server, tmp_path / f"{n}.db", "lee") for n in ("bench", "other"))
    try:
        bench.client.sync_once()
        lab = Reconciliation(bench.counting)
        config = lab.create_listing_config(bench.actor, "Freezer F1", {"location": ["F1"]})
        count, session = lab.start(bench.actor, "F1 check", "Lab A", config.id)
        bench.counting.record_scan(bench.actor, session.id, "LAB-1", source="test")
        report = bench.client.sync_once()
        assert report.all_pushed and report.not_applied == {}
        with server.client("lee") as lee:
            made = lee.get(f"/v1/counts/{count.id}").json()
        assert (made["kind"], made["listing_config_id"]) == ("scoped", config.id)
        assert sorted(e["item_key"] for e in made["expected"]) == ["LAB-0", "LAB-1", "LAB-2"]
        other.client.sync_once()
        with other.store.read() as conn:
            row = conn.exec_driver_sql("SELECT listing_config_id, expected_total FROM counts WHERE id = ?", (count.id,))
            assert tuple(row.one()) == (config.id, 3)
        assert other.totals(session.id) == bench.totals(session.id)
    finally:
        bench.close()
        other.close()
