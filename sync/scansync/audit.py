"""The audit log: who did which admin action (force-release, role changes, review decisions) and when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert

from scansync import tables as t
from scansync.db import dumps


def record(
    conn: Connection, at: datetime, user_id: str, device_id: str | None, action: str, target: str, **detail: Any
) -> None:
    conn.execute(
        insert(t.audit_log).values(
            at=at, user_id=user_id, device_id=device_id, action=action, target=target, detail=dumps(detail)
        )
    )
