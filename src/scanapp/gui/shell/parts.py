"""What the GUI needs from the composition root, declared here so gui/ never imports bootstrap (the App
built there has these parts and satisfies this structurally; a test may pass anything that has them)."""

from __future__ import annotations

from typing import Protocol

from scanapp.domain.clock import Clock
from scanapp.scanners.sources import DeviceSourceFactory
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


class Parts(Protocol):
    @property
    def clock(self) -> Clock: ...
    @property
    def counting(self) -> Counting:
        """Every write: the counting use-cases, each in its own unit of work."""

    @property
    def reads(self) -> Reads:
        """Every read the screens make, as plain rows."""

    @property
    def users(self) -> Users: ...
    @property
    def lab(self) -> Reconciliation:
        """The lab's writes: reconciliation sessions, their scans and the inventory actions."""

    @property
    def lab_reads(self) -> LabReads:
        """Every read the lab screens make, as plain rows."""

    @property
    def lab_station(self) -> LabStation:
        """What this bench station remembers: its session, where it is, its cleared list."""

    @property
    def supervisor_reads(self) -> SupervisorReads:
        """The supervisor's station's reads: progress, variance, attribution, figures (plain rows)."""

    @property
    def supervision(self) -> Supervision:
        """The supervisor's writes: decisions, thresholds, recounts; and the count export."""

    @property
    def device_id(self) -> str: ...
    @property
    def scanner_settings(self) -> ScannerSettingsService: ...
    @property
    def device_sources(self) -> DeviceSourceFactory:
        """Makes the serial or evdev source a session reads (tests pass a fake)."""

    @property
    def sync(self) -> SyncService:
        """Rounds, sign-ins and lease calls with the sync server, and the device's sync state."""

    @property
    def supervisor_remote(self) -> SupervisorRemote:
        """The supervisor station's devices and review queue from the server (cached for offline), and the
        review and force-release calls."""

    @property
    def sync_timing(self) -> Timing | None:
        """When the background worker syncs (None: the app's own; tests pass short waits)."""

    def open(self) -> None:
        """Open the store; KnownError (in plain words) when it cannot be."""

    def close(self) -> None: ...
