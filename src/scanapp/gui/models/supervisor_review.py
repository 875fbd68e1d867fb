"""The station's Review queue tab (SPEC S3): the events the server stored but did not apply — fenced by a
force release, refused by a rule, sent under another user's sign-in, proposed catalog changes — with who,
which device, which session, what, why and when."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt

from scanapp.gui.models.table import ROW_ROLE, HeaderedTableModel, Index
from scanapp.gui.widgets.formatting import day_and_time
from scanapp.services.supervisor_remote import ReviewRow

STATUS_NAMES = {
    "fenced": QT_TRANSLATE_NOOP("SupervisorReview", "Fenced: the lease was lost"),
    "rejected": QT_TRANSLATE_NOOP("SupervisorReview", "Refused by a rule"),
    "unverified": QT_TRANSLATE_NOOP("SupervisorReview", "Sent under another sign-in"),
    "proposed": QT_TRANSLATE_NOOP("SupervisorReview", "Proposed catalog change"),
}
KIND_NAMES = {
    "scan_recorded": QT_TRANSLATE_NOOP("SupervisorReview", "Scan"),
    "scan_rejected": QT_TRANSLATE_NOOP("SupervisorReview", "Rejected scan"),
    "hand_counted": QT_TRANSLATE_NOOP("SupervisorReview", "Hand count"),
    "line_removed": QT_TRANSLATE_NOOP("SupervisorReview", "Scan removed"),
    "line_matched": QT_TRANSLATE_NOOP("SupervisorReview", "Match"),
    "alias_added": QT_TRANSLATE_NOOP("SupervisorReview", "New alias"),
    "pin_set": QT_TRANSLATE_NOOP("SupervisorReview", "PIN chosen"),
    "pin_cleared": QT_TRANSLATE_NOOP("SupervisorReview", "PIN reset"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorReview", text)


def status_name(status: str) -> str:
    name = STATUS_NAMES.get(status)
    return _tr(str(name)) if name else status


def kind_name(kind: str) -> str:
    name = KIND_NAMES.get(kind)
    return _tr(str(name)) if name else kind.replace("_", " ")


class ReviewModel(HeaderedTableModel):
    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "When")),
        str(QT_TRANSLATE_NOOP("Columns", "Who")),
        str(QT_TRANSLATE_NOOP("Columns", "Device")),
        str(QT_TRANSLATE_NOOP("Columns", "Session")),
        str(QT_TRANSLATE_NOOP("Columns", "What")),
        str(QT_TRANSLATE_NOOP("Columns", "Why")),
        str(QT_TRANSLATE_NOOP("Columns", "Server says")),
    )
    WHEN, WHO, DEVICE, SESSION, WHAT, WHY, DETAIL = range(7)

    def __init__(
        self,
        now: Callable[[], datetime],
        names: Callable[[], dict[str, str]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.now = now
        self.names = names
        self.rows: list[ReviewRow] = []
        self._names: dict[str, str] = {}

    def set_rows(self, rows: list[ReviewRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._names = self.names()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def row_at(self, row: int) -> ReviewRow:
        return self.rows[row]

    def text(self, r: ReviewRow, column: int) -> str:
        match column:
            case self.WHEN:
                return day_and_time(r.at, self.now())
            case self.WHO:
                return self._names.get(r.user_id, r.user_id)
            case self.DEVICE:
                return r.device
            case self.SESSION:
                return f"{r.count} · {r.session}" if r.count else r.session or "—"
            case self.WHAT:
                return f"{kind_name(r.kind)} {r.what}".strip()
            case self.WHY:
                return status_name(r.status)
            case self.DETAIL:
                return r.reason
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(r, index.column())
        if role == ROW_ROLE:
            return r
        return None
