"""`scanapp-sync` administration commands record the injected clock's time, not the system's."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from scansync import tables as t
from scansync.cli import main
from scansync.db import Database
from sqlalchemy import select

from tests.integration.sync.conftest import Clock

FAR = datetime(2031, 6, 1, 9, 0, tzinfo=UTC)
DEVICE = "0190b8c2-5c1e-7b3a-9d2e-4f6a8b0c1d2e"


def test_admin_commands_record_the_injected_time(
    db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = Clock(FAR)
    monkeypatch.setenv("SCANAPP_SYNC_PASSWORD", "a long password")
    assert main(["--db", db.url, "user", "add", "casey", "--role", "associate"], clock=clock) == 0
    assert main(["--db", db.url, "device", "enroll", DEVICE], clock=clock) == 0
    assert (
        main(["--db", db.url, "count", "create", "Far", "--kind", "hard", "--start", FAR.isoformat()], clock=clock) == 0
    )
    count_id = json.loads(capsys.readouterr().out.splitlines()[-1])["id"]
    with db.read() as conn:
        created = conn.execute(select(t.users.c.created_at).where(t.users.c.id == "casey")).scalar_one()
        enrolled = conn.execute(select(t.devices.c.enrolled_at).where(t.devices.c.id == DEVICE)).scalar_one()
        audited = set(conn.execute(select(t.audit_log.c.at)).scalars())
        count_created = conn.execute(select(t.counts.c.created_at).where(t.counts.c.id == count_id)).scalar_one()
    assert created == enrolled == count_created == FAR
    assert audited == {FAR}
