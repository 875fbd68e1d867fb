"""When the background worker syncs: at once at start, after a burst of changes, with a capped, jittered
backoff after failures (and not sooner because of scans made offline), at once when asked; it stops cleanly."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator

import pytest

from scanapp.services.sync_service import RoundResult
from scanapp.services.sync_worker import Backoff, Jobs, SyncWorker, Timing
from scanapp.sync.client import SyncError

FAST = Timing(interval_s=30.0, debounce_s=0.15, debounce_max_s=0.6, backoff_base_s=0.1, backoff_cap_s=0.4)


def test_backoff_doubles_with_jitter_up_to_its_cap() -> None:
    backoff = Backoff(2.0, 60.0, random.Random(7))
    waits = [backoff.next_wait() for _ in range(10)]
    tops = [2, 4, 8, 16, 32, 60, 60, 60, 60, 60]
    assert all(top / 2 <= w <= top for w, top in zip(waits, tops, strict=True)), waits
    assert len({round(w, 6) for w in waits[5:]}) == 5, "jittered: the capped waits differ"
    backoff.reset()
    assert 1.0 <= backoff.next_wait() <= 2.0


class Rounds:
    """A round function the test scripts: each round's outcome, and when each round ran."""

    def __init__(self, outcomes: list[bool]) -> None:
        self.outcomes = outcomes
        self.times: list[float] = []
        self.ran = threading.Semaphore(0)

    def __call__(self) -> RoundResult:
        self.times.append(time.monotonic())
        ok = self.outcomes.pop(0) if self.outcomes else True
        return RoundResult(ok, error=None if ok else "Cannot reach the sync server", kind=None if ok else "offline")

    def finished(self, _result: RoundResult) -> None:
        self.ran.release()

    def wait(self, n: int = 1, timeout: float = 5.0) -> None:
        for _ in range(n):
            assert self.ran.acquire(timeout=timeout), f"round {len(self.times)} did not come"


@pytest.fixture
def rounds() -> Rounds:
    return Rounds([])


@pytest.fixture
def worker(rounds: Rounds) -> Iterator[SyncWorker]:
    w = SyncWorker(rounds, lambda: None, rounds.finished, FAST, random.Random(1))
    yield w
    assert w.stop(2.0)


def test_it_syncs_at_start_and_then_waits_for_the_timer(worker: SyncWorker, rounds: Rounds) -> None:
    worker.start()
    rounds.wait()
    due = worker.due_in()
    assert due is not None and 25 < due <= 30


def test_a_burst_of_changes_is_one_round_after_it_settles(worker: SyncWorker, rounds: Rounds) -> None:
    worker.start()
    rounds.wait()
    began = time.monotonic()
    for _ in range(5):
        worker.changed()
        time.sleep(0.02)  # scans arriving: the debounce starts over on each
    rounds.wait()
    assert len(rounds.times) == 2
    assert rounds.times[1] - began >= 0.08 + FAST.debounce_s - 0.02


def test_a_steady_stream_of_changes_still_syncs_within_the_longest_debounce(worker: SyncWorker, rounds: Rounds) -> None:
    worker.start()
    rounds.wait()
    stop = threading.Event()

    def scanning() -> None:
        while not stop.is_set():
            worker.changed()
            stop.wait(0.03)

    began = time.monotonic()
    threading.Thread(target=scanning, daemon=True).start()
    try:
        rounds.wait()
    finally:
        stop.set()
    assert rounds.times[1] - began < FAST.debounce_max_s + 1.0  # a busy machine adds a little


def test_after_failures_it_backs_off_and_offline_scans_do_not_hurry_it(rounds: Rounds) -> None:
    rounds.outcomes = [False, False, False, True]
    worker = SyncWorker(rounds, lambda: None, rounds.finished, FAST, random.Random(3))
    worker.start()
    try:
        rounds.wait()
        for _ in range(10):
            worker.changed()  # offline: the backoff decides, not the scans
        rounds.wait(3)
        gaps = [b - a for a, b in zip(rounds.times, rounds.times[1:], strict=False)]
        assert gaps[0] >= FAST.backoff_base_s / 2 - 0.01
        assert all(g <= FAST.backoff_cap_s + 1.0 for g in gaps), gaps
        assert worker.backoff.failures == 0, "the round that worked reset the backoff"
    finally:
        assert worker.stop(2.0)


def test_sync_now_runs_at_once_and_a_bug_in_a_round_does_not_stop_the_worker(rounds: Rounds) -> None:
    results: list[RoundResult] = []
    calls = {"n": 0}

    def flaky() -> RoundResult:
        calls["n"] += 1
        if calls["n"] == 2:
            raise ZeroDivisionError("a bug")
        return rounds()

    def finished(result: RoundResult) -> None:
        results.append(result)
        rounds.finished(result)

    worker = SyncWorker(flaky, lambda: None, finished, FAST, random.Random(2))
    worker.start()
    try:
        rounds.wait()
        worker.sync_now()
        rounds.wait()
        assert not results[1].ok and "bug" in (results[1].error or "")
        rounds.wait(timeout=FAST.backoff_base_s + 2)  # and the next round comes after the backoff
        assert results[2].ok
    finally:
        assert worker.stop(2.0)


def test_jobs_run_in_order_and_report_errors() -> None:
    jobs = Jobs()
    seen: list[tuple[object, object]] = []
    done = threading.Event()

    def fail() -> None:
        raise SyncError("Cannot reach the sync server")

    jobs.submit(lambda: 1, lambda out, err: seen.append((out, err)))
    jobs.submit(fail, lambda out, err: seen.append((out, type(err).__name__)))
    jobs.submit(lambda: 3, lambda out, err: (seen.append((out, err)), done.set()))
    assert done.wait(5)
    assert jobs.stop(2.0)
    assert seen == [(1, None), (None, "SyncError"), (3, None)]
