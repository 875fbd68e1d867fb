"""The Unmatched tab (C8): one card per unmatched scan with when it was scanned, how many scans ago, and the
matched scans just before and after it, so the associate can find it on the shelf."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from scanapp.domain.barcodes import printable
from scanapp.domain.classification import Category
from scanapp.domain.rows import UnmatchedCard
from scanapp.gui.models.paged import OrdinalPagedModel
from scanapp.gui.shell.style import CATEGORY_COLOURS
from scanapp.gui.widgets.formatting import clock_time, scans_ago
from scanapp.services.reads import Reads


class UnmatchedModel(OrdinalPagedModel[UnmatchedCard]):
    headers: ClassVar[tuple[str, ...]] = (str(QT_TRANSLATE_NOOP("Columns", "Unmatched scan")), "")
    page_size: ClassVar[int] = 25
    CARD, MATCH = range(2)

    def __init__(self, reads: Reads, parent: Any = None) -> None:
        super().__init__(reads, parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def load_ordinals(self, session_id: str, after: int) -> list[int]:
        return self.reads.line_ordinals(session_id, Category.UNMATCHED, after)

    def rows_for(self, session_id: str, ordinals: list[int]) -> list[UnmatchedCard]:
        return self.reads.unmatched_cards(session_id, ordinals)

    def cell(self, row: UnmatchedCard, column: int, role: int) -> Any:
        line = row.line
        if column == self.CARD:
            if role == Qt.ItemDataRole.DisplayRole:
                return card_text(row)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Scanned data: {data} (from {source})").format(
                    data=printable(line.raw), source=line.source or self.tr("unknown source")
                )
        elif column == self.MATCH:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Match…")
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.tr("Match this scan to a product (Alt+M)")
            if role == Qt.ItemDataRole.ForegroundRole:
                return CATEGORY_COLOURS[Category.UNDIRECTED]
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None


def card_text(card: UnmatchedCard) -> str:
    line, ctx = card.line, card.context
    before = card.before or QCoreApplication.translate("UnmatchedModel", "nothing (first matched scan)")
    after = card.after or QCoreApplication.translate("UnmatchedModel", "nothing yet (no matched scan since)")
    return QCoreApplication.translate(
        "UnmatchedModel", "{code}\nScanned {time}, {ago}\nBefore: {before}\nAfter: {after}"
    ).format(
        code=line.code or printable(line.raw),
        time=clock_time(line.at),
        ago=scans_ago(ctx.scans_ago),
        before=before,
        after=after,
    )
