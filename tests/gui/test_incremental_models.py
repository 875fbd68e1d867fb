"""The session's lists after scans, removals, matches and hand counts taken in incrementally (SessionTabs
catch_up and refresh) show exactly what a fresh load of the same session shows: every row, every text; the
lines of a burst are taken in with one refresh."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt

from scanapp.domain.classification import Category
from scanapp.domain.refusals import RefusalReason
from scanapp.domain.suggestions import with_check
from scanapp.gui.retail.session.tabs import SessionTabs
from tests.gui.conftest import open_session, sign_in
from tests.helpers import CHIPS, COLA, WATER

UNKNOWNS = [with_check(f"09999991234{i}") for i in range(3)]
CODES = [COLA, WATER, CHIPS, *UNKNOWNS, "4006381333932"]  # the last one has a bad check digit


def everything(tabs: SessionTabs) -> dict[str, list[list[object]]]:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    out = {}
    for name, model in [("scans", tabs.scan_model), *((c.value, m) for c, m in tabs.models.items())]:
        out[name] = [
            [model.data(model.index(r, c), role) for c in range(model.columnCount()) for role in roles]
            for r in range(model.rowCount())
        ]
    return out


def fresh(engine, session_id: str) -> SessionTabs:
    tabs = SessionTabs(engine.reads)
    tabs.set_session(session_id)
    return tabs


def test_lists_kept_up_incrementally_equal_a_fresh_load(qtbot, engine, retail, counting, supervisor):
    sid = retail.directed_session.id
    counting.start(supervisor, sid)
    tabs = fresh(engine, sid)
    everything(tabs)  # the views have read their rows: what is kept must follow every change
    rng = random.Random(3)
    for step in range(120):
        for _ in range(rng.randint(1, 4)):  # a burst taken in at once, or one scan
            counting.record_scan(supervisor, sid, rng.choice(CODES), "test")
        if step % 9 == 4:  # scans refused (a dialog was open) between the lines, twice at the same place
            for _ in range(1 + step % 2):
                reading = {"ok": True, "code": COLA.zfill(14)}
                counting.refusals.keep(sid, "sam", COLA, reading, RefusalReason.DIALOG_OPEN, "test", detail="Edit")
        changed = False
        if step % 15 == 7:  # remove the newest scan
            newest = next(r for r in map(tabs.scan_model.row_at, range(5)) if r is not None and r.refused is None)
            counting.remove_line(supervisor, sid, newest.line.event_id)
            changed = True
        if step % 40 == 30 and tabs.unmatched_model.rowCount():  # match every scan of one unknown code
            card = tabs.unmatched_model.row_at(0)
            counting.match_lines(supervisor, sid, engine.reads.unmatched_line_ids(sid, card.code), "SKU-JUICE")
            changed = True
        if step % 50 == 45:
            counting.add_hand_counted(supervisor, sid, [("SKU-SODA", 2)])
            changed = True
        tabs.refresh(lines_changed=changed)
        assert everything(tabs) == everything(fresh(engine, sid)), f"after step {step}"
    assert tabs.unmatched_model.rowCount() and tabs.models[Category.COUNTED].rowCount()
    assert tabs.scan_model.refused == sum(1 + s % 2 for s in range(120) if s % 9 == 4)  # every refused scan shown


def test_lines_recorded_in_a_burst_are_shown_with_one_refresh(qtbot, window, retail, counting):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    page = window.session
    qtbot.mouseClick(page.action_row.scan_button, Qt.MouseButton.LeftButton)
    before = page.lists.scan_model.rowCount()
    refreshes = []
    page.refreshed.connect(lambda: refreshes.append(1))
    for code in (COLA, COLA, UNKNOWNS[0], WATER):  # recorded together, as a burst's scans are
        counting.record_scan(window.engine.actor, retail.directed_session.id, code, "test")
        page.lines_recorded()
    assert page.lists.scan_model.rowCount() == before  # nothing read yet: the burst is still coming in
    qtbot.waitUntil(lambda: page.lists.scan_model.rowCount() == before + 4)
    assert refreshes == [1]
    assert page.tab_titles()[:3] == ["Counted (1)", "Unmatched (1)", "Undirected (1)"]
    assert page.totals.units == 4
