"""Scanning while a session is open (C5, H5, H6): the session page's side of the scan router. While a session
is open on the page it is the router's target, so a scan is taken whatever has the focus inside the window:
the application-wide capture's bursts, a code typed by hand into the scanner input, the serial or evdev
scanner's reads all come through the router. Each read is decoded by the pipeline, recorded durably, then
shown with its sound; a scan the session cannot take is refused here with why and what to do."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from scanapp.domain.barcodes import printable
from scanapp.domain.counts import SessionState
from scanapp.domain.refusals import RefusalReason
from scanapp.errors import KnownError
from scanapp.gui.capture.device_reader import DeviceReader
from scanapp.gui.capture.feedback import ScanFeedback
from scanapp.gui.capture.keeper import RefusalKeeper
from scanapp.gui.capture.router import Refusal, ScanRouter
from scanapp.gui.capture.wedge_input import WedgeInput
from scanapp.gui.shell.style import set_property
from scanapp.gui.widgets.error_text import error_text, said_text
from scanapp.gui.widgets.formatting import line_status_name
from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.sources import DeviceSource
from scanapp.scanners.state import CONNECTED, DISCONNECTED
from scanapp.services.counting import ScanOutcome
from scanapp.services.scans import ScanInput
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
        self.reader = DeviceReader(self.engine.device_sources, page, self.on_scan_read, self._on_device_state)
        """The serial or evdev scanner read while a session is open."""
        self.feedback = ScanFeedback(page)
        self.router: ScanRouter | None = None
        """The window's scan router (None: the page takes its own scans, as a page on its own)."""
        self._pending: list[ScanRead] = []
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)  # after the events already queued: a burst's other scans
        self._flush.timeout.connect(self.flush)
        self.keeper = RefusalKeeper(
            self.engine.counting.refusals, lambda: self.engine.signed_in_actor, lambda: self.pipeline.settings
        )
        """Keeps the scans this page refuses while it has no router."""
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
        self.flush()  # scans taken are recorded before the session is left
        if self.router is not None:
            self.router.unregister(self)
        self.reader.stop()
        self.wedge.clear()

    # -- a serial or evdev scanner ----------------------------------------------------------------------------

    @property
    def device(self) -> DeviceSource | None:
        return self.reader.device

    def _start_device(self, settings: ScannerSettings) -> None:
        self.scanner_input.setPlaceholderText(self.tr("Scan here"))
        try:
            self.reader.start(settings)
        except KnownError as err:
            self.page.message_bar.show_error(self.tr("Scanner: {error}").format(error=error_text(err)))

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
        if self.router is not None:
            self.router.route(read)
            return
        refusal = self.refusal()
        if refusal is None:
            self.take_scan(read)
            return
        # A page on its own (no window's router): kept and said here, never silent.
        message = refusal.why
        try:
            self.keeper(read, refusal, self.session_id())
        except KnownError as err:
            message = self.tr("{message} It could not be kept in the log: {error}").format(
                message=message, error=error_text(err)
            )
        else:
            self.refused_kept()
        self.page.message_bar.show_error(message)
        self.feedback.give("rejected", self.page.last_scan)

    def on_screen(self) -> bool:
        return self.page.isVisible()

    def session_id(self) -> str | None:
        return self.page.session.id if self.page.session is not None else None

    def refusal(self) -> Refusal | None:
        """Why the page cannot take a scan now, with what to do; None when it can."""
        page, session = self.page, self.page.session
        if session is None or not page.isVisible():
            return Refusal(RefusalReason.NO_SESSION)
        if not page.may_count():
            return Refusal(RefusalReason.MAY_NOT_COUNT)
        if page.locked_elsewhere():
            return Refusal(RefusalReason.HELD_ELSEWHERE)
        if page.lease.why_lost is not None:
            return Refusal(RefusalReason.LEASE_LOST, page.lease.why_lost)
        if page.lease.phase is LeasePhase.PENDING:
            return Refusal(RefusalReason.LEASE_PENDING)
        by_state = {
            SessionState.NOT_STARTED: RefusalReason.NOT_STARTED,
            SessionState.SUBMITTED: RefusalReason.SUBMITTED,
            SessionState.DISCARDED: RefusalReason.DISCARDED,
        }
        if session.state in by_state:
            return Refusal(by_state[session.state])
        if not page.can_scan():
            return Refusal(RefusalReason.NOT_HERE)
        return None

    def take_scan(self, read: ScanRead) -> None:
        """One read the session takes: recorded with the others that arrive in this turn of the event loop (a
        burst's scans come queued together), then shown; nothing is shown before its durable commit."""
        self._pending.append(read)
        if not self._flush.isActive():
            self._flush.start()

    @Slot()
    def flush(self) -> None:
        """Record the scans taken so far in one transaction (one durable commit for a burst), then show them."""
        self._flush.stop()
        reads, self._pending = self._pending, []
        page = self.page
        if not reads or page.session is None:
            return
        results = [self.pipeline.process(read) for read in reads]  # in order: the double-read window sees each
        scans = [ScanInput(r.raw, r.read.source, r.read.manual, r.reason) for r in results]
        try:
            outcomes = self.engine.counting.record_scans(self.engine.actor, page.session.id, scans)
        except KnownError as err:
            text = self.tr("%n scans were not recorded: {error}", "", len(reads)).format(error=error_text(err))
            page.message_bar.show_error(text)
            self.feedback.give("rejected", page.last_scan)
            page.lines_recorded()
            return
        for outcome in outcomes:  # durably recorded, each: then shown
            self.recorded.emit(outcome)
        self.show_outcomes(outcomes)
        page.lines_recorded(now=True)  # the burst was recorded at the end of its turn: shown in the same repaint
        if page.session is not None:
            self.engine.session_changed.emit(page.session.id)

    def refuse_scan(self, read: ScanRead, refusal: Refusal, message: str) -> None:
        """Say it on the page (the router has kept and sounded it)."""
        page = self.page
        page.message_bar.show_error(message)
        page.last_scan.setText(self.tr("Refused: {code}").format(code=printable(read.text)[:40]))
        page.last_scan.setToolTip(message)
        set_property(page.last_scan, "status", "rejected")
        self.feedback.flash(page.last_scan, "rejected")

    def refused_kept(self) -> None:
        """The session's scan log shows the refused scan with the next catch-up (also when back from the lock)."""
        self.page.lines_recorded()

    def show_outcomes(self, outcomes: list[ScanOutcome]) -> None:
        """The last-scan line and the sound: of the scan that needs the most attention (rejected, then
        unmatched, then accepted; the latest of them), so a burst is heard once and its problem is not missed."""
        outcome = max(reversed(outcomes), key=lambda o: _ATTENTION[o.status])
        last_scan = self.page.last_scan
        text = said_text(outcome.said) if outcome.said is not None else outcome.message
        tip = text
        if outcome.status == "accepted" and outcome.item_key and outcome.category is not None:
            text = f"{line_status_name(outcome.category)}: {outcome.name or outcome.item_key}"
        if len(outcomes) > 1:
            text = self.tr("{text} (%n scans recorded)", "", len(outcomes)).format(text=text)
        last_scan.setText(text)
        last_scan.setToolTip(tip)
        set_property(last_scan, "status", outcome.status)
        # H5: the outcome's sound, and the last-scan line flashes in its colour.
        self.feedback.give(outcome.status, last_scan)


_ATTENTION = {"accepted": 0, "unmatched": 1, "rejected": 2}
