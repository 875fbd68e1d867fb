"""The store's incremental totals against the journal: a rebuild and the reference fold must agree."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scanapp.domain.classification import Category
from scanapp.domain.counts import CountKind
from scanapp.domain.permissions import Actor
from scanapp.domain.projection import SessionTally
from scanapp.services.counting import Counting
from scanapp.store import queries
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import CHIPS, COLA, WATER, FixedClock, add_products

CODES = [COLA, WATER, CHIPS, "UNKNOWN-1", "UNKNOWN-2", COLA[:-1] + "0"]  # the last has a bad check digit
SKUS = ["SKU-COLA", "SKU-WATER", "SKU-CHIPS"]

ops = st.lists(
    st.one_of(
        st.tuples(st.just("scan"), st.sampled_from(CODES)),
        st.tuples(st.just("remove"), st.integers(0, 50)),
        st.tuples(st.just("match"), st.tuples(st.integers(0, 50), st.sampled_from(SKUS))),
        st.tuples(st.just("hand"), st.tuples(st.sampled_from(["SKU-COLA", "SKU-CHIPS"]), st.integers(0, 20))),
    ),
    max_size=40,
)
counter = itertools.count()


def store_state(store: Store, session_id: str):
    with store.read() as conn:
        t = queries.totals(conn, session_id)
        lines = queries.lines(conn, session_id, limit=10_000)
        items = {c: queries.items(conn, session_id, c) for c in (Category.COUNTED, Category.UNDIRECTED)}
        uncounted = queries.uncounted(conn, session_id)
    return t, lines, items, uncounted


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=ops, kind=st.sampled_from([CountKind.DIRECTED, CountKind.HARD]))
def test_incremental_totals_equal_the_fold_and_a_rebuild(
    store: Store, counting: Counting, supervisor: Actor, clock: FixedClock, steps, kind: CountKind
) -> None:
    if next(counter) == 0:
        add_products(
            store, {"SKU-COLA": [COLA.zfill(14)], "SKU-WATER": [WATER.zfill(14)], "SKU-CHIPS": [CHIPS.zfill(14)]}
        )
    expected = [("SKU-COLA", 5.0), ("SKU-CHIPS", 2.0)] if kind is CountKind.DIRECTED else []
    _count, session = counting.create_count(supervisor, "c", kind, clock.now() - timedelta(hours=1), expected)
    counting.start(supervisor, session.id)
    for op, arg in steps:
        with store.read() as conn:
            active = queries.lines(conn, session.id, limit=10_000)
        if op == "scan":
            counting.record_scan(supervisor, session.id, arg, "test")
        elif op == "remove" and active:
            counting.remove_line(supervisor, session.id, active[arg % len(active)].event_id)
        elif op == "match":
            unmatched = [ln for ln in active if ln.category is Category.UNMATCHED]
            if unmatched:
                index, sku = arg
                counting.match_line(supervisor, session.id, unmatched[index % len(unmatched)].event_id, sku)
        elif op == "hand" and kind is CountKind.DIRECTED:
            counting.add_hand_counted(supervisor, session.id, [arg])

    incremental = store_state(store, session.id)

    fold = SessionTally(kind, [k for k, _ in expected])
    with SqlUnitOfWork(store) as uow:
        for event in uow.journal.for_session(session.id):
            fold.apply(event)
    totals, lines, items, uncounted = incremental
    assert totals == fold.totals()
    assert [ln.event_id for ln in lines] == [ln.event_id for ln in fold.active_lines()]
    assert {r.item_key for r in uncounted} == (fold.uncounted() if kind is CountKind.DIRECTED else set())
    # Counted and Undirected list every item counted, those counted as 0 (a hand count of 0) too (C10).
    listed = {r.item_key: r.units for rows in items.values() for r in rows}
    assert listed == fold.counted_items()
    assert sum(totals.by_category.values()) == totals.units

    counting.rebuild(session.id)
    assert store_state(store, session.id) == incremental


def test_an_accepted_scan_survives_the_process_being_killed(tmp_path: Path) -> None:
    """Every scan reported as accepted is in the file after a kill -9 at an arbitrary moment."""
    data_dir = tmp_path / "d"
    script = textwrap.dedent(f"""
        import sys
        from datetime import timedelta
        from scanapp.store.database import Store
        from scanapp.store.uow import SqlUnitOfWork
        from scanapp.services.counting import Counting
        from scanapp.domain.counts import CountKind
        from scanapp.domain.permissions import ROLES, Actor
        store = Store.open(__import__("pathlib").Path({str(data_dir / "s.db")!r}))
        svc = Counting(lambda: SqlUnitOfWork(store))
        me = Actor("sam", store.device_id, ROLES["supervisor"])
        count, session = svc.create_count(me, "c", CountKind.HARD, svc.clock.now() - timedelta(hours=1))
        svc.start(me, session.id)
        print(session.id, flush=True)
        while True:
            out = svc.record_scan(me, session.id, "{COLA}", "test")
            print(out.line_id, flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    session_id = proc.stdout.readline().strip()
    accepted = [proc.stdout.readline().strip() for _ in range(300)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    accepted += [line.strip() for line in proc.stdout if line.strip()]  # what it printed before dying

    store = Store.open(data_dir / "s.db")
    with SqlUnitOfWork(store) as uow:
        journal = {e.id for e in uow.journal.for_session(session_id)}
    with store.read() as conn:
        units = queries.totals(conn, session_id).units
    store.close()
    assert set(accepted) <= journal
    assert units >= len(accepted)
    assert units == len(journal) - 2  # every scan event counted once; minus session_created and started
