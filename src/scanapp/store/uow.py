"""The unit of work: one write transaction with its repositories. Nothing is kept unless `commit()`
is called; leaving the block any other way rolls back."""

from __future__ import annotations

import sqlite3
from types import TracebackType

from sqlalchemy import Connection, exc

from scanapp.store.catalog_repo import CatalogRepo
from scanapp.store.database import Store, translate
from scanapp.store.lab_repo import LabRepo
from scanapp.store.refused import RefusedRepo
from scanapp.store.repositories import (
    CountRepo,
    JournalRepo,
    LineRepo,
    SessionRepo,
    SettingsRepo,
    UserRepo,
)
from scanapp.store.reviews import ReviewRepo
from scanapp.store.supervision_repo import SupervisionRepo


class SqlUnitOfWork:
    """The transaction is driven on the driver connection (BEGIN IMMEDIATE … COMMIT): per scan, going
    through SQLAlchemy's Transaction costs as much as the scan's own SQL. Core statements issued by the
    repositories run inside the same transaction; SQLAlchemy's begin hook sees it is already open."""

    journal: JournalRepo
    catalog: CatalogRepo
    counts: CountRepo
    sessions: SessionRepo
    lines: LineRepo
    refused: RefusedRepo
    users: UserRepo
    settings: SettingsRepo
    lab: LabRepo
    reviews: ReviewRepo
    supervision: SupervisionRepo

    def __init__(self, store: Store) -> None:
        self.store = store
        self.device_id = store.device_id
        self._conn: Connection | None = None
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> SqlUnitOfWork:
        conn, db = self.store.writer()
        turns = self.store.turns
        try:
            if turns.on_main_thread():
                with turns.main_waits():
                    db.execute("BEGIN IMMEDIATE")
            else:
                turns.give_way()
                db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise translate(err, self.store.path) or err from err
        self._conn, self._db = conn, db
        cur = db.cursor()
        cur.row_factory = sqlite3.Row
        self.journal = JournalRepo(conn, cur)
        self.catalog = CatalogRepo(conn, cur)
        self.counts = CountRepo(conn, cur, self.store.row_cache)
        self.sessions = SessionRepo(conn, cur, self.store.row_cache)
        self.lines = LineRepo(conn, cur)
        self.refused = RefusedRepo(conn, cur)
        self.users = UserRepo(conn, cur)
        self.settings = SettingsRepo(conn, cur)
        self.lab = LabRepo(conn, cur)
        self.reviews = ReviewRepo(conn, cur)
        self.supervision = SupervisionRepo(conn, cur)
        return self

    @property
    def connection(self) -> Connection:
        assert self._conn is not None, "use the unit of work in a with block"
        return self._conn

    def commit(self) -> None:
        assert self._db is not None and self._conn is not None, "use the unit of work in a with block"
        try:
            self._db.commit()
        except sqlite3.Error as err:
            raise translate(err, self.store.path) or err from err
        if self._conn.in_transaction():
            self._conn.commit()  # SQLAlchemy's own bookkeeping; the database already committed

    def rollback(self) -> None:
        if self._db is not None and self._db.in_transaction:
            self._db.rollback()
        if self._conn is not None and self._conn.in_transaction():
            self._conn.rollback()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc_val: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.rollback()
        self._conn = self._db = None
        if isinstance(exc_val, (exc.DBAPIError, sqlite3.Error)):
            translated = translate(exc_val, self.store.path)
            if translated is not None:
                raise translated from exc_val
