"""Pulled state never overwrites newer state the device already has (issue 11): a session the device started,
scanned and pushed is not put back to "Not started" by an older state from the pull, even when the pull is cut
off half-way; and the lease the device was granted is not taken back by an older one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scanapp.domain.counts import SessionState
from scanapp.sync.client import SyncError
from tests.integration.sync.conftest import COLA, WATER, LiveServer, seed_catalog_and_count
from tests.integration.sync.device import Device


@pytest.fixture
def alex(server: LiveServer, tmp_path: Path) -> Iterator[Device]:
    device = Device(server, tmp_path / "alex.db", "alex")
    yield device
    device.close()


def _cut(_cursor: int) -> None:
    raise SyncError("the connection dropped")


def test_an_interrupted_pull_does_not_roll_back_the_session_the_device_started(
    server: LiveServer, alex: Device
) -> None:
    with server.client("sam") as sam:
        sid = seed_catalog_and_count(sam)["sessions"][0]["id"]
    alex.client.sync_once()
    assert alex.session(sid).state is SessionState.NOT_STARTED  # the device knows the count and its session
    lease = alex.client.acquire(sid)
    alex.counting.start(alex.actor, sid)
    for code in (COLA, COLA, WATER):
        alex.counting.record_scan(alex.actor, sid, code, source="test")
    assert alex.client.push().all_pushed
    # The pull starts from before the lease: its first page holds the session as the lease left it (Not
    # started), older than what the device has. The connection drops after that page.
    with pytest.raises(SyncError):
        alex.client.pull(page_size=1, on_page=_cut)
    session = alex.session(sid)
    assert session.state is SessionState.IN_PROGRESS, "the device's started session was rolled back"
    assert session.epoch == lease.epoch and session.lock is not None and session.lock.user_id == "alex"
    # Scanning goes on, under the lease's epoch, and the next round is clean.
    alex.counting.record_scan(alex.actor, sid, COLA, source="test")
    report = alex.client.sync_once()
    assert report.all_pushed and report.not_applied == {}
    assert alex.session(sid).state is SessionState.IN_PROGRESS
    assert alex.totals(sid) == (4, 2, 4)
    with server.client("sam") as sam:
        assert sam.get(f"/v1/sessions/{sid}").json()["state"] == "In progress"
