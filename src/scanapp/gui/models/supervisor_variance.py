"""The supervisor's item tables (S7, S8, C10): every item of a count with expected, counted, variance (units and
%), its status and the sessions its count is made of, read a page at a time (a count may list 50,000 items).

"Not counted" and "counted 0" are told apart in words, not only by colour: the Counted column says which."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from scanapp.domain.variance import Status, VarianceLine
from scanapp.gui.models.paged import PagedTableModel
from scanapp.gui.shell.style import MUTED_COLOUR
from scanapp.gui.supervisor.ports import SupervisorReadsPort
from scanapp.gui.widgets.formatting import amount, grouped

CONTEXT = "Variance"
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

STATUS_NAMES: dict[Status, str] = {
    Status.NOT_COUNTED: str(QT_TRANSLATE_NOOP("Variance", "Not counted")),
    Status.NO_STOCK: str(QT_TRANSLATE_NOOP("Variance", "No stock record")),
    Status.WITHIN: str(QT_TRANSLATE_NOOP("Variance", "Within threshold")),
    Status.PENDING: str(QT_TRANSLATE_NOOP("Variance", "Pending approval")),
    Status.APPROVED: str(QT_TRANSLATE_NOOP("Variance", "Approved")),
    Status.REJECTED: str(QT_TRANSLATE_NOOP("Variance", "Rejected")),
    Status.FORCED: str(QT_TRANSLATE_NOOP("Variance", "Forced")),
}
STATUS_COLOURS: dict[Status, QColor] = {
    Status.NOT_COUNTED: MUTED_COLOUR,
    Status.PENDING: QColor("#b06000"),
    Status.REJECTED: QColor("#a50e0e"),
    Status.APPROVED: QColor("#137333"),
    Status.FORCED: QColor("#137333"),
    Status.WITHIN: QColor("#137333"),
}
_NOT_COUNTED = str(QT_TRANSLATE_NOOP("Variance", "not counted"))
_COUNTED_ZERO = str(QT_TRANSLATE_NOOP("Variance", "counted 0"))
_NOT_LISTED = str(QT_TRANSLATE_NOOP("Variance", "not listed"))


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_name(status: Status) -> str:
    return tr(STATUS_NAMES.get(status, status.value))


def counted_text(counted: int | None) -> str:
    """C10: None is "not counted", 0 is "counted 0", never both "0"."""
    if counted is None:
        return tr(_NOT_COUNTED)
    if counted == 0:
        return tr(_COUNTED_ZERO)
    return grouped(counted)


def expected_text(expected: float | None) -> str:
    return tr(_NOT_LISTED) if expected is None else amount(expected)


def signed(x: float | None, suffix: str = "") -> str:
    if x is None:
        return "—"
    if x == 0:
        return "0" + suffix
    sign = "+" if x > 0 else "−"
    return f"{sign}{amount(round(abs(x), 1))}{suffix}"


def split_text(parts: tuple[tuple[str, int], ...], names: Mapping[str, str]) -> str:
    """ "Display 4 + Backstock 3": the sessions an item's count is made of."""
    return " + ".join(f"{names.get(sid, sid[:8])} {grouped(units)}" for sid, units in parts)


def status_text(line: VarianceLine, users: Mapping[str, str]) -> str:
    text = status_name(line.status)
    if line.decision is not None:
        who = users.get(line.decision.decided_by, line.decision.decided_by)
        return f"{text} · {who}"
    return text


class VarianceModel(PagedTableModel[VarianceLine]):
    """The variance table (S8): one row per item, filtered by status, by item key."""

    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Product")),
        str(QT_TRANSLATE_NOOP("Columns", "SKU")),
        str(QT_TRANSLATE_NOOP("Columns", "Expected")),
        str(QT_TRANSLATE_NOOP("Columns", "Counted")),
        str(QT_TRANSLATE_NOOP("Columns", "Variance")),
        str(QT_TRANSLATE_NOOP("Columns", "%")),
        str(QT_TRANSLATE_NOOP("Columns", "Status")),
        str(QT_TRANSLATE_NOOP("Columns", "Sessions")),
    )
    fields: ClassVar[tuple[str, ...]] = (
        "product",
        "sku",
        "expected",
        "counted",
        "variance",
        "percent",
        "status",
        "sessions",
    )
    numeric: ClassVar[frozenset[str]] = frozenset({"expected", "counted", "variance", "percent"})
    SKU, SESSIONS = 1, 7

    def __init__(self, reads: SupervisorReadsPort, parent: Any = None) -> None:
        super().__init__(parent)
        self.reads = reads
        self.count_id: str | None = None
        self.statuses: frozenset[Status] | None = None
        self.session_names: dict[str, str] = {}
        """Session id → name, for the Sessions column."""
        self.user_names: dict[str, str] = {}
        """User id → display name, for who decided."""

    def set_count(self, count_id: str | None, statuses: frozenset[Status] | None = None) -> None:
        self.count_id, self.statuses = count_id, statuses
        self.reload()

    def set_statuses(self, statuses: frozenset[Status] | None) -> None:
        self.statuses = statuses
        self.reload()

    def count_rows(self) -> int:
        return self.reads.variance_total(self.count_id, self.statuses) if self.count_id else 0

    def fetch_rows(self, offset: int, limit: int) -> list[VarianceLine]:
        return self.reads.variance_page(self.count_id, self.statuses, offset, limit) if self.count_id else []

    def cell(self, row: VarianceLine, column: int, role: int) -> Any:
        field = self.fields[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, field)
        if role == Qt.ItemDataRole.TextAlignmentRole and field in self.numeric:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if field == "status":
                return STATUS_COLOURS.get(row.status)
            if (
                field == "sku"
                or (field == "counted" and row.counted is None)
                or (field == "expected" and row.expected is None)
            ):
                return MUTED_COLOUR
        if role == Qt.ItemDataRole.FontRole and field == "counted" and row.counted is not None and row.counted == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and field == "product":
            return f"{row.name}\n{row.item_key}"
        if role == Qt.ItemDataRole.ToolTipRole and field == "status" and row.decision is not None:
            d = row.decision
            who = self.user_names.get(d.decided_by, d.decided_by)
            return f"{status_name(row.status)}: {who}, {d.decided_at:%Y-%m-%d %H:%M}" + (
                f"\n{d.reason}" if d.reason else ""
            )
        return None

    def text(self, row: VarianceLine, field: str) -> str:
        if field == "product":
            return row.name
        if field == "sku":
            return row.item_key
        if field == "expected":
            return expected_text(row.expected)
        if field == "counted":
            return counted_text(row.counted)
        if field == "variance":
            return signed(row.variance)
        if field == "percent":
            return signed(row.percent, " %")
        if field == "status":
            return status_text(row, self.user_names)
        return split_text(row.by_session, self.session_names)


class ProgressItemsModel(VarianceModel):
    """The progress tab's items (S7): listed, counted or remaining, with the sessions that counted them."""

    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Product")),
        str(QT_TRANSLATE_NOOP("Columns", "SKU")),
        str(QT_TRANSLATE_NOOP("Columns", "Expected")),
        str(QT_TRANSLATE_NOOP("Columns", "Counted")),
        str(QT_TRANSLATE_NOOP("Columns", "Sessions")),
    )
    fields: ClassVar[tuple[str, ...]] = ("product", "sku", "expected", "counted", "sessions")
    SESSIONS = 4
