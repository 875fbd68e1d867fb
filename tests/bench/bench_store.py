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
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from biip.checksums import gs1_standard_check_digit

from scanapp.domain.counts import CountKind
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.counting import Counting
from scanapp.store import queries
from scanapp.store.database import Store
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
    raw_db = work / "raw-ingest.db"
    conn = sqlite3.connect(raw_db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE scans (id INTEGER PRIMARY KEY, session TEXT, raw TEXT, at TEXT, payload TEXT)")

    # Alternate blocks of ours and raw, so both see the same machine (other processes, disk cache).
    latencies: list[float] = []
    raw_lat: list[float] = []
    ours = raw_time = 0.0
    block = 1000
    for start in range(0, scans, block):
        chunk = raws[start : start + block]
        t = time.perf_counter()
        for raw in chunk:
            a = time.perf_counter()
            counting.record_scan(me, session.id, raw, "bench")
            latencies.append(time.perf_counter() - a)
        ours += time.perf_counter() - t
        t = time.perf_counter()
        for i, raw in enumerate(chunk, start):
            a = time.perf_counter()
            conn.execute("BEGIN")
            conn.execute(
                "INSERT INTO scans (session, raw, at, payload) VALUES (?, ?, ?, ?)",
                (session.id, raw, "2026-11-22T09:00:00+00:00", f'{{"code":"{raw}","n":{i}}}'),
            )
            conn.execute("COMMIT")
            raw_lat.append(time.perf_counter() - a)
        raw_time += time.perf_counter() - t
    conn.close()
    with store.read() as rconn:
        totals = queries.totals(rconn, session.id)
    store.close()

    ours_rate, raw_rate = scans / ours, scans / raw_time
    p99 = percentile(latencies, 0.99) * 1000
    print(
        f"  scanapp record_scan : {ours_rate:8,.0f} scans/s   p50 {statistics.median(latencies) * 1000:.2f} ms   "
        f"p99 {p99:.2f} ms   max {max(latencies) * 1000:.1f} ms"
    )
    print(
        f"  raw insert+commit   : {raw_rate:8,.0f} rows/s    p50 {statistics.median(raw_lat) * 1000:.2f} ms   "
        f"p99 {percentile(raw_lat, 0.99) * 1000:.2f} ms"
    )
    print(
        f"  ratio ours/raw rate: {ours_rate / raw_rate:.2f} (target >= 0.5)   p99 {p99:.2f} ms (target <= 10 ms)   "
        f"-> {'PASS' if ours_rate / raw_rate >= 0.5 and p99 <= 10 else 'MISS'}"
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
