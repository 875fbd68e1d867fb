"""Scanning at the bench (L3, L8, L10, L12, H5, H6): the Barcode Tracking page's side of the scan router. While
the page is shown it is the router's target, so wedge bursts, codes typed into its scanner field and the
serial or evdev scanner's reads all arrive here, whatever has the focus. A location label sets "here", an
item is recorded and tagged, an unknown code is kept; a scan the page cannot take is refused with why."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from scanapp.domain.barcodes import printable
from scanapp.domain.counts import SessionState
from scanapp.domain.lab import Tag
from scanapp.domain.permissions import LAB
from scanapp.domain.refusals import RefusalReason
from scanapp.errors import KnownError
from scanapp.gui.capture.device_reader import DeviceReader
from scanapp.gui.capture.feedback import ScanFeedback
from scanapp.gui.capture.router import Refusal, ScanRouter
from scanapp.gui.capture.wedge_input import WedgeInput
from scanapp.gui.models.lab_colours import TAG_FLASH
from scanapp.gui.shell.style import set_property
from scanapp.gui.widgets.error_text import error_text, said_text
from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.read import ScanRead
from scanapp.scanners.state import DISCONNECTED
from scanapp.services.lab import LabScan

if TYPE_CHECKING:
    from scanapp.gui.lab.page import BarcodeTrackingPage

log = logging.getLogger(__name__)


class LabScanController(QObject):
    recorded = Signal(object)
    """A LabScan, emitted only after it was durably recorded (or, for a location, taken as "here")."""

    def __init__(self, page: BarcodeTrackingPage) -> None:
        super().__init__(page)
        self.page = page
        self.engine = page.engine
        self.pipeline = ScanPipeline()
        self.feedback = ScanFeedback(page)
        self.router: ScanRouter | None = None
        self.reader = DeviceReader(self.engine.device_sources, page, self.on_scan_read, self._on_device_state)
        self.wedge = WedgeInput(page.scanner_input, clock=self.engine.clock, claim_scanner_keys=False)
        self.wedge.scan_read.connect(self.on_scan_read)

    def attach(self, router: ScanRouter) -> None:
        self.router = router

    def start(self) -> None:
        """The page is shown: read with the active scanner's settings and take the window's scans."""
        self.pipeline = ScanPipeline(self.engine.scanner_settings.load())
        self.wedge.set_settings(self.pipeline.settings)
        self.wedge.clear()
        try:
            self.reader.start(self.pipeline.settings)
        except KnownError as err:
            self.page.message_bar.show_error(self.tr("Scanner: {error}").format(error=error_text(err)))
        if self.router is not None:
            self.router.register(self)

    def stop(self) -> None:
        if self.router is not None:
            self.router.unregister(self)
        self.reader.stop()
        self.wedge.clear()

    @Slot(str, str)
    def _on_device_state(self, state: str, message: str) -> None:
        if state == DISCONNECTED:
            self.page.message_bar.show_warning(self.tr("Scanner disconnected: {message}").format(message=message))

    @Slot(object)
    def on_scan_read(self, read: ScanRead) -> None:
        if self.router is not None:
            self.router.route(read)
            return
        refusal = self.refusal()
        if refusal is None:
            self.take_scan(read)
        else:
            self.page.message_bar.show_error(refusal.why)
            self.feedback.give("rejected", self.page.last_scan)

    # -- the router's target -----------------------------------------------------------------------------------

    def on_screen(self) -> bool:
        return self.page.isVisible()

    def session_id(self) -> str | None:
        """None: the lab's list shows no refused lines, so a refused scan is kept in the device's log alone."""
        return None

    def refusal(self) -> Refusal | None:
        page, row = self.page, self.page.active
        if not page.isVisible():
            return Refusal(RefusalReason.LAB_PAGE_HIDDEN)
        if not self.engine.actor.has_any(LAB):
            return Refusal(RefusalReason.MAY_NOT_RECONCILE)
        if row is None:
            return Refusal(RefusalReason.NO_LAB_SESSION)
        if row.session.state is not SessionState.IN_PROGRESS:
            return Refusal(RefusalReason.LAB_SESSION_ENDED)
        return None

    def refused_kept(self) -> None:
        """Nothing to show: see session_id."""

    def flush(self) -> None:
        """Each lab scan is recorded as it comes: nothing waits."""

    def take_scan(self, read: ScanRead) -> None:
        page = self.page
        assert page.active is not None
        result = self.pipeline.process(read)
        if result.ok and page.card.expecting is not None:  # the card's Move… or Split… waits for this scan
            why = page.card.take_code(result.raw)
            self._show(
                result.raw, why or self.tr("Taken: {code}").format(code=result.raw), "rejected" if why else "accepted"
            )
            if why:
                page.message_bar.show_error(why)
            return
        session_id = page.active.session.id
        try:
            if result.ok:
                outcome = self.engine.lab.scan(
                    self.engine.actor, session_id, result.raw, read.source, read.manual, page.here
                )
            else:
                rejected = self.engine.counting.record_rejected(
                    self.engine.actor, session_id, result.raw, result.reason or "", read.source, read.manual
                )
                outcome = LabScan("rejected", rejected.message, result.raw, rejected.ordinal, said=rejected.said)
        except KnownError as err:
            page.message_bar.show_error(self.tr("The scan was not recorded: {error}").format(error=error_text(err)))
            self._show(result.raw, error_text(err), "rejected")
            return
        self.show_outcome(outcome)
        page.scan_taken(outcome)
        self.recorded.emit(outcome)

    def refuse_scan(self, read: ScanRead, refusal: Refusal, message: str) -> None:
        """Say it on the page (the router has sounded it). Nothing is recorded: no session takes it."""
        self.page.message_bar.show_error(message)
        self._show(printable(read.text)[:40], message, "rejected", sound=False)

    def show_outcome(self, outcome: LabScan) -> None:
        self.page.message_bar.clear()
        flash = TAG_FLASH[outcome.tag] if outcome.tag is not None else outcome.status
        if outcome.kind == "unknown":
            flash = TAG_FLASH[Tag.NOT_IN_SCOPE]
        text = said_text(outcome.said) if outcome.said is not None else outcome.message
        self._show(text, text, outcome.status, flash)

    def _show(self, text: str, tip: str, status: str, flash: str | None = None, sound: bool = True) -> None:
        last = self.page.last_scan
        last.setText(text)
        last.setToolTip(tip)
        set_property(last, "status", flash or status)
        played = self.feedback.play(status) if sound else False
        self.feedback.flash(last, flash or status)
        self.feedback.given.emit(status, played)
