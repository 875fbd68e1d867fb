"""The sync state above every page without a server, the server's address set by a supervisor, and a PIN the
server refuses said loudly in the header, never in a dialog in the way."""

from __future__ import annotations

from PySide6.QtCore import Qt

from scanapp.gui.shell.supervisor_prompt import SupervisorPrompt
from scanapp.gui.shell.sync_settings import SyncServerDialog
from scanapp.services.sync_state import Phase
from scanapp.sync import local
from tests.gui.conftest import PIN, sign_in
from tests.gui.sync_fixtures import WAIT_MS, Server, close, enroll, make_window, server, use_server
from tests.integration.sync.conftest import db, password_hashes, pg_url

__all__ = ["db", "password_hashes", "pg_url", "server"]  # fixtures used here


def test_without_a_server_sync_is_off_and_says_so_quietly_on_every_page(qtbot, window):
    header = window.sync.header
    assert header.text == "Sync off: no server set" and header.property("syncState") == "off"
    assert window.sync.bridge.worker is None, "no thread is started while there is nothing to sync with"
    assert not header.end_shift_button.isVisible()
    sign_in(qtbot, window, "alex")
    assert header.isVisible() and header.end_shift_button.isVisible()
    assert header.height() <= 44, "one line of touch height above the pages"
    qtbot.mouseClick(header.end_shift_button, Qt.MouseButton.LeftButton)  # nothing to wait for: signed out
    assert window.stack.currentWidget() is window.sign_in
    assert not header.end_shift_button.isVisible()


def test_a_supervisor_sets_the_server_and_a_bad_address_is_refused_in_plain_words(qtbot, window, gui_app):
    sign_in(qtbot, window, "alex")
    qtbot.mouseClick(window.sync.header.server_button, Qt.MouseButton.LeftButton)
    prompt = window.sync.dialog
    assert isinstance(prompt, SupervisorPrompt)
    assert [u.user_id for u in prompt.supervisors] == ["morgan", "sam"], "an associate's own PIN cannot change it"
    assert prompt.entry.user.user_id == "morgan"
    qtbot.keyClicks(prompt.entry.pin, "9999")  # morgan has no PIN on this device yet: refused
    qtbot.mouseClick(prompt.confirm_button, Qt.MouseButton.LeftButton)
    assert "no PIN yet" in prompt.entry.message.text()
    prompt.reject()
    gui_app.users.choose_pin("morgan", PIN, gui_app.clock.now())
    qtbot.mouseClick(window.sync.header.server_button, Qt.MouseButton.LeftButton)
    prompt = window.sync.dialog
    qtbot.keyClicks(prompt.entry.pin, PIN)
    qtbot.mouseClick(prompt.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.sync.dialog, SyncServerDialog))
    dialog = window.sync.dialog
    assert not dialog.override_note.isVisible()
    for bad in ("not a server", "ftp://host:21", "http://"):
        dialog.url.setText(bad)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "is not a" in dialog.error.text(), bad
    assert gui_app.reads.setting(local.SERVER_URL) is None, "nothing kept from a bad address"
    dialog.url.setText("  http://127.0.0.1:9/  ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert gui_app.reads.setting(local.SERVER_URL) == "http://127.0.0.1:9"
    qtbot.waitUntil(lambda: window.sync.bridge.state.phase is Phase.OFFLINE, timeout=WAIT_MS)
    assert window.sync.header.text.startswith("Offline: the server cannot be reached")


def test_a_server_on_the_command_line_wins_and_the_dialog_says_so(qtbot, gui_app):
    gui_app.server = "http://127.0.0.1:9"
    window = make_window(qtbot, gui_app)
    try:
        assert window.sync.bridge.state.server == "http://127.0.0.1:9" and window.sync.bridge.state.from_command_line
        dialog = SyncServerDialog(window.sync.bridge, None, window)
        qtbot.addWidget(dialog)
        assert "started with --server http://127.0.0.1:9" in dialog.override_note.text()
    finally:
        close(window)


def test_a_pin_the_server_refuses_is_said_loudly_in_the_header(qtbot, gui_app, server: Server):
    enroll(server, gui_app.device_id)
    use_server(gui_app, server.url)
    with server.db.write() as tx:  # the server knows alex by another secret than the PIN chosen here
        from scansync import tables as t
        from scansync.accounts import hash_password
        from sqlalchemy import update

        tx.conn.execute(update(t.users).where(t.users.c.id == "alex").values(password_hash=hash_password("other")))
    window = make_window(qtbot, gui_app)
    try:
        sign_in(qtbot, window, "alex")
        assert window.stack.currentWidget() is window.counts, "signed in on the device all the same"
        header = window.sync.header
        qtbot.waitUntil(lambda: "did not accept alex's sign-in" in header.text, timeout=WAIT_MS)
        assert header.property("syncState") == "error" and header.text.startswith("Sync error: The sync server")
        assert window.sync.dialog is None
    finally:
        close(window)
