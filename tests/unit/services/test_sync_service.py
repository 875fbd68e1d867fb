"""The app's sync service on the world's errors: a store another program holds, an address that is no server,
a server that is not there; each said in plain words, none raised into the worker."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from scanapp.services.sync_service import BadServerUrl, SyncService, check_server_url
from scanapp.services.sync_state import Phase
from scanapp.store.database import Store
from tests.helpers import FixedClock


@pytest.mark.parametrize(
    ("text", "kept"),
    [("http://10.0.0.5:8765/", "http://10.0.0.5:8765"), (" https://sync.example.com ", "https://sync.example.com")],
)
def test_a_server_address_is_kept_tidy(text: str, kept: str) -> None:
    assert check_server_url(text) == kept


@pytest.mark.parametrize("text", ["not a server", "ftp://host", "http://", "10.0.0.5:8765", "http://a b:1"])
def test_what_is_no_server_address_is_refused_in_plain_words(text: str) -> None:
    with pytest.raises(BadServerUrl, match="is not a"):
        check_server_url(text)


def test_a_round_while_another_program_holds_the_store_says_so(tmp_path: Path, clock: FixedClock) -> None:
    store = Store.open(tmp_path / "s.db", busy_timeout_ms=50)
    service = SyncService(store, clock, server_override="http://127.0.0.1:9")
    other = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        result = service.run_round()
        assert not result.ok and "is locked by another program" in (result.error or "")
        other.execute("ROLLBACK")
        result = service.run_round()  # the store free again: the server is not there, which is said too
        assert not result.ok and result.kind == "offline" and "Cannot reach the sync server" in (result.error or "")
        state = service.state()
        assert state.phase is Phase.OFFLINE and state.last_attempt == clock.now() and state.last_success is None
    finally:
        other.close()
        service.close()
        store.close()
