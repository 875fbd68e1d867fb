"""Lab reconciliation on the write connection: the frozen scope with its locations, the found items and the
progress per location (kept with each scan), notes on unknown codes and resolutions of items nobody found."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from scanapp.domain.catalog import ListingConfig
from scanapp.store.repositories import Repo

Filters = Iterable[tuple[str, Sequence[str]]]


def filter_sql(filters: Filters, prefix: str = "") -> tuple[str, dict[str, object]]:
    """A listing config's filters as an SQL condition over inventory_items (named parameters): every filter
    must match; a filter that allows nothing selects nothing."""
    where: list[str] = ["1 = 1"]
    params: dict[str, object] = {}
    for n, (column, allowed) in enumerate(filters):
        if column not in ListingConfig.FILTERABLE:
            raise ValueError(f"cannot filter inventory on {column!r}")
        if not allowed:
            where.append("0 = 1")
            continue
        names = [f"f{n}_{i}" for i in range(len(allowed))]
        where.append(f"{prefix}{column} IN ({', '.join(':' + m for m in names)})")
        params.update(zip(names, allowed, strict=True))
    return " AND ".join(where), params


class LabRepo(Repo):
    def scope_for(self, filters: Filters) -> list[tuple[str, str]]:
        """(barcode, location) of every inventory item the filters select, by barcode."""
        where, params = filter_sql(filters)
        sql = f"SELECT barcode, location FROM inventory_items WHERE {where} ORDER BY barcode"
        return [(str(r[0]), str(r[1])) for r in self.cur.execute(sql, params)]

    def add_scope(self, count_id: str, session_id: str, scope: Iterable[tuple[str, str]]) -> None:
        """The scope's places and the expected items per place; again for the same count changes nothing."""
        rows = [(count_id, barcode, location) for barcode, location in scope]
        self.cur.executemany("INSERT OR IGNORE INTO lab_scope (count_id, barcode, location) VALUES (?, ?, ?)", rows)
        per_place: dict[str, int] = {}
        for _, _, location in rows:
            per_place[location] = per_place.get(location, 0) + 1
        self.cur.executemany(
            "INSERT OR IGNORE INTO lab_progress (session_id, location, expected, found) VALUES (?, ?, ?, 0)",
            [(session_id, place, n) for place, n in sorted(per_place.items())],
        )

    def found(self, session_id: str, count_id: str, item_key: str, location: str | None, ordinal: int) -> None:
        """An inventory item scanned in the session: where, and (the first time, for an item of the scope) one
        more found at the place the scope has it."""
        known = self.one("SELECT 1 FROM lab_found WHERE session_id = ? AND item_key = ?", (session_id, item_key))
        if known is not None:
            self.cur.execute(
                "UPDATE lab_found SET location = ?, ordinal = ? WHERE session_id = ? AND item_key = ?",
                (location, ordinal, session_id, item_key),
            )
            return
        self.cur.execute(
            "INSERT INTO lab_found (session_id, item_key, location, ordinal) VALUES (?, ?, ?, ?)",
            (session_id, item_key, location, ordinal),
        )
        self.cur.execute(
            "UPDATE lab_progress SET found = found + 1 WHERE session_id = ? AND location ="
            " (SELECT location FROM lab_scope WHERE count_id = ? AND barcode = ?)",
            (session_id, count_id, item_key),
        )

    def note(self, session_id: str, code: str, note: str, user_id: str, at: str) -> None:
        if not note:
            self.cur.execute("DELETE FROM lab_notes WHERE session_id = ? AND code = ?", (session_id, code))
            return
        self.cur.execute(
            "INSERT INTO lab_notes (session_id, code, note, user_id, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT"
            " (session_id, code) DO UPDATE SET note = excluded.note, user_id = excluded.user_id, at = excluded.at",
            (session_id, code, note, user_id, at),
        )

    def resolve(self, session_id: str, rows: list[tuple[str, str, str]], event_id: str, user_id: str, at: str) -> None:
        """(item, resolution, detail) rows; an item resolved again keeps the latest."""
        self.cur.executemany(
            "INSERT INTO lab_resolutions (session_id, item_key, resolution, detail, event_id, user_id, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, item_key) DO UPDATE SET"
            " resolution = excluded.resolution, detail = excluded.detail, event_id = excluded.event_id,"
            " user_id = excluded.user_id, at = excluded.at",
            [(session_id, item, resolution, detail, event_id, user_id, at) for item, resolution, detail in rows],
        )

    def in_scope(self, count_id: str, barcodes: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(barcodes), 500):
            chunk = barcodes[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                str(r[0])
                for r in self.cur.execute(
                    f"SELECT barcode FROM lab_scope WHERE count_id = ? AND barcode IN ({marks})", (count_id, *chunk)
                )
            )
        return found

    def scanned(self, session_id: str, barcodes: list[str]) -> set[str]:
        """Which of these items were scanned in the session."""
        found: set[str] = set()
        for start in range(0, len(barcodes), 500):
            chunk = barcodes[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                str(r[0])
                for r in self.cur.execute(
                    f"SELECT item_key FROM session_items WHERE session_id = ? AND units > 0 AND item_key IN ({marks})",
                    (session_id, *chunk),
                )
            )
        return found

    def unresolved(self, session_id: str) -> int:
        """Items of the scope nobody found and nobody resolved yet (L9): what still stands before the end."""
        row = self.one(
            "SELECT c.expected_total - t.expected_scanned - (SELECT count(*) FROM lab_resolutions r"
            " WHERE r.session_id = s.id AND NOT EXISTS (SELECT 1 FROM session_items si WHERE si.session_id = s.id"
            " AND si.item_key = r.item_key AND si.units > 0))"
            " FROM sessions s JOIN counts c ON c.id = s.count_id JOIN session_totals t ON t.session_id = s.id"
            " WHERE s.id = ?",
            (session_id,),
        )
        return int(row[0]) if row else 0

    def wrong_location_at(self, session_id: str, count_id: str, lab: str, here: str) -> list[str]:
        """Items of the scope found at `here` while the inventory records them elsewhere (L8, L10)."""
        rows = self.cur.execute(
            "SELECT f.item_key FROM lab_found f JOIN inventory_items i ON i.barcode = f.item_key"
            " JOIN lab_scope s ON s.count_id = ? AND s.barcode = f.item_key"
            " WHERE f.session_id = ? AND f.location = ? AND i.location != f.location AND i.lab = ?"
            " AND i.status != 'archived' ORDER BY f.item_key",
            (count_id, session_id, here, lab),
        )
        return [str(r[0]) for r in rows]

    def clear(self, session_id: str) -> None:
        """Drop the session's found items, notes and resolutions and zero its progress, to fold them again."""
        for table in ("lab_found", "lab_notes", "lab_resolutions"):
            self.cur.execute(f"DELETE FROM {table} WHERE session_id = ?", (session_id,))
        self.cur.execute("UPDATE lab_progress SET found = 0 WHERE session_id = ?", (session_id,))
