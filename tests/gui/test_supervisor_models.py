"""The supervisor's table models over plain rows (domain.variance), each under Qt's model tester: C10's
"counted 0" apart from "not counted" in words, the sessions an item's count is made of, and a 50,000-item
count read a page at a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from scanapp.domain.counts import SessionState
from scanapp.domain.variance import (
    Attribution,
    Figures,
    Grouping,
    ItemCount,
    SessionInfo,
    Status,
    Threshold,
    VarianceLine,
    attribute,
    group_figures,
    variance_lines,
)
from scanapp.gui.models.supervisor_tables import AttributionModel, FiguresModel, SessionsModel, SplitModel
from scanapp.gui.models.supervisor_variance import ProgressItemsModel, VarianceModel
from scanapp.gui.models.table import ROW_ROLE

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
SESSIONS = [
    SessionInfo("s1", "Default session", "Display", "sam", SessionState.IN_PROGRESS, T0, 9, T0 + timedelta(minutes=5)),
    SessionInfo("s2", "Backstock", "Backstock", "alex", SessionState.SUBMITTED, T0 + timedelta(minutes=1), 3),
]
EXPECTED = {"A-STOCK0": 0.0, "B-COUNT0": 4.0, "C-NOTCNT": 2.0, "D-TWO": 10.0}
COUNTS = [
    ItemCount("s1", "A-STOCK0", 2, 1),  # stock 0, 2 found
    ItemCount("s1", "B-COUNT0", 0, 1),  # counted 0
    ItemCount("s1", "D-TWO", 7, 3),  # counted in two sessions: 7 + 3
    ItemCount("s2", "D-TWO", 3, 1),
    ItemCount("s1", "E-UNLIST", 1, 1),  # not on the list
]


class PlainReads:
    """The reads the models use, over plain rows."""

    def __init__(self, lines: list[VarianceLine]) -> None:
        self.lines = lines
        self.pages = 0

    def _of(self, statuses: frozenset[Status] | None) -> list[VarianceLine]:
        return [ln for ln in self.lines if statuses is None or ln.status in statuses]

    def variance_page(self, count_id, statuses, offset, limit):
        self.pages += 1
        return self._of(statuses)[offset : offset + limit]

    def variance_total(self, count_id, statuses):
        return len(self._of(statuses))


def lines() -> list[VarianceLine]:
    names = {k: f"Product {k}" for k in [*EXPECTED, "E-UNLIST"]}
    return variance_lines(EXPECTED, SESSIONS, COUNTS, names, Threshold(), {})


def column(model, c):
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def test_variance_model_tells_counted_zero_from_not_counted(qtmodeltester):
    model = VarianceModel(PlainReads(lines()))
    model.session_names = {"s1": "Default session", "s2": "Backstock"}
    model.set_count("c1")
    qtmodeltester.check(model)
    assert column(model, 1) == ["A-STOCK0", "B-COUNT0", "C-NOTCNT", "D-TWO", "E-UNLIST"]
    assert column(model, 2) == ["0", "4", "2", "10", "not listed"]
    assert column(model, 3) == ["2", "counted 0", "not counted", "10", "1"]
    assert column(model, 4) == ["+2", "−4", "—", "0", "—"]
    assert column(model, 5) == ["—", "−100 %", "—", "0 %", "—"]
    assert column(model, 6) == [
        "Pending approval",
        "Pending approval",
        "Not counted",
        "Within threshold",
        "No stock record",
    ]
    assert column(model, 7)[3] == "Default session 7 + Backstock 3"
    assert model.data(model.index(2, 3), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(1, 3), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, 0), ROW_ROLE).item_key == "A-STOCK0"


def test_variance_model_filters_by_status(qtmodeltester):
    model = VarianceModel(PlainReads(lines()))
    model.set_count("c1", frozenset({Status.PENDING}))
    qtmodeltester.check(model)
    assert column(model, 1) == ["A-STOCK0", "B-COUNT0"]
    model.set_statuses(frozenset({Status.NOT_COUNTED}))
    assert column(model, 1) == ["C-NOTCNT"]
    items = ProgressItemsModel(PlainReads(lines()))
    items.set_count("c1")
    qtmodeltester.check(items)
    assert items.columnCount() == 5


def test_fifty_thousand_items_are_read_a_page_at_a_time(qtmodeltester):
    many = {f"SKU-{i:06d}": 5.0 for i in range(50_000)}
    counts = [ItemCount("s1", f"SKU-{i:06d}", 5, 1) for i in range(0, 50_000, 2)]
    reads = PlainReads(variance_lines(many, SESSIONS, counts, {}, Threshold(), {}))
    model = VarianceModel(reads)
    model.set_count("c1")
    assert model.rowCount() == 50_000
    assert model.data(model.index(49_999, 1)) == "SKU-049999"
    assert model.data(model.index(0, 3)) == "5"
    assert reads.pages == 2


def test_sessions_split_attribution_and_figures_models(qtmodeltester):
    sessions = SessionsModel(T0 + timedelta(hours=1))
    sessions.user_names = {"sam": "Sam (supervisor)"}
    sessions.set_rows(SESSIONS)
    qtmodeltester.check(sessions)
    assert column(sessions, 1) == ["Sam (supervisor)", "alex"]
    assert column(sessions, 3) == ["In progress", "Submitted"]
    assert column(sessions, 4) == ["9", "3"]
    assert column(sessions, 5)[1] == "none yet"
    split = SplitModel()
    split.set_rows([("Default session", 7), ("Backstock", 3)])
    qtmodeltester.check(split)
    assert column(split, 1) == ["7", "3"]
    rows: list[Attribution] = attribute(lines(), SESSIONS, Grouping.AREA)
    attribution = AttributionModel()
    attribution.set_rows(rows)
    qtmodeltester.check(attribution)
    assert column(attribution, 0) == ["Display", "Backstock"]
    assert column(attribution, 3) == ["−2", "0"]
    figures_rows: list[Figures] = group_figures(lines(), SESSIONS, Grouping.SESSION)
    figures = FiguresModel()
    figures.set_rows(figures_rows)
    qtmodeltester.check(figures)
    assert column(figures, 0) == ["Backstock", "Default session"]
    assert column(figures, 3)[0] == "25.0 %"
