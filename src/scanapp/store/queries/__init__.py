"""Read-side queries for screens, reports and exports: plain rows (scanapp.domain.rows), paged where lists
can be long. One module per subject; every query is re-exported here, so callers write `queries.session(conn,
…)`. Screens reach them through the read port (scanapp.services.reads), never directly.

Reads never change anything, so they run outside a unit of work on their own connection.
"""

from __future__ import annotations

from scanapp.store.queries.catalog import (
    expected_among,
    product_names,
    products_for_codes,
    search_products,
)
from scanapp.store.queries.catch_up import catch_up
from scanapp.store.queries.counts import (
    areas,
    count,
    counts_overview,
    find_session_or_count,
    session,
    sessions_of,
    totals,
)
from scanapp.store.queries.device import setting, users
from scanapp.store.queries.refused import refused_at, refused_count, refused_keys, refused_scans
from scanapp.store.queries.reports import count_report, count_unmatched, inventory_history
from scanapp.store.queries.scan_lines import (
    line_count,
    line_keys,
    line_ordinals,
    lines,
    lines_after,
    lines_at,
    matched_around,
    matched_keys_around,
    scans_since,
    unmatched_codes,
    unmatched_lines,
)
from scanapp.store.queries.session_items import item_count, items, uncounted, uncounted_count, units_of

__all__ = [
    "areas",
    "catch_up",
    "count",
    "count_report",
    "count_unmatched",
    "counts_overview",
    "expected_among",
    "find_session_or_count",
    "inventory_history",
    "item_count",
    "items",
    "line_count",
    "line_keys",
    "line_ordinals",
    "lines",
    "lines_after",
    "lines_at",
    "matched_around",
    "matched_keys_around",
    "product_names",
    "products_for_codes",
    "refused_at",
    "refused_count",
    "refused_keys",
    "refused_scans",
    "scans_since",
    "search_products",
    "session",
    "sessions_of",
    "setting",
    "totals",
    "uncounted",
    "uncounted_count",
    "units_of",
    "unmatched_codes",
    "unmatched_lines",
    "users",
]
