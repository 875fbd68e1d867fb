"""When the app syncs, on threads of its own (DESIGN rule 13): at start, soon after committed changes
(debounced: a burst of scans is one round), on a timer while all is well, and after a failure with an
exponential backoff with jitter, capped at a minute, so the round that follows the server's return comes
within that minute without anyone doing anything. `sync_now` (a tap on the header, the end of a shift)
runs one at once. The screen is never blocked: rounds run on the worker's thread, sign-ins and lease calls on
a second one (a heartbeat is not queued behind a slow round), and results go back through callbacks.

Waits are real elapsed time (time.monotonic): the injected Clock decides dates, not how long to sleep. Tests
pass short intervals.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scanapp.errors import KnownError
from scanapp.services.sync_service import RoundResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Timing:
    interval_s: float = 60.0
    """A round this often while all is well: other devices' counts and sessions come down."""
    debounce_s: float = 2.0
    """After a committed change, a round once no other change came for this long…"""
    debounce_max_s: float = 10.0
    """…or this long after the first change of a burst, so a steady stream of scans still goes up."""
    backoff_base_s: float = 2.0
    backoff_cap_s: float = 60.0


class Backoff:
    """Waits after failed rounds: doubling from `base` up to `cap`, each drawn from its upper half (jitter, so
    the devices of a store that lost the server together do not all come back in the same second)."""

    def __init__(self, base_s: float, cap_s: float, rng: random.Random | None = None) -> None:
        self.base_s, self.cap_s = base_s, cap_s
        self.failures = 0
        self._rng = rng or random.Random()

    def next_wait(self) -> float:
        self.failures += 1
        top = min(self.cap_s, self.base_s * 2 ** min(self.failures - 1, 30))
        return self._rng.uniform(top / 2, top)

    def reset(self) -> None:
        self.failures = 0


class SyncWorker:
    """Runs `run_round` on its own thread when due. `on_started()` and `on_finished(result)` are called on that
    thread; the caller passes them on (the GUI by signal)."""

    def __init__(
        self,
        run_round: Callable[[], RoundResult],
        on_started: Callable[[], None],
        on_finished: Callable[[RoundResult], None],
        timing: Timing | None = None,
        rng: random.Random | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.timing = timing or Timing()
        self._run_round, self._on_started, self._on_finished = run_round, on_started, on_finished
        self._now = monotonic
        self.backoff = Backoff(self.timing.backoff_base_s, self.timing.backoff_cap_s, rng)
        self._cond = threading.Condition()
        self._due: float | None = None
        """The next round by start, sync_now, the timer or the backoff."""
        self._debounce: float | None = None
        """The next round because of committed changes."""
        self._burst_started: float | None = None
        self._failing = False
        self._stopping = False
        self.running = False
        """A round is under way."""
        self.rounds = 0
        self._thread = threading.Thread(target=self._loop, name="sync-worker", daemon=True)

    def start(self) -> None:
        """The first round at once (the app just started)."""
        self.sync_now()
        self._thread.start()

    def sync_now(self) -> None:
        with self._cond:
            self._due = self._now()
            self._cond.notify_all()

    def changed(self) -> None:
        """A change was committed: a round once the burst it belongs to settles (see Timing). While rounds
        fail, the backoff decides: a scan made offline does not send another round into the void."""
        now = self._now()
        with self._cond:
            if self._failing:
                return
            if self._burst_started is None:
                self._burst_started = now
            self._debounce = min(now + self.timing.debounce_s, self._burst_started + self.timing.debounce_max_s)
            self._cond.notify_all()

    def stop(self, timeout_s: float = 5.0) -> bool:
        """No more rounds; waits up to `timeout_s` for one under way. False if it is still running (its thread
        is a daemon: it cannot keep the app from exiting)."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def due_in(self) -> float | None:
        """Seconds until the next round (None: none planned)."""
        with self._cond:
            due = self._next()
            return None if due is None else max(0.0, due - self._now())

    def _next(self) -> float | None:
        """Caller holds the condition."""
        planned = [t for t in (self._due, self._debounce) if t is not None]
        return min(planned) if planned else None

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and ((due := self._next()) is None or due > self._now()):
                    self._cond.wait(None if due is None else max(0.0, due - self._now()))
                if self._stopping:
                    return
                self._due = self._debounce = self._burst_started = None
                self.running = True
            result = self._round()
            with self._cond:
                self.running = False
                self.rounds += 1
                self._failing = not result.ok
                wait = self.timing.interval_s if result.ok else self.backoff.next_wait()
                if result.ok:
                    self.backoff.reset()
                later = self._now() + wait
                self._due = later if self._due is None else min(self._due, later)  # a tap meanwhile runs again
            self._on_finished(result)

    def _round(self) -> RoundResult:
        try:
            self._on_started()
            return self._run_round()
        except Exception as err:  # a bug: logged with its traceback; the worker keeps going with a backoff
            log.exception("bug in a sync round")
            return RoundResult(False, error=f"ScanApp hit a bug while syncing ({type(err).__name__}); see the log.")


class Jobs:
    """Sign-ins and lease calls, one after another on a thread of their own; each job's outcome (or the
    exception it raised) goes to its `done` callback on that thread."""

    def __init__(self) -> None:
        self._queue: queue.Queue[tuple[Callable[[], Any], Callable[[Any, BaseException | None], None]] | None] = (
            queue.Queue()
        )
        self._thread = threading.Thread(target=self._loop, name="sync-jobs", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], Any], done: Callable[[Any, BaseException | None], None]) -> None:
        self._queue.put((job, done))

    def stop(self, timeout_s: float = 5.0) -> bool:
        """Jobs already submitted run first (a release at the end of a shift); then the thread ends."""
        self._queue.put(None)
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            job, done = item
            try:
                outcome, error = job(), None
            except Exception as err:  # the world's errors are the job's answer; a bug is logged here too
                outcome, error = None, err
                if not isinstance(err, KnownError):
                    log.exception("bug in a sync job")
            done(outcome, error)
