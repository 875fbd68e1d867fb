"""A virtual serial cable: socat joins two ptys, `scanner` (the end a test writes to, as a scanner would)
and `host` (the port ScanApp opens). Killing socat is pulling the plug; starting it again plugs it back in
under the same names."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

SOCAT = shutil.which("socat")


class SocatPair:
    def __init__(self, directory: Path) -> None:
        self.scanner = str(directory / "scanner-end")
        self.host = str(directory / "host-port")
        self.process: subprocess.Popen[bytes] | None = None
        self._fd: int | None = None

    def plug(self, timeout: float = 10.0) -> None:
        assert SOCAT, "socat is not installed (scripts/install-system-deps)"
        self.process = subprocess.Popen(
            [SOCAT, f"pty,raw,echo=0,link={self.scanner}", f"pty,raw,echo=0,link={self.host}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while not (os.path.exists(self.scanner) and os.path.exists(self.host)):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("socat did not create the pty pair")
            time.sleep(0.01)
        self._fd = os.open(self.scanner, os.O_RDWR | os.O_NOCTTY)

    def write(self, data: bytes) -> None:
        """Blocking write of everything (run it off the thread whose event loop reads the other end)."""
        assert self._fd is not None
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view) :]

    def unplug(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
            self.process = None
        # socat killed hard leaves its links behind; a real unplug removes the device node.
        for link in (self.scanner, self.host):
            if os.path.islink(link):
                os.unlink(link)
