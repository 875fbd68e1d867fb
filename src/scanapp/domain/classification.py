"""Which tab a scan belongs in: one pure function of (count kind, catalog lookup, expected set)."""

from __future__ import annotations

from enum import StrEnum

from scanapp.domain.counts import CountKind


class Category(StrEnum):
    COUNTED = "Counted"
    UNMATCHED = "Unmatched"
    UNDIRECTED = "Undirected"
    UNCOUNTED = "Uncounted"


def classify(kind: CountKind, item_key: str | None, expected: bool) -> Category:
    """`item_key` is the matched product (retail) or inventory item (lab); None when nothing matched.

    Hard counts have no list: whatever matched is counted.
    """
    if item_key is None:
        return Category.UNMATCHED
    if kind is CountKind.HARD or expected:
        return Category.COUNTED
    return Category.UNDIRECTED


def tabs_for(kind: CountKind) -> tuple[Category, ...]:
    if kind is CountKind.HARD:
        return (Category.COUNTED, Category.UNMATCHED)
    return (Category.COUNTED, Category.UNMATCHED, Category.UNDIRECTED, Category.UNCOUNTED)


# The lab seed's words for the same categories.
LAB_TAGS = {
    Category.COUNTED: "In Scope",
    Category.UNMATCHED: "Not in Scope",
    Category.UNDIRECTED: "Not in Scope",
    Category.UNCOUNTED: "Not scanned",
}
