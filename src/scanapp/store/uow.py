"""The unit of work: one write transaction with its repositories. Nothing is kept unless `commit()`
is called; leaving the block any other way rolls back."""

from __future__ import annotations

import sqlite3
from types import TracebackType

from sqlalchemy import Connection, Transaction, exc

from scanapp.store.database import Store, translate
from scanapp.store.repositories import (
    CatalogRepo,
    CountRepo,
    JournalRepo,
    LineRepo,
    SessionRepo,
    SettingsRepo,
    UserRepo,
)


class SqlUnitOfWork:
    journal: JournalRepo
    catalog: CatalogRepo
    counts: CountRepo
    sessions: SessionRepo
    lines: LineRepo
    users: UserRepo
    settings: SettingsRepo

    def __init__(self, store: Store) -> None:
        self.store = store
        self.device_id = store.device_id
        self._conn: Connection | None = None
        self._tx: Transaction | None = None

    def __enter__(self) -> SqlUnitOfWork:
        try:
            self._conn = self.store.engine.connect().execution_options(scanapp_write=True)
            self._tx = self._conn.begin()
        except exc.DBAPIError as err:
            self._close()
            raise translate(err, self.store.path) or err from err
        conn = self._conn
        cur: sqlite3.Cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cur.row_factory = sqlite3.Row
        self.journal = JournalRepo(conn, cur)
        self.catalog = CatalogRepo(conn, cur)
        self.counts = CountRepo(conn, cur)
        self.sessions = SessionRepo(conn, cur)
        self.lines = LineRepo(conn, cur)
        self.users = UserRepo(conn, cur)
        self.settings = SettingsRepo(conn, cur)
        return self

    @property
    def connection(self) -> Connection:
        assert self._conn is not None, "use the unit of work in a with block"
        return self._conn

    def commit(self) -> None:
        assert self._tx is not None
        try:
            self._tx.commit()
        except exc.DBAPIError as err:
            raise translate(err, self.store.path) or err from err

    def rollback(self) -> None:
        if self._tx is not None and self._tx.is_active:
            self._tx.rollback()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc_val: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._close()
        if isinstance(exc_val, exc.DBAPIError):
            translated = translate(exc_val, self.store.path)
            if translated is not None:
                raise translated from exc_val

    def _close(self) -> None:
        self.rollback()
        if self._conn is not None:
            self._conn.close()
        self._conn = self._tx = None
