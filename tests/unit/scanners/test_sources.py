"""`device_source`: the real factory behind App.device_sources picks the source a ScannerSettings names, or
says in plain words why it cannot."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject

from scanapp.errors import KnownError
from scanapp.scanners.serial_source import SerialSource
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.sources import device_source
from scanapp.scanners.state import STOPPED


def test_a_serial_setting_makes_a_stopped_serial_source_on_the_given_clock_and_parent(clock):
    parent = QObject()
    settings = ScannerSettings(kind="serial", device="/dev/ttyNOPE9", baud=19200)
    source = device_source(settings, clock, parent)
    assert isinstance(source, SerialSource)
    assert (source.source, source.state, source.settings, source.clock) == (
        "serial:/dev/ttyNOPE9",
        STOPPED,
        settings,
        clock,
    )
    assert source.parent() is parent


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (ScannerSettings(kind="serial"), "Choose the scanner's device first"),
        (ScannerSettings(kind="evdev"), "Choose the scanner's device first"),
        (ScannerSettings(kind="wedge", device="/dev/x"), "keyboard wedge reads the scanner input"),
    ],
)
def test_settings_that_name_no_readable_device_say_why(settings, message, clock):
    with pytest.raises(KnownError, match=message):
        device_source(settings, clock, None)


@pytest.mark.skipif(sys.platform != "linux", reason="evdev is read on Linux only")
def test_an_evdev_setting_makes_a_stopped_evdev_source(clock):
    from scanapp.scanners.evdev_source import EvdevSource

    source = device_source(ScannerSettings(kind="evdev", device="/dev/input/by-id/nope-event-kbd"), clock)
    assert isinstance(source, EvdevSource)
    assert (source.source, source.state) == ("evdev:/dev/input/by-id/nope-event-kbd", STOPPED)


def test_evdev_off_linux_says_so(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")  # the check is made when the source is asked for
    with pytest.raises(KnownError, match="only be read on Linux"):
        device_source(ScannerSettings(kind="evdev", device="/dev/input/event3"))
