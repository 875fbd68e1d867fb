"""The evdev source on the Qt event loop: reads through a QSocketNotifier, exclusive grab, a device that
vanishes (ENODEV) mid-code and comes back. The kernel device is stood in for by a pipe-backed object that
serves synthetic InputEvents (there is no /dev/uinput here); everything above it is the real source."""

from __future__ import annotations

import contextlib
import errno
import os

import pytest

from scanapp.scanners.evdev_source import EvdevSource
from scanapp.scanners.state import CONNECTED, DISCONNECTED, STOPPED
from tests.unit.scanners.evdev_events import Keyboard

PATH = "/dev/input/by-id/usb-Acme_Scanner-event-kbd"


class FakeDevice:
    """Like evdev.InputDevice: a readable fd, `read()` of what is queued, ENODEV once unplugged."""

    name = "Acme Scanner"

    def __init__(self) -> None:
        self._r, self._w = os.pipe()
        os.set_blocking(self._r, False)
        self.events: list = []
        self.gone = False
        self.grabbed = False
        self.closed = False

    @property
    def fd(self) -> int:
        return self._r

    def grab(self) -> None:
        self.grabbed = True

    def send(self, events) -> None:
        self.events.extend(events)
        os.write(self._w, b".")

    def unplug(self) -> None:
        self.gone = True
        os.write(self._w, b".")

    def read(self):
        with contextlib.suppress(BlockingIOError):
            os.read(self._r, 4096)
        if self.gone:
            raise OSError(errno.ENODEV, "No such device")
        if not self.events:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
        events, self.events = self.events, []
        return iter(events)

    def close(self) -> None:
        if not self.closed:
            os.close(self._r)
            os.close(self._w)
            self.closed = True


class Kernel:
    """Which devices exist; opening a missing one fails as the real open does."""

    def __init__(self) -> None:
        self.devices: dict[str, FakeDevice] = {}
        self.busy = False
        self.opened: list[FakeDevice] = []

    def plug(self) -> FakeDevice:
        self.devices[PATH] = FakeDevice()
        return self.devices[PATH]

    def open(self, path: str) -> FakeDevice:
        if path not in self.devices:
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", path)
        device = self.devices[path]
        if self.busy:
            device.grab = lambda: (_ for _ in ()).throw(OSError(errno.EBUSY, "Device or resource busy"))
        self.opened.append(device)
        return device


@pytest.fixture
def kernel():
    k = Kernel()
    yield k
    for device in k.devices.values():
        device.close()


def make_source(qtbot, kernel: Kernel) -> tuple[EvdevSource, list, list]:
    source = EvdevSource(PATH, open_device=kernel.open, retry_ms=20)
    reads, states = [], []
    source.scan_read.connect(reads.append)
    source.state_changed.connect(lambda state, message: states.append((state, message)))
    return source, reads, states


def test_scans_arrive_through_the_notifier_with_an_exclusive_grab(qtbot, kernel):
    device = kernel.plug()
    source, reads, states = make_source(qtbot, kernel)
    source.start()
    assert source.state == CONNECTED and device.grabbed
    kb = Keyboard()
    device.send(kb.type("4006381333931") + kb.type("96385074"))
    qtbot.waitUntil(lambda: len(reads) == 2)
    assert [r.text for r in reads] == ["4006381333931", "96385074"]
    assert reads[0].source == f"evdev:{PATH}"
    source.stop()
    assert states[-1][0] == STOPPED and device.closed


def test_device_vanishes_mid_code_then_returns(qtbot, kernel):
    device = kernel.plug()
    source, reads, states = make_source(qtbot, kernel)
    source.start()
    kb = Keyboard()
    device.send(kb.type("4006381333931") + kb.type("4006", end=""))
    qtbot.waitUntil(lambda: len(reads) == 1)
    with qtbot.waitSignal(source.state_changed) as unplugged:
        del kernel.devices[PATH]
        device.unplug()
    assert unplugged.args == [DISCONNECTED, "scanner unplugged; waiting for it"]
    qtbot.waitUntil(lambda: len(reads) == 2)
    assert reads[1].text == "4006" and "went away" in reads[1].error
    # While it is gone the source keeps looking, and says so once, not on every retry.
    qtbot.waitUntil(lambda: states[-1] == (DISCONNECTED, f"no device at {PATH}; waiting for it"))
    with qtbot.waitSignal(source.state_changed, timeout=5000) as back:
        replugged = kernel.plug()
    assert back.args[0] == CONNECTED and replugged.grabbed
    replugged.send(kb.type("96385074"))
    qtbot.waitUntil(lambda: len(reads) == 3)
    assert reads[2].text == "96385074" and reads[2].error is None
    assert [s for s, _ in states].count(DISCONNECTED) == 2
    source.stop()


def test_a_missing_device_at_start_is_waited_for(qtbot, kernel):
    source, reads, _states = make_source(qtbot, kernel)
    source.start()
    assert source.state == DISCONNECTED
    with qtbot.waitSignal(source.state_changed, timeout=5000):
        kernel.plug().send(Keyboard().type("96385074"))
    qtbot.waitUntil(lambda: len(reads) == 1)
    assert reads[0].text == "96385074"
    source.stop()


def test_a_device_grabbed_by_another_program_is_not_read(qtbot, kernel):
    kernel.plug()
    kernel.busy = True
    source, _, states = make_source(qtbot, kernel)
    source.start()
    assert source.state == DISCONNECTED and "another program holds it" in states[-1][1]
    source.stop()
