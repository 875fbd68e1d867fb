"""The supervisor's short tables over plain rows (a count has tens of sessions, areas and counters, not
thousands): its sessions (S7), one item's count split by session, variance attribution (B4) and figures (S11)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt

from scanapp.domain.variance import Attribution, Figures, SessionInfo
from scanapp.gui.models.supervisor_variance import signed
from scanapp.gui.models.table import RowsModel
from scanapp.gui.shell.style import MUTED_COLOUR
from scanapp.gui.widgets.formatting import day_and_time, grouped, state_name


class SessionsModel(RowsModel[SessionInfo]):
    """A count's sessions (S7): name, counter, area, state, units scanned (as the session's own header counts
    them, unmatched scans included) and last activity."""

    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Session")),
        str(QT_TRANSLATE_NOOP("Columns", "Counter")),
        str(QT_TRANSLATE_NOOP("Columns", "Area")),
        str(QT_TRANSLATE_NOOP("Columns", "State")),
        str(QT_TRANSLATE_NOOP("Columns", "Scanned")),
        str(QT_TRANSLATE_NOOP("Columns", "Last activity")),
    )
    right: ClassVar[frozenset[int]] = frozenset({4})

    def __init__(self, now: datetime, parent: Any = None) -> None:
        super().__init__(parent)
        self.now = now
        self.user_names: Mapping[str, str] = {}

    def text(self, row: SessionInfo, column: int) -> str:
        if column == 0:
            return row.name + (" " + QCoreApplication.translate("Variance", "(recount)") if row.is_recount else "")
        if column == 1:
            return self.user_names.get(row.counter, row.counter)
        if column == 2:
            return row.area
        if column == 3:
            return state_name(row.state)
        if column == 4:
            return grouped(row.units)
        return (
            day_and_time(row.last_activity, self.now)
            if row.last_activity is not None
            else QCoreApplication.translate("Variance", "none yet")
        )

    def extra(self, row: SessionInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row.last_activity is None:
            return MUTED_COLOUR
        return None


class SplitModel(RowsModel[tuple[str, int]]):
    """One item's count split by session: (session name, units)."""

    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Session")),
        str(QT_TRANSLATE_NOOP("Columns", "Units")),
    )
    right: ClassVar[frozenset[int]] = frozenset({1})

    def text(self, row: tuple[str, int], column: int) -> str:
        return row[0] if column == 0 else grouped(row[1])


class AttributionModel(RowsModel[Attribution]):
    """Variance put down to a session, area or counter (B4), largest first."""

    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Group")),
        str(QT_TRANSLATE_NOOP("Columns", "Items")),
        str(QT_TRANSLATE_NOOP("Columns", "Units")),
        str(QT_TRANSLATE_NOOP("Columns", "Variance")),
        str(QT_TRANSLATE_NOOP("Columns", "Absolute variance")),
        str(QT_TRANSLATE_NOOP("Columns", "Over threshold")),
    )
    right: ClassVar[frozenset[int]] = frozenset({1, 2, 3, 4, 5})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.user_names: Mapping[str, str] = {}
        """Shown for a counter's user id."""

    def text(self, row: Attribution, column: int) -> str:
        if column == 0:
            return self.user_names.get(row.group, row.group)
        if column == 1:
            return grouped(row.items)
        if column == 2:
            return grouped(row.units)
        if column == 3:
            return signed(row.variance)
        if column == 4:
            return signed(row.abs_variance).lstrip("+")
        return grouped(row.over_threshold)


def percent_text(x: float | None) -> str:
    """A share as a percentage with one decimal, in the screens' language (66.7 %; 66,7 % in German)."""
    return "—" if x is None else f"{QLocale().toString(x * 100, 'f', 1)} %"


class FiguresModel(RowsModel[Figures]):
    """Completion and accuracy (S11) of a count, or per session, area or counter."""

    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Group")),
        str(QT_TRANSLATE_NOOP("Columns", "Listed")),
        str(QT_TRANSLATE_NOOP("Columns", "Counted")),
        str(QT_TRANSLATE_NOOP("Columns", "Completion")),
        str(QT_TRANSLATE_NOOP("Columns", "Accurate")),
        str(QT_TRANSLATE_NOOP("Columns", "Accuracy")),
        str(QT_TRANSLATE_NOOP("Columns", "Units")),
    )
    right: ClassVar[frozenset[int]] = frozenset({1, 2, 3, 4, 5, 6})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.user_names: Mapping[str, str] = {}

    def text(self, row: Figures, column: int) -> str:
        if column == 0:
            return self.user_names.get(row.group, row.group)
        if column == 1:
            return grouped(row.listed)
        if column == 2:
            return grouped(row.counted)
        if column == 3:
            return percent_text(row.completion)
        if column == 4:
            return grouped(row.accurate)
        if column == 5:
            return percent_text(row.accuracy)
        return grouped(row.units)
