"""Opening the store: durable settings, migrations, and files it must refuse without touching."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from scanapp.store.database import CorruptStore, NewerSchema, Store, StoreLocked
from scanapp.store.schema import metadata
from scanapp.store.uow import SqlUnitOfWork


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_wal_and_full_sync_on_every_connection(store: Store) -> None:
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_migrations_create_exactly_the_declared_schema(store: Store) -> None:
    with store.read() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_device_identity_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    first = Store.open(path)
    device = first.device_id
    first.close()
    again = Store.open(path)
    assert again.device_id == device
    again.close()


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "scanapp.db"
    path.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 100)
    before = digest(path)
    with pytest.raises(CorruptStore, match="not an SQLite database"):
        Store.open(path)
    assert digest(path) == before


def test_damaged_pages_are_reported_and_the_file_is_untouched(tmp_path: Path) -> None:
    path = tmp_path / "scanapp.db"
    Store.open(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(CorruptStore, match=r"damaged|not a ScanApp"):
        Store.open(path)
    assert digest(path) == before


def test_a_database_from_a_newer_scanapp_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scanapp.db"
    Store.open(path).close()
    with sqlite3.connect(path) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = digest(path)
    with pytest.raises(NewerSchema, match="newer version of ScanApp"):
        Store.open(path)
    assert digest(path) == before


def test_another_apps_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scanapp.db"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, blob BLOB)")
    with pytest.raises(CorruptStore, match="not a ScanApp database"):
        Store.open(path)
    with sqlite3.connect(path) as c:
        assert c.execute("SELECT name FROM sqlite_master").fetchall() == [("photos",)]


def test_a_store_locked_by_another_process_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "scanapp.db"
    store = Store.open(path, busy_timeout_ms=200)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sqlite3, sys, time
            c = sqlite3.connect({str(path)!r}, isolation_level=None)
            c.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            sys.stdin.readline()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLocked, match="locked by another program"), SqlUnitOfWork(store) as uow:
            uow.users.upsert("u", "U", [])
            uow.commit()
        before = digest(path)
        with pytest.raises(StoreLocked, match="Nothing was written"):
            second = Store.open(path, busy_timeout_ms=200)  # another app instance starting meanwhile
            with SqlUnitOfWork(second) as uow:
                uow.commit()
        assert digest(path) == before
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=10)
    with SqlUnitOfWork(store) as uow:  # and once the other program lets go, work goes on
        uow.users.upsert("u", "U", [])
        uow.commit()
    store.close()


def test_gtin_lookup_uses_an_index(store: Store) -> None:
    with store.read() as conn:
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT sku FROM product_codes WHERE code = '00036000291452'"
        ).fetchall()
    assert any("USING INDEX" in str(row) or "PRIMARY KEY" in str(row) for row in plan), plan


def test_cached_sessions_follow_every_writer(store: Store, tmp_path: Path) -> None:
    """The scan path keeps sessions and counts in memory; a write by anyone (here: another program's
    connection) moves the change counter and the next read sees it."""
    from datetime import UTC, datetime

    from scanapp.domain.counts import Count, CountKind, Session, SessionState

    now = datetime(2026, 11, 22, tzinfo=UTC)
    with SqlUnitOfWork(store) as uow:
        uow.counts.add(Count("c1", "Aisle", CountKind.HARD, now, now, "sam"))
        uow.sessions.add(Session("s1", "c1", "Default", "", SessionState.NOT_STARTED, True, now, "sam"))
        uow.commit()
    with SqlUnitOfWork(store) as uow:
        assert uow.sessions.get("s1").state is SessionState.NOT_STARTED
        assert uow.counts.get("c1").name == "Aisle"
    with sqlite3.connect(store.path) as other:
        other.execute(
            "UPDATE sessions SET state = 'In progress', lock_user = 'pat', lock_device = 'd2' WHERE id = 's1'"
        )
        other.execute("UPDATE counts SET name = 'Aisle 5' WHERE id = 'c1'")
    with SqlUnitOfWork(store) as uow:
        session = uow.sessions.get("s1")
        assert session.state is SessionState.IN_PROGRESS and session.lock is not None and session.lock.user_id == "pat"
        assert uow.counts.get("c1").name == "Aisle 5"
