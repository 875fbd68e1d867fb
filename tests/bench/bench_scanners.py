"""Scanner input under load, on demand (not part of the pass/fail suite). Prints sent / received / lost.

    .venv/bin/python tests/bench/bench_scanners.py            # both
    .venv/bin/python tests/bench/bench_scanners.py serial     # 1,000 codes over a socat pty pair
    .venv/bin/python tests/bench/bench_scanners.py wedge      # xdotool typing into Xvfb, 1 ms per key

serial: the writer paces bytes at 115,200 baud (10 bits a byte, 8N1: a pty has no line rate of its own),
then sends the same burst unpaced; a code counts as received only if it arrives whole and in order.
wedge: starts Xvfb, a window with the scanner input (WedgeInput), and `xdotool type --delay 1` of all
codes (newline = Return); reports also how many reads were flagged as typed by hand.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from biip.checksums import gs1_standard_check_digit  # noqa: E402


def ean13(n: int) -> str:
    body = f"400638{n:06d}"
    return body + str(gs1_standard_check_digit(body))


def tally(codes: list[str], received: list[str]) -> dict[str, int]:
    """Lost = sent codes not received whole; merged/garbled = received lines that are no sent code;
    out of order = received codes not in sending order."""
    sent = set(codes)
    good = [r for r in received if r in sent]
    order = [codes.index(r) for r in good] if len(codes) < 5000 else []
    return {
        "sent": len(codes),
        "received": len(good),
        "lost": len(sent - set(good)),
        "merged_or_garbled": len(received) - len(good),
        "duplicated": len(good) - len(set(good)),
        "out_of_order": sum(1 for a, b in itertools.pairwise(order) if b < a),
    }


# -- serial --------------------------------------------------------------------------------------------


def bench_serial(count: int, baud: int) -> None:
    codes = [ean13(i) for i in range(count)]
    for label, paced in ((f"paced at {baud} baud", True), ("unpaced (as fast as the pty takes it)", False)):
        print(f"serial {label}: " + json.dumps(_serial_run(codes, baud, paced)))


def _serial_run(codes: list[str], baud: int, paced: bool) -> dict[str, int | float]:
    from PySide6.QtCore import QCoreApplication

    from scanapp.scanners.serial_source import SerialSource
    from scanapp.scanners.settings import ScannerSettings
    from tests.integration.socat_pair import SocatPair

    app = QCoreApplication.instance() or QCoreApplication([])
    payload = "".join(c + "\r" for c in codes).encode()
    received: list[str] = []
    last_at: list[float] = []

    def write(cable: SocatPair) -> None:
        if not paced:
            cable.write(payload)
            return
        per_byte = 10 / baud
        start = time.perf_counter()
        for i in range(0, len(payload), 64):
            cable.write(payload[i : i + 64])
            ahead = start + (i + 64) * per_byte - time.perf_counter()
            if ahead > 0:
                time.sleep(ahead)

    with tempfile.TemporaryDirectory() as tmp:
        cable = SocatPair(Path(tmp))
        cable.plug()
        source = SerialSource(cable.host, ScannerSettings(kind="serial", device=cable.host, baud=baud))
        source.scan_read.connect(lambda r: (received.append(r.text), last_at.append(time.perf_counter())))
        source.start()
        started = time.perf_counter()
        writer = threading.Thread(target=write, args=(cable,), daemon=True)
        writer.start()
        deadline = started + 30 + len(payload) * 10 / baud
        while (len(received) < len(codes) or writer.is_alive()) and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        # A little longer for stragglers (and for anything extra that should not be there).
        end = time.perf_counter() + 0.5
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.005)
        source.stop()
        cable.unplug()
    result: dict[str, int | float] = {**tally(codes, received)}
    seconds = (last_at[-1] if last_at else time.perf_counter()) - started
    result["seconds"] = round(seconds, 3)
    result["codes_per_second"] = round(len(received) / seconds) if seconds > 0 else 0
    result["line_rate_seconds"] = round(len(payload) * 10 / baud, 3)
    return result


# -- wedge under Xvfb + xdotool --------------------------------------------------------------------------


def wedge_window() -> int:
    """The app side: one window, the scanner input focused, every read printed as a JSON line."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit

    from scanapp.gui.capture.wedge_input import WedgeInput

    app = QApplication(sys.argv[:1])
    field = QLineEdit()
    field.setWindowTitle("ScanApp wedge bench")
    field.resize(400, 40)
    wedge = WedgeInput(field)

    def out(read) -> None:
        print(json.dumps({"text": read.text, "manual": read.manual, "gaps": list(read.key_gaps_ms)}), flush=True)

    wedge.scan_read.connect(out)
    field.show()
    field.activateWindow()
    field.setFocus()
    QTimer.singleShot(0, lambda: print(json.dumps({"ready": True}), flush=True))
    return app.exec()


def bench_wedge(count: int, delay_ms: int, per_code: bool = False) -> None:
    for tool in ("Xvfb", "xdotool"):
        if not shutil.which(tool):
            print(f"wedge: skipped, {tool} is not installed (scripts/install-system-deps)")
            return
    display = ":97"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "800x600x24", "-nolisten", "tcp"], stderr=subprocess.DEVNULL
    )
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    window = None
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True).returncode != 0:
            if time.monotonic() > deadline:
                print("wedge: Xvfb did not start")
                return
            time.sleep(0.05)
        window = subprocess.Popen(
            [sys.executable, __file__, "--wedge-window"], env=env, stdout=subprocess.PIPE, text=True
        )
        assert window.stdout is not None
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(window.stdout), daemon=True)  # type: ignore[union-attr]
        reader.start()
        deadline = time.monotonic() + 20
        while not lines and time.monotonic() < deadline:
            time.sleep(0.05)
        wid = subprocess.run(
            ["xdotool", "search", "--sync", "--name", "ScanApp wedge bench"], env=env, capture_output=True, text=True
        ).stdout.split()[0]
        # No window manager: keyboard focus follows the pointer, so put it on the window and focus it.
        subprocess.run(["xdotool", "mousemove", "--window", wid, "20", "20"], env=env, check=True)
        subprocess.run(["xdotool", "windowfocus", "--sync", wid], env=env, capture_output=True)
        codes = [ean13(i) for i in range(count)]
        started = time.perf_counter()
        if per_code:
            for code in codes:  # as a person would script it: each code, then Return
                subprocess.run(["xdotool", "type", "--delay", str(delay_ms), code], env=env, check=True)
                subprocess.run(["xdotool", "key", "Return"], env=env, check=True)
        else:
            # One xdotool process types every code; "\n" between codes arrives as a line feed key (text
            # "\n"), which ends a code like Return; the last one ends with `xdotool key Return`.
            subprocess.run(["xdotool", "type", "--delay", str(delay_ms), "\n".join(codes)], env=env, check=True)
            subprocess.run(["xdotool", "key", "Return"], env=env, check=True)
        typed = time.perf_counter() - started
        deadline = time.monotonic() + 10
        while len(lines) - 1 < count and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        reads = [json.loads(line) for line in lines[1:]]
        result = tally(codes, [r["text"] for r in reads])
        result["flagged_manual"] = sum(1 for r in reads if r["manual"])
        gaps = sorted(g for r in reads for g in r["gaps"])
        if gaps:
            result["key_gap_ms_median"] = gaps[len(gaps) // 2]
            result["key_gap_ms_p99"] = gaps[int(len(gaps) * 0.99)]
        result["typing_seconds"] = round(typed, 2)
        how = "type CODE + key Return per code" if per_code else "one type call, codes split by line feeds"
        print(f"wedge xdotool --delay {delay_ms} ({how}): " + json.dumps(result))
    finally:
        if window is not None:
            window.terminate()
            window.wait(10)
        xvfb.terminate()
        xvfb.wait(10)


def main() -> None:
    if "--wedge-window" in sys.argv:
        sys.exit(wedge_window())
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("which", nargs="?", choices=("serial", "wedge", "all"), default="all")
    parser.add_argument("--codes", type=int, default=1000)
    parser.add_argument("--baud", type=int, default=115200)
    parser.add_argument("--delay", type=int, default=1, help="xdotool ms per key")
    args = parser.parse_args()
    if args.which in ("serial", "all"):
        bench_serial(args.codes, args.baud)
    if args.which in ("wedge", "all"):
        bench_wedge(args.codes, args.delay)
        bench_wedge(min(args.codes, 200), args.delay, per_code=True)


if __name__ == "__main__":
    main()
