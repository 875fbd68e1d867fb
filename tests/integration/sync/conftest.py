"""Fixtures for the sync server and client tests: a server database on SQLite and on PostgreSQL, and the
real server over HTTP on loopback (uvicorn in a thread, or in subprocesses).

PostgreSQL: $SCANAPP_TEST_PG_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test). Each test run
gets its own schema, dropped at the end. Unreachable → the tests are skipped and the terminal summary says
so, unless SCANAPP_REQUIRE_PG=1 (CI), which makes them fail.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import psycopg
import pytest
import uvicorn
from scansync import tables as t
from scansync.accounts import hash_password, issue_token
from scansync.api.app import create_app
from scansync.config import Settings
from scansync.db import Database
from sqlalchemy import insert, text
from sqlalchemy.engine import make_url

from scanapp.domain.journal import new_event_id

PG_URL = os.environ.get("SCANAPP_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("SCANAPP_REQUIRE_PG") == "1"
ROLES_BY_USER = {
    "alex": "associate",
    "pat": "associate_pre_start",
    "morgan": "inventory_manager",
    "sam": "supervisor",
    "lee": "lab_tech",
    "ada": "admin",
}
START = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)

PG_SKIP = "PostgreSQL unreachable"
_pg_skips: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and PG_SKIP in str(report.longrepr):
        _pg_skips.append(str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else str(report.longrepr))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _pg_skips:
        terminalreporter.write_sep(
            "=", f"PostgreSQL NOT TESTED: {len(_pg_skips)} sync tests skipped. {_pg_skips[0]}", yellow=True, bold=True
        )


class Clock:
    """The server's clock, moved by the test."""

    def __init__(self, now: datetime = START) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def mono_ns(self) -> int:
        return time.monotonic_ns()

    def advance(self, delta: timedelta) -> None:
        self.current += delta


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh schema for this test run; its URL sets the search_path."""
    plain = make_url(PG_URL).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        admin = psycopg.connect(plain, autocommit=True, connect_timeout=3)
    except psycopg.Error as err:
        reason = f"{PG_SKIP} at {make_url(PG_URL).render_as_string()}: {str(err).strip().splitlines()[0]}"
        if REQUIRE_PG:
            pytest.fail(f"{reason} (SCANAPP_REQUIRE_PG=1)", pytrace=False)
        pytest.skip(f"{reason} (set SCANAPP_REQUIRE_PG=1 to fail instead)")
    schema = f"scansync_test_{os.getpid()}_{secrets.token_hex(3)}"
    admin.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()


@pytest.fixture(scope="session")
def password_hashes() -> dict[str, str]:
    return {user: hash_password(f"pw-{user}-123") for user in ROLES_BY_USER}


def _reset_pg(db: Database) -> None:
    names = ", ".join(f'"{table.name}"' for table in t.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))
        conn.execute(insert(t.counters).values(name="changes", value=0))
        conn.execute(insert(t.meta).values(key="server_id", value=new_event_id()))


def open_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Database:
    if backend == "sqlite":
        return Database.open(f"sqlite:///{tmp_path / 'server.db'}")
    db = Database.open(request.getfixturevalue("pg_url"))
    _reset_pg(db)
    return db


def seeded_db(backend: str, request: pytest.FixtureRequest, tmp_path: Path, hashes: dict[str, str]) -> Database:
    """A migrated, empty server database with one user per role, each with an enrolled device dev-<user>."""
    database = open_db(backend, tmp_path, request)
    with database.write() as tx:
        for user, role in ROLES_BY_USER.items():
            tx.conn.execute(
                insert(t.users).values(
                    id=user,
                    display_name=user.title(),
                    password_hash=hashes[user],
                    roles=role,
                    created_at=START,
                )
            )
            tx.conn.execute(
                insert(t.devices).values(
                    id=f"dev-{user}",
                    name=f"{user}'s device",
                    enrolled_at=START,
                    enrolled_by="test",
                    high_water=0,
                    reported_seq=0,
                )
            )
    return database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path, password_hashes: dict[str, str]) -> Iterator[Database]:
    database = seeded_db(request.param, request, tmp_path, password_hashes)
    yield database
    database.close()


@pytest.fixture
def pg_db(request: pytest.FixtureRequest, tmp_path: Path, password_hashes: dict[str, str]) -> Iterator[Database]:
    database = seeded_db("postgres", request, tmp_path, password_hashes)
    yield database
    database.close()


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@dataclass
class LiveServer:
    url: str
    db: Database
    clock: Clock
    settings: Settings

    def client(self, user: str | None = None, device: str | None = None) -> httpx.Client:
        """An HTTP client, signed in as `user` on dev-<user> (or `device`) when a user is given."""
        c = httpx.Client(base_url=self.url, timeout=30)
        if user is not None:
            c.headers["Authorization"] = f"Bearer {self.token(user, device)}"
        return c

    def token(self, user: str, device: str | None = None) -> str:
        """A token minted in the database: argon2 makes every sign-in take ~0.1 s on purpose, so only the
        sign-in tests go through POST /v1/auth/token (see sign_in)."""
        with self.db.write() as tx:
            token, _ = issue_token(tx.conn, self.settings, self.clock.now(), user, device or f"dev-{user}")
        return token

    def sign_in(self, user: str, device: str | None = None, password: str | None = None) -> httpx.Response:
        return httpx.post(
            f"{self.url}/v1/auth/token",
            json={"username": user, "password": password or f"pw-{user}-123", "device_id": device or f"dev-{user}"},
            timeout=30,
        )


def serve_in_thread(db: Database, clock: Clock, settings: Settings) -> tuple[str, uvicorn.Server, threading.Thread]:
    sock = free_socket()
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db, settings, clock), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    return f"http://127.0.0.1:{port}", server, thread


@pytest.fixture
def server(db: Database) -> Iterator[LiveServer]:
    yield from _live(db)


@pytest.fixture
def pg_server(pg_db: Database) -> Iterator[LiveServer]:
    yield from _live(pg_db)


def _live(db: Database) -> Iterator[LiveServer]:
    clock = Clock()
    settings = Settings(lease_ttl=timedelta(seconds=60))
    url, srv, thread = serve_in_thread(db, clock, settings)
    yield LiveServer(url, db, clock, settings)
    srv.should_exit = True
    thread.join(10)


def start_process(db_url: str, workers: int = 1) -> tuple[str, subprocess.Popen[bytes]]:
    """`scanapp-sync serve --db URL` as its own process (or `workers` processes), on a free port: the command
    line as SPEC gives it, `--db` after `serve`."""
    sock = free_socket()
    port = sock.getsockname()[1]
    sock.close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "scansync.cli", "serve", "--db", db_url, "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return url, proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(
                f"scanapp-sync serve did not start: {proc.stderr.read().decode() if proc.stderr else ''}"
            )
        time.sleep(0.1)


def wire_event(
    device: str,
    seq: int,
    kind: str,
    session_id: str | None,
    user: str,
    payload: dict[str, Any] | None = None,
    epoch: int | None = 0,
    wall: datetime = START,
    event_id: str | None = None,
) -> dict[str, Any]:
    return {
        "id": event_id or new_event_id(),
        "kind": kind,
        "device_id": device,
        "seq": seq,
        "user_id": user,
        "session_id": session_id,
        "wall_time": wall.isoformat(),
        "mono_ns": seq * 1000,
        "lock_epoch": epoch,
        "payload": payload or {},
    }


def scan(
    device: str, seq: int, session_id: str, user: str, sku: str | None, code: str, epoch: int | None = 0, **kw: Any
) -> dict[str, Any]:
    payload = {"raw": code, "code": code, "item_key": sku, "source": "test", "manual": False}
    return wire_event(device, seq, "scan_recorded", session_id, user, payload, epoch, **kw)


COLA, WATER, CHIPS = "04006381333931", "00036000291452", "00000096385074"


def seed_catalog_and_count(client: httpx.Client, planned: datetime = START - timedelta(hours=1)) -> dict[str, Any]:
    """Three products, and a directed count listing COLA (12) and CHIPS (3). Returns the count."""
    r = client.post(
        "/v1/catalog/products",
        json={
            "products": [
                {"sku": "SKU-COLA", "name": "Cola", "parent_name": "Drinks", "gtins": [COLA]},
                {"sku": "SKU-WATER", "name": "Water", "parent_name": "Drinks", "gtins": [WATER]},
                {"sku": "SKU-CHIPS", "name": "Chips", "parent_name": "Snacks", "gtins": [CHIPS]},
            ]
        },
    )
    assert r.status_code == 200, r.text
    r = client.post(
        "/v1/counts",
        json={
            "name": "Aisle 5",
            "kind": "directed",
            "planned_start": planned.isoformat(),
            "expected": [{"item_key": "SKU-COLA", "expected_qty": 12}, {"item_key": "SKU-CHIPS", "expected_qty": 3}],
        },
    )
    assert r.status_code == 201, r.text
    return dict(r.json())
