"""The screens' read port: every read they need, each on its own read connection, answered with plain rows
(scanapp.domain.rows) or domain objects, never a connection or an SQL row.

Reads take no write lock, so a screen reading while a scan commits is never kept waiting; a paged model asks
for one page at a time (ordinals first, then the rows at them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection

from scanapp.domain.classification import Category
from scanapp.domain.counts import Count, Session
from scanapp.domain.refusals import is_refused_key, key_ordinal
from scanapp.domain.rows import (
    CatchUp,
    CountRow,
    ItemRow,
    ProductHit,
    ScanRow,
    SessionRow,
    UnmatchedCode,
    UnmatchedScan,
    UserRow,
)
from scanapp.domain.tally import Line, Totals
from scanapp.store import queries
from scanapp.store.database import Store

P = ParamSpec("P")
T = TypeVar("T")


class Reads:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _run(self, query: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        with self.store.read() as conn:
            return query(conn, *args, **kwargs)

    # -- counts and sessions ---------------------------------------------------------------------------------

    def counts_overview(self) -> list[CountRow]:
        return self._run(queries.counts_overview)

    def count(self, count_id: str) -> Count:
        return self._run(queries.count, count_id)

    def sessions_of(self, count_id: str) -> list[SessionRow]:
        return self._run(queries.sessions_of, count_id)

    def session(self, session_id: str) -> Session:
        return self._run(queries.session, session_id)

    def totals(self, session_id: str) -> Totals:
        return self._run(queries.totals, session_id)

    def areas(self) -> list[str]:
        return self._run(queries.areas)

    # -- the device's users and settings ----------------------------------------------------------------------

    def users(self) -> list[UserRow]:
        return self._run(queries.users)

    def user_names(self) -> dict[str, str]:
        """Display names by user id (who holds a lock, said by name)."""
        return {u.user_id: u.display_name for u in self.users()}

    def setting(self, key: str, default: object = None) -> object:
        return self._run(queries.setting, key, default)

    # -- the catalog -------------------------------------------------------------------------------------------

    def product_names(self, skus: list[str]) -> dict[str, str]:
        return self._run(queries.product_names, skus)

    def product_name(self, sku: str) -> str:
        """A product's name, or its SKU when the catalog has no such product."""
        return self.product_names([sku]).get(sku, sku)

    def search_products(self, query: str, limit: int = 50, only_count: str | None = None) -> list[ProductHit]:
        return self._run(queries.search_products, query, limit, only_count)

    def products_for_codes(self, codes: list[str]) -> list[ProductHit]:
        return self._run(queries.products_for_codes, codes)

    def expected_among(self, count_id: str, item_keys: list[str]) -> set[str]:
        return self._run(queries.expected_among, count_id, item_keys)

    # -- a session's lists, a page at a time -------------------------------------------------------------------

    def line_count(self, session_id: str, category: Category | None = None) -> int:
        return self._run(queries.line_count, session_id, category)

    def line_ordinals(self, session_id: str, category: Category | None = None, after: int = 0) -> list[int]:
        return self._run(queries.line_ordinals, session_id, category, after)

    def scan_rows(self, session_id: str, ordinals: list[int]) -> list[ScanRow]:
        """The scan list's rows at these ordinals, each with its product's name."""
        return self._run(_scan_rows, session_id, ordinals)

    def scan_log_keys(self, session_id: str, after: int = 0) -> list[int]:
        """The places in the session's scan log (domain.refusals.log_key) of its lines not removed and of the
        scans refused in it, newest first; only those after place `after` when given."""
        return self._run(_scan_log_keys, session_id, after)

    def scan_log_rows(self, session_id: str, keys: list[int]) -> list[ScanRow]:
        """The scan log's rows at these places, in the order given (lines with their products' names, refused
        scans); places with nothing there any more are left out."""
        return self._run(_scan_log_rows, session_id, keys)

    def scan_rows_after(self, session_id: str, after: int) -> list[ScanRow]:
        """What the scan log has after place `after` (a log key), newest first: the lines recorded since (with
        their products' names) and the scans refused since. What a screen showing the log up to `after` has not
        seen yet."""
        return self._run(_scan_rows_after, session_id, after)

    def catch_up(self, session_id: str, after: int) -> CatchUp:
        """Everything a session screen showing the log up to place `after` needs after scans, on one connection
        (one snapshot): see domain.rows.CatchUp."""
        return self._run(queries.catch_up, session_id, after)

    def refused_count(self, session_id: str) -> int:
        return self._run(queries.refused_count, session_id)

    def unmatched_codes(self, session_id: str) -> list[tuple[str, int]]:
        """Each unknown code once with its unmatched scans' quantity, the code scanned last first (C11)."""
        return self._run(queries.unmatched_codes, session_id)

    def unmatched_code_cards(self, session_id: str, codes: list[str]) -> list[UnmatchedCode]:
        """These unknown codes with every scan still unmatched, each scan with how many scans ago and the
        matched scans around it, by name; in the order given (codes with no unmatched scan left out)."""
        return self._run(_unmatched_code_cards, session_id, codes)

    def unmatched_line_ids(self, session_id: str, code: str) -> list[str]:
        """The scans of this code still unmatched (what one Match resolves)."""
        return [ln.event_id for ln in self._run(queries.unmatched_lines, session_id, [code])]

    def matched_before(self, session_id: str, line: Line) -> str | None:
        """The name of the matched scan just before this line."""
        return self._run(_names_around, line)[0]

    def item_count(self, session_id: str, category: Category) -> int:
        return self._run(queries.item_count, session_id, category)

    def items(self, session_id: str, category: Category, offset: int = 0, limit: int | None = None) -> list[ItemRow]:
        return self._run(queries.items, session_id, category, offset, limit)

    def item_units(self, session_id: str, item_keys: list[str]) -> dict[str, tuple[int, int]]:
        """(units, lines that count) of these items in the session; items never counted left out."""
        return self._run(queries.units_of, session_id, item_keys)

    def uncounted_count(self, session_id: str) -> int:
        return self._run(queries.uncounted_count, session_id)

    def uncounted(self, session_id: str, offset: int = 0, limit: int | None = None) -> list[ItemRow]:
        return self._run(queries.uncounted, session_id, offset, limit)


def _scan_rows(conn: Connection, session_id: str, ordinals: list[int]) -> list[ScanRow]:
    page = queries.lines_at(conn, session_id, ordinals)
    names = queries.product_names(conn, sorted({ln.item_key for ln in page if ln.item_key}))
    return [ScanRow(ln, names.get(ln.item_key) if ln.item_key else None) for ln in page]


def _scan_log_keys(conn: Connection, session_id: str, after: int) -> list[int]:
    lines = queries.line_keys(conn, session_id, after)
    refused = queries.refused_keys(conn, session_id, after)
    return sorted(lines + refused, reverse=True) if refused else lines  # two sorted runs: one merge


def _scan_log_rows(conn: Connection, session_id: str, keys: list[int]) -> list[ScanRow]:
    refused = queries.refused_at(conn, session_id, [k for k in keys if is_refused_key(k)])
    lines = _scan_rows(conn, session_id, [key_ordinal(k) for k in keys if not is_refused_key(k)])
    by_key = {row.key: row for row in lines}
    by_key.update((k, ScanRow(r.as_line(), None, r)) for k, r in refused.items())
    return [by_key[k] for k in keys if k in by_key]


def _scan_rows_after(conn: Connection, session_id: str, after: int) -> list[ScanRow]:
    page = queries.lines_after(conn, session_id, key_ordinal(after))
    names = queries.product_names(conn, sorted({ln.item_key for ln in page if ln.item_key}))
    rows = [ScanRow(ln, names.get(ln.item_key) if ln.item_key else None) for ln in page]
    refused = queries.refused_at(conn, session_id, queries.refused_keys(conn, session_id, after))
    if not refused:
        return rows
    rows += [ScanRow(r.as_line(), None, r) for r in refused.values()]
    return sorted(rows, key=lambda row: row.key, reverse=True)


def _names_around(conn: Connection, line: Line) -> tuple[str | None, str | None]:
    before, after = queries.matched_around(conn, line)
    keys = sorted({ln.item_key for ln in (before, after) if ln is not None and ln.item_key})
    names = queries.product_names(conn, keys)

    def name(ln: Line | None) -> str | None:
        return None if ln is None or ln.item_key is None else names.get(ln.item_key, ln.item_key)

    return name(before), name(after)


def _unmatched_code_cards(conn: Connection, session_id: str, codes: list[str]) -> list[UnmatchedCode]:
    scans = queries.unmatched_lines(conn, session_id, codes)
    ordinals = [ln.ordinal for ln in scans]
    ago = queries.scans_since(conn, session_id, ordinals)
    around = queries.matched_keys_around(conn, session_id, ordinals)  # one query for every scan's neighbours
    names = queries.product_names(conn, sorted({k for pair in around.values() for k in pair if k}))
    by_code: dict[str, list[UnmatchedScan]] = {}
    for ln in scans:
        before, after = (None if key is None else names.get(key, key) for key in around[ln.ordinal])
        by_code.setdefault(str(ln.code), []).append(UnmatchedScan(ln, ago[ln.ordinal], before, after))
    return [UnmatchedCode(code, tuple(by_code[code])) for code in codes if code in by_code]
