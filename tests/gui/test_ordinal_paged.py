"""OrdinalPagedModel: lines taken in on top are read alone, not with the page they push down (a scan on a
long list costs one row's read, whatever the page size)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt

from scanapp.gui.models.paged import OrdinalPagedModel


class Lines(OrdinalPagedModel[int]):
    """Lines 1…n of one session, each shown as its ordinal; every read is logged."""

    headers: ClassVar[tuple[str, ...]] = ("line",)

    def __init__(self) -> None:
        super().__init__(reads=None)  # type: ignore[arg-type]  # reads its own list below
        self.lines: list[int] = []
        self.reads_asked: list[list[int]] = []

    def load_ordinals(self, session_id: str, after: int) -> list[int]:
        return [o for o in reversed(self.lines) if o > after]

    def rows_for(self, session_id: str, ordinals: list[int]) -> list[int]:
        self.reads_asked.append(list(ordinals))
        return [o for o in ordinals if o in self.lines]

    def ordinal_of(self, row: int) -> int:
        return row

    def cell(self, row: int, column: int, role: int) -> Any:
        return str(row) if role == Qt.ItemDataRole.DisplayRole else None


def shown(model: Lines) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_new_lines_on_top_are_read_alone_and_the_list_equals_a_fresh_load(qtmodeltester):
    model = Lines()
    model.lines = list(range(1, 31))
    model.set_session("s")
    assert shown(model)[:3] == ["30", "29", "28"]
    model.reads_asked.clear()
    for new in range(31, 41):  # ten scans, each taken in and shown before the next
        model.lines.append(new)
        model.refresh(new_rows_on_top=True)
        assert model.data(model.index(0, 0)) == str(new)
    assert model.reads_asked == [[n] for n in range(31, 41)]
    fresh = Lines()
    fresh.lines = list(model.lines)
    fresh.set_session("s")
    assert shown(model) == shown(fresh) == [str(n) for n in range(40, 0, -1)]
    qtmodeltester.check(model)


def test_a_line_gone_behind_the_models_back_reloads_it(qtbot):
    model = Lines()
    model.lines = [1, 2, 3]
    model.set_session("s")
    model.lines.append(4)
    model.refresh(new_rows_on_top=True)
    model.lines.remove(4)  # removed elsewhere before the view asked for it
    assert model.data(model.index(0, 0)) is None
    qtbot.waitUntil(lambda: shown(model) == ["3", "2", "1"])
