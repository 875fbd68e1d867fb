"""Fixtures of the supervisor's station tests: its services on the test's store, and a count with every case
of variance (counted in two sessions, counted 0, not counted, not listed, a discarded session)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from scanapp.domain.counts import Count, CountKind, Session
from scanapp.domain.permissions import Actor
from scanapp.services.counting import Counting
from scanapp.services.supervision import Supervision
from scanapp.services.supervisor_reads import SupervisorReads
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import COLA, WATER, FixedClock, add_products


@pytest.fixture
def reads(store: Store, clock: FixedClock) -> SupervisorReads:
    return SupervisorReads(lambda: SqlUnitOfWork(store), clock)


@pytest.fixture
def supervision(store: Store, clock: FixedClock, reads: SupervisorReads) -> Supervision:
    return Supervision(lambda: SqlUnitOfWork(store), clock, reads)


@pytest.fixture
def counted(store: Store, counting: Counting, supervisor: Actor, clock: FixedClock) -> tuple[Count, Session, Session]:
    """A directed count: COLA (12 expected) counted 2 in the default session and 5 in "Aisle B"; CHIPS (3)
    counted as 0; JUICE (4) not counted; WATER (not listed) scanned once; a discarded session counted 50 COLA."""
    add_products(
        store,
        {"SKU-COLA": [COLA.zfill(14)], "SKU-WATER": [WATER.zfill(14)], "SKU-CHIPS": [], "SKU-JUICE": []},
    )
    count, default = counting.create_count(
        supervisor,
        "Aisle 5",
        CountKind.DIRECTED,
        clock.now() - timedelta(hours=1),
        [("SKU-COLA", 12.0), ("SKU-CHIPS", 3.0), ("SKU-JUICE", 4.0)],
    )
    counting.start(supervisor, default.id)
    counting.record_scan(supervisor, default.id, COLA, "wedge")
    counting.record_scan(supervisor, default.id, COLA, "wedge")
    counting.record_scan(supervisor, default.id, WATER, "wedge")
    counting.add_hand_counted(supervisor, default.id, [("SKU-CHIPS", 0)])
    other = counting.new_session(supervisor, count.id, "Aisle B", "Backstock")
    counting.start(supervisor, other.id)
    counting.add_hand_counted(supervisor, other.id, [("SKU-COLA", 5)])
    gone = counting.new_session(supervisor, count.id, "Mistake", "")
    counting.start(supervisor, gone.id)
    counting.add_hand_counted(supervisor, gone.id, [("SKU-COLA", 50)])
    counting.discard(supervisor, gone.id)
    return count, default, other
