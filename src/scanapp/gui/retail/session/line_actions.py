"""What the session's lines offer: remove a scan (C6), match every scan of an unknown code to a product (C8,
C11), add items counted by hand (C9)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from scanapp.domain.counts import CountKind
from scanapp.domain.messages import Message
from scanapp.errors import KnownError
from scanapp.gui.retail.hand_counted import HandCountedDialog
from scanapp.gui.retail.match_product import MatchProductDialog
from scanapp.gui.shell.style import set_property
from scanapp.gui.widgets.confirm import ConfirmDialog
from scanapp.gui.widgets.error_text import error_text, message_text
from scanapp.gui.widgets.formatting import line_status_name

if TYPE_CHECKING:
    from scanapp.gui.retail.session.page import SessionPage


class LineActions(QObject):
    def __init__(self, page: SessionPage) -> None:
        super().__init__(page)
        self.page = page
        self.engine = page.engine
        self.lists = page.lists
        self.lists.remove_requested.connect(self.remove_scan)
        self.lists.match_requested.connect(self.match)
        page.hand_button.clicked.connect(self.hand_counted)

    @Slot(int)
    def remove_scan(self, row: int) -> None:
        page = self.page
        scan = self.lists.scan_model.row_at(row)
        if scan is None or page.session is None or not page.can_scan():
            return
        if scan.refused is not None:
            page.message_bar.show_error(message_text(Message.REFUSED_SCAN_NOT_REMOVABLE))
            return
        if scan.line.review is not None:
            page.message_bar.show_info(
                self.tr("This scan waits for a supervisor's review and counts in no total: the supervisor decides it.")
            )
            return
        what = scan.name or scan.line.code or scan.line.raw
        dialog = ConfirmDialog(
            self.tr("Remove scan?"),
            self.tr("Remove the scan of {what} (#{ordinal})? Every total adjusts.").format(
                what=what, ordinal=scan.line.ordinal
            ),
            self.tr("Remove scan"),
            parent=page,
            danger=True,
        )
        line_id = scan.line.event_id
        dialog.accepted.connect(lambda: self._remove_confirmed(row, line_id))
        page.dialogs.open(dialog)

    def _remove_confirmed(self, row: int, line_id: str) -> None:
        page, session = self.page, self.page.session
        if session is None:
            return
        try:
            self.engine.counting.remove_line(self.engine.actor, session.id, line_id)
        except KnownError as err:
            page.message_bar.show_error(error_text(err))
        else:
            page.last_scan.setText(self.tr("Scan removed; the totals are adjusted."))
            set_property(page.last_scan, "status", "")
            model = self.lists.scan_model
            shown = model.row_at(row)
            if shown is not None and shown.line.event_id == line_id:
                model.remove_row(row)
            else:  # the list moved meanwhile (new scans on top): read it again
                model.reload()
        page.after_change()

    @Slot(int)
    def match(self, row: int) -> None:
        page = self.page
        card = self.lists.unmatched_model.row_at(row)
        if card is None or page.session is None or not page.can_scan():
            return
        count_id = page.count.id if page.count is not None and page.count.kind is CountKind.DIRECTED else None
        dialog = MatchProductDialog(self.engine, page.session.id, card, count_id, parent=page)
        dialog.matched.connect(self._matched)
        page.dialogs.open(dialog)

    @Slot(str, str, int)
    def _matched(self, sku: str, category: str, scans: int) -> None:
        name = self.engine.reads.product_name(sku)
        self.page.message_bar.show_info(
            self.tr("Matched to {name}: %n scans moved to {category}.", "", scans).format(
                name=name, category=line_status_name(category)
            )
        )
        self.page.after_change()

    @Slot()
    def hand_counted(self) -> None:
        page = self.page
        if page.session is None or page.count is None or not page.can_scan():
            return
        dialog = HandCountedDialog(self.engine, page.session.id, page.count, parent=page)
        dialog.saved.connect(self._hand_counted_saved)
        page.dialogs.open(dialog)

    @Slot(int)
    def _hand_counted_saved(self, units: int) -> None:
        self.page.message_bar.show_info(self.tr("Added %n hand-counted units.", "", units))
        self.page.after_change()
