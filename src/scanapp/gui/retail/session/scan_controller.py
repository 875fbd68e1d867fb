"""Scanning while a session is open: the keyboard wedge on the scanner input, or the serial or evdev scanner
the settings name; each read decoded by the pipeline, recorded durably, then shown with its sound (C5, H5)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from scanapp.errors import KnownError
from scanapp.gui.capture.feedback import ScanFeedback
from scanapp.gui.capture.wedge_input import WedgeInput
from scanapp.gui.shell.style import set_property
from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.sources import DeviceSource
from scanapp.scanners.state import CONNECTED, DISCONNECTED
from scanapp.services.counting import ScanOutcome

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
        self.wedge = WedgeInput(self.scanner_input, clock=self.engine.clock)
        self.wedge.scan_read.connect(self.on_scan_read)

    def start(self) -> None:
        """A session opened: read with the active scanner's settings."""
        self.pipeline = ScanPipeline(self.engine.scanner_settings.load())
        self.wedge.set_settings(self.pipeline.settings)
        self.wedge.clear()
        self._start_device(self.pipeline.settings)

    def stop(self) -> None:
        self._stop_device()
        self.wedge.clear()

    # -- a serial or evdev scanner ----------------------------------------------------------------------------

    def _start_device(self, settings: ScannerSettings) -> None:
        """Serial and evdev scanners are read while the session is open, whatever has the focus; the
        keyboard wedge needs nothing: it types into the scanner input."""
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
        """One read from the scanner input or the device: decoded by the pipeline, recorded durably, then
        shown."""
        page = self.page
        if page.session is None:
            return
        if not page.can_scan():
            page.message_bar.show_error(self.tr("This session is not being counted here: the scan was not recorded."))
            return
        result = self.pipeline.process(read)
        try:
            outcome = result.record(self.engine.counting, self.engine.actor, page.session.id)
        except KnownError as err:
            page.message_bar.show_error(self.tr("The scan was not recorded: {error}").format(error=err))
            self.feedback.give("rejected", page.last_scan)
            page.refresh()
            return
        self.show_outcome(outcome)
        page.refresh()
        self.recorded.emit(outcome)
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
