"""Start-up benchmark, run on demand (not part of the test suite). Prints numbers side by side:

1. CLI cold start: `scanapp decode CODE` against `python -c "import biip"` (decode cannot start faster than
   the library it reads with). Target: at most 2x.
2. GUI start to its first window: from spawning the process until its first window has been shown and painted
   (a QWidget.show wrapped in the child process, the same for both), `scanapp --smoke-test` on an existing
   store against a bare PySide6 script that shows an empty QMainWindow. Target: at most 2x. The whole smoke
   test (store opened, main window shown and closed) is printed beside it.

Each is the median of N runs of a fresh process (wall time and the child's CPU time), offscreen.

    .venv/bin/python tests/bench/bench_startup.py [--runs N] [--built build/dist/scanapp]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Prints the wall-clock time when the process's first window has been shown and its events processed.
FIRST_SHOW_PROBE = """
import sys, time
from PySide6.QtWidgets import QApplication, QWidget
_show = QWidget.show
def show(self):
    _show(self)
    if not getattr(QWidget, "_probed", False):
        QWidget._probed = True
        QApplication.processEvents()
        print(f"first-window {time.time():.6f}", file=sys.stderr, flush=True)
QWidget.show = show
"""
BARE_WINDOW = (
    FIRST_SHOW_PROBE
    + """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, window.close)
app.exec()
"""
)
APP = (
    FIRST_SHOW_PROBE
    + """
from scanapp.cli import main
sys.exit(main(sys.argv[1:]))
"""
)


def first_window(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    """Median seconds from spawning `cmd` until it printed that its first window was shown."""
    times = []
    for _ in range(runs):
        start = time.time()
        done = subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        shown = next(line for line in done.stderr.splitlines() if line.startswith("first-window "))
        times.append(float(shown.split()[1]) - start)
    return statistics.median(times)


def timed(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds of `cmd` over `runs` fresh processes."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return statistics.median(walls), statistics.median(cpus)


def row(label: str, measured: tuple[float, float], base: tuple[float, float] | None = None) -> None:
    wall, cpu = measured
    ratio = ""
    if base is not None:
        ratio = f"   {wall / base[0]:4.1f}x wall  {cpu / base[1]:4.1f}x CPU"
    print(f"  {label:<44} {wall * 1000:7.0f} ms wall  {cpu * 1000:7.0f} ms CPU{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--built", type=Path, help="a PyInstaller folder (build/dist/scanapp) to measure too")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    py = sys.executable
    with tempfile.TemporaryDirectory() as data:
        print("CLI cold start (target: decode within 2x of importing biip)")
        biip = timed([py, "-c", "import biip"], args.runs, env)
        row("python -c 'import biip'", biip)
        decode = timed([py, "-m", "scanapp", "decode", "4006381333931"], args.runs, env)
        row("scanapp decode 4006381333931", decode, biip)

        print("GUI start to its first window (target: within 2x of a bare PySide6 window)")
        # The store exists before the runs: the first start's migrations are not what is measured.
        subprocess.run([py, "-m", "scanapp", "--data-dir", data, "--smoke-test"], check=True, env=env)
        bare_first = first_window([py, "-c", BARE_WINDOW], args.runs, env)
        app_first = first_window([py, "-c", APP, "--data-dir", data, "--smoke-test"], args.runs, env)
        print(f"  {'first window: bare PySide6 QMainWindow':<44} {bare_first * 1000:7.0f} ms")
        print(f"  {'first window: scanapp':<44} {app_first * 1000:7.0f} ms   {app_first / bare_first:4.1f}x")
        bare = timed([py, "-c", BARE_WINDOW], args.runs, env)
        row("whole run: bare PySide6 QMainWindow", bare)
        app = timed([py, "-m", "scanapp", "--data-dir", data, "--smoke-test"], args.runs, env)
        row("whole run: scanapp --smoke-test", app, bare)
        if args.built:
            exe = str(args.built / "scanapp")
            subprocess.run([exe, "--data-dir", data, "--smoke-test"], check=True, env=env)
            row("built scanapp --smoke-test", timed([exe, "--data-dir", data, "--smoke-test"], args.runs, env), bare)
            row("built scanapp decode", timed([exe, "decode", "4006381333931"], args.runs, env), biip)


if __name__ == "__main__":
    main()
