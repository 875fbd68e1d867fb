"""`scanapp status [--json]` (SPEC Fixed interfaces): the device's sync state after real rounds with the real
server, and after one that could not reach it; read from the store alone, exit 0."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from scansync import tables as t
from sqlalchemy import insert

from scanapp.bootstrap import App
from scanapp.cli import main as scanapp_main
from scanapp.domain.permissions import ROLES, Actor
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync import local
from tests.integration.sync.conftest import COLA, START, Clock, LiveServer, seed_catalog_and_count


def status(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert scanapp_main(["--data-dir", str(data), *args, "status", "--json"], clock=Clock(START)) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_status_says_the_server_the_last_sync_and_attempt_what_is_unsent_and_held(
    server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with server.client("sam") as sam:
        sid = seed_catalog_and_count(sam)["sessions"][0]["id"]
    data = tmp_path / "device"
    app = App(data_dir=data, clock=Clock(START))
    try:
        device = app.device_id
        with server.db.write() as tx:
            tx.conn.execute(
                insert(t.devices).values(
                    id=device, name="d", enrolled_at=START, enrolled_by="t", high_water=0, reported_seq=0
                )
            )
        with SqlUnitOfWork(app.store) as uow:
            uow.settings.put(local.SERVER_URL, server.url)
            uow.commit()
        token = server.token("alex", device)
        with SqlUnitOfWork(app.store) as uow:
            uow.settings.put(
                local.TOKENS, {"alex": {"token": token, "expires_at": (START + timedelta(days=1)).isoformat()}}
            )
            uow.settings.put(local.USER, "alex")
            uow.commit()
        assert status(data, capsys)["state"] == "never"
        assert app.sync.run_round().ok
        app.sync.lease("acquire", sid)
        alex = Actor("alex", device, ROLES["associate"])
        app.counting.start(alex, sid)
        app.counting.record_scan(alex, sid, COLA, "test")
    finally:
        app.close()

    shown = status(data, capsys)
    assert shown["server"] == server.url and shown["state"] == "synced"
    assert shown["last_success_at"] == shown["last_attempt_at"] == START.isoformat()
    assert shown["last_error"] is None and shown["unsent_events"] == 2 and shown["events_in_review"] == 0
    held = shown["sessions_held"]
    assert isinstance(held, list) and len(held) == 1
    assert held[0]["session_id"] == sid and held[0]["user"] == "alex" and held[0]["confirmed_by_server"] is True
    assert held[0]["lease_expires_at"] == (START + server.settings.lease_ttl).isoformat()

    # A round against a server that is not there: the attempt and why it failed; the last success stays.
    dead = App(data_dir=data, clock=Clock(START + timedelta(minutes=5)), server="http://127.0.0.1:9")
    try:
        result = dead.sync.run_round()
    finally:
        dead.close()
    assert not result.ok and result.kind == "offline"
    shown = status(data, capsys, "--server", "http://127.0.0.1:9")
    assert shown["state"] == "offline" and shown["server_from_command_line"] is True
    assert shown["last_success_at"] == START.isoformat()
    assert shown["last_attempt_at"] == (START + timedelta(minutes=5)).isoformat()
    assert "Cannot reach the sync server at http://127.0.0.1:9" in str(shown["last_error"])
    assert shown["unsent_events"] == 2

    assert scanapp_main(["--data-dir", str(data), "status"], clock=Clock(START)) == 0
    text = capsys.readouterr().out
    assert "events not yet pushed: 2" in text and "last attempt: " in text and "(failed: Cannot reach" in text
    assert f"sessions held: 1\n  Aisle 5 / Default session ({sid}): alex, lease epoch 1 until" in text


def test_status_of_a_device_that_never_synced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shown = status(tmp_path / "new", capsys, "--demo")
    assert shown["server"] is None and shown["state"] == "off" and shown["last_attempt_at"] is None
    assert isinstance(shown["unsent_events"], int) and shown["unsent_events"] > 0  # the demo's own events
    assert scanapp_main(["--data-dir", str(tmp_path / "new"), "--server", "not a server", "status"]) == 2
    assert "is not a sync server address" in capsys.readouterr().err
