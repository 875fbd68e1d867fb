"""Supervisor station GUI benchmark (issue 12's target): a count of 50,000 listed items counted in 20 sessions;
the progress and variance tabs' first page on screen within 100 ms. Measures, on the offscreen platform with
the real widgets at 800x480, the tab opened cold (counts read, the count's lines computed, first page fetched
and painted), then warm (the station shown again), a filter change, and the table after an approval.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_supervisor_gui.py [--items N] [--sessions N]

The store is built as tests/bench/bench_supervisor.py builds it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from scanapp.bootstrap import App
from scanapp.domain.variance import Decision, Status
from scanapp.gui.shell.engine import Engine
from scanapp.gui.supervisor.progress_tab import ProgressTab
from scanapp.gui.supervisor.variance_tab import VarianceTab
from scanapp.store.database import Store
from tests.bench.bench_supervisor import build
from tests.helpers import FixedClock


def timed(fn: Callable[[], object]) -> float:
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--sessions", type=int, default=20)
    args = parser.parse_args()
    qt = QApplication([])
    folder = Path(tempfile.mkdtemp())
    clock = FixedClock(datetime(2026, 12, 6, 8, 0, tzinfo=UTC))
    store = Store.open(folder / "scanapp.db")
    began = time.perf_counter()
    count_id, _ids, boss = build(store, clock, args.items, args.sessions)
    print(f"built: {args.items} items, {args.sessions} sessions in {time.perf_counter() - began:.1f} s ({folder})")
    app = App(data_dir=folder, clock=clock, _store=store)
    engine = Engine(app)

    def first_page(tab: ProgressTab | VarianceTab) -> None:
        tab.refresh()
        tab.set_count(count_id)
        tab.repaint()  # the first page painted: its rows fetched and drawn
        qt.processEvents()

    for cls in (VarianceTab, ProgressTab):
        tab = cls(engine)
        tab.resize(800, 480)
        tab.show()
        qt.processEvents()
        cold = timed(lambda tab=tab: first_page(tab))
        warm = [timed(lambda tab=tab: first_page(tab)) for _ in range(20)]
        print(f"{cls.__name__:<12} first page: cold {ms(cold)}   warm median {ms(statistics.median(warm))}"
              f"   max {ms(max(warm))}")  # fmt: skip
        if isinstance(tab, VarianceTab):
            pending = tab.filter.findData(frozenset({Status.PENDING}))
            every = tab.filter.findData(None)

            def flip(tab: VarianceTab = tab, every: int = every, pending: int = pending) -> None:
                tab.filter.setCurrentIndex(every if tab.filter.currentIndex() == pending else pending)
                tab.table.repaint()

            flips = [timed(flip) for _ in range(20)]
            print(f"{'':<12} filter change: median {ms(statistics.median(flips))}   max {ms(max(flips))}")
            decided, after = [], []
            for _ in range(10):
                line = tab.model.row_at(0)
                if line is None:
                    break
                clock.advance(timedelta(seconds=1))
                key = line.item_key
                decided.append(
                    timed(lambda key=key: app.supervision.decide(boss, count_id, key, Decision.APPROVED, ""))
                )

                def again(tab: VarianceTab = tab) -> None:
                    tab.load(count_id)
                    tab.table.repaint()

                after.append(timed(again))
            if after:
                print(f"{'':<12} approve (the service): median {ms(statistics.median(decided))}")
                median, worst = ms(statistics.median(after)), ms(max(after))
                print(f"{'':<12} the tab read again after it: median {median}   max {worst}")
            print(f"{'':<12} pages fetched by the table: {tab.model.fetches}")
        tab.close()
    app.close()


if __name__ == "__main__":
    main()
