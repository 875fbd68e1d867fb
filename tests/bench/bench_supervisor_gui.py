"""Supervisor station GUI benchmark (issue 12's target): a count of 50,000 listed items counted in 20 sessions;
the progress and variance tabs' first page on screen within 100 ms. Measures, on the offscreen platform with
the real widgets at 800x480, the tab opened cold (on screen at once, saying it is reading, while the count's lines
are computed on its worker thread; then the first page fetched and painted, and how long the event loop was held
meanwhile), then warm (the lines kept: the station computes the first count when it opens, before a tab shows
it), a filter change, and the table after an approval.

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
        app.supervisor_reads.forget()  # nothing kept from the tab before: cold is the first open's whole cost

        def opened(cls: type[ProgressTab | VarianceTab] = cls) -> ProgressTab | VarianceTab:
            tab = cls(engine)
            tab.resize(800, 480)
            tab.show()  # shown, it reads its counts and the first count's first page
            first_page(tab)
            return tab

        began = time.perf_counter()
        tab = opened()
        cold = time.perf_counter() - began  # on screen, saying it is reading (a large count)
        longest, last = 0.0, time.perf_counter()
        while tab.is_reading:  # the lines computed on the worker thread, then the first page shown
            qt.processEvents()  # the event loop's longest turn meanwhile: how responsive the screen stays
            now = time.perf_counter()
            longest, last = max(longest, now - last), now
            time.sleep(0.001)
        first_page(tab)
        ready = time.perf_counter() - began
        warm = [timed(lambda tab=tab: first_page(tab)) for _ in range(20)]
        print(f"{cls.__name__:<12} opened cold: on screen {ms(cold)}, first page once computed {ms(ready)}"
              f" (event loop's longest turn meanwhile {ms(longest)})")  # fmt: skip
        print(f"{'':<12} first page: warm median {ms(statistics.median(warm))}   max {ms(max(warm))}")
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
