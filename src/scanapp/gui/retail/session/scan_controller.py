"""Scanning while a session is open (C5, H5, H6): the session page's side of the scan router. While a session
is open on the page it is the router's target, so a scan is taken whatever has the focus inside the window:
the application-wide capture's bursts, a code typed by hand into the scanner input, the serial or evdev
scanner's reads all come through the router. Each read is decoded by the pipeline, recorded durably, then
shown with its sound; a scan the session cannot take is refused here with why and what to do."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from scanapp.domain.barcodes import printable
from scanapp.domain.counts import SessionState
from scanapp.errors import KnownError
from scanapp.gui.capture.feedback import ScanFeedback
from scanapp.gui.capture.router import Refusal, ScanRouter
from scanapp.gui.capture.wedge_input import WedgeInput
from scanapp.gui.shell.style import set_property
from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.sources import DeviceSource
from scanapp.scanners.state import CONNECTED, DISCONNECTED
from scanapp.services.counting import ScanOutcome
from scanapp.services.sync_leases import LeasePhase

if TYPE_CHECKING:
    from scanapp.gui.retail.session.page import SessionPage

log = logging.getLogger(__name__)


class ScanController(QObject):
    recorded = Signal(object)
    """A ScanOutcome, emitted only after the scan was durably recorded."""

    def __init__(self, page: SessionPage) -> None:
        super().__init__(page)
        self.page = page
        self.engine = page.engine
        self.scanner_input = page.action_row.scanner_input
        self.pipeline = ScanPipeline()
        self.device: DeviceSource | None = None
        """The serial or evdev scanner read while a session is open (None for the keyboard wedge)."""
        self.feedback = ScanFeedback(page)
        self.router: ScanRouter | None = None
        """The window's scan router (None: the page takes its own scans, as a page on its own)."""
        # The scanner input reads only what a person types into it: scanner bursts go to the router.
        self.wedge = WedgeInput(self.scanner_input, clock=self.engine.clock, claim_scanner_keys=False)
        self.wedge.scan_read.connect(self.on_scan_read)

    def attach(self, router: ScanRouter) -> None:
        self.router = router

    def start(self) -> None:
        """A session opened: read with the active scanner's settings, and take the window's scans."""
        self.pipeline = ScanPipeline(self.engine.scanner_settings.load())
        self.wedge.set_settings(self.pipeline.settings)
        self.wedge.clear()
        self._start_device(self.pipeline.settings)
        if self.router is not None:
            self.router.register(self)

    def stop(self) -> None:
        if self.router is not None:
            self.router.unregister(self)
        self._stop_device()
        self.wedge.clear()

    # -- a serial or evdev scanner ----------------------------------------------------------------------------

    def _start_device(self, settings: ScannerSettings) -> None:
        """Serial and evdev scanners are read while the session is open, whatever has the focus; the
        keyboard wedge needs nothing: the application-wide capture reads it."""
        self._stop_device()
        self.scanner_input.setPlaceholderText(self.tr("Scan here"))
        if settings.kind == "wedge":
            return
        try:
            device = self.engine.device_sources(settings, self.page)
        except KnownError as err:
            self.page.message_bar.show_error(self.tr("Scanner: {error}").format(error=err))
            return
        self.device = device
        device.scan_read.connect(self.on_scan_read)
        device.state_changed.connect(self._on_device_state)
        device.start()

    def _stop_device(self) -> None:
        device, self.device = self.device, None
        if device is not None:
            device.stop()
            device.deleteLater()

    @Slot(str, str)
    def _on_device_state(self, state: str, message: str) -> None:
        device = getattr(self.device, "source", self.tr("scanner"))
        self.scanner_input.setPlaceholderText(self.tr("{device}: {state}").format(device=device, state=state))
        bar = self.page.message_bar
        if state == DISCONNECTED:
            bar.show_warning(self.tr("Scanner {device} disconnected: {message}").format(device=device, message=message))
        elif state == CONNECTED and bar.kind == "warning":
            bar.clear()

    # -- recording -----------------------------------------------------------------------------------------

    @Slot(object)
    def on_scan_read(self, read: ScanRead) -> None:
        """A read from the scanner input (typed by hand) or the device: through the router, like every scan."""
        refusal = None if self.router is not None else self.refusal()
        if self.router is not None:
            self.router.route(read)
        elif refusal is not None:  # a page on its own (no window's router): said here, never silent
            self.page.message_bar.show_error(refusal.why)
            self.feedback.give("rejected", self.page.last_scan)
        else:
            self.take_scan(read)

    def on_screen(self) -> bool:
        return self.page.isVisible()

    def refusal(self) -> Refusal | None:
        """Why the page cannot take a scan now, with what to do; None when it can."""
        page, session = self.page, self.page.session
        if session is None or not page.isVisible():
            return Refusal(self.tr("No session is open here: open a session to scan."))
        if not page.may_count():
            return Refusal(self.tr("You may not count: sign in as a user who counts to scan."))
        if page.locked_elsewhere():
            return Refusal(
                self.tr(
                    "Another user or device holds this session: scan in a session of your own, or ask a "
                    "supervisor to release this one."
                )
            )
        if page.lease.why_lost is not None:
            return Refusal(page.lost_text(page.lease.why_lost))
        if page.lease.phase is LeasePhase.PENDING:
            return Refusal(self.tr("This session is being taken from the sync server: scan again in a moment."))
        if session.state is SessionState.NOT_STARTED:
            return Refusal(self.tr("This session is not started: press Start counting, then scan."))
        if session.state is SessionState.SUBMITTED:
            return Refusal(self.tr("This session is submitted: Re-open session to scan more."))
        if session.state is SessionState.DISCARDED:
            return Refusal(self.tr("This session is discarded: open another session to scan."))
        if not page.can_scan():
            return Refusal(self.tr("This session cannot be counted here: go back to the counts list."))
        return None

    def take_scan(self, read: ScanRead) -> None:
        """One read: decoded by the pipeline, recorded durably, then shown."""
        page = self.page
        assert page.session is not None
        result = self.pipeline.process(read)
        try:
            outcome = result.record(self.engine.counting, self.engine.actor, page.session.id)
        except KnownError as err:
            page.message_bar.show_error(self.tr("The scan was not recorded: {error}").format(error=err))
            self.feedback.give("rejected", page.last_scan)
            page.lines_recorded()
            return
        self.show_outcome(outcome)
        page.lines_recorded()  # a burst is shown with one refresh at the next turn of the event loop
        self.recorded.emit(outcome)
        self.engine.session_changed.emit(page.session.id)

    def refuse_scan(self, read: ScanRead, refusal: Refusal, message: str) -> None:
        """Say it on the page (the router has sounded it); keep a rejected line where the session can."""
        page = self.page
        page.message_bar.show_error(message)
        page.last_scan.setText(self.tr("Refused: {code}").format(code=printable(read.text)[:40]))
        page.last_scan.setToolTip(message)
        set_property(page.last_scan, "status", "rejected")
        self.feedback.flash(page.last_scan, "rejected")
        if refusal.reason is None or page.session is None:
            return
        raw = self.pipeline.process(read).raw
        try:
            self.engine.counting.record_rejected(
                self.engine.actor, page.session.id, raw, refusal.reason, read.source, read.manual
            )
        except KnownError as err:
            page.message_bar.show_error(
                self.tr("{message} It could not be kept in the scan log: {error}").format(message=message, error=err)
            )
            return
        page.lines_recorded()
        self.engine.session_changed.emit(page.session.id)

    def show_outcome(self, outcome: ScanOutcome) -> None:
        last_scan = self.page.last_scan
        text = outcome.message
        if outcome.status == "accepted" and outcome.item_key and outcome.category is not None:
            text = f"{outcome.category.value}: {self.engine.reads.product_name(outcome.item_key)}"
        last_scan.setText(text)
        last_scan.setToolTip(outcome.message)
        set_property(last_scan, "status", outcome.status)
        # H5: the outcome's sound, and the last-scan line flashes in its colour.
        self.feedback.give(outcome.status, last_scan)
