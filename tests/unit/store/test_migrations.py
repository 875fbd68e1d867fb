"""Migrations an installed device can live with (DESIGN rule 14): a store the first release wrote, with its
data, upgrades to head, then matches the declared schema, keeps every row and still works."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, text

from scanapp.domain.classification import Category
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.counting import Counting
from scanapp.store import queries
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


@contextmanager
def upgraded_to(path: Path, revision: str) -> Iterator[Connection]:
    """The store at `path` upgraded through Alembic to `revision`; the block runs in the same transaction."""
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            yield conn
    finally:
        engine.dispose()


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
        upgraded = projections(store, sid)
        # The journal that came through the upgrade folds into exactly the projections the old release kept, and
        # into what the upgrade made of them (0003's per-item line counts included).
        counting.rebuild(sid)
        rebuilt = projections(store, sid)
        assert rebuilt == upgraded
        for table in PROJECTIONS:
            expected = [r for r in rows[table] if r["session_id"] == sid]
            old_columns = [{k: r[k] for k in expected[0]} for r in rebuilt[table]]
            assert sorted(map(repr, old_columns)) == sorted(map(repr, expected)), f"{table} folded differently"
        with store.read() as conn:  # 0006: no line of the first release waits in supervisor review
            assert conn.execute(text("SELECT count(*) FROM scan_lines WHERE review IS NOT NULL")).scalar_one() == 0
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


def projections(store: Store, session_id: str) -> dict[str, list[dict[str, Any]]]:
    """A session's projection rows, every column, in a comparable order."""
    with store.read() as conn:
        return {
            table: sorted(
                (
                    dict(r._mapping)
                    for r in conn.execute(text(f"SELECT * FROM {table} WHERE session_id = :s"), {"s": session_id})
                ),
                key=repr,
            )
            for table in PROJECTIONS
        }


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


def test_the_head_read_from_file_names_is_alembics_head() -> None:
    # Store.open skips Alembic when the stored revision is this one: it must be the real head.
    from scanapp.store.database import newest_revision

    assert newest_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_a_store_at_an_older_revision_is_still_migrated_without_alembic_loaded_first(tmp_path: Path) -> None:
    make_first_release_store(tmp_path / "s.db")
    store = Store.open(tmp_path / "s.db")
    try:
        with store.read() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == (
                ScriptDirectory.from_config(alembic_config()).get_current_head()
            )
    finally:
        store.close()


def make_0002_store_with_a_count_of_zero(path: Path) -> tuple[dict[str, list[dict[str, Any]]], str, str]:
    """A store as the 0002 release left it: the first release's rows, a user's PIN, and a product hand-counted as
    0 in the directed session (that release kept the line but no per-item row for it). Returns the rows, the
    session and the product."""
    rows = make_first_release_store(path)
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    session = next(s for s in rows["sessions"] if s["state"] == "In progress" and s["lock_user"] == "sam")
    sku = "SKU-JUICE"  # a product imported at 0002, none of it found on the shelf
    last = rows["events"][-1]
    event_id = "01a2338d-2aa2-7000-8000-000000000001"
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(text("INSERT INTO products VALUES (:sku, 'Juice 1 l', 'Juice')"), {"sku": sku})
        conn.execute(
            text("INSERT INTO user_pins VALUES ('alex', '$argon2id$v=19$m=65536,t=3,p=4$x$y', :at, 'alex', 2, NULL)"),
            {"at": "2026-12-01T09:00:00+00:00"},
        )
        conn.execute(
            text(
                "INSERT INTO events (id, device_id, seq, kind, session_id, user_id, wall_time, mono_ns, lock_epoch,"
                " payload) VALUES (:id, :device, :seq, 'hand_counted', :sid, 'sam', :at, :mono, 0, :payload)"
            ),
            {
                "id": event_id,
                "device": last["device_id"],
                "seq": last["seq"] + 1,
                "sid": session["id"],
                "at": "2026-12-01T09:10:00+00:00",
                "mono": last["mono_ns"] + 1000,
                "payload": json.dumps({"code": sku, "item_key": sku, "qty": 0}),
            },
        )
        conn.execute(
            text(
                "INSERT INTO scan_lines (session_id, ordinal, event_id, kind, raw, code, item_key, units, category,"
                " source, manual, at, reason, removed) VALUES (:sid, 9, :id, 'hand', '', :sku, :sku, 0, 'Undirected',"
                " 'hand', 1, :at, NULL, 0)"
            ),
            {"sid": session["id"], "id": event_id, "sku": sku, "at": "2026-12-01T09:10:00+00:00"},
        )
        conn.execute(text("UPDATE session_totals SET lines = 9 WHERE session_id = :sid"), {"sid": session["id"]})
    engine.dispose()
    return rows, session["id"], sku


def test_a_0002_store_with_a_count_of_zero_upgrades_and_shows_it_counted(tmp_path: Path) -> None:
    """0003 adds the refused-scan log and the per-item line count; an item hand-counted as 0 before it is counted
    (C10) after it, exactly as a rebuild from the journal counts it."""
    path = tmp_path / "scanapp.db"
    rows, sid, sku = make_0002_store_with_a_count_of_zero(path)
    store = Store.open(path)
    try:
        with store.read() as conn:
            head = ScriptDirectory.from_config(alembic_config()).get_current_head()
            assert MigrationContext.configure(conn).get_current_revision() == head  # through 0003
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, metadata) == []
            for table, expected in rows.items():  # every row kept (session_totals moved with the line added)
                got = table_rows(conn, table, list(expected[0]))
                if table != "session_totals":
                    assert [r for r in expected if r not in got] == [], f"{table} lost rows in the upgrade"
            assert conn.execute(text("SELECT failures FROM user_pins WHERE user_id = 'alex'")).scalar_one() == 2
            assert conn.execute(text("SELECT count(*) FROM refused_scans")).scalar_one() == 0
            counted = {r.item_key: r.units for r in queries.items(conn, sid, Category.UNDIRECTED)}
        assert counted[sku] == 0  # counted, as 0
        upgraded = projections(store, sid)
        Counting(lambda: SqlUnitOfWork(store)).rebuild(sid)
        assert projections(store, sid) == upgraded
        # What the release before kept, with the lines that count each (CHIPS is one hand count of 2).
        lines = {"SKU-CHIPS": 1, "SKU-COLA": 2, "SKU-WATER": 2}
        kept = [
            {**item, "lines": lines[item["item_key"]]} for item in rows["session_items"] if item["session_id"] == sid
        ]
        zero = {"session_id": sid, "item_key": sku, "units": 0, "category": "Undirected", "lines": 1}
        assert upgraded["session_items"] == sorted([*kept, zero], key=repr)
    finally:
        store.close()


TOTAL_UNITS = text("SELECT units FROM session_totals WHERE session_id = :s")


def test_a_0004_store_with_data_upgrades_to_0006_and_marks_review_lines(tmp_path: Path) -> None:
    """0006 (event_reviews, scan_lines.review) on a store of the revision before it (0004, with the first
    release's data and a PIN): the schema then matches the declared one, every row is kept, no line is in review,
    and a server verdict takes a scan out of the totals."""
    from scanapp.services.sync_review import mark_in_review

    path = tmp_path / "scanapp.db"
    rows = make_first_release_store(path)
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        conn.execute(
            text(
                "INSERT INTO user_pins (user_id, pin_hash, set_at, set_by, failures) "
                "VALUES ('alex', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g', '2026-11-30T09:00:00', "
                "'alex', 2)"
            )
        )
    engine.dispose()
    session = next(s for s in rows["sessions"] if s["state"] == "In progress" and s["lock_user"] == "sam")
    sid = session["id"]
    store = Store.open(path)
    try:
        with store.read() as conn:
            assert (
                MigrationContext.configure(conn).get_current_revision()
                == ScriptDirectory.from_config(alembic_config()).get_current_head()
            )
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, metadata) == []
            for table, expected in rows.items():
                assert table_rows(conn, table, list(expected[0])) == expected, f"{table} changed in the upgrade"
            assert conn.execute(text("SELECT failures FROM user_pins WHERE user_id = 'alex'")).scalar_one() == 2
            assert conn.execute(text("SELECT count(*) FROM event_reviews")).scalar_one() == 0
            assert conn.execute(text("SELECT count(*) FROM scan_lines WHERE review IS NOT NULL")).scalar_one() == 0
            units = conn.execute(TOTAL_UNITS, {"s": sid}).scalar_one()
            scan = conn.execute(
                text("SELECT event_id FROM scan_lines WHERE session_id = :s AND kind = 'scan' AND NOT removed"),
                {"s": sid},
            ).first()
        assert scan is not None
        clock = FixedClock(datetime(2026, 12, 8, 9, 0, tzinfo=UTC))
        assert mark_in_review(store, {scan.event_id: "fenced"}, clock) == {sid}
        with store.read() as conn:
            after = conn.execute(TOTAL_UNITS, {"s": sid}).scalar_one()
        assert after == units - 1
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


def test_a_0006_store_with_data_upgrades_to_0007_with_no_decisions_and_ordinary_sessions(tmp_path: Path) -> None:
    """0007 (variance_decisions, count_thresholds, session_targets) on a store of the revision before it (0006,
    with the first release's data): the schema then matches the declared one, every row is kept, the new tables
    are empty (no session is a recount: each Uncounted tab lists the count's whole list, as before), and a
    supervisor's decision on the old data is journalled and kept."""
    from scanapp.domain.variance import Decision, Status
    from scanapp.services.supervision import Supervision

    path = tmp_path / "scanapp.db"
    rows = make_first_release_store(path)
    with upgraded_to(path, "0006"):
        pass
    session = next(s for s in rows["sessions"] if s["state"] == "In progress" and s["lock_user"] == "sam")
    store = Store.open(path)
    try:
        with store.read() as conn:
            head = ScriptDirectory.from_config(alembic_config()).get_current_head()
            assert MigrationContext.configure(conn).get_current_revision() == head
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, metadata) == []
            for table, expected in rows.items():
                assert table_rows(conn, table, list(expected[0])) == expected, f"{table} changed in the upgrade"
            for table in ("variance_decisions", "count_thresholds", "session_targets"):
                assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0
            listed = conn.execute(
                text("SELECT count(*) FROM expected_items WHERE count_id = :c"), {"c": session["count_id"]}
            ).scalar_one()
            counted_here = conn.execute(
                text(
                    "SELECT count(*) FROM session_items si JOIN expected_items e ON e.item_key = si.item_key"
                    " AND e.count_id = :c WHERE si.session_id = :s AND si.lines > 0"
                ),
                {"c": session["count_id"], "s": session["id"]},
            ).scalar_one()
            assert queries.uncounted_count(conn, session["id"]) == listed - counted_here
        clock = FixedClock(datetime(2026, 12, 8, 9, 0, tzinfo=UTC))
        supervision = Supervision(lambda: SqlUnitOfWork(store), clock)
        supervisor = Actor("sam", store.device_id, ROLES["supervisor"])
        line = next(ln for ln in supervision.reads.variance(session["count_id"]) if ln.counted)
        decided = supervision.decide(supervisor, session["count_id"], line.item_key, Decision.FORCED, "old count")
        assert decided.status is Status.FORCED and decided.counted == line.counted
    finally:
        store.close()


def make_store_of_the_old_0005_chain(path: Path) -> dict[str, list[dict[str, Any]]]:
    """A store upgraded while revision 0005 followed 0002 directly (before 0003 and 0004 were put in front of
    it): 0001 and 0002 through Alembic, 0005's columns as its upgrade then added them, recorded as 0005."""
    rows = make_first_release_store(path)
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.exec_driver_sql("ALTER TABLE sessions ADD COLUMN server_seq INTEGER DEFAULT 0 NOT NULL")
        conn.exec_driver_sql("ALTER TABLE users ADD COLUMN pin_version INTEGER DEFAULT 0 NOT NULL")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0005'")
    engine.dispose()
    return rows


def test_a_store_of_the_old_0005_chain_gets_what_0003_and_0004_make(tmp_path: Path) -> None:
    """Such a store records 0005, so Alembic alone would run only 0006 onwards and leave it without refused
    scans, item lines or the lab's tables; 0008 makes them, and the store then matches the declared schema,
    keeps its rows and shows an item's lines (C10) as a store that came through 0003 does."""
    path = tmp_path / "scanapp.db"
    rows = make_store_of_the_old_0005_chain(path)
    with create_engine(f"sqlite:///{path}").connect() as conn:
        assert "refused_scans" not in set(conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
    store = Store.open(path)
    try:
        with store.read() as conn:
            head = ScriptDirectory.from_config(alembic_config()).get_current_head()
            assert MigrationContext.configure(conn).get_current_revision() == head
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, metadata) == []
            for table, expected in rows.items():
                assert table_rows(conn, table, list(expected[0])) == expected, f"{table} changed in the upgrade"
            lines = conn.execute(text("SELECT sum(lines) FROM session_items")).scalar_one()
            counted = conn.execute(
                text(
                    "SELECT count(*) FROM scan_lines"
                    " WHERE item_key IS NOT NULL AND category IS NOT NULL AND NOT removed"
                )
            ).scalar_one()
            assert lines == counted > 0
    finally:
        store.close()


def without_rowid(conn: Connection) -> set[str]:
    sql = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all()
    return {name for name, ddl in sql if "WITHOUT ROWID" in (ddl or "").upper()}


def test_a_0008_store_with_a_catalog_upgrades_to_a_catalog_keyed_by_its_keys(tmp_path: Path) -> None:
    """0009 rebuilds products and product_codes WITHOUT ROWID and drops the product name indexes, on a store of
    the revision before it with the first release's catalog (an alias among its codes): the schema then matches
    the declared one, every product and code is kept, every code still names its product (foreign keys hold),
    and a scan of a catalog code and of the alias still finds its product."""
    path = tmp_path / "scanapp.db"
    rows = make_first_release_store(path)
    with upgraded_to(path, "0008") as conn:
        assert not {"products", "product_codes"} & without_rowid(conn)
    store = Store.open(path)
    try:
        with store.read() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, metadata) == []
            assert {"products", "product_codes"} <= without_rowid(conn)
            indexes = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
            assert "ix_product_codes_sku" in indexes
            assert not {"ix_products_name", "ix_products_parent_name"} & indexes
            for table in ("products", "product_codes"):
                assert table_rows(conn, table, list(rows[table][0])) == rows[table], f"{table} changed"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            for code, sku in (("04006381333931", "SKU-COLA"), ("04012345678901", "SKU-WATER")):
                assert [h.sku for h in queries.products_for_codes(conn, [code])] == [sku]
    finally:
        store.close()


def test_every_table_declared_without_rowid_is_made_so_by_the_migrations(tmp_path: Path) -> None:
    """compare_metadata does not see WITH/WITHOUT ROWID: this does, for a store made from scratch."""
    store = Store.open(tmp_path / "scanapp.db")
    try:
        declared = {t.name for t in metadata.tables.values() if t.kwargs.get("sqlite_with_rowid") is False}
        with store.read() as conn:
            assert declared and without_rowid(conn) == declared
    finally:
        store.close()
