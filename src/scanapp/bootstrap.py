"""Composition root: builds the store, services and (for the GUI) the window from the command line.

Nothing here runs at import time; every part can be passed in, so tests wire their own.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from scanapp import paths
from scanapp.domain.clock import Clock, SystemClock

# The store, the services and Qt are imported where they are first used: a subcommand that needs none of them
# (`scanapp decode`) starts without loading SQLAlchemy, Alembic or Qt.
if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from scanapp.scanners.settings import ScannerSettings
    from scanapp.scanners.sources import DeviceSource, DeviceSourceFactory
    from scanapp.services.counting import Counting
    from scanapp.services.lab import Reconciliation
    from scanapp.services.lab_reads import LabReads
    from scanapp.services.lab_station import LabStation
    from scanapp.services.reads import Reads
    from scanapp.services.scanner_settings import ScannerSettingsService
    from scanapp.services.supervision import Supervision
    from scanapp.services.supervisor_reads import SupervisorReads
    from scanapp.services.supervisor_remote import SupervisorRemote
    from scanapp.services.sync_service import SyncService
    from scanapp.services.sync_worker import Timing
    from scanapp.services.users import Users
    from scanapp.store.database import Store
    from scanapp.store.uow import SqlUnitOfWork
    from scanapp.sync.client import SyncClient

log = logging.getLogger(__name__)

# The GUI writes on its event loop: when another program holds the store's lock, say so after a
# second rather than freeze the window for the headless default.
GUI_BUSY_TIMEOUT_MS = 1000


@dataclass
class App:
    """What every front end needs: where the data lives, the store (opened on first use), the services."""

    data_dir: Path
    demo: bool = False
    server: str | None = None
    busy_timeout_ms: int | None = None  # None: the store's default
    clock: Clock = field(default_factory=SystemClock)
    # None: the real serial/evdev sources on this app's clock; tests pass a fake factory.
    device_sources: DeviceSourceFactory = None  # type: ignore[assignment]  # set in __post_init__
    sync_timing: Timing | None = None
    """When the app's background worker syncs (None: the app's own; tests pass short waits)."""
    _store: Store | None = None

    def __post_init__(self) -> None:
        if self.device_sources is None:
            self.device_sources = self._device_source

    def _device_source(self, settings: ScannerSettings, parent: QObject | None = None) -> DeviceSource:
        from scanapp.scanners.sources import device_source  # Qt is loaded only where a device is read

        return device_source(settings, self.clock, parent)

    @classmethod
    def from_args(cls, args: argparse.Namespace, busy_timeout_ms: int | None = None, clock: Clock | None = None) -> App:
        return cls(
            data_dir=paths.data_dir(args.data_dir),
            demo=bool(args.demo),
            server=args.server,
            busy_timeout_ms=busy_timeout_ms,
            clock=clock or SystemClock(),
        )

    @property
    def store(self) -> Store:
        if self._store is None:
            from scanapp.store.database import Store

            self._store = Store.open(paths.store_path(self.data_dir), busy_timeout_ms=self.busy_timeout_ms)
            if self.demo:
                from scanapp.services.demo import seed_demo

                if seed_demo(self._store, self.clock):
                    log.info("demo data created in %s", self.data_dir)
        return self._store

    def uow(self) -> SqlUnitOfWork:
        from scanapp.store.uow import SqlUnitOfWork

        return SqlUnitOfWork(self.store)

    @cached_property
    def counting(self) -> Counting:
        from scanapp.services.counting import Counting

        return Counting(self.uow, self.clock)

    @property
    def reads(self) -> Reads:
        from scanapp.services.reads import Reads

        return Reads(self.store)

    @cached_property
    def lab(self) -> Reconciliation:
        from scanapp.services.lab import Reconciliation

        return Reconciliation(self.counting)

    @property
    def lab_reads(self) -> LabReads:
        from scanapp.services.lab_reads import LabReads

        return LabReads(self.store)

    @property
    def lab_station(self) -> LabStation:
        from scanapp.services.lab_station import LabStation

        return LabStation(self.uow, self.reads)

    @property
    def users(self) -> Users:
        from scanapp.services.users import Users

        return Users(self.uow, self.reads)

    @cached_property
    def supervisor_reads(self) -> SupervisorReads:
        """The supervisor's station's reads; one for the app, so what it computed for a count is kept."""
        from scanapp.services.supervisor_reads import SupervisorReads

        return SupervisorReads(self.uow, self.clock)

    @cached_property
    def supervision(self) -> Supervision:
        """The supervisor's decisions, thresholds, recounts and exports."""
        from scanapp.services.supervision import Supervision

        return Supervision(self.uow, self.clock, self.supervisor_reads)

    @property
    def device_id(self) -> str:
        return self.store.device_id

    def open(self) -> None:
        """Open the store now (creating the demo data if asked); KnownError when it cannot be opened, or when
        the server given on the command line is no address."""
        if self.server:
            from scanapp.services.sync_service import check_server_url

            check_server_url(self.server)
        _ = self.store

    @cached_property
    def scanner_settings(self) -> ScannerSettingsService:
        from scanapp.services.scanner_settings import ScannerSettingsService
        from scanapp.store.settings import StoredSettings

        return ScannerSettingsService(StoredSettings(self.store), self.uow)

    @cached_property
    def sync(self) -> SyncService:
        """The app's sync: the server (--server, else the stored one), rounds, sign-ins and leases (DESIGN rule
        13: the GUI's worker threads call it; `scanapp status` reads its state)."""
        from scanapp.services.sync_service import SyncService  # httpx only when syncing

        return SyncService(self.store, self.clock, self.server, self.sync_client)

    @cached_property
    def supervisor_remote(self) -> SupervisorRemote:
        """The supervisor station's server-only data (devices, review queue), cached for offline, and the
        review and force-release calls (online only)."""
        from scanapp.services.supervisor_remote import SupervisorRemote

        return SupervisorRemote(self.store, self.sync, self.reads, self.clock)

    def sync_client(self, server: str) -> SyncClient:
        """A sync client for `server` on this app's store and clock (the caller closes it)."""
        from scanapp.sync.client import SyncClient  # httpx only when syncing

        return SyncClient(self.store, server, clock=self.clock)

    def close(self) -> None:
        if "sync" in self.__dict__:
            self.sync.close()
        for name in ("supervision", "supervisor_reads"):  # they hold the store being closed
            self.__dict__.pop(name, None)
        if self._store is not None:
            self._store.close()
            self._store = None


def configure_logging(args: argparse.Namespace) -> None:
    root = logging.getLogger()
    if root.handlers:
        return
    root.setLevel(logging.DEBUG)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if args.verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    if not getattr(args, "uses_data_dir", True):
        return
    try:
        log_dir = paths.log_dir(paths.data_dir(args.data_dir))
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_dir / "scanapp.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as err:
        log.warning("no log file: %s", err)
        return
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def run_gui(args: argparse.Namespace) -> int:
    from scanapp.gui.shell.launch import run

    return int(run(App.from_args(args, busy_timeout_ms=GUI_BUSY_TIMEOUT_MS), args))
