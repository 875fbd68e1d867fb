"""The serial or evdev scanner a page reads while it takes scans (the retail session, the lab's Barcode
Tracking). The keyboard wedge needs none: the application-wide capture reads it whatever has the focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.sources import DeviceSource, DeviceSourceFactory


class DeviceReader:
    def __init__(
        self,
        sources: DeviceSourceFactory,
        owner: QObject,
        on_read: Callable[[ScanRead], None],
        on_state: Callable[[str, str], None],
    ) -> None:
        self.sources, self.owner = sources, owner
        self.on_read, self.on_state = on_read, on_state
        self.device: DeviceSource | None = None
        """The source being read (None for the keyboard wedge, or while the page takes no scans)."""

    def start(self, settings: ScannerSettings) -> None:
        """Read the scanner `settings` name, instead of any read before; KnownError (in plain words) when it
        cannot be opened."""
        self.stop()
        if settings.kind == "wedge":
            return
        device = self.sources(settings, self.owner)
        self.device = device
        device.scan_read.connect(self.on_read)
        device.state_changed.connect(self.on_state)
        device.start()

    def stop(self) -> None:
        device, self.device = self.device, None
        if device is not None:
            device.stop()
            device.deleteLater()
