"""What one bench station remembers between restarts while it reconciles (L2, L10): the session it works in,
where it is ("here": the location scanned last) and where its tracking list was cleared (Clear All). Device
settings, not journal events: they say nothing about the inventory, only about this station's screen."""

from __future__ import annotations

from collections.abc import Callable

from scanapp.domain.lab import Location
from scanapp.services.reads import Reads
from scanapp.store.uow import SqlUnitOfWork

ACTIVE = "lab.active_session"


def _here(session_id: str) -> str:
    return f"lab.here.{session_id}"


def _cleared(session_id: str) -> str:
    return f"lab.cleared_after.{session_id}"


class LabStation:
    def __init__(self, uow: Callable[[], SqlUnitOfWork], reads: Reads) -> None:
        self.uow = uow
        self.reads = reads

    def active(self) -> str | None:
        value = self.reads.setting(ACTIVE)
        return value if isinstance(value, str) else None

    def here(self, session_id: str) -> Location | None:
        value = self.reads.setting(_here(session_id))
        if isinstance(value, list) and len(value) == 2:
            return Location(str(value[0]), str(value[1]))
        return None

    def cleared_after(self, session_id: str) -> int:
        value = self.reads.setting(_cleared(session_id), 0)
        return value if isinstance(value, int) else 0

    def remember(
        self, session_id: str, here: Location | None = None, cleared_after: int | None = None, active: bool = True
    ) -> None:
        with self.uow() as uow:
            if active:
                uow.settings.put(ACTIVE, session_id)
            if here is not None:
                uow.settings.put(_here(session_id), [here.lab, here.name])
            if cleared_after is not None:
                uow.settings.put(_cleared(session_id), cleared_after)
            uow.commit()
