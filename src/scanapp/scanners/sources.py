"""The device source a ScannerSettings names: serial or evdev. (The wedge is not a device: the GUI installs
it on the scanner input, `scanapp.gui.capture.wedge_input.WedgeInput`.)

Front ends do not call `device_source` themselves: the composition root (`App.device_sources`) hands them
a DeviceSourceFactory, this function bound to the app's clock, so a test passes a fake one in.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, SignalInstance

from scanapp.domain.clock import Clock
from scanapp.errors import KnownError
from scanapp.scanners.settings import ScannerSettings

if TYPE_CHECKING:
    from scanapp.scanners.evdev_source import EvdevSource
    from scanapp.scanners.serial_source import SerialSource


class DeviceSource(Protocol):
    """What a front end needs of a device source: a QObject that reads until stopped."""

    @property
    def scan_read(self) -> SignalInstance:
        """Emits one ScanRead per code."""

    @property
    def state_changed(self) -> SignalInstance:
        """Emits (state, message); the states are in `scanapp.scanners.state`."""

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def deleteLater(self) -> None: ...


DeviceSourceFactory = Callable[[ScannerSettings, QObject | None], DeviceSource]
"""A stopped source for the settings' device, owned by the given parent; raises KnownError when the
settings name no device this platform can read."""


def device_source(
    settings: ScannerSettings, clock: Clock | None = None, parent: QObject | None = None
) -> SerialSource | EvdevSource:
    """A stopped source for a serial or evdev scanner; call `start()`. Both have `scan_read(ScanRead)` and
    `state_changed(state, message)`. Raises KnownError when the settings name no device or a kind this
    platform cannot read."""
    if not settings.device:
        raise KnownError("Choose the scanner's device first.")
    if settings.kind == "serial":
        from scanapp.scanners.serial_source import SerialSource

        return SerialSource(settings.device, settings, clock=clock, parent=parent)
    if settings.kind == "evdev":
        if sys.platform != "linux":
            raise KnownError("evdev scanners can only be read on Linux; use the keyboard wedge or serial.")
        from scanapp.scanners.evdev_source import EvdevSource

        return EvdevSource(settings.device, settings, clock=clock, parent=parent)
    raise KnownError("The keyboard wedge reads the scanner input field, not a device.")
