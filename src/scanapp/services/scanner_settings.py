"""Saving and loading each scanner's settings, and which one the app reads.

One JSON record per device under `scanner.<device_key>`, and the active device's key under
`scanner.active`. A record saved by an older or newer version, or not a record at all, loads as the
defaults for whatever it lacks (ScannerSettings.from_dict), so a bad value never stops scanning.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType
from typing import Protocol

from scanapp.scanners.settings import ACTIVE_KEY, KEY_PREFIX, ScannerSettings

log = logging.getLogger(__name__)

DEFAULT_DEVICE = ScannerSettings().device_key


class SettingsReader(Protocol):
    def get(self, key: str, default: object = None) -> object: ...


class SettingsWriter(Protocol):
    def put(self, key: str, value: object) -> None: ...


class SettingsUnitOfWork(Protocol):
    @property
    def settings(self) -> SettingsWriter: ...

    def __enter__(self) -> SettingsUnitOfWork: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    def commit(self) -> None: ...


class ScannerSettingsService:
    """Reads through `reader` (no write lock), writes in one unit of work from `uow_factory`."""

    def __init__(self, reader: SettingsReader, uow_factory: Callable[[], SettingsUnitOfWork]) -> None:
        self.reader = reader
        self.uow_factory = uow_factory

    def active_device(self) -> str:
        """The device key the app reads: the last one saved as active, else the keyboard wedge."""
        key = self.reader.get(ACTIVE_KEY)
        if isinstance(key, str) and key:
            return key
        if key is not None:
            log.warning("active scanner %r is not a device key; using %s", key, DEFAULT_DEVICE)
        return DEFAULT_DEVICE

    def load(self, device_key: str | None = None) -> ScannerSettings:
        """The saved settings of one device, or of the active one when no key is given; defaults if none."""
        key = self.active_device() if device_key is None else device_key
        data = self.reader.get(KEY_PREFIX + key)
        if data is None:
            return ScannerSettings()
        if not isinstance(data, dict):
            log.warning("scanner settings for %r are not a record; using the defaults", key)
            return ScannerSettings()
        return ScannerSettings.from_dict(data)

    def save(self, settings: ScannerSettings, make_active: bool = True) -> None:
        """Save the settings under their device's key and (by default) make that device the active one."""
        with self.uow_factory() as uow:
            uow.settings.put(KEY_PREFIX + settings.device_key, settings.to_dict())
            if make_active:
                uow.settings.put(ACTIVE_KEY, settings.device_key)
            uow.commit()
