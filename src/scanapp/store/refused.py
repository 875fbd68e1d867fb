"""The refused_scans table (domain.refusals): the device's log of scans nothing could take. A refused scan
takes its place in its session's scan log in the same transaction that stores it: after the newest line, after
the scans already refused there."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import func, insert, select

from scanapp.domain.refusals import RefusedScan
from scanapp.store import schema as t
from scanapp.store.repositories import Repo

_r = t.refused_scans


class RefusedRepo(Repo):
    def add(self, scan: RefusedScan) -> RefusedScan:
        """Store a refused scan; returns it with its place in the scan log."""
        after = 0
        if scan.session_id is not None:
            row = self.one("SELECT lines FROM session_totals WHERE session_id = ?", (scan.session_id,))
            after = int(row[0]) if row else 0
        same_place = _r.c.after_ordinal == after
        where = same_place & (
            _r.c.session_id.is_(None) if scan.session_id is None else _r.c.session_id == scan.session_id
        )
        last = self.conn.execute(select(func.coalesce(func.max(_r.c.position), 0)).where(where)).scalar_one()
        scan = replace(scan, after_ordinal=after, position=int(last) + 1)
        self.conn.execute(
            insert(_r).values(
                id=scan.id,
                session_id=scan.session_id,
                after_ordinal=scan.after_ordinal,
                position=scan.position,
                at=scan.at.isoformat(),
                user_id=scan.user_id,
                raw=scan.raw,
                code=scan.code,
                reading=json.dumps(dict(scan.reading), ensure_ascii=False, sort_keys=True),
                source=scan.source,
                manual=scan.manual,
                reason=scan.reason.value,
                detail=scan.detail,
            )
        )
        return scan
