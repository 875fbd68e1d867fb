"""The Unmatched tab (C8): one card per unmatched scan with when it was scanned, how many scans ago, and the
matched scans just before and after it, so the associate can find it on the shelf."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from sqlalchemy import Connection

from scanapp.domain.barcodes import printable
from scanapp.domain.classification import Category
from scanapp.domain.tally import Line
from scanapp.gui.engine import Engine
from scanapp.gui.formatting import clock_time, scans_ago
from scanapp.gui.models.paged import OrdinalPagedModel
from scanapp.gui.style import CATEGORY_COLOURS
from scanapp.store import queries
from scanapp.store.queries import UnmatchedContext


@dataclass(frozen=True)
class UnmatchedCard:
    context: UnmatchedContext
    before: str | None
    after: str | None

    @property
    def line(self) -> Line:
        return self.context.line


def unmatched_cards(conn: Connection, session_id: str, ordinals: list[int]) -> list[UnmatchedCard]:
    page = queries.lines_at(conn, session_id, ordinals)
    contexts = [queries.unmatched_context(conn, ln) for ln in page]
    keys = {c.item_key for ctx in contexts for c in (ctx.before, ctx.after) if c is not None and c.item_key}
    names = queries.product_names(conn, sorted(k for k in keys if k))

    def name(line: Line | None) -> str | None:
        if line is None or line.item_key is None:
            return None
        return names.get(line.item_key, line.item_key)

    return [UnmatchedCard(ctx, name(ctx.before), name(ctx.after)) for ctx in contexts]


class UnmatchedModel(OrdinalPagedModel[UnmatchedCard]):
    headers: ClassVar[tuple[str, ...]] = ("Unmatched scan", "")
    page_size: ClassVar[int] = 25
    CARD, MATCH = range(2)

    def __init__(self, engine: Engine, parent: Any = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.session_id: str | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        self.reload()

    def load_ordinals(self, after: int) -> list[int]:
        if not self.session_id:
            return []
        return self.engine.read(queries.line_ordinals, self.session_id, Category.UNMATCHED, after)

    def rows_for(self, ordinals: list[int]) -> list[UnmatchedCard]:
        return self.engine.read(unmatched_cards, self.session_id, ordinals) if self.session_id else []

    def cell(self, row: UnmatchedCard, column: int, role: int) -> Any:
        line = row.line
        if column == self.CARD:
            if role == Qt.ItemDataRole.DisplayRole:
                return card_text(row)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Scanned data: {printable(line.raw)} (from {line.source or 'unknown source'})"
        elif column == self.MATCH:
            if role == Qt.ItemDataRole.DisplayRole:
                return "Match…"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return "Match this scan to a product (Alt+M)"
            if role == Qt.ItemDataRole.ForegroundRole:
                return CATEGORY_COLOURS[Category.UNDIRECTED]
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None


def card_text(card: UnmatchedCard) -> str:
    line, ctx = card.line, card.context
    before = card.before or "nothing (first matched scan)"
    after = card.after or "nothing yet (no matched scan since)"
    return (
        f"{line.code or printable(line.raw)}\n"
        f"Scanned {clock_time(line.at)}, {scans_ago(ctx.scans_ago)}\n"
        f"Before: {before}\n"
        f"After: {after}"
    )
