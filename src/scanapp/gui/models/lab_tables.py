"""The lab's short tables, read whole: progress per location (L11), unknown codes with their notes (L12), an
item's inventory history (L4) and the reconciliation sessions (L7)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP

from scanapp.domain.lab import Tag
from scanapp.domain.lab_rows import LabSessionRow, ProgressRow, UnknownCode
from scanapp.domain.rows import HistoryRow
from scanapp.gui.models.lab_colours import tag_name
from scanapp.gui.models.table import RowsModel
from scanapp.gui.widgets.error_text import stored_text_shown
from scanapp.gui.widgets.formatting import clock_time, grouped, lab_action_name, local, resolution_name


class ProgressModel(RowsModel[ProgressRow]):
    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Location")),
        str(QT_TRANSLATE_NOOP("Columns", "Expected")),
        str(QT_TRANSLATE_NOOP("Columns", "Found")),
        str(QT_TRANSLATE_NOOP("Columns", "Missing")),
    )
    right = frozenset({1, 2, 3})

    def text(self, row: ProgressRow, column: int) -> str:
        return (row.location, grouped(row.expected), grouped(row.found), grouped(row.missing))[column]


class UnknownCodesModel(RowsModel[UnknownCode]):
    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Code")),
        str(QT_TRANSLATE_NOOP("Columns", "Scans")),
        str(QT_TRANSLATE_NOOP("Columns", "Note")),
    )
    right = frozenset({1})

    def text(self, row: UnknownCode, column: int) -> str:
        return (row.code, str(row.scans), row.note)[column]


class HistoryModel(RowsModel[HistoryRow]):
    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "When")),
        str(QT_TRANSLATE_NOOP("Columns", "Item")),
        str(QT_TRANSLATE_NOOP("Columns", "Action")),
        str(QT_TRANSLATE_NOOP("Columns", "Detail")),
        str(QT_TRANSLATE_NOOP("Columns", "User")),
    )

    def text(self, row: HistoryRow, column: int) -> str:
        when = f"{local(row.at):%Y-%m-%d} {clock_time(row.at)}"
        return (when, row.item_barcode, lab_action_name(row.action), stored_text_shown(row.detail), row.user_id)[column]


class SessionsModel(RowsModel[LabSessionRow]):
    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Name")),
        str(QT_TRANSLATE_NOOP("Columns", "Lab")),
        str(QT_TRANSLATE_NOOP("Columns", "Started")),
        str(QT_TRANSLATE_NOOP("Columns", "Ended")),
        str(QT_TRANSLATE_NOOP("Columns", "Found")),
    )

    def text(self, row: LabSessionRow, column: int) -> str:
        s = row.session
        started = f"{local(s.started_at):%Y-%m-%d %H:%M} · {s.started_by}" if s.started_at else ""
        ended = f"{local(s.ended_at):%Y-%m-%d %H:%M}" if s.ended_at else "—"
        found = f"{grouped(row.found)} / {grouped(row.expected)}"
        return (row.count.name, row.count.lab or "", started, ended, found)[column]


class RecordsModel(RowsModel[dict[str, Any]]):
    """Rows of a report (dicts), shown by key under the given headers; read-only."""

    def __init__(self, headers: tuple[str, ...], keys: tuple[str, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers  # type: ignore[misc]
        self.keys = keys

    def text(self, row: dict[str, Any], column: int) -> str:
        key, value = self.keys[column], row.get(self.keys[column])
        if value is None:
            return ""
        named = {
            "tag": _tag_name,
            "resolution": resolution_name,
            "action": lab_action_name,
            "detail": stored_text_shown,
        }.get(key)
        return named(str(value)) if named else str(value)


def _tag_name(value: str) -> str:
    return tag_name(Tag(value)) if value in set(Tag) else value
