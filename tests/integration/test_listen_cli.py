"""`scanapp listen` as a user runs it: a real process, JSON lines out, through garbage, a 10,000-character
line, and a serial scanner unplugged and plugged back in (socat)."""

from __future__ import annotations

import argparse
import json
import queue
import signal
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from scanapp.bootstrap import App
from scanapp.cli import listen as listen_command
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.state import CONNECTED
from tests.integration.socat_pair import SOCAT, SocatPair


def listen(tmp_path, *args: str, stdin=subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "scanapp", "--data-dir", str(tmp_path / "data"), "listen", *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


class Lines:
    """The process's stdout, one parsed JSON object at a time, without blocking the test forever."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._queue: queue.Queue[bytes] = queue.Queue()
        threading.Thread(target=self._pump, args=(process.stdout,), daemon=True).start()

    def _pump(self, stream) -> None:
        for line in stream:
            self._queue.put(line)

    def next(self, timeout: float = 30.0) -> dict:
        return json.loads(self._queue.get(timeout=timeout))

    def until(self, predicate, timeout: float = 30.0) -> dict:
        while True:
            line = self.next(timeout)
            if predicate(line):
                return line


def test_stdin_every_line_is_a_json_line_and_garbage_does_not_stop_it(tmp_path):
    data = b"".join(
        [
            b"4006381333931\r\n",
            b"\xff\xfe\x00garbage\n",
            b"9" * 10_000 + b"\n",
            b"\n",
            b"4006381333932\n",
            b"]C10100012345678905\x1d10ABC123\x1d17251231\n",
            b"96385074",  # no line end at the end of input: still read
        ]
    )
    process = listen(tmp_path, "--stdin", stdin=subprocess.PIPE)
    out, err = process.communicate(data, timeout=60)
    assert process.returncode == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(d["event"], d["ok"]) for d in lines] == [
        ("scan", True),
        ("scan", False),
        ("scan", False),
        ("scan", False),
        ("scan", True),
        ("scan", True),
    ]
    assert lines[0]["gtin14"] == "04006381333931" and lines[0]["source"] == "stdin" and lines[0]["at"]
    assert "not valid utf-8" in lines[1]["error"] and lines[1]["hex"].startswith("ff fe 00")
    assert lines[2]["error"] == "too long: 10000 bytes without a line end (at most 2048)"
    assert lines[3]["error"].startswith("bad check digit")
    assert (lines[4]["lot"], lines[4]["expiry"], lines[4]["symbology"]) == ("ABC123", "2025-12-31", "]C1")
    assert lines[5]["gtin_format"] == "EAN-8"


def test_listen_needs_exactly_one_source(tmp_path):
    process = listen(tmp_path)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and b"one of the arguments --serial --evdev --stdin is required" in err


@pytest.mark.skipif(SOCAT is None, reason="socat is not installed")
def test_serial_keeps_running_through_unplug_and_replug(tmp_path):
    cable = SocatPair(tmp_path)
    cable.plug()
    process = listen(tmp_path, "--serial", cable.host, "--baud", "115200")
    try:
        lines = Lines(process)
        assert lines.next()["state"] == "connected"
        cable.write(b"4006381333931\r\x01\x02junk\r")
        first, junk = lines.next(), lines.next()
        assert first["ok"] and first["source"] == f"serial:{cable.host}"
        assert not junk["ok"] and "control character" in junk["error"]
        cable.unplug()
        gone = lines.until(lambda d: d["event"] == "state")
        assert gone["state"] == "disconnected"
        cable.plug()
        back = lines.until(lambda d: d.get("state") == "connected", timeout=30)
        assert back["event"] == "state"
        cable.write(b"96385074\r")
        assert lines.until(lambda d: d["event"] == "scan")["gtin14"] == "00000096385074"
        assert process.poll() is None
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        cable.unplug()
    assert process.returncode == 0


class OneScanSource(QObject):
    """A device that connects, sends one code and is then unplugged: the run ends once it has printed."""

    scan_read = Signal(object)
    state_changed = Signal(str, str)

    def __init__(self, settings: ScannerSettings, parent: QObject | None, clock) -> None:
        super().__init__(parent)
        self.settings, self.clock, self.stopped = settings, clock, False

    def start(self) -> None:
        QTimer.singleShot(0, self._send)

    def _send(self) -> None:
        self.state_changed.emit(CONNECTED, "fake port open")
        self.scan_read.emit(ScanRead("96385074", f"serial:{self.settings.device}", self.clock.now()))
        QCoreApplication.quit()

    def stop(self) -> None:
        self.stopped = True


def test_listen_reads_the_device_source_the_app_makes(qapp, tmp_path, clock, capfdbinary):
    made: list[OneScanSource] = []

    def factory(settings: ScannerSettings, parent: QObject | None) -> OneScanSource:
        made.append(OneScanSource(settings, parent, clock))
        return made[-1]

    app = App(data_dir=tmp_path / "data", clock=clock, device_sources=factory)
    args = argparse.Namespace(
        serial="/dev/ttyFAKE3", evdev=None, stdin=False, baud=57600, terminator="LF", encoding="latin-1"
    )
    assert listen_command.run(args, app) == 0
    (source,) = made
    assert (source.settings.kind, source.settings.baud, source.settings.terminator) == ("serial", 57600, "LF")
    assert source.settings.encoding == "latin-1" and source.stopped
    state, scan = (json.loads(line) for line in capfdbinary.readouterr().out.splitlines())
    assert state == {
        "event": "state",
        "source": "serial:/dev/ttyFAKE3",
        "state": "connected",
        "message": "fake port open",
        "at": clock.now().isoformat(),
    }
    assert scan["event"] == "scan" and scan["gtin14"] == "00000096385074" and scan["at"] == clock.now().isoformat()
