"""Lab benchmark on a 100,000-item lab (issue 10's targets): the start modal's live count (≤ 200 ms), each of the
three views' first page (≤ 50 ms), and one scan tagged and shown on the Barcode Tracking page (≤ 16 ms p99).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_lab.py [--items N] [--scans N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from scanapp.bootstrap import GUI_BUSY_TIMEOUT_MS, App
from scanapp.domain.lab import location_code
from scanapp.domain.lab_rows import View
from scanapp.domain.permissions import ROLES
from scanapp.gui.lab.start_dialog import NEW, StartSessionDialog
from scanapp.gui.models.lab_listing import ListingModel
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.main_window import MainWindow
from scanapp.scanners.read import ScanRead
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork

PLACES = [f"Freezer {i}" for i in range(1, 11)] + [f"Shelf {i}" for i in range(1, 11)]


def stock(store: Store, n: int) -> None:
    with SqlUnitOfWork(store) as uow:
        uow.catalog.cur.executemany(
            "INSERT INTO inventory_items (barcode, ingredient, lab, location, quantity, unit, status)"
            " VALUES (?, ?, 'Lab A', ?, 10, 'ml', ?)",
            [
                (f"L-{i:07d}", f"Reagent {i % 300}", PLACES[i % len(PLACES)], "available" if i % 9 else "in use")
                for i in range(n)
            ],
        )
        uow.users.upsert("lee", "Lee", ROLES["lab_tech"])
        uow.commit()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--scans", type=int, default=300)
    args = parser.parse_args()
    qt = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    store = Store.open(folder / "scanapp.db", busy_timeout_ms=GUI_BUSY_TIMEOUT_MS)
    stock(store, args.items)
    app = App(data_dir=folder, _store=store)
    engine = Engine(app)
    lee_row = next(u for u in app.reads.users() if u.user_id == "lee")
    engine.sign_in(lee_row)
    lee = engine.actor

    # 1. The start modal's live count: a new config filtering on ten places and two statuses.
    dialog = StartSessionDialog(engine)
    dialog.config.setCurrentIndex(dialog.config.findData(NEW))
    for column, wanted in (("location", set(PLACES[:10])), ("status", {"available", "in use"})):
        model = dialog.filter_models[column]
        model.blockSignals(True)
        for i in range(model.rowCount()):
            if model.item(i).text() in wanted:
                model.item(i).setCheckState(__import__("PySide6.QtCore", fromlist=["Qt"]).Qt.CheckState.Checked)
        model.blockSignals(False)
    counts = []
    for _ in range(10):
        t0 = time.perf_counter()
        dialog.update_count()
        counts.append(time.perf_counter() - t0)
    print(
        f"start modal live count ({dialog.count_label.text()}): median {ms(statistics.median(counts))},"
        f" max {ms(max(counts))}"
    )

    config = app.lab.create_listing_config(lee, "Everything", {})
    _count, session = app.lab.start(lee, "Bench", "Lab A", config.id)
    print(f"scope frozen: {app.lab_reads.session(session.id).expected:,} items")
    app.lab.scan(lee, session.id, "L-0000001", "bench")
    app.lab.scan(lee, session.id, "NOT-HERE", "bench")

    # 2. Each view's first page (count, then the rows a view asks for first), on a fresh model each time.
    for view in View:
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            model = ListingModel(app.lab_reads, view, config.columns)
            model.set_session(session.id)
            model.data(model.index(0, 0))
            times.append(time.perf_counter() - t0)
        print(
            f"view {view.value}: {model.rowCount():,} rows, first page median {ms(statistics.median(times))},"
            f" max {ms(max(times))}"
        )

    # 3. A scan tagged and shown: routed like a wedge burst, until the page repainted its list.
    app.lab_station.remember(session.id)
    window = MainWindow(engine)
    window.resize(800, 480)
    window.show()
    window.show_lab()
    window.idle_lock.unlock() if window.locked else None
    qt.processEvents()
    page = window.lab
    window.capture.router.route(ScanRead(location_code("Lab A", "Freezer 1"), "wedge", datetime.now(UTC)))
    qt.processEvents()
    shown = []
    for i in range(args.scans):
        code = f"L-{(i * 37 + 11) % args.items:07d}"
        done: list[int] = []
        page.refreshed.connect(lambda d=done: d.append(1))
        t0 = time.perf_counter()
        window.capture.router.route(ScanRead(code, "wedge", datetime.now(UTC)))
        while not done:
            qt.processEvents()
        page.scan_view.viewport().repaint()
        shown.append(time.perf_counter() - t0)
        page.refreshed.disconnect()
    shown.sort()
    p = lambda q: shown[min(len(shown) - 1, int(q * len(shown)))]  # noqa: E731
    print(
        f"scan tagged and shown ({args.scans} scans): p50 {ms(p(0.5))}, p95 {ms(p(0.95))}, p99 {ms(p(0.99))}, "
        f"max {ms(shown[-1])}"
    )
    window.close()
    app.close()


if __name__ == "__main__":
    main()
