"""Where every scan goes (H6, DESIGN rule 12): the keyboard-wedge bursts the application-wide capture
recognises, a code typed by hand into the scanner input, and the serial or evdev scanner's reads all come
here. The page that can take a scan registers; the router hands it the scan or refuses it loudly.

    router.register(target)    # the session page while a session is open on it
    router.route(read)         # taken by the target, or refused: error sound, why and what to do

Under a modal dialog (Edit, Discard, Match Product, Hand-Counted, the settings) a scan is refused, never
queued: a scan made while a dialog asks for an answer is usually meant for the dialog (a product looked up
in Match Product or counted by hand), and counting it later, behind the person's back, would add units
nobody meant. The dialog says so at once, and the associate scans it again after closing the dialog.

Every refused scan is kept (domain.refusals: with why, in its session's scan log when there is a session) on
disk before the person is told, so none is lost even when it was refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from scanapp.domain.barcodes import printable
from scanapp.domain.refusals import RefusalReason
from scanapp.errors import KnownError
from scanapp.gui.capture.feedback import ScanFeedback
from scanapp.gui.capture.notice import show_notice
from scanapp.gui.widgets.error_text import error_text, refusal_text
from scanapp.scanners.read import ScanRead

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Refusal:
    """Why a scan was not taken (kept with the refused scan); `detail` is the dialog's title when a dialog
    was open."""

    reason: RefusalReason
    detail: str = ""

    @property
    def why(self) -> str:
        """Why, and what to do, in the person's language."""
        return refusal_text(self.reason, self.detail)


Keeper = Callable[[ScanRead, Refusal, str | None], None]
"""Keeps a refused scan durably (in this session, if given); raises KnownError when it cannot."""


class ScanTarget(Protocol):
    """A page that can take scans (the session page's scan controller)."""

    def on_screen(self) -> bool:
        """The page is shown, so it can say a refusal itself."""

    def session_id(self) -> str | None:
        """The session open on the page: a scan refused there is kept in its scan log."""

    def refusal(self) -> Refusal | None:
        """None when a scan can be recorded now, else why not."""

    def take_scan(self, read: ScanRead) -> None:
        """Decode, record and show one scan."""

    def refuse_scan(self, read: ScanRead, refusal: Refusal, message: str) -> None:
        """Show the refusal (`message`) on the page."""

    def refused_kept(self) -> None:
        """A scan refused in the page's session was kept: its scan log has one more line to show."""

    def flush(self) -> None:
        """Record the scans taken and not recorded yet (a refusal after them is kept after them)."""


class ScanRouter(QObject):
    target_changed = Signal()
    """A page registered or left: the capture reads the scanner settings again."""
    taken = Signal(object)
    """A ScanRead handed to the registered target."""
    refused = Signal(object, str, bool)
    """(ScanRead, the message, whether a page on screen said it): a scan nothing took."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._target: ScanTarget | None = None
        self.window: QWidget | None = None
        """The window whose scans come here: its dialogs hold scans back (None: any modal dialog)."""
        self.gate: Callable[[], Refusal | None] | None = None
        """Asked before any target: why the whole window takes no scan now (the idle lock), else None."""
        self.feedback = ScanFeedback(self)
        """The error sound of every refusal."""
        self.keeper: Keeper | None = None
        """Keeps each refused scan before the person is told (None: refusals are said and logged only)."""

    @property
    def target(self) -> ScanTarget | None:
        return self._target

    def register(self, target: ScanTarget) -> None:
        self._target = target
        self.target_changed.emit()

    def unregister(self, target: ScanTarget) -> None:
        if self._target is target:
            self._target = None
            self.target_changed.emit()

    @Slot(object)
    def route(self, read: ScanRead) -> None:
        target = self._target
        dialog = open_dialog(self.window)
        gated = self.gate() if self.gate is not None else None
        refusal = gated or self._refusal(target, dialog)
        if target is not None and refusal is None:
            self.taken.emit(read)
            target.take_scan(read)
            return
        assert refusal is not None
        session_id = target.session_id() if target is not None else None
        if target is not None:
            target.flush()
        message = self.tr("Scan {code} was not recorded. {why}").format(code=_shown(read), why=refusal.why)
        kept = self._keep(read, refusal, session_id)  # on disk before anyone is told
        if kept is not None:
            message = self.tr("{message} It could not be kept in the log: {error}").format(message=message, error=kept)
        log.warning("scan %r refused: %s", printable(read.text), refusal.reason.value)
        self.feedback.give("rejected")
        if dialog is not None:
            show_notice(dialog, message)
        on_page = target is not None and gated is None and target.on_screen()
        if target is not None and on_page:
            target.refuse_scan(read, refusal, message)
        if target is not None and session_id is not None and kept is None:
            target.refused_kept()
        self.refused.emit(read, message, on_page)

    def _keep(self, read: ScanRead, refusal: Refusal, session_id: str | None) -> str | None:
        """Keep the refused scan; None when it was kept, else why not (in words)."""
        if self.keeper is None:
            return None
        try:
            self.keeper(read, refusal, session_id)
        except KnownError as err:
            log.error("refused scan %r not kept: %s", printable(read.text), err)
            return error_text(err)
        return None

    def _refusal(self, target: ScanTarget | None, dialog: QWidget | None) -> Refusal | None:
        if target is None:
            return Refusal(RefusalReason.NO_SESSION)
        refusal = target.refusal()
        if refusal is not None or dialog is None:
            return refusal
        return Refusal(RefusalReason.DIALOG_OPEN, dialog.windowTitle() or self.tr("a dialog"))


def open_dialog(window: QWidget | None) -> QWidget | None:
    """The modal dialog open over `window` (or over the whole app), if any."""
    dialog = QApplication.activeModalWidget()
    if dialog is None or window is None:
        return dialog
    owner = dialog.parentWidget()
    if owner is None:
        return dialog  # application-modal: over every window
    while owner is not None and owner is not window:
        owner = owner.parentWidget()
    return dialog if owner is window else None


def _shown(read: ScanRead) -> str:
    text = printable(read.text)
    return text if len(text) <= 40 else text[:40] + "…"
