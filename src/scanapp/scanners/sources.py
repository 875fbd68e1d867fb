"""The device source a ScannerSettings names: serial or evdev. (The wedge is not a device: it is installed
on the scanner input with `WedgeInput(line_edit, settings)`.)"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from scanapp.domain.clock import Clock
from scanapp.errors import KnownError
from scanapp.scanners.settings import ScannerSettings

if TYPE_CHECKING:
    from scanapp.scanners.evdev_source import EvdevSource
    from scanapp.scanners.serial_source import SerialSource


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
