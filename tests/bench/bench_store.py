"""Store benchmark, run on demand (not part of the test suite). Prints numbers side by side:

1. Scan ingest (decode -> classify -> durable commit through Counting.record_scan) into one session growing
   to 100,000 scans, with a 1,000,000-product catalog, against a raw sqlite3 loop that inserts one row and
   commits, at the same durability (WAL, synchronous=FULL). Target: at least half the raw rate, p99 <= 10 ms.
2. Import of a 1,000,000-row catalog CSV (`scanapp catalog import`, in its own process so its peak RSS is
   measured) against raw sqlite3: csv.reader + executemany of the same rows into the same tables, no
   validation. Target: at most 3x the raw time, peak memory <= 400 MB.

    .venv/bin/python tests/bench/bench_store.py [--products N] [--scans N] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import uuid6
from biip.checksums import gs1_standard_check_digit
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateTable

from scanapp.domain.counts import CountKind
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.counting import Counting
from scanapp.store import queries
from scanapp.store.database import Store
from scanapp.store.schema import events as events_table
from scanapp.store.schema import metadata
from scanapp.store.uow import SqlUnitOfWork


def gtin13(i: int) -> str:
    body = f"40{i:010d}"
    return body + str(gs1_standard_check_digit(body))


def write_catalog(path: Path, n: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["sku", "name", "parent_name", "gtin"])
        for i in range(n):
            w.writerow([f"SKU{i:07d}", f"Product {i} 500 ml", f"Family {i // 10}", gtin13(i)])


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def bench_import(work: Path, n: int) -> None:
    csv_path = work / "catalog.csv"
    t = time.perf_counter()
    write_catalog(csv_path, n)
    print(f"  (wrote {n:,} rows, {csv_path.stat().st_size / 1e6:.0f} MB, in {time.perf_counter() - t:.1f} s)")

    # Ours first, through the real command in its own process, while this process is still small: a
    # forked child's peak RSS counts the parent's pages until exec (posix_spawn avoids the fork).
    data_dir = work / "import-data"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "scanapp", "--data-dir", str(data_dir), "catalog", "import", str(csv_path)],
        capture_output=True,
        text=True,
        close_fds=False,
    )
    ours = time.perf_counter() - t
    peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    if proc.returncode != 0:
        raise SystemExit(f"import failed: {proc.stderr[-2000:]}")
    # Raw: the same rows into the same two tables with the same indexes, straight from csv.reader.
    raw_db = work / "raw-import.db"
    Store.open(raw_db).close()  # our schema, created by the migrations
    conn = sqlite3.connect(raw_db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    t = time.perf_counter()
    with csv_path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader)
        rows = list(reader)
    conn.executemany("INSERT INTO products (sku, name, parent_name) VALUES (?, ?, ?)", (r[:3] for r in rows))
    conn.executemany(
        "INSERT INTO product_codes (code, sku, source) VALUES (?, ?, 'catalog')", ((r[3].zfill(14), r[0]) for r in rows)
    )
    conn.commit()
    raw_time = time.perf_counter() - t
    conn.close()
    del rows

    # A bare single-table executemany, for context.
    bare = sqlite3.connect(work / "bare.db")
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("PRAGMA synchronous=FULL")
    bare.execute("CREATE TABLE c (sku TEXT, name TEXT, parent_name TEXT, gtin TEXT)")
    t = time.perf_counter()
    with csv_path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader)
        bare.executemany("INSERT INTO c VALUES (?, ?, ?, ?)", reader)
    bare.commit()
    bare_time = time.perf_counter() - t
    bare.close()

    print(f"  scanapp catalog import: {ours:6.2f} s   ({n / ours:,.0f} rows/s)   peak RSS {peak_mb:.0f} MB")
    print(f"  raw csv + executemany : {raw_time:6.2f} s   (same tables and indexes, no validation)")
    print(f"  bare executemany      : {bare_time:6.2f} s   (one unindexed table, for context)")
    print(
        f"  ratio ours/raw: {ours / raw_time:.2f}x (target <= 3x)   peak {peak_mb:.0f} MB (target <= 400 MB)   "
        f"-> {'PASS' if ours / raw_time <= 3 and peak_mb <= 400 else 'MISS'}"
    )
    print(f"  [{proc.stdout.strip()}]")


def bench_ingest(work: Path, products: int, scans: int) -> None:
    store = Store.open(work / "ingest" / "scanapp.db")
    t = time.perf_counter()
    with SqlUnitOfWork(store) as uow:
        for start in range(0, products, 50_000):
            ids = range(start, min(products, start + 50_000))
            uow.catalog.import_batch(
                [(f"SKU{i:07d}", f"Product {i}", f"Family {i // 10}") for i in ids],
                [(gtin13(i).zfill(14), f"SKU{i:07d}") for i in ids],
            )
        uow.commit()
    print(f"  (catalog of {products:,} products loaded in {time.perf_counter() - t:.1f} s)")

    rng = random.Random(1)
    counting = Counting(lambda: SqlUnitOfWork(store))
    me = Actor("bench", store.device_id, ROLES["supervisor"])
    directed = [(f"SKU{i:07d}", 10.0) for i in rng.sample(range(products), 5_000)]
    _, session = counting.create_count(
        me, "bench", CountKind.DIRECTED, counting.clock.now() - timedelta(hours=1), directed
    )
    counting.start(me, session.id)
    listed = [int(sku[3:]) for sku, _ in directed]
    raws = []
    for _ in range(scans):
        r = rng.random()
        if r < 0.6:
            raws.append(gtin13(rng.choice(listed)))  # counted
        elif r < 0.9:
            raws.append(gtin13(rng.randrange(products)))  # mostly undirected
        elif r < 0.95:
            raws.append(gtin13(products + rng.randrange(10**6)))  # valid GTIN, unknown: unmatched
        else:
            good = gtin13(rng.randrange(products))
            raws.append(good[:-1] + str((int(good[-1]) + 1) % 10))  # bad check digit: rejected
    # Two raw baselines, each one sqlite3 INSERT + COMMIT per scan at the same durability (WAL, FULL):
    # - "minimal row": a five-column row in a table with no secondary index, the least any scan could cost;
    # - "journal row": the same event row a scan records, into a table shaped like the store's events
    #   table (same columns and unique (device_id, seq) index), i.e. durably writing each scan and no more.
    minimal = sqlite3.connect(work / "raw-minimal.db", isolation_level=None)
    journal = sqlite3.connect(work / "raw-journal.db", isolation_level=None)
    for conn in (minimal, journal):
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
    minimal.execute("CREATE TABLE scans (id INTEGER PRIMARY KEY, session TEXT, raw TEXT, at TEXT, payload TEXT)")
    journal.execute(str(CreateTable(events_table).compile(dialect=sqlite.dialect())))

    def minimal_row(i: int, raw: str) -> None:
        minimal.execute("BEGIN")
        minimal.execute(
            "INSERT INTO scans (session, raw, at, payload) VALUES (?, ?, ?, ?)",
            (session.id, raw, "2026-11-22T09:00:00+00:00", f'{{"code":"{raw}","n":{i}}}'),
        )
        minimal.execute("COMMIT")

    def journal_row(i: int, raw: str) -> None:
        payload = json.dumps({"code": raw.zfill(14), "item_key": None, "manual": False, "raw": raw, "source": "bench"})
        journal.execute("BEGIN")
        journal.execute(
            "INSERT INTO events (id, device_id, seq, kind, session_id, user_id, wall_time, mono_ns, lock_epoch,"
            " payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(uuid6.uuid7()),
                me.device_id,
                i + 1,
                "scan_recorded",
                session.id,
                me.user_id,
                datetime.now(UTC).isoformat(),
                time.monotonic_ns(),
                0,
                payload,
            ),
        )
        journal.execute("COMMIT")

    # Alternate blocks of ours and the baselines, so all see the same machine (other processes, disk cache).
    timings: dict[str, list[float]] = {"ours": [], "minimal": [], "journal": []}
    runners = {
        "ours": lambda i, raw: counting.record_scan(me, session.id, raw, "bench"),
        "minimal": minimal_row,
        "journal": journal_row,
    }
    block = 1000
    for start in range(0, scans, block):
        for name, run in runners.items():
            lat = timings[name]
            for i, raw in enumerate(raws[start : start + block], start):
                a = time.perf_counter()
                run(i, raw)
                lat.append(time.perf_counter() - a)
    minimal.close()
    journal.close()
    with store.read() as rconn:
        totals = queries.totals(rconn, session.id)
    store.close()

    rate = {name: scans / sum(lat) for name, lat in timings.items()}
    latencies = timings["ours"]
    p99 = percentile(latencies, 0.99) * 1000
    for name, label in (
        ("ours", "scanapp record_scan    "),
        ("minimal", "raw: minimal row       "),
        ("journal", "raw: the scan's journal row"),
    ):
        lat = timings[name]
        print(
            f"  {label:27s}: {rate[name]:8,.0f}/s   p50 {statistics.median(lat) * 1000:.2f} ms   "
            f"p99 {percentile(lat, 0.99) * 1000:.2f} ms   max {max(lat) * 1000:.1f} ms"
        )
    for name in ("minimal", "journal"):
        ratio = rate["ours"] / rate[name]
        print(
            f"  ratio ours / {name} row: {ratio:.2f} (target >= 0.5)   p99 {p99:.2f} ms (target <= 10 ms)   "
            f"-> {'PASS' if ratio >= 0.5 and p99 <= 10 else 'MISS'}"
        )
    print(
        f"  session totals after {scans:,} scans: {totals.lines:,} lines, {totals.units:,} units, "
        f"{totals.unique_items:,} unique products, {totals.rejected:,} rejected"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--scans", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--only", choices=("ingest", "import"))
    args = parser.parse_args()
    assert metadata.tables  # the schema is importable; the store creates it
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        work = Path(tmp)
        print(f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}, work dir {work}")
        if args.only in (None, "ingest"):
            print(f"\nScan ingest: {args.scans:,} scans into one session, {args.products:,}-product catalog")
            bench_ingest(work, args.products, args.scans)
        if args.only in (None, "import"):
            print(f"\nCatalog import: {args.products:,} rows")
            bench_import(work, args.products)


if __name__ == "__main__":
    main()
