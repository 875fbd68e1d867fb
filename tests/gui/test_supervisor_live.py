"""The supervisor's variance tab on a device that syncs with the real server on loopback (offline-first): an
associate's device counts and pushes; the supervisor's device pulls, shows that count "as of" its last sync,
and the supervisor's approval is a journal event waiting to be pushed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from scanapp.gui.shell.engine import Engine
from scanapp.gui.supervisor.decision_dialog import DecisionDialog
from scanapp.gui.supervisor.variance_tab import VarianceTab
from tests.gui.conftest import PIN
from tests.gui.sync_fixtures import Server, Shop, enroll, server, shop, use_server
from tests.integration.sync.conftest import CHIPS, COLA, START, db, password_hashes, pg_url
from tests.integration.sync.device import Device

__all__ = ["db", "password_hashes", "pg_url", "server", "shop"]  # fixtures used here


@pytest.fixture
def alex(server: Server, tmp_path):
    device = Device(server, tmp_path / "alex.db", "alex")  # type: ignore[arg-type]
    yield device
    device.close()


def column(model, c):
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def test_the_supervisor_sees_another_devices_count_as_of_the_last_sync(
    qtbot, gui_app, server: Server, shop: Shop, alex
):
    alex.client.sync_once()
    alex.client.acquire(shop.session_id)
    alex.counting.start(alex.actor, shop.session_id)
    for _ in range(10):
        alex.counting.record_scan(alex.actor, shop.session_id, COLA, source="test")
    alex.counting.add_hand_counted(alex.actor, shop.session_id, [("SKU-CHIPS", 0)])
    assert alex.client.sync_once().all_pushed

    enroll(server, gui_app.device_id)
    use_server(gui_app, server.url)
    client = gui_app.sync.client()
    client.remember_token("sam", server.token("sam", gui_app.device_id), START + timedelta(days=365))
    engine = Engine(gui_app)
    engine.parts.users.choose_pin("sam", PIN, engine.now())
    tab = VarianceTab(engine)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.as_of.text() == "Never synced"
    assert gui_app.sync.run_round().ok
    tab.refresh()
    tab.set_count(shop.count_id)
    assert tab.as_of.text().startswith("As of ")
    assert column(tab.model, 1) == ["SKU-CHIPS", "SKU-COLA"]  # pending approval: counted 0 of 3, 10 of 12
    assert column(tab.model, 3) == ["counted 0", "10"]
    assert column(tab.model, 7) == ["Default session 0", "Default session 10"]

    tab.table.selectRow(1)
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialogs.dialog
    assert isinstance(dialog, DecisionDialog)
    dialog.who.setCurrentIndex(dialog.who.findData("sam"))
    qtbot.keyClicks(dialog.entry.pin, PIN)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert column(tab.model, 1) == ["SKU-CHIPS"], (tab.message_bar.text, column(tab.model, 6))
    assert gui_app.sync.state().unsent == 1  # the decision, journalled on this device, waits to be pushed
    _ = CHIPS
