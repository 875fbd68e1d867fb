"""Keeping the scans nothing could take (SPEC H6, domain.refusals): each is on disk, with why, before the person
is told it was refused. Device-only: never a journal event, never in a total."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from scanapp.domain.barcodes import printable
from scanapp.domain.clock import Clock
from scanapp.domain.journal import new_event_id
from scanapp.domain.refusals import RefusalReason, RefusedScan
from scanapp.services.ports import UnitOfWork

log = logging.getLogger(__name__)


class RefusedScans:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock) -> None:
        self.uow_factory = uow_factory
        self.clock = clock

    def keep(
        self,
        session_id: str | None,
        user_id: str | None,
        raw: str,
        reading: Mapping[str, Any],
        reason: RefusalReason,
        source: str,
        manual: bool = False,
        detail: str = "",
    ) -> RefusedScan:
        """Store one refused scan durably (in its session's scan log when it has a session); returns it with its
        place there. `reading` is how the read decodes (`scanapp decode --json`'s fields)."""
        code = reading.get("code") if reading.get("ok") else None
        scan = RefusedScan(
            id=new_event_id(),
            session_id=session_id,
            after_ordinal=0,
            position=0,
            at=self.clock.now(),
            user_id=user_id,
            raw=raw,
            code=str(code) if code is not None else None,
            reading=dict(reading),
            source=source,
            manual=manual,
            reason=reason,
            detail=detail,
        )
        with self.uow_factory() as uow:
            scan = uow.refused.add(scan)
            uow.commit()
        log.info("scan %r refused (%s) in session %s", printable(raw), reason.value, session_id)
        return scan
