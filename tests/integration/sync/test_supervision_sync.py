"""A supervisor's decision, threshold and recount made on one device reach another through the real server:
pushed as journal events, pulled and projected there (offline-first: the other device's station shows them
from its own store)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from scanapp.domain.counts import CountKind
from scanapp.domain.variance import Decision, Status, Threshold, ThresholdKind
from scanapp.services.supervision import Supervision
from scanapp.services.supervisor_reads import SupervisorReads
from scanapp.store import queries
from scanapp.store.uow import SqlUnitOfWork
from tests.integration.sync.conftest import COLA, START, LiveServer, seed_catalog_and_count
from tests.integration.sync.device import Device


@pytest.fixture
def devices(server: LiveServer, tmp_path: Path) -> Iterator[dict[str, Device]]:
    made = {u: Device(server, tmp_path / f"{u}.db", u) for u in ("sam", "alex")}
    yield made
    for d in made.values():
        d.close()


def supervision_of(device: Device) -> Supervision:
    return Supervision(lambda: SqlUnitOfWork(device.store), device.clock)


def test_decisions_thresholds_and_recounts_reach_another_device(server: LiveServer, devices: dict[str, Device]) -> None:
    with server.client("sam") as sam:
        seed_catalog_and_count(sam)
    sam, alex = devices["sam"], devices["alex"]
    sam.client.sync_once()
    count, default = sam.counting.create_count(
        sam.actor,
        "Shift end check",
        CountKind.DIRECTED,
        START - timedelta(minutes=5),
        [("SKU-COLA", 6.0), ("SKU-CHIPS", 2.0)],
    )
    sam.counting.start(sam.actor, default.id)
    sam.counting.record_scan(sam.actor, default.id, COLA, source="test")
    sam.counting.add_hand_counted(sam.actor, default.id, [("SKU-CHIPS", 0)])
    supervision = supervision_of(sam)
    supervision.set_threshold(sam.actor, count.id, Threshold(ThresholdKind.UNITS, 1))
    supervision.decide(sam.actor, count.id, "SKU-CHIPS", Decision.FORCED, "none on the shelf, checked")
    recount = supervision.create_recount(sam.actor, count.id, ["SKU-COLA"], "Recount cola", "Endcap")
    report = sam.client.sync_once()
    assert report.all_pushed

    alex.client.sync_once()
    reads = SupervisorReads(lambda: SqlUnitOfWork(alex.store), alex.clock)
    lines = {ln.item_key: ln for ln in reads.variance(count.id)}
    assert (lines["SKU-CHIPS"].counted, lines["SKU-CHIPS"].status) == (0, Status.FORCED)
    assert lines["SKU-CHIPS"].decision is not None and lines["SKU-CHIPS"].decision.decided_by == "sam"
    assert (lines["SKU-COLA"].counted, lines["SKU-COLA"].status) == (1, Status.PENDING)  # 5 off, 1 allowed
    assert reads.threshold(count.id) == Threshold(ThresholdKind.UNITS, 1)
    with alex.store.read() as conn:
        assert [r.item_key for r in queries.uncounted(conn, recount.id)] == ["SKU-COLA"]
