"""Supervisor station benchmark (issue 12's target): a count of 50,000 listed items counted in 20 sessions, the
progress and variance screens' first page within 100 ms. Prints the reads cold (nothing kept), warm, after a
decision (that item recomputed), after a scan in one of the count's sessions and after a threshold change
(the lines computed again from the store).

    .venv/bin/python tests/bench/bench_supervisor.py [--items N] [--sessions N]

The count and its sessions are made through the services; the sessions' per-item projection rows
(session_items, session_totals, one scan line each for the last activity) are written in bulk SQL, as the
projection would have left them: 50,000 hand counts through the services take minutes, not the point here.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scanapp.domain.counts import CountKind
from scanapp.domain.permissions import ROLES, Actor
from scanapp.domain.variance import Decision, Grouping, Status, Threshold, ThresholdKind
from scanapp.services.counting import Counting
from scanapp.services.supervision import Supervision
from scanapp.services.supervisor_reads import SupervisorReads
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import FixedClock

T = TypeVar("T")
PAGE = 100
PENDING = frozenset({Status.PENDING})


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    began = time.perf_counter()
    out = fn()
    return time.perf_counter() - began, out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def build(store: Store, clock: FixedClock, items: int, sessions: int) -> tuple[str, list[str], Actor]:
    boss = Actor("sam", store.device_id, ROLES["supervisor"])
    keys = [f"SKU-{i:06d}" for i in range(items)]
    with SqlUnitOfWork(store) as uow:
        uow.catalog.cur.executemany(
            "INSERT INTO products (sku, name, parent_name) VALUES (?, ?, ?)",
            [(k, f"Product {k}", f"Family {i % 400}") for i, k in enumerate(keys)],
        )
        uow.users.upsert("sam", "Sam", ROLES["supervisor"])
        uow.commit()
    counting = Counting(lambda: SqlUnitOfWork(store), clock)
    count, default = counting.create_count(
        boss, "Store 12 full count", CountKind.DIRECTED, clock.now(), [(k, 5.0 + i % 7) for i, k in enumerate(keys)]
    )
    ids = [default.id] + [
        counting.new_session(boss, count.id, f"Aisle {n}", f"Area {n % 5}").id for n in range(1, sessions)
    ]
    for sid in ids:
        counting.start(boss, sid)
    # Each item counted in one session (a tenth of them in a second one too; some counted as 0, 2 % not at all).
    rows: list[tuple[str, str, int, str, int]] = []
    for i, key in enumerate(keys):
        if i % 50 == 49:
            continue
        units = 0 if i % 97 == 0 else 5 + (i % 7) + (i % 13 == 0) * (i % 5 - 2)
        rows.append((ids[i % len(ids)], key, units, "Counted", 1))
        if i % 10 == 0:
            rows.append((ids[(i + 1) % len(ids)], key, 1, "Counted", 1))
    at = (clock.now() + timedelta(minutes=30)).isoformat()
    with SqlUnitOfWork(store) as uow:
        cur = uow.catalog.cur
        cur.executemany(
            "INSERT INTO session_items (session_id, item_key, units, category, lines) VALUES (?, ?, ?, ?, ?)", rows
        )
        for n, sid in enumerate(ids):
            mine = [r for r in rows if r[0] == sid]
            cur.execute(
                "UPDATE session_totals SET lines = ?, units = ?, units_counted = ?, unique_items = ?,"
                " expected_scanned = ? WHERE session_id = ?",
                (len(mine), sum(r[2] for r in mine), sum(r[2] for r in mine), len(mine), len(mine), sid),
            )
            cur.execute(
                "INSERT INTO scan_lines (session_id, ordinal, event_id, kind, raw, code, item_key, units, category,"
                " source, manual, at, removed) VALUES (?, ?, ?, 'hand', '', ?, ?, 0, 'Counted', 'hand', 1, ?, 0)",
                (sid, len(mine), f"bench-{n}", keys[n], keys[n], at),
            )
        uow.commit()
    return count.id, ids, boss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--sessions", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    clock = FixedClock(datetime(2026, 12, 6, 8, 0, tzinfo=UTC))
    store = Store.open(folder / "scanapp.db")
    began = time.perf_counter()
    count_id, ids, boss = build(store, clock, args.items, args.sessions)
    print(f"built: {args.items} items, {args.sessions} sessions in {time.perf_counter() - began:.1f} s ({folder})")

    def uow() -> SqlUnitOfWork:
        return SqlUnitOfWork(store)

    reads = SupervisorReads(uow, clock)
    supervision = Supervision(uow, clock, reads)
    counting = Counting(uow, clock)

    def first_pages() -> tuple[float, float, float]:
        """The variance screen's first page of all items (with the total), of Pending approval, then progress."""
        t_all, _ = timed(lambda: (reads.variance_page(count_id, None, 0, PAGE), reads.variance_total(count_id, None)))
        t_pending, _ = timed(
            lambda: (reads.variance_page(count_id, PENDING, 0, PAGE), reads.variance_total(count_id, PENDING))
        )
        t_prog, _ = timed(lambda: reads.progress(count_id))
        return t_all, t_pending, t_prog

    def report(label: str, times: tuple[float, ...]) -> None:
        print(f"{label:<40} all {ms(times[0])}   pending {ms(times[1])}   progress {ms(times[2])}")

    t, _ = timed(lambda: (reads.variance_page(count_id, None, 0, PAGE), reads.variance_total(count_id, None)))
    print(f"{'cold, first page of all items':<40} {ms(t)}")
    t, _ = timed(lambda: reads.prepare(count_id))
    print(f"{'cold, prepare (compute everything)':<40} {ms(t)}")
    warm = [first_pages() for _ in range(20)]
    report("warm (median of 20)", tuple(statistics.median(w[i] for w in warm) for i in range(3)))
    print(f"lines: {reads.variance_total(count_id, None)}, pending approval: {reads.variance_total(count_id, PENDING)}")
    decide_times, after_decision = [], []
    for line in reads.variance_page(count_id, PENDING, 0, 10):
        clock.advance(timedelta(seconds=1))
        t, _ = timed(lambda key=line.item_key: supervision.decide(boss, count_id, key, Decision.APPROVED, ""))
        decide_times.append(t)
        after_decision.append(first_pages())
    print(f"{'decide (median of 10)':<40} {ms(statistics.median(decide_times))}")
    report("after a decision (median of 10)", tuple(statistics.median(w[i] for w in after_decision) for i in range(3)))
    after_scan = []
    for n in range(10):
        counting.add_hand_counted(boss, ids[n], [(f"SKU-{49 + 50 * n:06d}", 3)])
        after_scan.append(first_pages())
    report(
        "after a count in a session (median of 10)",
        tuple(statistics.median(w[i] for w in after_scan) for i in range(3)),
    )
    supervision.set_threshold(boss, count_id, Threshold(ThresholdKind.UNITS, 2))
    report("after a threshold change", first_pages())
    t, _ = timed(lambda: reads.figures(count_id, None))
    t2, _ = timed(lambda: reads.attribution(count_id, Grouping.SESSION))
    print(f"{'figures of the count / attribution':<40} {ms(t)} / {ms(t2)}")
    t, _ = timed(lambda: supervision.export(count_id, "csv", folder / "count.csv"))
    print(f"{'export CSV':<40} {ms(t)}")
    store.close()


if __name__ == "__main__":
    main()
