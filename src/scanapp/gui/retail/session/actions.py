"""The session's actions (C4, C5): the scan row (scan button and scanner input) and Edit, Discard, Submit,
Re-open; which of them shows and may be used in each state, and what each one does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

from scanapp.domain.counts import SessionState
from scanapp.domain.errors import ConfirmationRequired, UnmatchedItemsRemain
from scanapp.errors import KnownError
from scanapp.gui.capture.scan_button import ScanButton
from scanapp.gui.retail.session_form import SessionFormDialog
from scanapp.gui.widgets.confirm import ConfirmDialog
from scanapp.gui.widgets.error_text import error_text

if TYPE_CHECKING:
    from scanapp.gui.retail.session.page import SessionPage


class ActionRow(QWidget):
    """The scan button and the scanner input on the left, the session's actions on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scanner_input = QLineEdit()
        self.scanner_input.setObjectName("scannerInput")
        self.scanner_input.setPlaceholderText(self.tr("Scan here"))
        self.scanner_input.setAccessibleName(self.tr("Scanner input"))
        self.scanner_input.setMinimumWidth(150)
        self.scanner_input.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.scan_button = ScanButton(self.scanner_input)
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.edit_button.setToolTip(self.tr("Change the session's name and area"))
        self.discard_button = QPushButton(self.tr("D&iscard"))
        self.discard_button.setProperty("variant", "danger")
        self.submit_button = QPushButton(self.tr("&Submit"))
        self.submit_button.setProperty("variant", "primary")
        self.reopen_button = QPushButton(self.tr("&Re-open session"))
        self.reopen_button.setProperty("variant", "reopen")
        self.discarded_badge = QLabel(self.tr("Session discarded"))
        self.discarded_badge.setObjectName("discardedBadge")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scan_button)
        layout.addWidget(self.scanner_input, 1)
        layout.addStretch(0)  # keeps the actions on the right when the scan row is hidden
        layout.addSpacing(8)
        for w in (self.edit_button, self.discard_button, self.submit_button, self.reopen_button, self.discarded_badge):
            layout.addWidget(w)

    def show_state(self, state: SessionState, work: bool) -> None:
        """C4: Edit and Discard while In progress; Submit appears only In progress; after submit only Re-open
        session; a discarded session shows its badge and nothing else. C5: the scan row until submitted.
        `work`: this user may act on the session (nobody else holds it)."""
        in_progress = state is SessionState.IN_PROGRESS
        submitted = state is SessionState.SUBMITTED
        discarded = state is SessionState.DISCARDED
        open_ = not submitted and not discarded
        self.edit_button.setVisible(open_)
        self.discard_button.setVisible(open_)
        self.submit_button.setVisible(in_progress)
        self.reopen_button.setVisible(submitted)
        self.discarded_badge.setVisible(discarded)
        for button in (self.edit_button, self.discard_button, self.submit_button):
            button.setEnabled(work and in_progress)
        self.reopen_button.setEnabled(work and submitted)
        self.scan_button.setVisible(open_)
        self.scanner_input.setVisible(open_)
        self.scanner_input.setEnabled(work and in_progress)


class SessionActions(QObject):
    """What Start counting, Edit, Discard, Submit and Re-open do to the page's session."""

    def __init__(self, page: SessionPage) -> None:
        super().__init__(page)
        self.page = page
        self.engine = page.engine
        row = page.action_row
        row.scan_button.start_requested.connect(self.start_counting)
        row.scan_button.resume_requested.connect(page.focus_scanner)
        row.edit_button.clicked.connect(self.edit)
        row.discard_button.clicked.connect(self.discard)
        row.submit_button.clicked.connect(self.submit)
        row.reopen_button.clicked.connect(self.reopen)

    @Slot()
    def start_counting(self) -> None:
        """C5 Start counting: the session moves to In progress and the scanner input gets the focus."""
        page, session = self.page, self.page.session
        if session is None:
            return
        started = page.message_bar.attempt(lambda: self.engine.counting.start(self.engine.actor, session.id))
        if started is None:
            return
        page.message_bar.clear()
        page.refresh()
        self.engine.session_changed.emit(started.id)
        page.focus_scanner()

    @Slot()
    def edit(self) -> None:
        session = self.page.session
        if session is None:
            return
        actor = self.engine.actor
        dialog = SessionFormDialog(
            self.tr("Edit session"),
            session.name,
            session.area,
            self.engine.reads.areas(),
            lambda name, area: self.engine.counting.edit(actor, session.id, name, area),
            parent=self.page,
        )
        dialog.accepted.connect(self.page.after_change)
        self.page.dialogs.open(dialog)

    @Slot()
    def discard(self) -> None:
        session = self.page.session
        if session is None:
            return
        dialog = ConfirmDialog(
            self.tr("Discard session?"),
            self.tr(
                "“{name}” will be marked as discarded and removed from review. Its %n scanned units will not "
                "count. You go back to the counts list.",
                "",
                self.page.totals.units,
            ).format(name=session.name),
            self.tr("Discard session"),
            parent=self.page,
            danger=True,
        )
        dialog.accepted.connect(self._discard_confirmed)
        self.page.dialogs.open(dialog)

    @Slot()
    def _discard_confirmed(self) -> None:
        page, session = self.page, self.page.session
        if session is None:
            return
        done = page.message_bar.attempt(lambda: self.engine.counting.discard(self.engine.actor, session.id))
        if done is None:
            page.refresh()
            return
        self.engine.session_changed.emit(session.id)
        page.forget_session()  # discarded: nothing left to release
        page.discarded.emit(session.name)
        page.closed.emit()

    @Slot()
    def submit(self) -> None:
        page, session = self.page, self.page.session
        if session is None:
            return
        try:
            self.engine.counting.submit(self.engine.actor, session.id)
        except UnmatchedItemsRemain as err:
            page.message_bar.show_error(error_text(err), self.tr("Show unmatched"), page.show_unmatched)
            page.show_unmatched()
            return
        except ConfirmationRequired as err:
            self._confirm_uncounted_zero(error_text(err))
            return
        except KnownError as err:
            page.message_bar.show_error(error_text(err))
            page.refresh()
            return
        self._submitted()

    def _confirm_uncounted_zero(self, message: str) -> None:
        """B5: a hard count's submit needs an explicit "uncounted items count as zero"."""
        dialog = ConfirmDialog(
            self.tr("Submit hard count?"),
            message,
            self.tr("Submit"),
            parent=self.page,
            acknowledge=self.tr("I understand: every uncounted item counts as zero"),
        )
        dialog.accepted.connect(self._submit_confirmed)
        self.page.dialogs.open(dialog)

    @Slot()
    def _submit_confirmed(self) -> None:
        page, session = self.page, self.page.session
        if session is None:
            return
        done = page.message_bar.attempt(
            lambda: self.engine.counting.submit(self.engine.actor, session.id, confirmed_uncounted_zero=True)
        )
        if done is not None:
            self._submitted()
        else:
            page.refresh()

    def _submitted(self) -> None:
        page = self.page
        assert page.session is not None
        page.message_bar.show_info(self.tr("Session submitted. Re-open it to count more."))
        page.refresh()
        self.engine.session_changed.emit(page.session.id)

    @Slot()
    def reopen(self) -> None:
        page, session = self.page, self.page.session
        if session is None:
            return
        if page.message_bar.attempt(lambda: self.engine.counting.reopen(self.engine.actor, session.id)) is None:
            page.refresh()
            return
        page.message_bar.clear()
        page.after_change()
        page.focus_scanner()
