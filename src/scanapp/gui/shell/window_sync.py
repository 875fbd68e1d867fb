"""The window's sync (SPEC S2, S6): the background sync, its state in a header above every page, End shift,
the sync server's address, and signing out or closing only after a sync that says what is left."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from scanapp.domain.permissions import SUPERVISE
from scanapp.gui.shell.end_shift import EndShiftDialog, Purpose
from scanapp.gui.shell.supervisor_prompt import SupervisorPrompt
from scanapp.gui.shell.sync_bridge import SyncBridge
from scanapp.gui.shell.sync_header import SyncHeader
from scanapp.gui.shell.sync_settings import SyncServerDialog
from scanapp.gui.widgets.dialog_host import DialogHost

if TYPE_CHECKING:
    from scanapp.gui.retail.counts_page import CountsPage
    from scanapp.gui.shell.main_window import MainWindow


class WindowSync(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        engine = window.engine
        self.bridge = SyncBridge(engine.parts.sync, engine.parts.sync_timing, self)
        engine.sync = self.bridge
        self.header = SyncHeader(engine.now)
        self.dialogs = DialogHost(self)
        self.bridge.state_changed.connect(self.header.show_state)
        self.header.sync_requested.connect(self.tapped)
        self.header.end_shift_requested.connect(self.end_shift)
        self.header.server_requested.connect(self.choose_server)
        engine.session_changed.connect(self.bridge.changes_committed)
        self.header.show_state(self.bridge.state)

    @Slot()
    def tapped(self) -> None:
        """Sync now; when the server wants a sign-in, the lock screen asks whoever is signed in for their PIN
        (checked here, it signs them in to the server too)."""
        if self.bridge.state.needs_sign_in and self.window.engine.signed_in_actor is not None:
            self.window.idle_lock.lock()
            return
        self.bridge.sync_now()

    def framed(self, content: QWidget) -> QWidget:
        """The window's content with the sync header above it."""
        frame = QWidget()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(content, 1)
        return frame

    def show_signed_in(self, signed_in: bool) -> None:
        """End shift is offered while someone is signed in and the app is not locked."""
        self.header.set_signed_in(signed_in)

    @property
    def dialog(self) -> EndShiftDialog | QWidget | None:
        return self.dialogs.dialog

    # -- end of shift, sign-out, close ------------------------------------------------------------------------

    @Slot()
    def end_shift(self) -> None:
        """Leave the open session (its lease goes back), sync, say what is left; then sign out."""
        self.window.leave_session()
        self._through_sync(Purpose.END_SHIFT, self.window.sign_out)

    def sign_out(self, go: Callable[[], None]) -> None:
        self.window.leave_session()
        self._through_sync(Purpose.SIGN_OUT, go)

    def close(self, go: Callable[[], None]) -> bool:
        """True when the window may close now; else a sync runs first and `go` closes it afterwards."""
        if not self.bridge.enabled:
            return True
        self.window.leave_session()
        self._through_sync(Purpose.CLOSE, go)
        return False

    def _through_sync(self, purpose: Purpose, go: Callable[[], None]) -> None:
        if self.dialogs.is_open():
            return
        if not self.bridge.enabled:
            if purpose is Purpose.END_SHIFT:
                self.window.counts.message_bar.show_info(
                    self.tr("Sync is off (no server is set): everything stays on this device.")
                )
            go()
            return
        dialog = EndShiftDialog(self.bridge, purpose, self.window)
        dialog.accepted.connect(go)
        self.dialogs.open(dialog)
        dialog.start()

    # -- the server --------------------------------------------------------------------------------------------

    @Slot()
    def choose_server(self) -> None:
        """A supervisor's PIN first (whoever is signed in), then the address."""
        if self.dialogs.is_open():
            return
        prompt = SupervisorPrompt(
            self.window.engine,
            self.tr("Change the sync server?"),
            self.tr("A supervisor enters their PIN to change where this device sends its counts."),
            self.tr("Continue"),
            SUPERVISE,
            parent=self.window,
        )
        prompt.accepted.connect(self._open_server_dialog, Qt.ConnectionType.QueuedConnection)  # once it is gone
        self.dialogs.open(prompt)

    @Slot()
    def _open_server_dialog(self) -> None:
        stored = self.bridge.service.stored_server()
        self.dialogs.open(SyncServerDialog(self.bridge, stored, self.window))

    def stop(self) -> None:
        self.bridge.stop()


def refresh_keeping_focus(counts: CountsPage) -> None:
    """Show what a sync brought down without moving the keyboard focus off the card it is on (the cards are
    made again: a person stepping through them with the keys must not land elsewhere). The first counts to
    arrive take the focus, as they do when the page opens."""
    focused = QApplication.focusWidget()

    def holding(cards: Mapping[str, QWidget]) -> str | None:
        inside = [
            k for k, card in cards.items() if focused is not None and (card is focused or card.isAncestorOf(focused))
        ]
        return inside[0] if inside else None

    had_counts = bool(counts.count_cards)
    session_id, count_id = holding(counts.session_cards), holding(counts.count_cards)
    counts.refresh()
    if session_id is not None and session_id in counts.session_cards:
        counts.focus_session(session_id)
    elif count_id is None and had_counts:
        return
    elif (card := counts.count_cards.get(count_id or counts.selected_count or "")) is not None:
        card.setFocus(Qt.FocusReason.OtherFocusReason)
