"""Where every scan goes (H6, DESIGN rule 12): the keyboard-wedge bursts the application-wide capture
recognises, a code typed by hand into the scanner input, and the serial or evdev scanner's reads all come
here. The page that can take a scan registers; the router hands it the scan or refuses it loudly.

    router.register(target)    # the session page while a session is open on it
    router.route(read)         # taken by the target, or refused: error sound, why and what to do

Under a modal dialog (Edit, Discard, Match Product, Hand-Counted, the settings) a scan is refused, never
queued: a scan made while a dialog asks for an answer is usually meant for the dialog (a product looked up
in Match Product or counted by hand), and counting it later, behind the person's back, would add units
nobody meant. The dialog says so at once and the session keeps a rejected line, so the associate scans it
again after closing the dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from scanapp.domain.barcodes import printable
from scanapp.gui.capture.feedback import ScanFeedback
from scanapp.gui.capture.notice import show_notice
from scanapp.scanners.read import ScanRead

log = logging.getLogger(__name__)

# What a scan refused under a dialog is recorded as (journal data, in English like every rejection reason).
DIALOG_REASON = "not counted: a dialog was open ({title}); scan it again after closing it"


@dataclass(frozen=True)
class Refusal:
    """Why a scan was not taken, in the person's language, with what to do; `reason` is what the session
    records as a rejected line (None when the session cannot record one: submitted, held elsewhere, …)."""

    why: str
    reason: str | None = None


class ScanTarget(Protocol):
    """A page that can take scans (the session page's scan controller)."""

    def on_screen(self) -> bool:
        """The page is shown, so it can say a refusal itself."""

    def refusal(self) -> Refusal | None:
        """None when a scan can be recorded now, else why not."""

    def take_scan(self, read: ScanRead) -> None:
        """Decode, record and show one scan."""

    def refuse_scan(self, read: ScanRead, refusal: Refusal, message: str) -> None:
        """Show the refusal (`message`) on the page; record its rejected line when it has a reason."""


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
        message = self.tr("Scan {code} was not recorded. {why}").format(code=_shown(read), why=refusal.why)
        log.warning("scan %r refused: %s", printable(read.text), refusal.why)
        self.feedback.give("rejected")
        if dialog is not None:
            show_notice(dialog, message)
        on_page = target is not None and gated is None and target.on_screen()
        if target is not None and on_page:
            target.refuse_scan(read, refusal, message)
        self.refused.emit(read, message, on_page)

    def _refusal(self, target: ScanTarget | None, dialog: QWidget | None) -> Refusal | None:
        if target is None:
            return Refusal(self.tr("No session is open here: open a session to scan."))
        refusal = target.refusal()
        if refusal is not None or dialog is None:
            return refusal
        title = dialog.windowTitle() or self.tr("a dialog")
        return Refusal(
            self.tr("Scans are not taken while “{title}” is open: close it, then scan again.").format(title=title),
            DIALOG_REASON.format(title=title),
        )


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
