"""The Barcode Tracking page end to end, as Lee uses it (pytest-qt, offscreen): landing on it, the ⚙ cog's
three actions, the start modal with a new listing config and its live count, location-first scanning with the
three tags, the item card (move here, Move…/Split… taking a scan, set), move all found here, Clear All, the three
views under qtmodeltester, ending (only the starter, resolutions first), past sessions with their report, a
restart that keeps the session, and users with both permissions switching pages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from scanapp.domain.catalog import InventoryItem
from scanapp.domain.lab import location_code
from scanapp.domain.lab_rows import View
from scanapp.domain.permissions import ROLES, Permission
from scanapp.gui.lab.dialogs import ListingViewDialog
from scanapp.gui.lab.end_dialog import EndSessionDialog
from scanapp.gui.lab.past_sessions import PastSessionsDialog
from scanapp.gui.lab.start_dialog import NEW, StartSessionDialog
from scanapp.gui.models.lab_scans import TAG_ROLE
from scanapp.gui.shell.main_window import MainWindow
from scanapp.scanners.read import ScanRead
from scanapp.store.uow import SqlUnitOfWork
from tests.gui.conftest import sign_in

FREEZER_1 = location_code("Lab A", "Freezer 1")


@pytest.fixture
def stocked(store):
    items = [InventoryItem(f"A-{i}", "Ethanol", "Lab A", "Freezer 1", 10.0, "ml") for i in range(1, 4)]
    items += [InventoryItem("A-4", "Agarose", "Lab A", "Freezer 2", 5.0, "g")]
    items += [InventoryItem("A-5", "DMSO", "Lab A", "Shelf 1", 1.0, "ml")]
    items += [InventoryItem("B-1", "PBS", "Lab B", "Cold room", 1.0, "l")]
    with SqlUnitOfWork(store) as uow:
        for item in items:
            uow.catalog.add_inventory(item)
        uow.users.upsert("kim", "Kim (lab tech)", ROLES["lab_tech"])
        uow.users.upsert("ada", "Ada (both)", ROLES["associate"] | ROLES["lab_tech"])
        uow.commit()
    return items


def scan(qtbot, window: MainWindow, code: str) -> None:
    page = window.lab
    read = ScanRead(text=code, source="wedge", at=datetime.now(UTC))
    with qtbot.waitSignal(page.refreshed, timeout=3000):
        window.capture.router.route(read)


def tags(window: MainWindow) -> dict[str, str]:
    model = window.lab.scan_model
    out = {}
    for i in range(model.rowCount()):
        row = model.row_at(i)
        assert row is not None
        out[row.item.barcode if row.item else str(row.line.code)] = model.data(model.index(i, 1), TAG_ROLE)
    return out


def start_session(qtbot, window: MainWindow, name: str = "Freezers") -> None:
    page = window.lab
    page.menus.start_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, StartSessionDialog)
    dialog.name.setText(name)
    dialog.lab.setCurrentText("Lab A")
    dialog.config.setCurrentIndex(dialog.config.findData(NEW))
    dialog.config_name.setText("Freezers")
    model = dialog.filter_models["location"]
    with qtbot.waitSignal(dialog.counted) as counted:
        for i in range(model.rowCount()):
            if model.item(i).text().startswith("Freezer"):
                model.item(i).setCheckState(Qt.CheckState.Checked)
    assert counted.args == [4]
    assert "4 inventory items in scope" in dialog.count_label.text()
    with qtbot.waitSignal(page.refreshed):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert page.banner.isVisible()


def test_lee_lands_on_barcode_tracking_and_scans_are_refused_until_a_session_starts(qtbot, stocked, window) -> None:
    sign_in(qtbot, window, "lee", expect=window.lab)
    page = window.lab
    assert page.isVisible() and not page.counts_button.isVisible() and not page.banner.isVisible()
    assert [a.text() for a in page.menus.cog_menu.actions()] == [
        "Start Inventory Reconciliation Session",
        "End Reconciliation Session",
        "View Past Inventory Reconciliation Sessions",
    ]
    toolbar = page.clear_button.parentWidget().layout()
    assert page.cog.x() > page.clear_button.x()  # the cog is to the right of Clear All
    assert toolbar is not None
    with qtbot.waitSignal(window.capture.router.refused) as refused:
        window.capture.router.route(ScanRead("A-1", "wedge", datetime.now(UTC)))
    assert "No reconciliation session is active" in refused.args[1]
    assert "No reconciliation session is active" in page.message_bar.text


def test_a_session_from_start_to_past(qtbot, stocked, window, tmp_path: Path) -> None:
    sign_in(qtbot, window, "lee", expect=window.lab)
    page = window.lab
    start_session(qtbot, window)
    assert "Active Inventory Reconciliation Session" in page.banner.heading.text()
    assert page.banner.tag.text() == "Inventory Reconciliation in Progress"

    scan(qtbot, window, FREEZER_1)
    assert page.here_label.text() == "Here: Freezer 1"
    for code in ("A-1", "A-4", "B-1", "NOPE-1"):
        scan(qtbot, window, code)
    assert tags(window) == {
        "A-1": "In Scope",
        "A-4": "Wrong location",
        "B-1": "Not in Scope",
        "NOPE-1": "Not in Scope",
    }
    assert {p.location: (p.expected, p.found) for p in page.progress_model.rows} == {
        "Freezer 1": (3, 1),
        "Freezer 2": (1, 1),
    }
    assert [u.code for u in page.unknown_model.rows] == ["NOPE-1"]

    # The card: B-1 belongs to Lab B; Move here is refused whole, with why.
    assert page.card.item is not None and page.card.item.barcode == "B-1"
    qtbot.mouseClick(page.card.move_here_button, Qt.MouseButton.LeftButton)
    assert "belongs to Lab B" in page.message_bar.text
    # Move all found here: A-4 comes to Freezer 1 and is In Scope from then on.
    qtbot.mouseClick(page.move_all_button, Qt.MouseButton.LeftButton)
    assert "Moved 1 item here to Freezer 1" in page.message_bar.text
    assert tags(window)["A-4"] == "In Scope"

    # Move… waits for the place: an item label is refused, a location label moves it.
    scan(qtbot, window, "A-1")
    qtbot.mouseClick(page.card.move_button, Qt.MouseButton.LeftButton)
    assert page.card.expecting == "location"
    window.capture.router.route(ScanRead("A-2", "wedge", datetime.now(UTC)))
    assert "A-2 is an item label, not a location" in page.message_bar.text
    window.capture.router.route(ScanRead(location_code("Lab A", "Shelf 1"), "wedge", datetime.now(UTC)))
    assert page.card.item.location == "Shelf 1" and page.card.expecting is None
    # Split… waits for the new label: a location label is refused; a split larger than the quantity too.
    qtbot.mouseClick(page.card.split_button, Qt.MouseButton.LeftButton)
    window.capture.router.route(ScanRead(FREEZER_1, "wedge", datetime.now(UTC)))
    assert "not an item label" in page.message_bar.text
    window.capture.router.route(ScanRead("A-1-B", "wedge", datetime.now(UTC)))
    assert page.card.split_label.text() == "A-1-B"
    page.card.split_qty.setText("25")
    qtbot.mouseClick(page.card.split_form.findChildren(type(page.card.move_button))[0], Qt.MouseButton.LeftButton)
    assert "less than 10" in page.message_bar.text
    page.card.split_qty.setText("4")
    qtbot.mouseClick(page.card.split_form.findChildren(type(page.card.move_button))[0], Qt.MouseButton.LeftButton)
    assert page.card.item.quantity == 6.0
    # Set: a negative quantity and a word are refused with why.
    qtbot.mouseClick(page.card.set_button, Qt.MouseButton.LeftButton)
    page.card.set_qty.setText("-2")
    page.card.set_qty.returnPressed.emit()
    assert "cannot be negative" in page.message_bar.text
    page.card.set_qty.setText("lots")
    page.card.set_qty.returnPressed.emit()
    assert "is not a quantity" in page.card.error.text()
    assert [h.action for h in window.engine.lab_reads.history("A-1")] == ["move", "split"]

    # The three views, each a paged model that passes qtmodeltester.
    sizes = {}
    for view in View:
        page.menus.open_view(view)
        dialog = page.dialog
        assert isinstance(dialog, ListingViewDialog)
        qtmodeltester = pytest.importorskip("pytestqt.modeltest").ModelTester(None)
        qtmodeltester.check(dialog.model, force_py=True)
        sizes[view] = dialog.model.rowCount()
        dialog.accept()
    assert sizes == {View.NOT_SCANNED: 2, View.NOT_IN_LISTING: 1, View.LISTING: 4}

    # Clear All empties the list; the session keeps every scan.
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.scan_model.rowCount() == 0 and window.engine.lab_reads.session(page.active.session.id).found == 2

    # Kim may scan in it but not end it.
    session_id = page.active.session.id
    window.sign_out()
    sign_in(qtbot, window, "kim", expect=window.lab)
    assert window.lab.active is not None and window.lab.active.session.id == session_id
    window.lab.menus.end_action.trigger()
    assert "Only Lee (lab tech), who started this session, can end it" in window.lab.message_bar.text
    window.sign_out()

    # Lee ends it: resolutions first, then the end.
    sign_in(qtbot, window, "lee", expect=window.lab)
    page = window.lab
    page.menus.end_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, EndSessionDialog)
    assert not dialog.end_button.isEnabled() and "2 still need a resolution" in dialog.summary.text()
    assert "scope is as it was" not in dialog.recheck_label.text()  # A-1 moved to Shelf 1: it left the scope
    qtbot.mouseClick(dialog.rest_button, Qt.MouseButton.LeftButton)
    assert dialog.end_button.isEnabled()
    with qtbot.waitSignal(page.refreshed):
        qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    assert not page.banner.isVisible() and page.active is None

    # Past sessions: read-only, with every scan, action and resolution; the report saved as CSV.
    target = tmp_path / "report.csv"
    dialog = PastSessionsDialog(window.engine, page, choose=lambda *_: str(target))
    qtbot.addWidget(dialog)
    dialog.show_session(0)
    assert dialog.models["scans"].rowCount() == 5 and dialog.models["resolutions"].rowCount() == 2
    assert {r["action"] for r in dialog.models["actions"].rows} == {"move", "split"}
    dialog.export("csv")
    assert target.read_text(encoding="utf-8").startswith("record,barcode")


def test_the_session_survives_a_restart(qtbot, engine, stocked) -> None:
    first = MainWindow(engine)
    qtbot.addWidget(first)
    first.resize(800, 480)
    first.show()
    sign_in(qtbot, first, "lee", expect=first.lab)
    start_session(qtbot, first)
    scan(qtbot, first, FREEZER_1)
    scan(qtbot, first, "A-2")
    first.close()
    again = MainWindow(engine)  # the app started again: Lee is remembered, the PIN asked first
    qtbot.addWidget(again)
    again.resize(800, 480)
    again.show()
    qtbot.keyClicks(again.lock_page.entry.pin, "1234")
    qtbot.mouseClick(again.lock_page.unlock_button, Qt.MouseButton.LeftButton)
    again.show_lab()
    assert again.lab.banner.isVisible() and again.lab.here_label.text() == "Here: Freezer 1"
    assert tags(again) == {"A-2": "In Scope"}


def test_users_with_both_permissions_switch_between_counts_and_lab(qtbot, stocked, window) -> None:
    sign_in(qtbot, window, "ada")
    assert window.counts.lab_button.isVisible()
    qtbot.mouseClick(window.counts.lab_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.lab and window.lab.counts_button.isVisible()
    qtbot.mouseClick(window.lab.counts_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.counts
    assert Permission.LAB_ACCESS in window.engine.actor.permissions
