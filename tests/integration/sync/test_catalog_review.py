"""A2: catalog-changing events (aliases) need a supervisor. An associate's alias waits in review as a
proposal and never re-points a product's code server-wide by itself; accepted, it applies and reaches every
device; rejected, it is taken back on the device that made it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scansync import tables as t
from sqlalchemy import select

from tests.integration.sync.conftest import COLA, LiveServer, seed_catalog_and_count, wire_event
from tests.integration.sync.device import Device

UNKNOWN = "00012345678905"  # in no product: scanned, unmatched, then matched with "remember this code"


def _owner(server: LiveServer, code: str) -> str | None:
    with server.db.read() as conn:
        return conn.execute(select(t.product_codes.c.sku).where(t.product_codes.c.code == code)).scalar()


def _started(server: LiveServer) -> str:
    with server.client("sam") as sam:
        sid = str(seed_catalog_and_count(sam)["sessions"][0]["id"])
        sam.post(f"/v1/sessions/{sid}/start")
    return sid


def test_an_associates_alias_never_repoints_a_gtin_by_itself(server: LiveServer) -> None:
    """The issue's case: alex's alias_added moved COLA's only GTIN to another product on the server."""
    sid = _started(server)
    alias = wire_event("dev-alex", 1, "alias_added", sid, "alex", {"code": COLA, "sku": "SKU-WATER"})
    with server.client("alex") as alex:
        verdict = alex.post("/v1/journal", json={"events": [alias]}).json()["verdicts"][0]
        cursor = alex.get("/v1/changes").json()["next_cursor"]
    assert verdict["status"] == "proposed" and "supervisor accepts" in verdict["reason"]
    assert _owner(server, COLA) == "SKU-COLA"
    with server.client("sam") as sam:
        item = next(i for i in sam.get("/v1/review").json() if i["event_id"] == alias["id"])
        assert item["status"] == "proposed" and item["kind"] == "alias_added"
        # Accepted by a supervisor: it applies and goes to every device.
        assert sam.post(f"/v1/review/{alias['id']}", json={"action": "merge"}).json()["status"] == "merged"
    assert _owner(server, COLA) == "SKU-WATER"
    with server.client("pat") as pat:
        after = pat.get("/v1/changes", params={"since": cursor}).json()["changes"]
    products = {c["key"]: c["data"]["gtins"] for c in after if c["entity"] == "product"}
    assert products == {"SKU-WATER": ["00036000291452", COLA], "SKU-COLA": []}


def test_a_supervisors_alias_applies_at_once(server: LiveServer) -> None:
    sid = _started(server)
    alias = wire_event("dev-sam", 1, "alias_added", sid, "sam", {"code": UNKNOWN, "sku": "SKU-CHIPS"})
    with server.client("sam") as sam:
        assert sam.post("/v1/journal", json={"events": [alias]}).json()["verdicts"] == []
    assert _owner(server, UNKNOWN) == "SKU-CHIPS"


def test_a_proposal_for_no_product_is_refused_not_proposed(server: LiveServer) -> None:
    sid = _started(server)
    alias = wire_event("dev-alex", 1, "alias_added", sid, "alex", {"code": UNKNOWN, "sku": "SKU-NONE"})
    with server.client("alex") as alex:
        verdict = alex.post("/v1/journal", json={"events": [alias]}).json()["verdicts"][0]
    assert verdict["status"] == "rejected" and "No product with SKU SKU-NONE" in verdict["reason"]


@pytest.fixture
def alex(server: LiveServer, tmp_path: Path) -> Iterator[Device]:
    device = Device(server, tmp_path / "alex.db", "alex")
    yield device
    device.close()


def test_a_rejected_proposal_is_taken_back_on_the_device_that_made_it(server: LiveServer, alex: Device) -> None:
    sid = _started(server)
    alex.client.sync_once()
    line = alex.counting.record_scan(alex.actor, sid, UNKNOWN, source="test")
    assert line.status == "unmatched"
    alex.counting.match_line(alex.actor, sid, line.line_id, "SKU-CHIPS", add_alias=True)
    with alex.store.read() as conn:
        assert conn.exec_driver_sql("SELECT sku FROM product_codes WHERE code = ?", (UNKNOWN,)).scalar() == "SKU-CHIPS"
    report = alex.client.sync_once()
    proposals = [i for i, r in report.not_applied.items() if r.startswith("proposed alias")]
    assert len(proposals) == 1 and len(report.not_applied) == 1, "the match itself applied; only the alias waits"
    assert _owner(server, UNKNOWN) is None
    with server.client("sam") as sam:
        assert sam.post(f"/v1/review/{proposals[0]}", json={"action": "discard"}).json()["status"] == "discarded"
    alex.client.sync_once()
    with alex.store.read() as conn:
        assert conn.exec_driver_sql("SELECT sku FROM product_codes WHERE code = ?", (UNKNOWN,)).scalar() is None
    assert alex.totals(sid)[0] == 1, "the matched scan still counts"
