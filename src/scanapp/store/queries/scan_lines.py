"""A session's scan list, newest first: counted, paged by ordinal; what came in since a given line; the unknown
codes, once each, with their scans and the matched scans around them (C8, C11)."""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, text

from scanapp.domain.classification import Category
from scanapp.domain.refusals import POSITION_BITS, key_ordinal
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


def line_keys(conn: Connection, session_id: str, after: int = 0) -> list[int]:
    """The scan log places (domain.refusals.log_key) of the lines shown in the scan list (not removed), newest
    first; only those after place `after` when given."""
    rows = conn.execute(
        text(
            f"SELECT ordinal << {POSITION_BITS} FROM scan_lines WHERE session_id = :s AND ordinal > :after"
            " AND NOT removed ORDER BY ordinal DESC"
        ),
        {"s": session_id, "after": key_ordinal(after)},
    )
    return [int(r[0]) for r in rows]


def lines_at(conn: Connection, session_id: str, ordinals: list[int]) -> list[Line]:
    """The lines with these ordinals, in the order given (missing ones are left out)."""
    if not ordinals:
        return []
    rows = conn.execute(
        text("SELECT * FROM scan_lines WHERE session_id = :s AND ordinal IN :ordinals").bindparams(
            bindparam("ordinals", expanding=True)
        ),
        {"s": session_id, "ordinals": ordinals},
    ).fetchall()
    by_ordinal = {r.ordinal: line_from_row(r) for r in rows}
    return [by_ordinal[o] for o in ordinals if o in by_ordinal]


# A line in supervisor review (its event fenced or refused by the sync server) is in the scan list, marked,
# but neither waits to be matched nor places an unmatched scan on the shelf.
_UNMATCHED = "session_id = :s AND category = 'Unmatched' AND NOT removed AND review IS NULL"
# Named, or the planner walks the whole session in ordinal order to spare itself a sort of a few lines.
_UNMATCHED_LINES = "scan_lines INDEXED BY ix_scan_lines_unmatched"
_MATCHED = "session_id = :s AND kind = 'scan' AND NOT removed AND review IS NULL AND item_key IS NOT NULL"


def lines_after(conn: Connection, session_id: str, after: int) -> list[Line]:
    """The lines recorded after ordinal `after`, newest first (removed ones too: they are what they are)."""
    rows = conn.execute(
        text("SELECT * FROM scan_lines WHERE session_id = :s AND ordinal > :o ORDER BY ordinal DESC"),
        {"s": session_id, "o": after},
    ).fetchall()
    return [line_from_row(r) for r in rows]


def unmatched_codes(conn: Connection, session_id: str) -> list[tuple[str, int]]:
    """Each unknown code of the session once (C11), with how many of its scans are still unmatched; the code
    scanned last first."""
    rows = conn.execute(
        text(
            f"SELECT code, count(*) AS n FROM {_UNMATCHED_LINES} WHERE {_UNMATCHED} GROUP BY code"
            " ORDER BY max(ordinal) DESC"
        ),
        {"s": session_id},
    )
    return [(str(r.code), int(r.n)) for r in rows]


def unmatched_lines(conn: Connection, session_id: str, codes: list[str]) -> list[Line]:
    """The scans of these codes still unmatched, newest first."""
    if not codes:
        return []
    rows = conn.execute(
        text(
            f"SELECT * FROM {_UNMATCHED_LINES} WHERE {_UNMATCHED} AND code IN :codes ORDER BY ordinal DESC"
        ).bindparams(bindparam("codes", expanding=True)),
        {"s": session_id, "codes": codes},
    ).fetchall()
    return [line_from_row(r) for r in rows]


def scans_since(conn: Connection, session_id: str, ordinals: list[int]) -> dict[int, int]:
    """For each ordinal, how many scans (not hand counts, not rejected reads) came after it. One pass over the
    lines from the oldest ordinal asked for: each gap between neighbouring ordinals is counted once."""
    if not ordinals:
        return {}
    wanted = sorted(set(ordinals))
    values = ",".join(f"(:o{i})" for i in range(len(wanted)))
    params: dict[str, object] = {f"o{i}": o for i, o in enumerate(wanted)}
    params["s"] = session_id
    rows = conn.execute(
        text(
            f"WITH w(o) AS (VALUES {values}), b AS (SELECT o, lead(o) OVER (ORDER BY o) AS nxt FROM w)"
            " SELECT b.o AS o, (SELECT count(*) FROM scan_lines l WHERE l.session_id = :s AND l.kind = 'scan'"
            " AND l.ordinal > b.o AND (b.nxt IS NULL OR l.ordinal <= b.nxt)) AS gap FROM b ORDER BY b.o DESC"
        ),
        params,
    )
    out: dict[int, int] = {}
    later = 0
    for r in rows:  # newest first: each ordinal's count is its gap plus every later gap
        later += int(r.gap)
        out[int(r.o)] = later
    return out


def matched_keys_around(conn: Connection, session_id: str, ordinals: list[int]) -> dict[int, tuple[str | None, ...]]:
    """For each ordinal, the products (item keys) of the matched scans just before and just after it, in one
    query for them all (C8: where on the shelf each was)."""
    if not ordinals:
        return {}
    wanted = sorted(set(ordinals))
    values = ",".join(f"(:o{i})" for i in range(len(wanted)))
    params: dict[str, object] = {f"o{i}": o for i, o in enumerate(wanted)}
    params["s"] = session_id
    rows = conn.execute(
        text(
            f"WITH w(o) AS (VALUES {values}) SELECT w.o AS o,"
            f" (SELECT item_key FROM scan_lines WHERE {_MATCHED} AND ordinal < w.o ORDER BY ordinal DESC LIMIT 1)"
            " AS before,"
            f" (SELECT item_key FROM scan_lines WHERE {_MATCHED} AND ordinal > w.o ORDER BY ordinal LIMIT 1) AS after"
            " FROM w"
        ),
        params,
    )
    return {int(r.o): (r.before, r.after) for r in rows}


def matched_around(conn: Connection, line: Line) -> tuple[Line | None, Line | None]:
    """The matched scans just before and just after this one (C8: where on the shelf it was)."""
    params = {"s": line.session_id, "o": line.ordinal}
    before = conn.execute(
        text(f"SELECT * FROM scan_lines WHERE {_MATCHED} AND ordinal < :o ORDER BY ordinal DESC LIMIT 1"), params
    ).first()
    after = conn.execute(
        text(f"SELECT * FROM scan_lines WHERE {_MATCHED} AND ordinal > :o ORDER BY ordinal LIMIT 1"), params
    ).first()
    return (line_from_row(before) if before else None, line_from_row(after) if after else None)
