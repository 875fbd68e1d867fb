"""A device for the client tests: its own store, the app's counting service, and the real sync client holding
a token for its user (minted in the server's database: argon2 makes each real sign-in take ~0.1 s)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from scansync import tables as t
from sqlalchemy import insert

from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.counting import Counting
from scanapp.store import queries
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync.client import SyncClient
from tests.integration.sync.conftest import ROLES_BY_USER, START, Clock, LiveServer


def enroll(server: LiveServer, device_id: str, name: str = "test device") -> None:
    with server.db.write() as tx:
        tx.conn.execute(
            insert(t.devices).values(
                id=device_id, name=name, enrolled_at=START, enrolled_by="test", high_water=0, reported_seq=0
            )
        )


class Device:
    """A device: its own store, the app's counting service, and a sync client signed in as `user`."""

    def __init__(self, server: LiveServer, path: Path, user: str) -> None:
        self.server = server
        self.store = Store.open(path)
        self.clock = Clock(START)
        self.counting = Counting(lambda: SqlUnitOfWork(self.store), self.clock)
        self.actor = self.actor_of(user)
        enroll(server, self.store.device_id, user)
        self.client = SyncClient(self.store, server.url, clock=self.clock)
        self.give_token(user)

    def actor_of(self, user: str) -> Actor:
        return Actor(user, self.store.device_id, ROLES[ROLES_BY_USER[user]])

    def give_token(self, user: str) -> None:
        """As if `user` had signed in on this device just now (they become its current user)."""
        token = self.server.token(user, self.store.device_id)
        self.client.remember_token(user, token, START + timedelta(days=365))

    def close(self) -> None:
        self.client.close()
        self.store.close()

    def totals(self, session_id: str) -> tuple[int, int, int]:
        with self.store.read() as conn:
            tot = queries.totals(conn, session_id)
        return tot.units, tot.unique_items, tot.lines

    def session(self, session_id: str):  # type: ignore[no-untyped-def]
        with self.store.read() as conn:
            return queries.session(conn, session_id)
