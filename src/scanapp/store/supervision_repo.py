"""The supervisor's station on the write connection: variance decisions and count thresholds (the latest of
each wins, by wall time then event id, so events applied in any order end the same) and the items a recount
session targets."""

from __future__ import annotations

from collections.abc import Iterable

from scanapp.store.repositories import Repo


class SupervisionRepo(Repo):
    def put_decision(
        self,
        count_id: str,
        item_key: str,
        decision: str,
        reason: str,
        counted: int | None,
        expected: float | None,
        decided_by: str,
        decided_at: str,
        event_id: str,
    ) -> None:
        """Keep this decision unless a later one (by time, then event id) is here already."""
        self.cur.execute(
            "INSERT INTO variance_decisions (count_id, item_key, decision, reason, counted, expected, decided_by,"
            " decided_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (count_id, item_key) DO UPDATE"
            " SET decision = excluded.decision, reason = excluded.reason, counted = excluded.counted,"
            " expected = excluded.expected, decided_by = excluded.decided_by, decided_at = excluded.decided_at,"
            " event_id = excluded.event_id"
            " WHERE (excluded.decided_at, excluded.event_id) > (variance_decisions.decided_at,"
            " variance_decisions.event_id)",
            (count_id, item_key, decision, reason, counted, expected, decided_by, decided_at, event_id),
        )

    def put_threshold(self, count_id: str, kind: str, value: float, set_by: str, set_at: str, event_id: str) -> None:
        """Keep this threshold unless a later one (by time, then event id) is here already."""
        self.cur.execute(
            "INSERT INTO count_thresholds (count_id, kind, value, set_by, set_at, event_id) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (count_id) DO UPDATE SET kind = excluded.kind, value = excluded.value,"
            " set_by = excluded.set_by, set_at = excluded.set_at, event_id = excluded.event_id"
            " WHERE (excluded.set_at, excluded.event_id) > (count_thresholds.set_at, count_thresholds.event_id)",
            (count_id, kind, value, set_by, set_at, event_id),
        )

    def set_targets(self, session_id: str, item_keys: Iterable[str]) -> None:
        """The items a recount session targets (again with the same items changes nothing)."""
        self.cur.executemany(
            "INSERT OR IGNORE INTO session_targets (session_id, item_key) VALUES (?, ?)",
            [(session_id, str(k)) for k in dict.fromkeys(item_keys)],
        )

    def targets(self, session_id: str) -> list[str]:
        rows = self.cur.execute(
            "SELECT item_key FROM session_targets WHERE session_id = ? ORDER BY item_key", (session_id,)
        )
        return [str(r[0]) for r in rows]

    def clear_count(self, count_id: str) -> None:
        """Drop a count's decisions and threshold, to fold them again from the journal."""
        self.cur.execute("DELETE FROM variance_decisions WHERE count_id = ?", (count_id,))
        self.cur.execute("DELETE FROM count_thresholds WHERE count_id = ?", (count_id,))
