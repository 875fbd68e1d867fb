"""Migrations a running server can live with (DESIGN rule 14), on SQLite and PostgreSQL: a database the
first release wrote, with its data, upgrades to head, then matches the declared tables, keeps every row and
still serves devices."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from scansync import tables as t
from scansync.config import Settings
from scansync.db import MIGRATIONS, Database, normalise_url
from sqlalchemy import Connection, DateTime, MetaData, Table, create_engine, delete, insert, inspect, select, text
from sqlalchemy.engine import make_url

from tests.integration.sync.conftest import COLA, PG_URL, Clock, LiveServer, scan, serve_in_thread

# The revision the first release shipped: every server in use has at least this schema.
FIRST_RELEASE = "0001"
# Rows that release wrote (users, devices, a count with pushed scans, a lease history, review), in its columns.
DATA = Path(__file__).with_name("first_release_server.json")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables yet: an SQLite file, or a schema of its own on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.db'}"
        return
    request.getfixturevalue("pg_url")  # skips (or fails, with SCANAPP_REQUIRE_PG=1) when PostgreSQL is down
    schema = f"scansync_migration_{secrets.token_hex(4)}"
    admin = psycopg.connect(make_url(PG_URL).set(drivername="postgresql").render_as_string(hide_password=False))
    admin.autocommit = True
    admin.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()


def first_release_rows() -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    rows.pop("about")
    return rows


def _typed(table: Table, row: dict[str, Any], dialect: str) -> dict[str, Any]:
    """JSON back into what the column holds: times as UTC (naive on SQLite, as the server stores them)."""
    out = dict(row)
    for name, value in row.items():
        if isinstance(table.c[name].type, DateTime) and isinstance(value, str):
            when = datetime.fromisoformat(value).astimezone(UTC)
            out[name] = when.replace(tzinfo=None) if dialect == "sqlite" else when
    return out


def make_first_release_database(url: str) -> dict[str, list[dict[str, Any]]]:
    """The database as the first release left it: revision 0001 through Alembic, then its rows, written
    through the tables as that revision created them (reflected, not today's declarations)."""
    rows = first_release_rows()
    engine = create_engine(normalise_url(url))
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, FIRST_RELEASE)
        released = MetaData()
        released.reflect(conn)
        for name, table_rows in rows.items():
            table = released.tables[name]
            conn.execute(delete(table))  # rows the revision seeds (the change counter) come with the data
            conn.execute(insert(table), [_typed(table, r, conn.dialect.name) for r in table_rows])
        if conn.dialect.name == "postgresql":
            _advance_sequences(conn, released)
    engine.dispose()
    return rows


def _advance_sequences(conn: Connection, released: MetaData) -> None:
    """Rows inserted with their ids leave PostgreSQL's sequences at 1; the server that wrote them had moved them."""
    for table in released.tables.values():
        for column in table.columns:
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name})
            name = seq.scalar_one()
            if name is not None:
                top = conn.execute(select(column).order_by(column.desc()).limit(1)).scalar()
                if top is not None:
                    conn.execute(text("SELECT setval(:s, :v)"), {"s": name, "v": top})


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def test_a_first_release_database_upgrades_to_the_declared_tables_and_keeps_its_data(empty_url: str) -> None:
    rows = make_first_release_database(empty_url)
    head = head_revision()
    db = Database.open(empty_url)  # what the new release's server does when it starts
    try:
        with db.read() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, t.metadata) == []
            for name, expected in rows.items():
                table = t.metadata.tables[name]
                query = select(*(table.c[c] for c in expected[0])).order_by(*table.primary_key.columns)
                got = [{k: _plain(v) for k, v in r._mapping.items()} for r in conn.execute(query)]
                assert got == expected, f"{name} changed in the upgrade"
        assert db.server_id == rows["meta"][0]["value"], "devices would start their sync from scratch"
    finally:
        db.close()


def test_the_upgraded_server_serves_the_first_release_data(empty_url: str) -> None:
    rows = make_first_release_database(empty_url)
    db = Database.open(empty_url)
    clock, settings = Clock(), Settings(lease_ttl=timedelta(seconds=60))
    url, server_thread, thread = serve_in_thread(db, clock, settings)
    server = LiveServer(url, db, clock, settings)
    session = next(s for s in rows["sessions"] if s["lease_epoch"])
    pushed = max(e["seq"] for e in rows["events"] if e["device_id"] == "dev-alex")
    try:
        with server.client("ada") as ada, server.client("alex") as alex, server.client("sam") as sam:
            changes = ada.get("/v1/changes", params={"since": 0, "limit": 1000}).json()["changes"]
            assert [c["seq"] for c in changes] == [c["seq"] for c in rows["changes"]]
            assert [i["event_id"] for i in sam.get("/v1/review").json()] == [
                r["event_id"] for r in rows["review_items"]
            ]
            lease = alex.post(f"/v1/sessions/{session['id']}/lease").json()
            assert lease["epoch"] == session["lease_epoch"] + 1
            event = scan("dev-alex", pushed + 1, session["id"], "alex", "SKU-COLA", COLA, epoch=lease["epoch"])
            answer = alex.post("/v1/journal", json={"events": [event], "device_last_seq": pushed + 1}).json()
            assert (answer["accepted"], answer["high_water"]) == (1, pushed + 1)
            after = ada.get("/v1/changes", params={"since": changes[-1]["seq"]}).json()["changes"]
            assert after and after[0]["seq"] == changes[-1]["seq"] + 1, "the change log goes on from where it was"
            # 0002: the first release's users have no PIN; one set now reaches devices and signs in.
            with db.read() as conn:
                pins = conn.execute(select(t.users.c.pin_hash, t.users.c.pin_version)).all()
            assert {tuple(p) for p in pins} == {(None, 0)} and len(pins) == len(rows["users"])
            assert ada.put("/v1/users/alex/pin", json={"pin": "4321"}).status_code == 200
            user = ada.get("/v1/changes", params={"since": after[-1]["seq"]}).json()["changes"][-1]
            assert (user["entity"], user["data"]["pin_version"]) == ("user", 1)
            assert user["data"]["pin_hash"].startswith("$argon2")
            assert server.sign_in("alex", device="dev-alex", password="4321").status_code == 200
    finally:
        server_thread.should_exit = True
        thread.join(10)
        db.close()


def schema(url: str) -> dict[str, set[str]]:
    """The database's tables, each with its column names, as they are now."""
    engine = create_engine(normalise_url(url))
    with engine.connect() as conn:
        found = inspect(conn)
        out = {name: {c["name"] for c in found.get_columns(name)} for name in found.get_table_names()}
    engine.dispose()
    return out


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg
