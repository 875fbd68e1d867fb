"""`scanapp listen --serial PORT [--baud N] | --evdev PATH | --stdin`: every scan as one JSON line.

Scans print the decode fields (as `scanapp decode --json`) plus source, time, manual and the raw bytes in
hex; device state changes print as {"event": "state", …}. Bad data and unplugging never end it: it runs
until interrupted (Ctrl+C, SIGTERM) or, with --stdin, until the input ends.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import sys
from typing import TYPE_CHECKING, Any

from scanapp.scanners.settings import BAUD_RATES, ENCODINGS, TERMINATOR_BYTES, ScannerSettings

if TYPE_CHECKING:
    from scanapp.bootstrap import App


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "listen",
        help="print every scan from a scanner as a JSON line",
        description="Read a scanner and print each scan as one JSON line (decode fields plus source and time); "
        "errors and device states (unplugged, back) are JSON lines too. Runs until Ctrl+C or end of input.",
    )
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--serial", metavar="PORT", help="a serial port, e.g. /dev/ttyACM0 or COM3")
    source.add_argument("--evdev", metavar="PATH", help="an input device, e.g. /dev/input/by-id/usb-…-event-kbd")
    source.add_argument("--stdin", action="store_true", help="lines from standard input")
    p.add_argument("--baud", type=int, default=9600, metavar="N", help=f"serial speed (default 9600; {BAUD_RATES})")
    p.add_argument("--terminator", choices=sorted(TERMINATOR_BYTES), default="CR", help="serial line end")
    p.add_argument("--encoding", choices=ENCODINGS, default="utf-8", help="how bytes become text (serial, stdin)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, app: App) -> int:
    from PySide6.QtCore import QCoreApplication, QSocketNotifier

    qt = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    printer = _Printer(qt)
    settings = ScannerSettings(
        kind="serial" if args.serial else "evdev" if args.evdev else "wedge",
        device=args.serial or args.evdev or "",
        baud=args.baud,
        terminator=args.terminator,
        encoding=args.encoding,
    )
    from scanapp.scanners.pipeline import ScanPipeline

    pipeline = ScanPipeline(settings)
    source = _make_source(args, settings, app)
    source.scan_read.connect(lambda read: printer.print({"event": "scan", **pipeline.process(read).to_dict()}))
    if hasattr(source, "state_changed"):
        name = settings.device_key  # "serial:/dev/ttyUSB0", as in each scan's "source"
        source.state_changed.connect(
            lambda state, message: printer.print(
                {
                    "event": "state",
                    "source": name,
                    "state": state,
                    "message": message,
                    "at": app.clock.now().isoformat(),
                }
            )
        )
    if hasattr(source, "finished"):
        source.finished.connect(qt.quit)

    # Ctrl+C and SIGTERM reach Python only when it runs; a wakeup fd lets the event loop notice them.
    wake_r, wake_w = socket.socketpair()
    wake_w.setblocking(False)
    previous_fd = signal.set_wakeup_fd(wake_w.fileno())
    handlers = {sig: signal.signal(sig, lambda *_: None) for sig in (signal.SIGINT, signal.SIGTERM)}
    wake = QSocketNotifier(wake_r.fileno(), QSocketNotifier.Type.Read)
    wake.activated.connect(qt.quit)
    try:
        source.start()
        status = qt.exec()
    finally:
        source.stop()
        wake.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        wake_r.close()
        wake_w.close()
    return printer.status if printer.status else status


def _make_source(args: argparse.Namespace, settings: ScannerSettings, app: App) -> Any:
    if args.stdin:
        from scanapp.scanners.stdin_source import StdinSource

        return StdinSource(settings, clock=app.clock)
    return app.device_sources(settings, None)  # KnownError (exit 2, plain words) for evdev off Linux


class _Printer:
    """One JSON object per line, flushed at once; a closed pipe (`listen … | head`) ends the run."""

    def __init__(self, qt: Any) -> None:
        self.qt = qt
        self.status = 0

    def print(self, data: dict[str, Any]) -> None:
        if self.status:
            return
        line = json.dumps(data, ensure_ascii=False) + "\n"
        try:
            # JSON lines are UTF-8 whatever the console's code page.
            sys.stdout.buffer.write(line.encode("utf-8"))
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            self.status = 141
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
            self.qt.quit()
