"""Server calls off the GUI thread (DESIGN rules 4, 13): one worker thread of its own (so a slow
server never delays the session leases' heartbeats on the sync bridge's thread), answers delivered on the
main thread by a queued signal, where only widgets are touched."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from scanapp.services.sync_worker import Jobs

log = logging.getLogger(__name__)

Done = Callable[[Any, BaseException | None], None]


class Background(QObject):
    busy_changed = Signal(bool)
    """A call started (True) or the last one answered (False)."""
    _answered = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: Jobs | None = None
        self.running = 0
        self._answered.connect(self._on_answered)

    def run(self, call: Callable[[], Any], done: Done) -> None:
        """`call()` on the worker thread; `done(result, error)` on the main thread afterwards."""
        if self._jobs is None:
            self._jobs = Jobs()
        self.running += 1
        if self.running == 1:
            self.busy_changed.emit(True)

        def answer(result: Any, error: BaseException | None) -> None:
            try:
                self._answered.emit(done, result, error)
            except RuntimeError as err:  # the window closed while the call ran: nobody is listening
                log.info("a station call answered after the window closed: %s", err)

        self._jobs.submit(call, answer)

    @property
    def busy(self) -> bool:
        return self.running > 0

    def stop(self, timeout_s: float = 5.0) -> None:
        jobs, self._jobs = self._jobs, None
        if jobs is not None and not jobs.stop(timeout_s):
            log.warning("a station call was still running at exit")

    @Slot(object, object, object)
    def _on_answered(self, done: Done, result: Any, error: BaseException | None) -> None:
        self.running = max(0, self.running - 1)
        try:
            done(result, error)
        finally:
            if self.running == 0:
                self.busy_changed.emit(False)
