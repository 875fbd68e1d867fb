"""What the Barcode Tracking page opens: the ⚙ cog's menu (Start Inventory Reconciliation Session, End
Reconciliation Session, View Past Inventory Reconciliation Sessions), the three views, an item's history, a
note on an unknown code and the archive confirmation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMenu

from scanapp.domain.lab_rows import LabSessionRow, View
from scanapp.gui.lab.dialogs import ItemHistoryDialog, ListingViewDialog, NoteDialog
from scanapp.gui.lab.end_dialog import EndSessionDialog
from scanapp.gui.lab.past_sessions import PastSessionsDialog
from scanapp.gui.lab.start_dialog import StartSessionDialog
from scanapp.gui.models.table import ROW_ROLE
from scanapp.gui.widgets.confirm import ConfirmDialog

if TYPE_CHECKING:
    from scanapp.gui.lab.page import BarcodeTrackingPage


class LabMenus(QObject):
    def __init__(self, page: BarcodeTrackingPage) -> None:
        super().__init__(page)
        self.page = page
        self.engine = page.engine
        self.cog_menu = QMenu(page)
        self.start_action = self.cog_menu.addAction(self.tr("Start Inventory Reconciliation Session"))
        self.end_action = self.cog_menu.addAction(self.tr("End Reconciliation Session"))
        self.past_action = self.cog_menu.addAction(self.tr("View Past Inventory Reconciliation Sessions"))
        self.start_action.triggered.connect(self.open_start)
        self.end_action.triggered.connect(self.open_end)
        self.past_action.triggered.connect(self.open_past)

    def show_state(self, row: LabSessionRow | None) -> None:
        """One session at a time per station: Start while none is active, End while one is."""
        self.start_action.setEnabled(row is None)
        self.end_action.setEnabled(row is not None)

    @Slot()
    def open_start(self) -> None:
        dialog = StartSessionDialog(self.engine, self.page)
        dialog.started.connect(self._started)
        self.page.dialogs.open(dialog)

    @Slot(str)
    def _started(self, session_id: str) -> None:
        self.engine.lab_station.remember(session_id)
        self.page.refresh()
        self.page.message_bar.show_info(self.tr("The session started: scan a location label, then the items there."))

    @Slot()
    def open_end(self) -> None:
        row = self.page.active
        if row is None:
            return
        starter = row.session.started_by
        if starter != self.engine.actor.user_id:  # said before any dialog: only the starter ends (L6)
            who = self.engine.reads.user_names().get(starter or "", starter or "")
            self.page.message_bar.show_error(
                self.tr("Only {who}, who started this session, can end it. You can keep scanning in it.").format(
                    who=who
                )
            )
            return
        dialog = EndSessionDialog(self.engine, row, self.page)
        dialog.ended.connect(self._ended)
        self.page.dialogs.open(dialog)

    @Slot()
    def _ended(self) -> None:
        self.page.refresh()
        self.page.message_bar.show_info(
            self.tr("The session has ended. It is kept under View Past Inventory Reconciliation Sessions.")
        )

    @Slot()
    def open_past(self) -> None:
        self.page.dialogs.open(PastSessionsDialog(self.engine, self.page))

    @Slot(object)
    def open_view(self, view: View) -> None:
        row = self.page.active
        if row is not None:
            self.page.dialogs.open(ListingViewDialog(self.engine, row, view, self.page))

    @Slot()
    def open_history(self) -> None:
        item = self.page.card.item
        if item is not None:
            self.page.dialogs.open(ItemHistoryDialog(self.engine, item, self.page))

    @Slot()
    def confirm_archive(self) -> None:
        item = self.page.card.item
        if item is None:
            return
        dialog = ConfirmDialog(
            self.tr("Archive {item}?").format(item=item.barcode),
            self.tr(
                "{item} ({ingredient}) will be archived, linked to this session and written to its history."
            ).format(item=item.barcode, ingredient=item.ingredient),
            self.tr("Archive"),
            self.page,
            danger=True,
        )
        dialog.accepted.connect(lambda: self.page._card_action("archive"))
        self.page.dialogs.open(dialog)

    def open_note(self, row: int) -> None:
        code = self.page.unknown_model.data(self.page.unknown_model.index(row, 0), ROW_ROLE)
        active = self.page.active
        if code is None or active is None:
            return
        dialog = NoteDialog(code.code, code.note, self.page)

        def save() -> None:
            self.page.message_bar.attempt(
                lambda: self.engine.lab.note_code(self.engine.actor, active.session.id, code.code, dialog.note())
            )
            self.page.after_change()

        dialog.accepted.connect(save)
        self.page.dialogs.open(dialog)
