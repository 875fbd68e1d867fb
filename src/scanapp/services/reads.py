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
from scanapp.domain.rows import (
    CountRow,
    ItemRow,
    ProductHit,
    ScanRow,
    SessionRow,
    UnmatchedCard,
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

    def unmatched_cards(self, session_id: str, ordinals: list[int]) -> list[UnmatchedCard]:
        """The unmatched scans at these ordinals, each with the matched scans around it, by name."""
        return self._run(_unmatched_cards, session_id, ordinals)

    def item_count(self, session_id: str, category: Category) -> int:
        return self._run(queries.item_count, session_id, category)

    def items(self, session_id: str, category: Category, offset: int = 0, limit: int | None = None) -> list[ItemRow]:
        return self._run(queries.items, session_id, category, offset, limit)

    def uncounted_count(self, session_id: str) -> int:
        return self._run(queries.uncounted_count, session_id)

    def uncounted(self, session_id: str, offset: int = 0, limit: int | None = None) -> list[ItemRow]:
        return self._run(queries.uncounted, session_id, offset, limit)


def _scan_rows(conn: Connection, session_id: str, ordinals: list[int]) -> list[ScanRow]:
    page = queries.lines_at(conn, session_id, ordinals)
    names = queries.product_names(conn, sorted({ln.item_key for ln in page if ln.item_key}))
    return [ScanRow(ln, names.get(ln.item_key) if ln.item_key else None) for ln in page]


def _unmatched_cards(conn: Connection, session_id: str, ordinals: list[int]) -> list[UnmatchedCard]:
    page = queries.lines_at(conn, session_id, ordinals)
    contexts = [queries.unmatched_context(conn, ln) for ln in page]
    keys = {c.item_key for ctx in contexts for c in (ctx.before, ctx.after) if c is not None and c.item_key}
    names = queries.product_names(conn, sorted(k for k in keys if k))

    def name(line: Line | None) -> str | None:
        if line is None or line.item_key is None:
            return None
        return names.get(line.item_key, line.item_key)

    return [UnmatchedCard(ctx, name(ctx.before), name(ctx.after)) for ctx in contexts]
