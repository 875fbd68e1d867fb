"""The Counted / Undirected / Uncounted tabs (C7): products with their units and, on directed counts, the
quantity expected."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt

from scanapp.domain.classification import Category
from scanapp.domain.rows import ItemRow
from scanapp.gui.models.paged import SessionPagedModel
from scanapp.gui.style import MUTED_COLOUR
from scanapp.services.reads import Reads

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _qty(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}"


class ItemsModel(SessionPagedModel[ItemRow]):
    """Products of one category in a session, by name, with units scanned (and expected, when listed)."""

    headers: ClassVar[tuple[str, ...]] = ("Product", "SKU", "Units", "Expected")
    PRODUCT, SKU, UNITS, EXPECTED = range(4)

    def __init__(self, reads: Reads, category: Category, parent: Any = None) -> None:
        super().__init__(reads, parent)
        self.category = category

    def count_session(self, session_id: str) -> int:
        return self.reads.item_count(session_id, self.category)

    def fetch_session(self, session_id: str, offset: int, limit: int) -> list[ItemRow]:
        return self.reads.items(session_id, self.category, offset, limit)

    def cell(self, row: ItemRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PRODUCT:
                return f"{row.name}\n{row.parent_name}" if row.parent_name else row.name
            if column == self.SKU:
                return row.item_key
            if column == self.UNITS:
                return f"{row.units:,}"
            if column == self.EXPECTED:
                return _qty(row.expected_qty)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.UNITS, self.EXPECTED):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.SKU, self.EXPECTED):
            return MUTED_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name} ({row.item_key}): {row.units} scanned, expected {_qty(row.expected_qty)}"
        return None


class UncountedModel(SessionPagedModel[ItemRow]):
    """Products on the directed list not yet scanned in this session."""

    headers: ClassVar[tuple[str, ...]] = ("Product", "SKU", "Expected")
    PRODUCT, SKU, EXPECTED = range(3)

    def count_session(self, session_id: str) -> int:
        return self.reads.uncounted_count(session_id)

    def fetch_session(self, session_id: str, offset: int, limit: int) -> list[ItemRow]:
        return self.reads.uncounted(session_id, offset, limit)

    def cell(self, row: ItemRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PRODUCT:
                return f"{row.name}\n{row.parent_name}" if row.parent_name else row.name
            if column == self.SKU:
                return row.item_key
            if column == self.EXPECTED:
                return _qty(row.expected_qty)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.EXPECTED:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.SKU:
            return MUTED_COLOUR
        return None
