"""The supervisor's tabs on a real store, through the real services: progress, variance with approval (a
supervisor's PIN asked again; a reason for reject and force), attribution, recount and export. The variance
cases: stock 0, not on the list, counted 0, not counted, counted in two sessions."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from scanapp.domain.counts import CountKind
from scanapp.domain.variance import Decision, Status, Threshold, ThresholdKind
from scanapp.gui.models.items import UncountedModel
from scanapp.gui.supervisor.decision_dialog import DecisionDialog, ThresholdDialog
from scanapp.gui.supervisor.figures_tab import FiguresTab
from scanapp.gui.supervisor.progress_tab import ProgressTab
from scanapp.gui.supervisor.recount_dialog import RecountDialog
from scanapp.gui.supervisor.tab_parts import link_counts
from scanapp.gui.supervisor.variance_tab import VarianceTab
from tests.gui.conftest import JUICE_14, SODA_14
from tests.helpers import CHIPS_14, COLA, COLA_14, WATER, WATER_14, actor, add_products

PIN = "2468"


@pytest.fixture
def count(store, counting, supervisor, clock, engine):
    """A directed count: COLA 12 (counted 10 + 2 in two sessions), CHIPS 3 (counted 0), SODA 4 (not counted),
    JUICE 0 (stock 0, 1 found); WATER is not on the list (1 found)."""
    add_products(
        store,
        {"SKU-COLA": [COLA_14], "SKU-WATER": [WATER_14], "SKU-CHIPS": [CHIPS_14], "SKU-SODA": [SODA_14],
         "SKU-JUICE": [JUICE_14]},
    )  # fmt: skip
    c, default = counting.create_count(
        supervisor,
        "Aisle 7",
        CountKind.DIRECTED,
        clock.now() - timedelta(hours=1),
        [("SKU-COLA", 12.0), ("SKU-CHIPS", 3.0), ("SKU-SODA", 4.0), ("SKU-JUICE", 0.0)],
        default_area="Display",
    )
    counting.start(supervisor, default.id)
    for code in [COLA] * 10 + [WATER, JUICE_14]:
        counting.record_scan(supervisor, default.id, code, "test")
    counting.add_hand_counted(supervisor, default.id, [("SKU-CHIPS", 0)])
    alex = actor(store, "associate", "alex")
    back = counting.new_session(supervisor, c.id, "Backstock shelf", "Backstock")
    counting.start(alex, back.id)
    for _ in range(2):
        counting.record_scan(alex, back.id, COLA, "test")
    engine.parts.users.choose_pin("sam", PIN, clock.now())
    engine.parts.users.choose_pin("morgan", PIN, clock.now())
    engine.sign_in(next(u for u in engine.reads.users() if u.user_id == "alex"))
    return c


def tab(qtbot, cls, engine, count):
    t = cls(engine)
    qtbot.addWidget(t)
    t.resize(800, 480)
    t.refresh()
    t.set_count(count.id)
    return t


def column(model, c):
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def test_progress_lists_sessions_items_and_an_items_split(qtbot, qtmodeltester, engine, count):
    t = tab(qtbot, ProgressTab, engine, count)
    for model in (t.sessions_model, t.items_model):
        qtmodeltester.check(model)
    assert column(t.sessions_model, 0) == ["Default session", "Backstock shelf"]
    assert column(t.sessions_model, 2) == ["Display", "Backstock"]
    assert column(t.sessions_model, 3) == ["In progress", "In progress"]
    assert column(t.sessions_model, 4) == ["12", "2"]  # default: 10 COLA, WATER, JUICE (CHIPS: 0)
    assert t.summary.text().startswith("4 listed · 3 counted · 1 remaining")
    t.filter.setCurrentIndex(1)  # Remaining
    assert column(t.items_model, 1) == ["SKU-SODA"]
    t.filter.setCurrentIndex(0)
    row = column(t.items_model, 1).index("SKU-COLA")
    t.items.selectRow(row)
    assert column(t.split_model, 0) == ["Default session", "Backstock shelf"]
    assert column(t.split_model, 1) == ["10", "2"]
    assert t.as_of.text() == "No sync server"


def test_variance_shows_every_case_and_pending_first(qtbot, qtmodeltester, engine, count):
    t = tab(qtbot, VarianceTab, engine, count)
    qtmodeltester.check(t.model)
    assert t.filter.currentText() == "Pending approval"
    assert column(t.model, 1) == ["SKU-CHIPS", "SKU-JUICE"]
    t.filter.setCurrentIndex(t.filter.findText("All items"))
    rows = {r[1]: r for r in zip(*(column(t.model, c) for c in range(8)), strict=True)}
    assert rows["SKU-CHIPS"][3] == "counted 0" and rows["SKU-CHIPS"][6] == "Pending approval"
    assert rows["SKU-SODA"][3] == "not counted" and rows["SKU-SODA"][6] == "Not counted"
    assert rows["SKU-JUICE"][2] == "0" and rows["SKU-JUICE"][3] == "1" and rows["SKU-JUICE"][5] == "—"
    assert rows["SKU-WATER"][2] == "not listed" and rows["SKU-WATER"][6] == "No stock record"
    assert rows["SKU-COLA"][3] == "12" and rows["SKU-COLA"][6] == "Within threshold"
    assert rows["SKU-COLA"][7] == "Default session 10 + Backstock shelf 2"
    assert t.threshold_button.text() == "T&hreshold: 5 %…"
    qtbot.waitUntil(lambda: t.attribution_model.rowCount() == 2)  # read once the items are on screen
    assert set(column(t.attribution_model, 0)) == {"Default session", "Backstock shelf"}
    qtmodeltester.check(t.attribution_model)
    t.grouping.setCurrentIndex(2)  # by counter
    assert set(column(t.attribution_model, 0)) == {"Sam (supervisor)", "Alex (associate)"}


def journal(store, kind):
    with store.read() as conn:
        return conn.execute(text("SELECT user_id, payload FROM events WHERE kind = :k"), {"k": kind}).all()


def open_decision(qtbot, t, sku, decision):
    t.filter.setCurrentIndex(t.filter.findText("All items"))
    t.table.selectRow(column(t.model, 1).index(sku))
    button = {Decision.APPROVED: t.approve_button, Decision.REJECTED: t.reject_button,
              Decision.FORCED: t.force_button}[decision]  # fmt: skip
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = t.dialogs.dialog
    assert isinstance(dialog, DecisionDialog)
    return dialog


def test_approve_takes_a_supervisors_pin_and_is_journalled(qtbot, engine, store, count):
    t = tab(qtbot, VarianceTab, engine, count)
    dialog = open_decision(qtbot, t, "SKU-JUICE", Decision.APPROVED)
    assert [u.user_id for u in dialog.supervisors] == ["morgan", "sam"]  # never alex, who is signed in
    dialog.who.setCurrentIndex(1)
    qtbot.keyClicks(dialog.entry.pin, "0000")
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.entry.message.text().startswith("Wrong PIN")
    assert not journal(store, "variance_decided")
    qtbot.keyClicks(dialog.entry.pin, PIN)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert t.dialogs.dialog is None
    (event,) = journal(store, "variance_decided")
    assert event.user_id == "sam" and '"approved"' in event.payload
    row = column(t.model, 1).index("SKU-JUICE")
    assert t.model.data(t.model.index(row, 6)) == "Approved · Sam (supervisor)"
    assert "by Sam (supervisor)" in t.message_bar.text


def test_force_and_reject_need_a_reason(qtbot, engine, store, count):
    t = tab(qtbot, VarianceTab, engine, count)
    dialog = open_decision(qtbot, t, "SKU-CHIPS", Decision.FORCED)
    assert not dialog.confirm_button.isEnabled()
    dialog.who.setCurrentIndex(1)
    qtbot.keyClicks(dialog.entry.pin, PIN)
    qtbot.keyClick(dialog.entry.pin, Qt.Key.Key_Return)  # Enter in the PIN field, with no reason
    assert dialog.isVisible() and "reason" in dialog.entry.message.text()
    assert not journal(store, "variance_decided")
    dialog.reject()
    dialog = open_decision(qtbot, t, "SKU-CHIPS", Decision.REJECTED)
    dialog.who.setCurrentIndex(1)
    qtbot.keyClicks(dialog.reason_edit, "shelf was restocked during the count")
    qtbot.keyClicks(dialog.entry.pin, PIN)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    (event,) = journal(store, "variance_decided")
    assert '"rejected"' in event.payload and "restocked" in event.payload
    t.filter.setCurrentIndex(t.filter.findText("Rejected"))
    assert column(t.model, 1) == ["SKU-CHIPS"]


def test_threshold_is_a_supervisors_to_change(qtbot, engine, store, count):
    t = tab(qtbot, VarianceTab, engine, count)
    qtbot.mouseClick(t.threshold_button, Qt.MouseButton.LeftButton)
    dialog = t.dialogs.dialog
    assert isinstance(dialog, ThresholdDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ThresholdKind.UNITS))
    dialog.value.setValue(5)
    dialog.as_default.setChecked(True)
    dialog.who.setCurrentIndex(1)
    qtbot.keyClicks(dialog.entry.pin, PIN)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert t.threshold_button.text() == "T&hreshold: 5 units…"
    assert journal(store, "variance_threshold_set")
    assert engine.parts.supervision.default_threshold() == Threshold(ThresholdKind.UNITS, 5)
    t.filter.setCurrentIndex(t.filter.findText("Pending approval"))
    assert column(t.model, 1) == []  # CHIPS −3 and JUICE +1 are within 5 units


def test_recount_creates_a_session_listing_exactly_those_items(qtbot, engine, store, count):
    engine.sign_in(next(u for u in engine.reads.users() if u.user_id == "sam"))
    t = tab(qtbot, VarianceTab, engine, count)
    assert sorted(t.recount_items()) == ["SKU-CHIPS", "SKU-JUICE", "SKU-SODA"]
    qtbot.mouseClick(t.recount_button, Qt.MouseButton.LeftButton)
    dialog = t.dialogs.dialog
    assert isinstance(dialog, RecountDialog)
    assert dialog.name_edit.text() == "Recount 1"
    assert dialog.items_label.text().startswith("3 items to recount")
    dialog.area_box.setCurrentText("Backstock")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    session = dialog.session
    assert session is not None and session.area == "Backstock"
    assert "Recount 1" in t.message_bar.text and "counts list" in t.message_bar.text
    uncounted = UncountedModel(engine.reads)
    uncounted.set_session(session.id)
    assert sorted(column(uncounted, UncountedModel.SKU)) == ["SKU-CHIPS", "SKU-JUICE", "SKU-SODA"]
    # One selected item: only that one.
    t.filter.setCurrentIndex(t.filter.findText("All items"))
    t.table.selectRow(column(t.model, 1).index("SKU-COLA"))
    assert t.recount_items() == ["SKU-COLA"]


def test_recount_by_an_associate_is_refused_in_the_dialog(qtbot, engine, count):
    t = tab(qtbot, VarianceTab, engine, count)
    qtbot.mouseClick(t.recount_button, Qt.MouseButton.LeftButton)
    dialog = t.dialogs.dialog
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text()


def test_figures_and_export(qtbot, qtmodeltester, engine, count, tmp_path, monkeypatch):
    t = tab(qtbot, FiguresTab, engine, count)
    qtmodeltester.check(t.model)
    monkeypatch.setattr(t, "choose_file", lambda fmt: tmp_path / f"from-the-button.{fmt}")
    qtbot.mouseClick(t.pdf_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "from-the-button.pdf").is_file() and t.message_bar.kind == "info"
    t.grouping.setCurrentIndex(2)  # per counter
    assert column(t.model, 0) == ["Alex (associate)", "Sam (supervisor)"]
    t.grouping.setCurrentIndex(0)
    assert t.summary.text().startswith("Completion 75.0 % (3 of 4 listed)")
    assert column(t.model, 0) == ["Backstock shelf", "Default session"]
    assert t.export_to(count.id, "csv", tmp_path / "aisle7.csv")
    csv = (tmp_path / "aisle7.csv").read_text()
    assert "counted 0" in csv or "SKU-CHIPS" in csv
    assert t.export_to(count.id, "pdf", tmp_path / "aisle7.pdf")
    assert (tmp_path / "aisle7.pdf").read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", str(tmp_path / "aisle7.pdf"), "-"], capture_output=True, text=True)
        assert "Aisle 7" in out.stdout and "SKU-SODA" in out.stdout
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("")  # the tests run as root, whom a read-only folder does not stop
    assert not t.export_to(count.id, "csv", not_a_folder / "x.csv")
    assert t.message_bar.kind == "error", t.message_bar.text
    assert str(not_a_folder / "x.csv") in t.message_bar.text, t.message_bar.text


def test_tabs_fit_a_small_screen(qtbot, engine, count):
    for cls in (ProgressTab, VarianceTab, FiguresTab):
        t = tab(qtbot, cls, engine, count)
        t.show()
        qtbot.waitExposed(t)
        assert t.minimumSizeHint().width() <= 800 and t.minimumSizeHint().height() <= 360, cls
        if isinstance(t, VarianceTab):  # a handheld: the status shows, the attribution waits to be asked for
            assert t.table.isColumnHidden(1) and not t.attribution_panel.isVisible()
            qtbot.mouseClick(t.attribution_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda t=t: t.attribution_model.rowCount() == 2)
            assert t.attribution_panel.isVisible()
    assert Status.PENDING.value == "pending approval"


def test_a_hidden_tab_reads_again_when_shown_after_a_change(qtbot, engine, counting, supervisor, count):
    t = tab(qtbot, ProgressTab, engine, count)
    assert t.summary.text().startswith("4 listed · 3 counted")
    default = next(s for s in engine.parts.supervisor_reads.progress(count.id).sessions if s.name == "Default session")
    counting.record_scan(supervisor, default.id, SODA_14, "test")
    engine.session_changed.emit(default.id)
    with qtbot.waitSignal(t.refreshed):
        t.show()
    assert t.summary.text().startswith("4 listed · 4 counted · 0 remaining")
    assert t.count_id == count.id


def test_the_supervisors_dialogs_fit_a_small_screen(qtbot, engine, count):
    t = tab(qtbot, VarianceTab, engine, count)
    qtbot.mouseClick(t.threshold_button, Qt.MouseButton.LeftButton)
    assert t.dialogs.dialog.minimumSizeHint().height() <= 480
    t.dialogs.dialog.reject()
    dialog = open_decision(qtbot, t, "SKU-CHIPS", Decision.FORCED)
    assert dialog.minimumSizeHint().height() <= 480


def test_linked_tabs_follow_the_count_picked_in_one(qtbot, engine, counting, supervisor, clock, count):
    other, _ = counting.create_count(
        supervisor, "Aisle 8", CountKind.DIRECTED, clock.now(), [("SKU-COLA", 1.0)], default_area="Display"
    )
    tabs = [tab(qtbot, cls, engine, count) for cls in (ProgressTab, VarianceTab, FiguresTab)]
    link_counts(tabs)
    for t in tabs:
        t.refresh()
    tabs[1].set_count(other.id)
    assert [t.count_id for t in tabs] == [other.id] * 3
    assert tabs[0].summary.text().startswith("1 listed · 0 counted")


def test_a_large_count_is_computed_on_the_worker_thread_while_the_tab_says_so(qtbot, engine, count, monkeypatch):
    """Past COMPUTED_HERE_UP_TO items and units (5,000; here every count is "large") the tab shows at once that
    it is reading, computes the lines on its worker thread, then shows them; once kept, reads are immediate."""
    from scanapp.gui.supervisor.tab_parts import SupervisorTab

    monkeypatch.setattr(SupervisorTab, "COMPUTED_HERE_UP_TO", 0)
    engine.parts.supervisor_reads.forget()
    t = tab(qtbot, VarianceTab, engine, count)
    t.show()
    assert t.is_reading and not t.reading.isHidden() and t.model.rowCount() == 0
    qtbot.waitUntil(lambda: not t.is_reading and t.model.rowCount() == 2, timeout=10_000)
    assert t.reading.isHidden() and column(t.model, 1) == ["SKU-CHIPS", "SKU-JUICE"]
    progress = tab(qtbot, ProgressTab, engine, count)  # the lines are kept: no reading this time
    assert not progress.is_reading and progress.summary.text().startswith("4 listed · 3 counted · 1 remaining")


def test_the_station_computes_the_first_count_before_its_tab_is_opened(qtbot, engine, count, monkeypatch):
    from scanapp.gui.supervisor.station import SupervisorStation
    from scanapp.gui.supervisor.tab_parts import SupervisorTab

    monkeypatch.setattr(SupervisorTab, "COMPUTED_HERE_UP_TO", 0)
    reads = engine.parts.supervisor_reads
    reads.forget()
    station = SupervisorStation(engine)
    qtbot.addWidget(station)
    station.refresh()  # opened on the Devices tab
    qtbot.waitUntil(lambda: reads.is_kept(count.id), timeout=10_000)
    station.tabs.setCurrentIndex(2)
    variance = station.tab(2)
    assert isinstance(variance, VarianceTab) and not variance.is_reading
    station.stop()
