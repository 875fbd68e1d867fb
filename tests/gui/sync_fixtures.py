"""The real window syncing with the real server over HTTP on loopback: a server that can be stopped and started
again on the same port (the store's server going away and coming back), its users' passwords set to the PINs
the device's users choose (the server checks the same secret), the device enrolled, and short sync waits."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from PySide6.QtCore import Qt
from scansync import tables as t
from scansync.accounts import hash_password, issue_token
from scansync.api.app import create_app
from scansync.config import Settings
from scansync.db import Database
from sqlalchemy import insert, select, update

from scanapp.bootstrap import App
from scanapp.gui.shell.main_window import MainWindow
from scanapp.services.sync_leases import LeasePhase
from scanapp.services.sync_state import Phase
from scanapp.services.sync_worker import Timing
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync import local
from scanapp.sync.exchange import CONNECT_KEY, REQUEST_KEY
from tests.gui.conftest import PIN
from tests.integration.sync.conftest import START, Clock, seed_catalog_and_count

# Waits short enough for a test: the backoff's cap is 1 s here (60 s in the app).
FAST = Timing(interval_s=30.0, debounce_s=0.2, debounce_max_s=1.0, backoff_base_s=0.25, backoff_cap_s=1.0)
WAIT_MS = 30_000  # the longest a test waits for the app to get somewhere (it usually takes well under 2 s)


class Server:
    """The real sync server in a thread, on a port that stays the same when it is stopped and started again."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.clock = Clock(START)
        self.settings = Settings(lease_ttl=timedelta(seconds=60))
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(create_app(self.db, self.settings, self.clock), log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        """The server goes away: requests in flight end, new connections are refused."""
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._server.force_exit = True
        self._thread.join(10)
        self._server = self._thread = None

    def token(self, user: str, device: str | None = None) -> str:
        with self.db.write() as tx:
            token, _ = issue_token(tx.conn, self.settings, self.clock.now(), user, device or f"dev-{user}")
        return token

    def client(self, user: str, device: str | None = None) -> httpx.Client:
        return httpx.Client(
            base_url=self.url, timeout=30, headers={"Authorization": f"Bearer {self.token(user, device)}"}
        )

    def totals(self, count_id: str) -> dict[str, Any]:
        with self.client("sam") as sam:
            return dict(sam.get(f"/v1/counts/{count_id}/report").json()["totals"])

    def device_events(self, device_id: str) -> list[str]:
        with self.db.read() as conn:
            return list(conn.execute(select(t.events.c.id).where(t.events.c.device_id == device_id)).scalars())


@pytest.fixture
def server(db: Database) -> Iterator[Server]:
    s = Server(db)
    with db.write() as tx:  # the server checks the same PIN the device's users choose at their first sign-in
        tx.conn.execute(update(t.users).values(password_hash=hash_password(PIN)))
    s.start()
    yield s
    s.stop()


@dataclass
class Shop:
    count_id: str
    session_id: str


@pytest.fixture
def shop(server: Server) -> Shop:
    """A directed count made on the server (COLA 12, CHIPS 3 listed) with its default session."""
    with server.client("sam") as sam:
        count = seed_catalog_and_count(sam)
    return Shop(count["id"], count["sessions"][0]["id"])


def enroll(server: Server, device_id: str) -> None:
    with server.db.write() as tx:
        tx.conn.execute(
            insert(t.devices).values(
                id=device_id, name="gui", enrolled_at=START, enrolled_by="test", high_water=0, reported_seq=0
            )
        )


def use_server(app: App, url: str, request_s: float | None = None) -> None:
    """The device syncs with `url` (kept in its settings, as a supervisor sets it); short request deadlines
    make a blackholed server look offline quickly."""
    with SqlUnitOfWork(app.store) as uow:
        uow.settings.put(local.SERVER_URL, url)
        if request_s is not None:
            uow.settings.put(REQUEST_KEY, request_s)
            uow.settings.put(CONNECT_KEY, request_s)
        uow.commit()
    app.sync_timing = FAST


def make_window(qtbot: Any, app: App) -> MainWindow:
    from scanapp.gui.shell.engine import Engine

    window = MainWindow(Engine(app))
    qtbot.addWidget(window)
    window.resize(800, 480)
    window.show()
    qtbot.waitExposed(window)
    return window


def close(window: MainWindow) -> None:
    """The end of a test: no question asked, the threads stopped before the store closes."""
    window.ask_before_close = False
    window.close()
    window.sync.stop()


def synced(window: MainWindow) -> bool:
    """Synced, with nothing left to send: read now, not as last shown (the header catches up a moment later)."""
    bridge = window.sync.bridge
    state = bridge.service.state(syncing=bridge.syncing)
    return state.phase is Phase.SYNCED and state.unsent == 0


def wait_synced(qtbot: Any, window: MainWindow, timeout: int = WAIT_MS) -> None:
    qtbot.waitUntil(lambda: synced(window), timeout=timeout)


def open_shop_session(qtbot: Any, window: MainWindow, shop: Shop) -> None:
    """From the counts list, as a person does; then wait for the server's lease."""
    qtbot.waitUntil(lambda: shop.count_id in window.counts.count_cards, timeout=WAIT_MS)
    window.counts.select_count(shop.count_id)
    qtbot.mouseClick(window.counts.session_cards[shop.session_id].open_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.session
    qtbot.waitUntil(lambda: window.session.lease.phase is LeasePhase.HELD, timeout=WAIT_MS)
