"""C9 Hand-Counted Items: search by SKU or parent product name and Enter adds; quantity typed or + and −,
readable while typed, never changed by the mouse wheel, 0 a count (C10); × removes; Save adds them to the
session; directed counts accept only items on their directed list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from scanapp.gui.models.hand_counted import HandCountModel
from scanapp.gui.models.items import ItemsModel
from tests.gui.conftest import open_session, sign_in


def start(qtbot, window, session):
    open_session(qtbot, window, session)
    page = window.session
    qtbot.mouseClick(page.action_row.scan_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.hand_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.dialog.isActiveWindow)
    return page, page.dialog


@pytest.fixture
def directed(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    return start(qtbot, window, retail.directed_session)


def enter(qtbot, dialog, text):
    """Type a search and press Enter: the highlighted (first) match is added."""
    qtbot.keyClicks(dialog.search, text)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)


def click_cell(qtbot, dialog, row, column):
    rect = dialog.table.visualRect(dialog.model.index(row, column))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_enter_adds_the_item_found_by_sku(qtbot, directed):
    _page, dialog = directed
    assert dialog.windowTitle() == "Hand-Counted Items"
    enter(qtbot, dialog, "SKU-COLA")
    assert dialog.model.items() == [("SKU-COLA", 1)]
    assert dialog.search.text() == ""
    assert dialog.status.text() == "Added Product SKU-COLA (SKU-COLA)."
    enter(qtbot, dialog, "SKU-COLA")
    assert dialog.model.items() == [("SKU-COLA", 2)]


def test_search_by_parent_product_name(qtbot, directed):
    _page, dialog = directed
    with qtbot.waitSignal(dialog.results_changed) as found:
        qtbot.keyClicks(dialog.search, "Family SKU-C")
    assert found.args == [2]  # SKU-COLA and SKU-CHIPS are listed; their parent is "Family SKU-C"
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # into the results, on the second one
    qtbot.waitUntil(dialog.results.hasFocus)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert dialog.model.items() == [("SKU-COLA", 1)]


def test_directed_counts_accept_only_listed_items(qtbot, directed):
    _page, dialog = directed
    enter(qtbot, dialog, "SKU-WATER")  # in the catalog, not on the list
    assert dialog.model.items() == []
    assert dialog.status.text() == "No product on this count's directed list matches “SKU-WATER”."


def test_hard_counts_accept_any_product(qtbot, window, retail):
    sign_in(qtbot, window, "sam")
    _page, dialog = start(qtbot, window, retail.hard_session)
    enter(qtbot, dialog, "SKU-WATER")
    assert dialog.model.items() == [("SKU-WATER", 1)]


def test_plus_minus_typed_quantity_and_remove(qtbot, directed):
    _page, dialog = directed
    enter(qtbot, dialog, "SKU-COLA")
    enter(qtbot, dialog, "SKU-CHIPS")
    click_cell(qtbot, dialog, 0, HandCountModel.PLUS)
    click_cell(qtbot, dialog, 0, HandCountModel.PLUS)
    click_cell(qtbot, dialog, 0, HandCountModel.MINUS)
    assert dialog.model.items() == [("SKU-COLA", 2), ("SKU-CHIPS", 1)]
    dialog.table.setFocus()
    dialog.table.selectRow(1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_5)  # typing a digit starts a new quantity
    editor = dialog.focusWidget()
    assert editor.text() == "5"
    qtbot.keyClicks(editor, "0")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on its next turn of the event loop
    qtbot.waitUntil(lambda: dialog.model.items() == [("SKU-COLA", 2), ("SKU-CHIPS", 50)])
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Plus)
    assert dialog.model.items()[0] == ("SKU-COLA", 3)
    click_cell(qtbot, dialog, 1, HandCountModel.REMOVE)
    assert dialog.model.items() == [("SKU-COLA", 3)]
    assert dialog.total.text() == "1 item, 3 units"


def test_save_adds_them_to_the_session(qtbot, directed, window, retail):
    page, dialog = directed
    enter(qtbot, dialog, "SKU-COLA")
    dialog.model.setData(dialog.model.index(0, HandCountModel.QTY), 12)
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [12]
    assert page.message_bar.text == "Added 12 hand-counted units."
    assert page.header.totals_label.text() == "Units scanned: 12\nUnique products: 1"
    assert page.tab_titles()[0] == "Counted (1)"
    line = page.lists.scan_model.data(page.lists.scan_model.index(0, 0))
    assert "hand-counted × 12" in line
    totals = window.engine.reads.totals(retail.directed_session.id)
    assert totals.units == 12


def test_save_with_nothing_listed_is_not_offered(qtbot, directed):
    _page, dialog = directed
    assert not dialog.save_button.isEnabled()
    assert dialog.total.text() == "0 items, 0 units"


def test_cancel_adds_nothing(qtbot, directed, window, retail):
    page, dialog = directed
    enter(qtbot, dialog, "SKU-COLA")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.engine.reads.totals(retail.directed_session.id).units == 0
    assert page.dialog is None


def wheel(widget, steps: int) -> None:
    """Turn the mouse wheel over a widget, `steps` notches up (negative: down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_quantity_stays_readable_while_typed_and_the_wheel_never_changes_it(qtbot, directed):
    _page, dialog = directed
    enter(qtbot, dialog, "SKU-COLA")
    dialog.model.setData(dialog.model.index(0, HandCountModel.QTY), 12)
    dialog.table.setFocus()
    index = dialog.model.index(0, HandCountModel.QTY)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.focusWidget()
    line = editor
    assert line.text() == "12"
    # the digits have room: before, the app's spin box padding left the text 1 px of a 90 px cell
    assert line.width() >= line.fontMetrics().horizontalAdvance("99999")
    wheel(editor, 3)
    wheel(editor, -5)
    assert editor.text() == "12"
    dialog.table.setCurrentIndex(dialog.model.index(0, HandCountModel.PRODUCT))  # leaves the editor
    qtbot.waitUntil(lambda: dialog.table.state() != dialog.table.State.EditingState)
    wheel(dialog.table.viewport(), -2)
    assert dialog.model.items() == [("SKU-COLA", 12)]


def test_zero_is_a_count(qtbot, directed, window, retail):
    page, dialog = directed
    enter(qtbot, dialog, "SKU-COLA")
    click_cell(qtbot, dialog, 0, HandCountModel.MINUS)  # 1 → 0: counted, none there (C10)
    assert dialog.model.items() == [("SKU-COLA", 0)]
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [0]
    line = page.lists.scan_model.data(page.lists.scan_model.index(0, 0))
    assert "hand-counted × 0" in line
    # C10 on screen: in Counted as "counted 0", off Uncounted; removing the hand count puts it back.
    lists = page.lists
    qtbot.waitUntil(lambda: lists.counted_model.rowCount() == 1)
    model = lists.counted_model
    assert model.data(model.index(0, ItemsModel.UNITS)) == "0"
    assert model.data(model.index(0, ItemsModel.PRODUCT)).split("\n")[1].startswith("counted 0")
    assert lists.counted_model.data(lists.counted_model.index(0, ItemsModel.SKU)) == "SKU-COLA"
    uncounted = [lists.uncounted_model.row_at(i).item_key for i in range(lists.uncounted_model.rowCount())]
    assert "SKU-COLA" not in uncounted
    assert page.tab_titles()[0] == "Counted (1)" and page.tab_titles()[-1] == "Uncounted (2)"
    lists.remove_requested.emit(0)
    page.dialog.accept()
    qtbot.waitUntil(lambda: lists.counted_model.rowCount() == 0)
    uncounted = [lists.uncounted_model.row_at(i).item_key for i in range(lists.uncounted_model.rowCount())]
    assert "SKU-COLA" in uncounted
    assert page.tab_titles()[0] == "Counted (0)" and page.tab_titles()[-1] == "Uncounted (3)"
