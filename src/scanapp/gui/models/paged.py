"""A read-only table model over a list that lives in the store and may be long (100,000 scans).

The row count comes from one count query; rows are fetched a page at a time when a view first asks for
them and kept in a small least-recently-used cache. A view therefore touches the store only for the pages
it shows: scrolling to row 90,000 reads one page, not 90,000 rows.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt, QTimer

from scanapp.gui.models.table import ROW_ROLE, HeaderedTableModel, Index
from scanapp.services.reads import Reads

R = TypeVar("R")


class PagedTableModel(HeaderedTableModel, Generic[R]):
    page_size: ClassVar[int] = 100
    max_pages: ClassVar[int] = 40

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._pages: OrderedDict[int, list[R]] = OrderedDict()
        self.fetches = 0
        """Pages read from the store so far (benchmarks and tests look at it)."""

    # -- what a subclass provides ----------------------------------------------------------------------

    def count_rows(self) -> int:
        raise NotImplementedError

    def fetch_rows(self, offset: int, limit: int) -> list[R]:
        raise NotImplementedError

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError

    # -- Qt ----------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self.headers):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        return self.cell(row, index.column(), role)

    # -- paging --------------------------------------------------------------------------------------------

    def row_at(self, i: int) -> R | None:
        """The plain row object at row `i` (fetching its page if need be), or None past the end."""
        if not 0 <= i < self._count:
            return None
        number, offset = divmod(i, self.page_size)
        page = self._pages.get(number)
        if page is None:
            page = self.fetch_rows(number * self.page_size, self.page_size)
            self.fetches += 1
            self._pages[number] = page
            if len(self._pages) > self.max_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def reload(self) -> None:
        """Start over: count again and forget every cached page (views lose their selection)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = self.count_rows()
        self.endResetModel()

    def refresh(self, new_rows_on_top: bool = False) -> None:
        """Catch up with the store, keeping views' scroll position where the change allows.

        `new_rows_on_top`: the list is newest first and has only grown (scans came in), so the new rows
        are inserted at the top rather than resetting the model.
        """
        new = self.count_rows()
        old = self._count
        self._pages.clear()
        if new == old:
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(new - 1, len(self.headers) - 1))
        elif new_rows_on_top and new > old:
            self.beginInsertRows(QModelIndex(), 0, new - old - 1)
            self._count = new
            self.endInsertRows()
            if old:
                self.dataChanged.emit(self.index(new - old, 0), self.index(new - 1, len(self.headers) - 1))
        else:
            self.beginResetModel()
            self._count = new
            self.endResetModel()

    def remove_row(self, i: int) -> None:
        """Row `i` is gone from the store (a removed scan): take it out without resetting the view."""
        if not 0 <= i < self._count:
            return
        self.beginRemoveRows(QModelIndex(), i, i)
        self._count -= 1
        self._pages.clear()
        self.endRemoveRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = 0
        self.endResetModel()


class SessionPagedModel(PagedTableModel[R]):
    """The rows of one session, read through the read port; empty while no session is set."""

    def __init__(self, reads: Reads, parent: Any = None) -> None:
        super().__init__(parent)
        self.reads = reads
        self.session_id: str | None = None

    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        self.reload()

    def count_rows(self) -> int:
        return self.count_session(self.session_id) if self.session_id else 0

    def fetch_rows(self, offset: int, limit: int) -> list[R]:
        return self.fetch_session(self.session_id, offset, limit) if self.session_id else []

    def count_session(self, session_id: str) -> int:
        raise NotImplementedError

    def fetch_session(self, session_id: str, offset: int, limit: int) -> list[R]:
        raise NotImplementedError


class OrdinalPagedModel(SessionPagedModel[R]):
    """A paged model over scan lines, newest first, that keeps the lines' ordinals (a few bytes a row) and
    reads each page by them: every page costs the same wherever it is in a 100,000-line list. Rows are cached
    by ordinal, not by position, so a new scan on top moves no cached row: it is one insert, not a re-read."""

    def __init__(self, reads: Reads, parent: Any = None) -> None:
        super().__init__(reads, parent)
        self._ordinals: list[int] = []
        """Oldest first (a new scan is an append); row i is _ordinals[-1 - i]."""
        self._by_ordinal: OrderedDict[int, R] = OrderedDict()

    def load_ordinals(self, session_id: str, after: int) -> list[int]:
        """The ordinals of the session's rows, newest first, above `after` (0: all of them)."""
        raise NotImplementedError

    def rows_for(self, session_id: str, ordinals: list[int]) -> list[R]:
        raise NotImplementedError

    def ordinal_of(self, row: R) -> int:
        raise NotImplementedError

    @property
    def newest(self) -> int:
        """The newest ordinal shown (0: none)."""
        return self._ordinals[-1] if self._ordinals else 0

    def count_rows(self) -> int:
        self._by_ordinal.clear()
        self._ordinals = self.load_ordinals(self.session_id, 0)[::-1] if self.session_id else []
        return len(self._ordinals)

    def row_at(self, i: int) -> R | None:
        if not 0 <= i < self._count:
            return None
        ordinal = self._ordinals[-1 - i]
        row = self._by_ordinal.get(ordinal)
        if row is not None:
            self._by_ordinal.move_to_end(ordinal)
            return row
        rows = self.fetch_rows(i // self.page_size * self.page_size, self.page_size)
        self.fetches += 1
        for r in rows:
            self._by_ordinal[self.ordinal_of(r)] = r
        while len(self._by_ordinal) > self.max_pages * self.page_size:
            self._by_ordinal.popitem(last=False)
        return self._by_ordinal.get(ordinal)

    def fetch_session(self, session_id: str, offset: int, limit: int) -> list[R]:
        """The page's rows not cached yet: after new ordinals were taken in on top (refresh(new_rows_on_top)),
        only the new lines are read, not the page they pushed down."""
        top = len(self._ordinals) - offset
        page = self._ordinals[max(0, top - limit) : max(0, top)][::-1]
        wanted = [o for o in page if o not in self._by_ordinal]
        rows = self.rows_for(session_id, wanted) if wanted else []
        if len(rows) != len(wanted):  # lines removed behind our back (another window, a sync): start over
            QTimer.singleShot(0, self.reload)
        return rows

    def add_on_top(self, rows: list[R]) -> None:
        """New rows, newest first, all newer than any shown: inserted at the top, nothing else re-read."""
        rows = [r for r in rows if self.ordinal_of(r) > self.newest]
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
        for r in reversed(rows):
            ordinal = self.ordinal_of(r)
            self._ordinals.append(ordinal)
            self._by_ordinal[ordinal] = r
        self._count = len(self._ordinals)
        self.endInsertRows()

    def refresh(self, new_rows_on_top: bool = False) -> None:
        if not new_rows_on_top:
            self._by_ordinal.clear()
            super().refresh()
            return
        if not self.session_id:
            return
        new = self.load_ordinals(self.session_id, self.newest)
        if new:
            self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
            self._ordinals.extend(reversed(new))
            self._count = len(self._ordinals)
            self.endInsertRows()

    def remove_row(self, i: int) -> None:
        if 0 <= i < len(self._ordinals):
            self.beginRemoveRows(QModelIndex(), i, i)
            self._by_ordinal.pop(self._ordinals.pop(-1 - i), None)
            self._count = len(self._ordinals)
            self.endRemoveRows()

    def clear(self) -> None:
        self._ordinals = []
        self._by_ordinal.clear()
        super().clear()
