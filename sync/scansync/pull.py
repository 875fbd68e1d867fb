"""Pull: the change log from a cursor, in pages. The order is gap-free on PostgreSQL too (see db.Tx), so
"everything after seq N" is a complete answer once N has been seen. A device is not sent its own events."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select, update

from scansync import tables as t
from scansync.db import Tx


def page(conn: Connection, device_id: str, since: int, limit: int) -> tuple[bytes, bool]:
    """The page as ready JSON (PullOut's shape): stored change data is spliced in, not parsed and re-encoded,
    which keeps a million-product first pull cheap. Returns the body and whether more pages follow."""
    rows = conn.execute(
        select(t.changes.c.seq, t.changes.c.entity, t.changes.c.key, t.changes.c.device_id, t.changes.c.data)
        .where(t.changes.c.seq > since)
        .order_by(t.changes.c.seq)
        .limit(limit)
    ).all()
    parts = [
        f'{{"seq":{r.seq},"entity":"{r.entity}","key":{json.dumps(r.key)},"data":{r.data}}}'
        for r in rows
        if not (r.entity == "event" and r.device_id == device_id)
    ]
    next_cursor = rows[-1].seq if rows else since
    has_more = len(rows) == limit
    body = f'{{"changes":[{",".join(parts)}],"next_cursor":{next_cursor},"has_more":{"true" if has_more else "false"}}}'
    return body.encode(), has_more


def note_pull(tx: Tx, device_id: str, now: object) -> None:
    tx.conn.execute(update(t.devices).where(t.devices.c.id == device_id).values(last_pull_at=now))
