"""Migrations an installed device can live with (DESIGN rule 14): a store the first release wrote, with its
data, upgrades to head, then matches the declared schema, keeps every row and still works."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, text

from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.counting import Counting
from scanapp.store.database import Store, alembic_config
from scanapp.store.schema import metadata
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import COLA, FixedClock

# The revision the first release shipped: every installed device has at least this schema.
FIRST_RELEASE = "0001"
# Rows that release wrote (a count under way, a lab session, sync settings), in its own columns.
DATA = Path(__file__).with_name("first_release_store.json")
PROJECTIONS = ("scan_lines", "session_items", "session_totals")


def first_release_rows() -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    rows.pop("about")
    return rows


def make_first_release_store(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The store as a device running the first release left it: revision 0001 through Alembic, then its rows."""
    rows = first_release_rows()
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, FIRST_RELEASE)
        for table, table_rows in rows.items():
            columns = list(table_rows[0])
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join(f":{c}" for c in columns)
            conn.execute(text(f'INSERT INTO "{table}" ({names}) VALUES ({marks})'), table_rows)
    engine.dispose()
    return rows


def table_rows(conn: Connection, table: str, columns: list[str], where: str = "") -> list[dict[str, Any]]:
    order = ", ".join(f'"{c.name}"' for c in metadata.tables[table].primary_key.columns)
    names = ", ".join(f'"{c}"' for c in columns)
    return [dict(r._mapping) for r in conn.execute(text(f'SELECT {names} FROM "{table}" {where} ORDER BY {order}'))]


def test_a_first_release_store_upgrades_to_the_declared_schema_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "scanapp.db"
    rows = make_first_release_store(path)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    store = Store.open(path)  # what an installed device does when the new release starts
    try:
        assert store.device_id == rows["device"][0]["id"]
        with store.read() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, metadata) == []
            for table, expected in rows.items():
                assert table_rows(conn, table, list(expected[0])) == expected, f"{table} changed in the upgrade"
            triggers = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars())
            counters = dict(conn.execute(text("SELECT name, value FROM change_counters")).all())
    finally:
        store.close()
    # The scan path's cache of sessions and counts relies on these triggers (see the schema's change_counters).
    assert triggers == {f"{t}_{a}_counted" for t in ("sessions", "counts") for a in ("insert", "update", "delete")}
    assert set(counters) == {"sessions", "counts"}


def test_the_new_release_carries_on_with_the_first_release_data(tmp_path: Path) -> None:
    path = tmp_path / "scanapp.db"
    rows = make_first_release_store(path)
    session = next(s for s in rows["sessions"] if s["state"] == "In progress" and s["lock_user"] == "sam")
    sid = session["id"]
    where = "WHERE session_id = :sid"
    store = Store.open(path)
    try:
        counting = Counting(lambda: SqlUnitOfWork(store), FixedClock(datetime(2026, 11, 22, 9, 30, tzinfo=UTC)))
        # The journal that came through the upgrade folds into exactly the projections the old release kept.
        counting.rebuild(sid)
        with store.read() as conn:
            for table in PROJECTIONS:
                expected = [r for r in rows[table] if r["session_id"] == sid]
                got = [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {table} {where}"), {"sid": sid})]
                assert sorted(map(repr, got)) == sorted(map(repr, expected)), f"{table} folded differently"
        sam = Actor("sam", store.device_id, ROLES["supervisor"])
        before = next(r for r in rows["session_totals"] if r["session_id"] == sid)
        outcome = counting.record_scan(sam, sid, COLA, source="test")
        assert outcome.status == "accepted"
        with store.read() as conn:
            seq = conn.execute(text("SELECT max(seq) FROM events")).scalar_one()
            units = conn.execute(text(f"SELECT units FROM session_totals {where}"), {"sid": sid}).scalar_one()
    finally:
        store.close()
    assert seq == max(e["seq"] for e in rows["events"]) + 1, "the device's journal sequence continues"
    assert units == before["units"] + 1


def test_users_of_the_first_release_come_through_0002_without_a_pin_and_choose_one(tmp_path: Path) -> None:
    from scanapp.services.reads import Reads
    from scanapp.services.users import Users

    path = tmp_path / "scanapp.db"
    rows = make_first_release_store(path)
    store = Store.open(path)
    try:
        with store.read() as conn:
            head = ScriptDirectory.from_config(alembic_config()).get_current_head()
            assert MigrationContext.configure(conn).get_current_revision() == head
            assert conn.execute(text("SELECT count(*) FROM user_pins")).scalar_one() == 0
            # 0005: no PIN from a server yet, and no session state taken from one.
            assert set(conn.execute(text("SELECT pin_version FROM users")).scalars()) == {0}
            assert set(conn.execute(text("SELECT server_seq FROM sessions")).scalars()) == {0}
        users = Users(lambda: SqlUnitOfWork(store), Reads(store))
        assert [(u.user_id, u.display_name) for u in users.all()] == sorted(
            (u["id"], u["display_name"]) for u in rows["users"]
        )
        assert not any(users.has_pin(u["id"]) for u in rows["users"])  # each chooses one at the next sign-in
        users.choose_pin("alex", "2580", datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
        assert users.check_pin("alex", "2580", datetime(2026, 12, 1, 9, 1, tzinfo=UTC)).ok
        with store.read() as conn:  # the choice is journalled (its hash) for sync, after the old journal
            kind, user, payload, seq = conn.execute(
                text("SELECT kind, user_id, payload, seq FROM events ORDER BY seq DESC LIMIT 1")
            ).one()
        assert (kind, user, seq) == ("pin_set", "alex", max(e["seq"] for e in rows["events"]) + 1)
        assert json.loads(payload)["pin_hash"].startswith("$argon2") and "2580" not in payload
    finally:
        store.close()


def test_a_store_at_0002_with_pins_upgrades_to_head_and_keeps_them(tmp_path: Path) -> None:
    """The previous revision (0002, PINs) with its data: 0005 adds what sync took from the server (nothing yet)
    and every PIN and wrong-try count survives."""
    path = tmp_path / "scanapp.db"
    rows = make_first_release_store(path)
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    pin = {"user_id": "alex", "pin_hash": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g", "set_at": "x"}
    pin |= {"set_by": "alex", "failures": 2, "retry_after": None}
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(
            text("INSERT INTO user_pins VALUES (:user_id, :pin_hash, :set_at, :set_by, :failures, :retry_after)"), pin
        )
    engine.dispose()
    store = Store.open(path)
    try:
        with store.read() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, metadata) == []
            assert [dict(r._mapping) for r in conn.execute(text("SELECT * FROM user_pins"))] == [pin]
            for table, expected in rows.items():
                assert table_rows(conn, table, list(expected[0])) == expected, f"{table} changed in the upgrade"
            versions = conn.execute(text("SELECT id, pin_version FROM users")).all()
            seqs = conn.execute(text("SELECT server_seq FROM sessions")).scalars().all()
    finally:
        store.close()
    assert {v for _, v in versions} == {0} and len(versions) == len(rows["users"])
    assert set(seqs) == {0} and len(seqs) == len(rows["sessions"])
