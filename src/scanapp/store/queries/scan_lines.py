"""A session's scan list, newest first: counted, paged by ordinal, and the context of an unmatched scan."""

from __future__ import annotations

from sqlalchemy import Connection, text

from scanapp.domain.classification import Category
from scanapp.domain.rows import UnmatchedContext
from scanapp.domain.tally import Line
from scanapp.store.repositories import line_from_row


def line_count(conn: Connection, session_id: str, category: Category | None = None) -> int:
    """Lines shown in the scan list (category None: every line that was not removed)."""
    if category is None:
        sql = "SELECT count(*) FROM scan_lines WHERE session_id = :s AND NOT removed"
    else:
        sql = "SELECT count(*) FROM scan_lines WHERE session_id = :s AND category = :c AND NOT removed"
    return int(conn.execute(text(sql), {"s": session_id, "c": category and category.value}).scalar_one())


def lines(
    conn: Connection, session_id: str, category: Category | None = None, offset: int = 0, limit: int = 200
) -> list[Line]:
    """A page of the scan list, newest first."""
    where = "session_id = :s AND NOT removed" + (" AND category = :c" if category else "")
    rows = conn.execute(
        text(f"SELECT * FROM scan_lines WHERE {where} ORDER BY ordinal DESC LIMIT :limit OFFSET :offset"),
        {"s": session_id, "c": category and category.value, "limit": limit, "offset": offset},
    ).fetchall()
    return [line_from_row(r) for r in rows]


def line_ordinals(conn: Connection, session_id: str, category: Category | None = None, after: int = 0) -> list[int]:
    """The ordinals of the scan list's lines (not removed; one category, if given), newest first; only those
    after `after` when given. A long list's model keeps these and reads rows by them (`lines_at`), so any page
    costs the same however deep it is, and new scans are found without counting the whole session."""
    where = "session_id = :s AND ordinal > :after AND NOT removed" + (" AND category = :c" if category else "")
    rows = conn.execute(
        text(f"SELECT ordinal FROM scan_lines WHERE {where} ORDER BY ordinal DESC"),
        {"s": session_id, "after": after, "c": category and category.value},
    )
    return [int(r[0]) for r in rows]


def lines_at(conn: Connection, session_id: str, ordinals: list[int]) -> list[Line]:
    """The lines with these ordinals, in the order given (missing ones are left out)."""
    if not ordinals:
        return []
    marks = ",".join(f":o{i}" for i in range(len(ordinals)))
    params: dict[str, object] = {f"o{i}": o for i, o in enumerate(ordinals)}
    params["s"] = session_id
    rows = conn.execute(
        text(f"SELECT * FROM scan_lines WHERE session_id = :s AND ordinal IN ({marks})"), params
    ).fetchall()
    by_ordinal = {r.ordinal: line_from_row(r) for r in rows}
    return [by_ordinal[o] for o in ordinals if o in by_ordinal]


def unmatched_context(conn: Connection, line: Line) -> UnmatchedContext:
    """Where an unmatched scan happened: how many scans ago, and the matched scans around it (C8)."""
    params = {"s": line.session_id, "o": line.ordinal}
    scans_ago = conn.execute(
        text("SELECT count(*) FROM scan_lines WHERE session_id = :s AND ordinal > :o AND kind = 'scan'"), params
    ).scalar_one()
    matched = "session_id = :s AND kind = 'scan' AND NOT removed AND item_key IS NOT NULL"
    before = conn.execute(
        text(f"SELECT * FROM scan_lines WHERE {matched} AND ordinal < :o ORDER BY ordinal DESC LIMIT 1"), params
    ).first()
    after = conn.execute(
        text(f"SELECT * FROM scan_lines WHERE {matched} AND ordinal > :o ORDER BY ordinal LIMIT 1"), params
    ).first()
    return UnmatchedContext(
        line=line,
        scans_ago=int(scans_ago),
        before=line_from_row(before) if before else None,
        after=line_from_row(after) if after else None,
    )
