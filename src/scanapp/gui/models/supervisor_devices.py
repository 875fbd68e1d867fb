"""The station's Devices tab (SPEC S5): every enrolled device with its last successful sync, last attempt,
events not yet synced, clock offset, who is signed in and the sessions it holds; a stale device is flagged
in words and in colour (never colour alone)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from scanapp.gui.models.table import ROW_ROLE, HeaderedTableModel, Index
from scanapp.gui.shell.style import MUTED_COLOUR, REJECTED_COLOUR
from scanapp.gui.widgets.formatting import day_and_time, grouped
from scanapp.services.supervisor_remote import DeviceRow

STALE_BACKGROUND = QColor("#fce8e6")
CLOCK_OFF_S = 60.0
"""A clock further off than this is shown as a problem (scan times and lease expiries go wrong)."""


def clock_offset(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    sign = "+" if seconds >= 0 else "−"
    whole = abs(seconds)
    if whole < 60:
        return QCoreApplication.translate("SupervisorDevices", "{sign}{n} s").format(
            sign=sign, n=f"{whole:.0f}" if whole >= 10 else f"{whole:.1f}"
        )
    minutes, rest = divmod(round(whole), 60)
    return QCoreApplication.translate("SupervisorDevices", "{sign}{m} min {s} s").format(sign=sign, m=minutes, s=rest)


class DevicesModel(HeaderedTableModel):
    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Device")),
        str(QT_TRANSLATE_NOOP("Columns", "Status")),
        str(QT_TRANSLATE_NOOP("Columns", "Last sync")),
        str(QT_TRANSLATE_NOOP("Columns", "Last attempt")),
        str(QT_TRANSLATE_NOOP("Columns", "Not synced")),
        str(QT_TRANSLATE_NOOP("Columns", "Clock offset")),
        str(QT_TRANSLATE_NOOP("Columns", "Signed in")),
        str(QT_TRANSLATE_NOOP("Columns", "Sessions held")),
    )
    DEVICE, STATUS, LAST_SYNC, LAST_ATTEMPT, PENDING, CLOCK, SIGNED_IN, HELD = range(8)

    def __init__(self, now: Callable[[], datetime], names: Callable[[], dict[str, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self.now = now
        self.names = names
        """User display names by id (who is signed in, said by name)."""
        self.rows: list[DeviceRow] = []
        self._names: dict[str, str] = {}

    def set_rows(self, rows: list[DeviceRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._names = self.names()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def row_at(self, row: int) -> DeviceRow:
        return self.rows[row]

    def status(self, d: DeviceRow) -> str:
        if d.revoked:
            return QCoreApplication.translate("SupervisorDevices", "Revoked")
        if d.stale:
            return QCoreApplication.translate("SupervisorDevices", "Stale: check this device")
        if d.pending:
            return QCoreApplication.translate("SupervisorDevices", "Has unsynced events")
        return QCoreApplication.translate("SupervisorDevices", "OK")

    def text(self, d: DeviceRow, column: int) -> str:
        now = self.now()
        match column:
            case self.DEVICE:
                return d.name or d.device_id
            case self.STATUS:
                return self.status(d)
            case self.LAST_SYNC:
                return (
                    day_and_time(d.last_success, now)
                    if d.last_success
                    else QCoreApplication.translate("SupervisorDevices", "never")
                )
            case self.LAST_ATTEMPT:
                return day_and_time(d.last_attempt, now) if d.last_attempt else "—"
            case self.PENDING:
                return grouped(d.pending)
            case self.CLOCK:
                return clock_offset(d.clock_offset_s)
            case self.SIGNED_IN:
                return self._names.get(d.signed_in, d.signed_in) if d.signed_in else "—"
            case self.HELD:
                return ", ".join(d.sessions_held) if d.sessions_held else "—"
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        d, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.text(d, column)
            if role == Qt.ItemDataRole.ToolTipRole and column == self.DEVICE:
                return f"{text}\n{d.device_id}"
            return text
        if role == ROW_ROLE:
            return d
        if role == Qt.ItemDataRole.BackgroundRole and d.stale and not d.revoked:
            return QBrush(STALE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            flagged = column == self.STATUS and d.stale and not d.revoked
            off = column == self.CLOCK and d.clock_offset_s is not None and abs(d.clock_offset_s) > CLOCK_OFF_S
            unsynced = column == self.PENDING and d.pending > 0
            if flagged or off or unsynced:
                return QBrush(REJECTED_COLOUR)
            if d.revoked:
                return QBrush(MUTED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PENDING:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
