"""What the screens talk to: the counting use-cases, the read port, who is signed in, the scanner settings
and sources, and one signal per kind of change so every page that shows it refreshes.

Screens never see SQL: reads go through `reads` (plain rows), writes through `counting`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QObject, Signal

from scanapp.domain.clock import Clock
from scanapp.domain.permissions import Actor
from scanapp.domain.rows import UserRow
from scanapp.gui.shell.parts import Parts
from scanapp.scanners.sources import DeviceSourceFactory
from scanapp.services.counting import Counting
from scanapp.services.lab import Reconciliation
from scanapp.services.lab_reads import LabReads
from scanapp.services.lab_station import LabStation
from scanapp.services.reads import Reads
from scanapp.services.scanner_settings import ScannerSettingsService

if TYPE_CHECKING:
    from scanapp.gui.shell.sync_bridge import SyncBridge

P = ParamSpec("P")
T = TypeVar("T")


class Engine(QObject):
    signed_in = Signal(object)
    """The Actor who just signed in."""
    signed_out = Signal()
    session_changed = Signal(str)
    """A session's state, lock or lines changed (its id): pages showing it refresh."""

    def __init__(self, parts: Parts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.reads: Reads = parts.reads
        self.scanner_settings: ScannerSettingsService = parts.scanner_settings
        """Load and save each scanner's settings (the session reads with the active one)."""
        self.device_sources: DeviceSourceFactory = parts.device_sources
        """Makes the serial or evdev source a session reads."""
        self.lab_reads: LabReads = parts.lab_reads
        """The lab screens' reads."""
        self._actor: Actor | None = None
        self.sync: SyncBridge | None = None
        """The background sync (the window sets it up; None: pages work without a sync server)."""

    @property
    def counting(self) -> Counting:
        return self.parts.counting

    @property
    def lab(self) -> Reconciliation:
        return self.parts.lab

    @property
    def lab_station(self) -> LabStation:
        return self.parts.lab_station

    @property
    def clock(self) -> Clock:
        return self.parts.clock

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            raise RuntimeError("nobody is signed in")
        return self._actor

    @property
    def signed_in_actor(self) -> Actor | None:
        return self._actor

    @property
    def device_id(self) -> str:
        return self.parts.device_id

    def now(self) -> datetime:
        return self.clock.now()

    def read(self, query: Callable[Concatenate[Reads, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a composition of reads (scanapp.services.candidates' searches, say) over the read port."""
        return query(self.reads, *args, **kwargs)

    def sign_in(self, user: UserRow) -> Actor:
        self._actor = Actor(
            user_id=user.user_id,
            device_id=self.device_id,
            permissions=user.permissions,
            display_name=user.display_name,
        )
        self.parts.users.remember(user.user_id)
        self.signed_in.emit(self._actor)
        return self._actor

    def pin_accepted(self, user_id: str, secret: str, current: bool = True) -> None:
        """A PIN or password was just checked (or chosen) on this device: with a sync server, the same user
        signs in there too, in the background; a refusal shows in the sync state, never in the way.
        `current=False` for a supervisor's PIN asked again: their action goes up under their own token (A2)
        while the person holding the device stays the one whose token the pull uses."""
        if self.sync is not None:
            self.sync.sign_in(user_id, secret, current)

    def journal_written(self) -> None:
        """Something the server must get was written outside a session (a PIN chosen or reset): a round soon,
        and the header's count of changes not synced read again."""
        if self.sync is not None:
            self.sync.changes_committed()

    def sign_out(self) -> None:
        if self._actor is not None and self.sync is not None:
            self.sync.forget(self._actor.user_id)
        self._actor = None
        self.parts.users.remember(None)
        self.signed_out.emit()

    def remembered_user(self) -> UserRow | None:
        """Who was signed in on this device when the app last closed (signing out forgets them), so the app
        opens straight on the counts list for the person holding the handheld."""
        return self.parts.users.remembered()
