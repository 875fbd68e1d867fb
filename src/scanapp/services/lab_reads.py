"""The lab screens' read port (as services.reads is the counts screens'): plain rows, each read on its own
read connection, never holding the write lock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection

from scanapp.domain.catalog import InventoryItem, ListingConfig
from scanapp.domain.lab_rows import (
    LabScanRow,
    LabSessionRow,
    ListingRow,
    ProgressRow,
    ScopeRecheck,
    UnknownCode,
    View,
)
from scanapp.domain.rows import HistoryRow
from scanapp.services import lab_report
from scanapp.store import queries
from scanapp.store.database import Store
from scanapp.store.queries import lab, lab_views

P = ParamSpec("P")
T = TypeVar("T")


class LabReads:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _run(self, query: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        with self.store.read() as conn:
            return query(conn, *args, **kwargs)

    # -- the start modal ---------------------------------------------------------------------------------------

    def labs(self) -> list[str]:
        return self._run(lab.labs)

    def filter_values(self, column: str, lab_name: str | None = None) -> list[str]:
        return self._run(lab.filter_values, column, lab_name)

    def matching_count(self, lab_name: str, filters: dict[str, list[str]]) -> int:
        """Inventory items of the lab these filters select: what a session started now would expect."""
        return self._run(lab.matching_count, (*sorted(filters.items()), ("lab", [lab_name])))

    def listing_configs(self) -> list[ListingConfig]:
        return self._run(lab.listing_configs)

    def listing_config(self, config_id: str) -> ListingConfig:
        return self._run(lab.listing_config, config_id)

    # -- sessions ----------------------------------------------------------------------------------------------

    def sessions(self, past: bool | None = None) -> list[LabSessionRow]:
        return self._run(lab.reconciliations, past)

    def session(self, session_id: str) -> LabSessionRow:
        return self._run(lab.reconciliation, session_id)

    def active(self, preferred: str | None = None) -> LabSessionRow | None:
        """The session this station works in: the one it worked in last while that is still active, else the
        one started last."""
        active = self.sessions(past=False)
        for row in active:
            if row.session.id == preferred:
                return row
        return active[0] if active else None

    def find(self, ref: str) -> str:
        return self._run(lab.find_reconciliation, ref)

    def is_reconciliation(self, session_id: str) -> bool:
        return self._run(lab.is_reconciliation, session_id)

    # -- while scanning ----------------------------------------------------------------------------------------

    def line_ordinals(self, session_id: str, after: int = 0) -> list[int]:
        return self._run(queries.line_ordinals, session_id, None, after)

    def scan_rows(self, session_id: str, ordinals: list[int]) -> list[LabScanRow]:
        return self._run(lab.scan_rows, session_id, ordinals)

    def progress(self, session_id: str) -> list[ProgressRow]:
        return self._run(lab.progress, session_id)

    def unknown_codes(self, session_id: str) -> list[UnknownCode]:
        return self._run(lab.unknown_codes, session_id)

    def wrong_location_at(self, session_id: str, here: str) -> list[str]:
        return self._run(lab.wrong_location_at, session_id, here)

    def item(self, barcode: str) -> InventoryItem | None:
        return self._run(lab.inventory_items, [barcode]).get(barcode)

    def history(self, barcode: str) -> list[HistoryRow]:
        return self._run(queries.inventory_history, barcode=barcode)

    def session_history(self, session_id: str) -> list[HistoryRow]:
        return self._run(queries.inventory_history, session_id=session_id)

    # -- the three views and the end ---------------------------------------------------------------------------

    def view_count(self, session_id: str, view: View) -> int:
        return self._run(lab_views.view_count, session_id, view)

    def view_rows(self, session_id: str, view: View, offset: int = 0, limit: int | None = None) -> list[ListingRow]:
        return self._run(lab_views.view_rows, session_id, view, offset, limit)

    def unresolved(self, session_id: str) -> int:
        return self._run(lab.unresolved, session_id)

    def unresolved_items(self, session_id: str) -> list[str]:
        return self._run(lab.unresolved_items, session_id)

    def report(self, session_id: str) -> dict[str, Any]:
        """The session's reconciliation report (L13), as lab_report writes it to CSV, JSON or PDF."""
        return self._run(lab_report.report_data, session_id)

    def recheck(self, session_id: str) -> ScopeRecheck:
        return self._run(lab_views.recheck, session_id)
