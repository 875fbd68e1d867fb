"""Products the Match Product dialog offers for an unmatched scan (C8, B2): likely matches of the scanned
code first, then what the search finds by SKU, name or code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy import Connection

from scanapp.domain.barcodes import BarcodeError, gtin14_of
from scanapp.domain.suggestions import suggest
from scanapp.gui.models.paged import ROW_ROLE
from scanapp.gui.models.table import HeaderedTableModel
from scanapp.gui.style import MUTED_COLOUR
from scanapp.store import queries

Index = QModelIndex | QPersistentModelIndex
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class Candidate:
    sku: str
    name: str
    parent_name: str
    code: str | None
    reason: str


def likely_matches(conn: Connection, code: str, count_id: str | None = None) -> list[Candidate]:
    """Catalog products whose code the scanned one is probably a mis-read or another form of (B2), the
    likeliest first. With a count, products on its directed list come first: that is what was being counted."""
    suggestions = suggest(code)
    reasons = {s.code: s.reason for s in suggestions}
    hits = queries.products_for_codes(conn, [s.code for s in suggestions])
    listed = queries.expected_among(conn, count_id, [h.sku for h in hits]) if count_id else set()
    found = [
        Candidate(
            h.sku, h.name, h.parent_name, h.code, reasons[h.code or ""] + (", on the list" if h.sku in listed else "")
        )
        for h in hits
    ]
    return sorted(found, key=lambda c: c.sku not in listed)  # stable: the likeliest order stays within each


def search_matches(conn: Connection, text: str, only_count: str | None = None) -> list[Candidate]:
    """Products found by what was typed: a GTIN in any form, a SKU, or a (parent) product name."""
    text = text.strip()
    if not text:
        return []
    found: list[Candidate] = []
    try:
        key = gtin14_of(text)
    except BarcodeError:
        key = None
    if key is not None:
        owners = queries.products_for_codes(conn, [key])
        found += [Candidate(h.sku, h.name, h.parent_name, h.code, "has this code") for h in owners]
    found += [
        Candidate(h.sku, h.name, h.parent_name, h.code, "matches the search")
        for h in queries.search_products(conn, text, SEARCH_LIMIT, only_count)
    ]
    return found


def candidates_for(conn: Connection, scanned_code: str, text: str, count_id: str | None = None) -> list[Candidate]:
    """What Match Product lists: likely matches of the scanned code and what the search text finds; the
    likely ones first while the search still holds the scanned code."""
    likely = likely_matches(conn, scanned_code, count_id)
    searched = search_matches(conn, text)
    ordered = likely + searched if text.strip() == scanned_code else searched + likely
    seen: set[str] = set()
    out = []
    for c in ordered:
        if c.sku not in seen:
            seen.add(c.sku)
            out.append(c)
    return out


class CandidateModel(HeaderedTableModel):
    """Products to pick from. Each row's second line says why it is offered (Match Product) or, with
    `show_reason=False`, which product family it belongs to (Hand-Counted Items search)."""

    headers: ClassVar[tuple[str, ...]] = ("Product", "SKU", "Code")
    PRODUCT, SKU, CODE = range(3)

    def __init__(self, parent: Any = None, show_reason: bool = True) -> None:
        super().__init__(parent)
        self._rows: list[Candidate] = []
        self.show_reason = show_reason

    def set_candidates(self, rows: list[Candidate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def candidate(self, row: int) -> Candidate | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.candidate(index.row())
        if c is None:
            return None
        if role == ROW_ROLE:
            return c
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PRODUCT:
                second = c.reason if self.show_reason else c.parent_name
                return f"{c.name}\n{second}" if second else c.name
            if column == self.SKU:
                return c.sku
            if column == self.CODE:
                return c.code or ""
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CODE:
            return MUTED_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{c.name} ({c.sku}), code {c.code or '—'}: {c.reason}"
        return None
