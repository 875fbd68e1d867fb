"""One projection, three stores: random sessions recorded through the device's services (its real SQLite
store), pushed to the server's apply code (its real database) and pulled by a second device come to the same
lines, per-item totals and session totals everywhere, and those equal the domain's reference fold of the
device's journal."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scansync import catalog, pull, push, reports, sessions
from scansync import tables as t
from scansync.db import Database
from sqlalchemy import insert, select

from scanapp.domain.classification import Category
from scanapp.domain.counts import CountKind
from scanapp.domain.errors import DomainError
from scanapp.domain.permissions import Actor, permissions_for_roles
from scanapp.domain.projection import SessionTally
from scanapp.domain.tally import Totals
from scanapp.services.counting import Counting
from scanapp.store import schema as s
from scanapp.store.database import Store
from scanapp.store.repositories import totals_for
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync import local
from scanapp.sync.wire import CountIn, ExpectedItem, ProductIn, PushIn, WireEvent
from tests.helpers import FixedClock
from tests.helpers import actor as device_actor
from tests.integration.sync.conftest import CHIPS, COLA, START, WATER

SKUS = {"SKU-COLA": COLA, "SKU-WATER": WATER, "SKU-CHIPS": CHIPS}
LISTED = ["SKU-COLA", "SKU-CHIPS"]
# Known products, codes no product has (until an alias gives them one), a bad check digit.
CODES = [COLA, WATER, CHIPS, "UNKNOWN-1", "UNKNOWN-2", COLA[:-1] + "0"]

steps = st.lists(
    st.one_of(
        st.tuples(st.just("scan"), st.sampled_from(CODES)),
        st.tuples(st.just("remove"), st.integers(0, 50)),
        st.tuples(st.just("match"), st.tuples(st.integers(0, 50), st.sampled_from(sorted(SKUS)), st.booleans())),
        st.tuples(st.just("hand"), st.tuples(st.sampled_from(LISTED), st.integers(1, 20))),
        st.tuples(st.just("submit"), st.just(None)),  # confirming uncounted as zero, then re-opened
    ),
    max_size=30,
)


@dataclass
class Puller:
    """A device's side of pull, as the sync client runs it: pages of the change log into its store."""

    store: Store
    cursor: int = 0

    def pull(self, db: Database) -> None:
        more = True
        while more:
            with db.read() as conn:
                body, more = pull.page(conn, self.store.device_id, self.cursor, 1000)
            page = json.loads(body)
            with SqlUnitOfWork(self.store) as uow:
                local.apply_changes(uow, page["changes"], START)
                uow.commit()
            self.cursor = page["next_cursor"]


@dataclass
class World:
    """A server database, a device enrolled with it that records, and a peer device that only pulls; sam
    supervises on all three."""

    db: Database
    store: Store
    counting: Counting
    device: Actor
    server: Actor
    own: Puller
    peer: Puller

    def pull(self) -> None:
        self.own.pull(self.db)
        self.peer.pull(self.db)

    def push(self) -> list[dict[str, Any]]:
        """Every event the device wrote, pushed as the sync client pushes; returns the verdicts."""
        with SqlUnitOfWork(self.store) as uow:
            events = local.own_events_after(uow, 0, 100_000)
        with self.db.read() as conn:
            high_water = conn.execute(
                select(t.devices.c.high_water).where(t.devices.c.id == self.store.device_id)
            ).scalar_one()
        body = PushIn(events=[WireEvent.model_validate(e.to_wire()) for e in events if e.seq > high_water])
        with self.db.write() as tx:
            out = push.push(tx, self.server, START, body)
        assert out["resend_from"] is None
        return list(out["verdicts"])


@pytest.fixture
def world(db: Database, store: Store, clock: FixedClock, tmp_path: Path) -> Iterator[World]:
    device = device_actor(store, "supervisor", "sam")
    server = Actor("sam", store.device_id, permissions_for_roles(["supervisor"]))
    with db.write() as tx:
        tx.conn.execute(
            insert(t.devices).values(
                id=store.device_id, name="test device", enrolled_at=START, enrolled_by="test", high_water=0
            )
        )
        products = [ProductIn(sku=sku, name=sku.title(), gtins=[code]) for sku, code in SKUS.items()]
        catalog.import_products(tx, products)
    peer = Store.open(tmp_path / "peer" / "scanapp.db")
    w = World(db, store, Counting(lambda: SqlUnitOfWork(store), clock), device, server, Puller(store), Puller(peer))
    w.pull()
    yield w
    peer.close()


def record(w: World, session_id: str, ops: list[tuple[str, Any]], kind: CountKind) -> None:
    """The steps through the device's services; a step that has nothing to act on is skipped."""
    counting, sam = w.counting, w.device
    for op, arg in ops:
        active = device_lines(w.store, session_id)
        if op == "scan":
            counting.record_scan(sam, session_id, arg, "test")
        elif op == "remove" and active:
            counting.remove_line(sam, session_id, active[arg % len(active)]["event_id"])
        elif op == "match":
            unmatched = [ln for ln in active if ln["category"] == Category.UNMATCHED.value]
            index, sku, alias = arg
            if unmatched:
                counting.match_line(sam, session_id, unmatched[index % len(unmatched)]["event_id"], sku, alias)
        elif op == "hand" and kind is CountKind.DIRECTED:
            counting.add_hand_counted(sam, session_id, [arg])
        elif op == "submit":
            try:
                counting.submit(sam, session_id, confirmed_uncounted_zero=True)
            except DomainError:
                continue  # unmatched scans block it; nothing was recorded
            counting.reopen(sam, session_id)


def device_lines(store: Store, session_id: str) -> list[dict[str, Any]]:
    """Active lines, newest first, as the scan list shows them."""
    with store.read() as conn:
        rows = conn.execute(
            select(s.scan_lines)
            .where(s.scan_lines.c.session_id == session_id, s.scan_lines.c.removed.is_(False))
            .order_by(s.scan_lines.c.ordinal.desc())
        )
        return [dict(r._mapping) for r in rows]


def stored_lines(conn: Any, table: Any, session_id: str) -> dict[str, tuple[Any, ...]]:
    rows = conn.execute(select(table).where(table.c.session_id == session_id))
    return {r.event_id: (r.kind, r.code, r.item_key, r.units, bool(r.removed)) for r in rows}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=steps, kind=st.sampled_from([CountKind.DIRECTED, CountKind.HARD]), discard=st.booleans())
def test_device_and_server_project_a_session_alike(
    world: World, ops: list[tuple[str, Any]], kind: CountKind, discard: bool
) -> None:
    expected = [ExpectedItem(item_key=k, expected_qty=3) for k in LISTED] if kind is CountKind.DIRECTED else []
    body = CountIn(name="Aisle 5", kind=kind.value, planned_start=START - timedelta(hours=1), expected=expected)
    with world.db.write() as tx:
        count = sessions.create_count(tx, world.server, START, body)
    session_id = count["sessions"][0]["id"]
    world.pull()
    world.counting.start(world.device, session_id)
    record(world, session_id, ops, kind)
    if discard:
        world.counting.discard(world.device, session_id)

    assert world.push() == []  # the server applied every event the device wrote
    world.pull()  # the peer receives them

    fold = SessionTally(kind, [e.item_key for e in expected])
    with SqlUnitOfWork(world.store) as uow:
        for event in uow.journal.for_session(session_id):
            fold.apply(event)
    totals = fold.totals()
    device_totals, device_items, device_stored, device_codes = device_state(world.store, session_id)
    with world.db.read() as conn:
        report = reports.count_report(conn, count["id"], START)
        server_stored = stored_lines(conn, t.lines, session_id)
        server_codes = {r.code: r.sku for r in conn.execute(select(t.product_codes))}

    assert device_totals == totals
    assert device_items == fold.counted()
    assert device_state(world.peer.store, session_id) == (device_totals, device_items, device_stored, device_codes)
    assert server_stored == device_stored
    assert len(server_stored) == totals.lines
    assert sum(1 for line in server_stored.values() if line[0] == "rejected") == totals.rejected
    assert {code: device_codes.get(code) for code in fold.aliases} == fold.aliases
    assert {code: server_codes.get(code) for code in fold.aliases} == fold.aliases
    # The report adds up every session that is not discarded: here, this one or none.
    counted = {ln["item_key"]: ln["counted"] for ln in report["lines"] if ln["counted"]}
    assert counted == ({} if discard else fold.counted())
    assert report["totals"] == _report_totals(Totals() if discard else totals)


def device_state(
    store: Store, session_id: str
) -> tuple[Totals, dict[str, int], dict[str, tuple[Any, ...]], dict[str, str]]:
    """A device's totals, units per item, lines and product codes."""
    with store.read() as conn:
        items = select(s.session_items).where(s.session_items.c.session_id == session_id)
        return (
            totals_for(conn, session_id),
            {r.item_key: r.units for r in conn.execute(items) if r.units > 0},
            stored_lines(conn, s.scan_lines, session_id),
            {r.code: r.sku for r in conn.execute(select(s.product_codes))},
        )


def _report_totals(totals: Totals) -> dict[str, int]:
    """The count report's figures in the fold's terms: units and items matched, and the unmatched scans (each
    one unit)."""
    unmatched = totals.units_in(Category.UNMATCHED)
    return {
        "units": totals.units - unmatched,
        "unique_products": totals.unique_items,
        "unmatched_scans": unmatched,
        "in_review": 0,
    }
