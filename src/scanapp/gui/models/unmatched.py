"""The Unmatched tab (C8, C11): each unknown code once, with its quantity and, for every scan of it, when it
was scanned, how many scans ago and the matched scans just before and after it, so the associate can find it
on the shelf. One Match resolves every scan of the code.

The codes come from one grouped query; a code's card is read when a view first shows it and then kept. A new
scan changes the cards in memory (a quantity, "N scans ago", the scan after), so a scan reads nothing here
unless it is an unmatched scan of a code already shown (one neighbour lookup).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont

from scanapp.domain.barcodes import printable
from scanapp.domain.classification import Category
from scanapp.domain.rows import ScanRow, UnmatchedCode, UnmatchedScan
from scanapp.domain.tally import Line, LineKind
from scanapp.gui.models.table import ROW_ROLE, HeaderedTableModel, Index
from scanapp.gui.shell.style import CATEGORY_COLOURS
from scanapp.gui.widgets.formatting import clock_time, scans_ago
from scanapp.services.reads import Reads

SHOWN_SCANS = 3
"""Scans a card shows (one line each); the rest are in its tooltip and in Match Product."""


@dataclass
class _Card:
    """A code's card as read, with, per scan, the model's scan clock when its "scans ago" was right."""

    code: str
    scans: list[tuple[UnmatchedScan, int]]

    def at(self, clock: int) -> UnmatchedCode:
        now = tuple(replace(s, scans_ago=s.scans_ago + clock - seen) for s, seen in self.scans)
        return UnmatchedCode(self.code, now)


class UnmatchedModel(HeaderedTableModel):
    headers: ClassVar[tuple[str, ...]] = (str(QT_TRANSLATE_NOOP("Columns", "Unmatched code")), "")
    page_size: ClassVar[int] = 25
    max_cards: ClassVar[int] = 1_000
    CARD, MATCH = range(2)

    def __init__(self, reads: Reads, parent: Any = None) -> None:
        super().__init__(parent)
        self.reads = reads
        self.session_id: str | None = None
        self._codes: list[list[Any]] = []
        """[code, quantity], the code scanned last first."""
        self._cards: OrderedDict[str, _Card] = OrderedDict()
        self._clock = 0
        """Scans seen since the codes were read: "N scans ago" moves on by it without a query."""
        self._awaiting_after: set[str] = set()
        """Codes whose card has a scan with no matched scan after it yet: the next matched scan is theirs."""
        self.fetches = 0
        self._bold = QFont()
        self._bold.setBold(True)

    # -- loading -------------------------------------------------------------------------------------------

    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        self.reload()

    def count_rows(self) -> int:
        """Read the codes (one grouped query) and forget every card."""
        self._cards.clear()
        self._awaiting_after.clear()
        self._codes = [[c, n] for c, n in self.reads.unmatched_codes(self.session_id)] if self.session_id else []
        return len(self._codes)

    def fetch_rows(self, offset: int, limit: int) -> list[UnmatchedCode]:
        """The cards of rows offset… that are not kept yet, read from the store."""
        wanted = [c for c, _n in self._codes[offset : offset + limit] if c not in self._cards]
        read = self.reads.unmatched_code_cards(self.session_id, wanted) if self.session_id and wanted else []
        if len(read) != len(wanted):  # matched or removed behind our back (a sync): start over
            QTimer.singleShot(0, self.reload)
        return read

    def reload(self) -> None:
        self.beginResetModel()
        self.count_rows()
        self.endResetModel()

    def refresh(self, new_rows_on_top: bool = False) -> None:
        """Lines were matched or removed: read the codes again (new scans come in through `lines_added`)."""
        self.reload()

    def clear(self) -> None:
        self.set_session(None)

    def row_at(self, i: int) -> UnmatchedCode | None:
        if not 0 <= i < len(self._codes):
            return None
        code = self._codes[i][0]
        card = self._cards.get(code)
        if card is None:
            read = self.fetch_rows(i // self.page_size * self.page_size, self.page_size)
            self.fetches += 1
            for got in read:
                self._cards[got.code] = _Card(got.code, [(s, self._clock) for s in got.scans])
                if any(s.after is None for s in got.scans):
                    self._awaiting_after.add(got.code)
            while len(self._cards) > self.max_cards:
                self._cards.popitem(last=False)
            card = self._cards.get(code)
            if card is None:
                return None
        self._cards.move_to_end(code)
        return card.at(self._clock)

    # -- new scans, without a re-read ----------------------------------------------------------------------

    def lines_added(self, rows: list[ScanRow]) -> None:
        """New lines, newest first: unmatched scans join their code (or a new code on top), every scan moves
        "N scans ago" on, and a matched scan becomes the "after" of the scans that had none."""
        for row in reversed(rows):
            line = row.line
            if line.kind is LineKind.SCAN:
                self._clock += 1
            if line.removed:
                continue
            if line.category is Category.UNMATCHED and line.code:
                self._add_scan(line)
            elif line.kind is LineKind.SCAN and line.item_key:
                self._after_is(row.name or line.item_key)
        if self._codes and rows:
            self.dataChanged.emit(self.index(0, self.CARD), self.index(len(self._codes) - 1, self.CARD))

    def _add_scan(self, line: Line) -> None:
        code = str(line.code)
        at = next((i for i, (c, _n) in enumerate(self._codes) if c == code), None)
        if at is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._codes.insert(0, [code, 1])
            self.endInsertRows()
            # The code's only unmatched scan: its card is known without reading it.
            before = self.reads.matched_before(line.session_id, line)
            self._cards[code] = _Card(code, [(UnmatchedScan(line, 0, before, None), self._clock)])
            self._awaiting_after.add(code)
            return
        entry = self._codes[at]
        entry[1] += 1
        if at:
            self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), 0)
            self._codes.insert(0, self._codes.pop(at))
            self.endMoveRows()
        card = self._cards.get(code)
        if card is not None:
            before = self.reads.matched_before(line.session_id, line)
            card.scans.insert(0, (UnmatchedScan(line, 0, before, None), self._clock))
            self._awaiting_after.add(code)

    def _after_is(self, name: str) -> None:
        """A matched scan came: it is the "after" of every scan still without one (only those cards change)."""
        for code in self._awaiting_after:
            card = self._cards.get(code)
            if card is not None:
                card.scans = [(replace(s, after=name) if s.after is None else s, seen) for s, seen in card.scans]
        self._awaiting_after.clear()

    # -- Qt ----------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._codes)

    def quantity(self, i: int) -> int:
        """Unmatched scans of the code in row i, without reading its card."""
        return int(self._codes[i][1]) if 0 <= i < len(self._codes) else 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self.headers):
            return None
        if index.column() == self.MATCH:
            return self._match_cell(role)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ROW_ROLE):
            return None
        card = self.row_at(index.row())
        if card is None:
            return None
        if role == ROW_ROLE:
            return card
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(card)
        return self.card_text(card)

    def _match_cell(self, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Match…")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("Match every scan of this code to a product (Alt+M)")
        if role == Qt.ItemDataRole.ForegroundRole:
            return CATEGORY_COLOURS[Category.UNDIRECTED]
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # -- texts -------------------------------------------------------------------------------------------

    def title(self, card: UnmatchedCode) -> str:
        return self.tr("{code} · {scans}").format(code=card.code, scans=self.tr("%n scans", "", card.quantity))

    def scan_text(self, scan: UnmatchedScan) -> str:
        """One scan of a card: when, how many scans ago, and between which matched scans."""
        when = self.tr("{time}, {ago}").format(time=clock_time(scan.line.at), ago=scans_ago(scan.scans_ago))
        if scan.before and scan.after:
            where = self.tr("between {before} and {after}").format(before=scan.before, after=scan.after)
        elif scan.before:
            where = self.tr("after {before}, nothing matched since").format(before=scan.before)
        elif scan.after:
            where = self.tr("before {after}, the first matched scan").format(after=scan.after)
        else:
            where = self.tr("no matched scan around it")
        return self.tr("{when}, {where}").format(when=when, where=where)

    def card_text(self, card: UnmatchedCode) -> str:
        lines = [self.title(card)]
        if card.quantity > SHOWN_SCANS:
            lines += [self.scan_text(s) for s in card.scans[: SHOWN_SCANS - 1]]
            more = card.quantity - SHOWN_SCANS + 1
            lines.append(self.tr("…and %n earlier scans (all in Match)", "", more))
        else:
            lines += [self.scan_text(s) for s in card.scans]
        return "\n".join(lines)

    def tooltip(self, card: UnmatchedCode) -> str:
        source = card.line.source or self.tr("unknown source")
        head = self.tr("Scanned data: {data} (from {source})").format(data=printable(card.line.raw), source=source)
        return "\n".join([head, *(self.scan_text(s) for s in card.scans)])
