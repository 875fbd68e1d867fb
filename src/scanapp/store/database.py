"""Opening the local SQLite store: WAL, synchronous=FULL, Alembic migrations, and refusing files it
must not touch (corrupt, from a newer ScanApp, locked by another program) with a clear message."""

from __future__ import annotations

import logging
import socket
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, exc, insert, select

from scanapp.domain.journal import new_event_id, utcnow
from scanapp.errors import KnownError
from scanapp.store import schema
from scanapp.store.turns import WriteTurns

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a write waits for another program's lock before saying so. Headless commands can wait;
# the GUI opens its store with a shorter wait, since its writes run on the event loop.
BUSY_TIMEOUT_MS = 5000
MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(KnownError):
    pass


class CorruptStore(StoreError):
    pass


class NewerSchema(StoreError):
    pass


class StoreLocked(StoreError):
    pass


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def newest_revision() -> str:
    """The head revision, read from the revision files' names (`0002_user_pins.py` is revision 0002; a test
    holds this equal to Alembic's own head)."""
    return max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


def _stored_revision(conn: Connection) -> str | None:
    table = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'")
    if table.first() is None:
        return None
    rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    return str(rows[0][0]) if len(rows) == 1 else None


def translate(err: BaseException, path: Path) -> StoreError | None:
    """Turn SQLite's errors about the file itself into messages a person can act on."""
    text = str(getattr(err, "orig", err)).lower()
    if "locked" in text or "busy" in text:
        return StoreLocked(
            f"The database {path} is locked by another program. Nothing was written; close the other "
            "program (or wait for it to finish) and try again."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return CorruptStore(
            f"The database {path} is damaged ({text}). ScanApp left it untouched. Restore it from a backup "
            "or move it aside to start a new one."
        )
    return None


class Store:
    """One SQLite file. Writers take the write lock up front (BEGIN IMMEDIATE) so two writers never
    deadlock upgrading a read lock."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._local = threading.local()
        self._writers: list[Connection] = []
        self._writers_lock = threading.Lock()
        # Sessions and counts read on the scan path, kept while their change counter holds still.
        self.row_cache: dict[tuple[str, str], tuple[int, object]] = {}
        self.turns = WriteTurns()
        """The main thread's writes (scans) go before a background thread's (sync) in this process."""

    @classmethod
    def open(cls, path: Path, migrate: bool = True, busy_timeout_ms: int | None = None) -> Store:
        path = Path(path)
        _check_header(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        timeout = BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        engine = create_engine(
            f"sqlite:///{path}",
            connect_args={"check_same_thread": False, "timeout": timeout / 1000},
        )
        _install_pragmas(engine, timeout)
        store = cls(path, engine)
        try:
            if migrate:
                store._migrate()
            store._ensure_device()
        except exc.DBAPIError as err:
            engine.dispose()
            raise translate(err, path) or err from err
        except BaseException:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        with self._writers_lock:
            for conn in self._writers:
                conn.close()
            self._writers.clear()
        self.engine.dispose()

    def writer(self) -> tuple[Connection, sqlite3.Connection]:
        """This thread's write connection (and its driver connection), kept open: a pool checkout and
        reset per scan costs more than the scan's own SQL."""
        pair: tuple[Connection, sqlite3.Connection] | None = getattr(self._local, "writer", None)
        if pair is None or pair[0].closed or pair[0].invalidated:
            conn = self.engine.connect().execution_options(scanapp_write=True)
            driver: sqlite3.Connection = conn.connection.driver_connection  # type: ignore[assignment]
            pair = (conn, driver)
            self._local.writer = pair
            with self._writers_lock:
                self._writers.append(conn)
        return pair

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            try:
                yield conn
            except exc.DBAPIError as err:
                raise translate(err, self.path) or err from err

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: committed when the block ends normally, rolled back otherwise."""
        with self.engine.connect().execution_options(scanapp_write=True) as conn:
            try:
                with conn.begin():
                    yield conn
            except exc.DBAPIError as err:
                raise translate(err, self.path) or err from err

    @cached_property
    def device_id(self) -> str:
        with self.read() as conn:
            return str(conn.execute(select(schema.device.c.id)).scalar_one())

    def _migrate(self) -> None:
        # A store already at the newest revision (every start but the first after an update) is opened
        # without loading Alembic, which would cost the app's start a third of a second.
        with self.engine.connect() as conn:
            if _stored_revision(conn) == newest_revision():
                return
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory
        from alembic.util import CommandError

        cfg = alembic_config()
        script = ScriptDirectory.from_config(cfg)
        head = script.get_current_head()
        with self.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            has_tables = bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar())
        if current == head:
            return
        if current is not None:
            try:
                script.get_revision(current)
            except CommandError:  # not a revision this ScanApp knows
                raise NewerSchema(
                    f"The database {self.path} was written by a newer version of ScanApp (schema {current}). "
                    "ScanApp left it untouched; update ScanApp to open it."
                ) from None
        elif has_tables:
            raise CorruptStore(f"{self.path} is an SQLite file, but not a ScanApp database. ScanApp left it untouched.")
        if current is not None:
            self._backup(f"pre-{head}")
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        log.info("store %s migrated from %s to %s", self.path, current, head)

    def _backup(self, label: str) -> Path:
        target = self.path.with_name(f"{self.path.name}.{label}.bak")
        src = sqlite3.connect(self.path)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return target

    def _ensure_device(self) -> None:
        with self.write() as conn:
            if conn.execute(select(schema.device.c.id)).first() is None:
                conn.execute(
                    insert(schema.device).values(
                        id=new_event_id(),
                        name=socket.gethostname(),
                        created_at=utcnow().isoformat(),
                    )
                )


def _check_header(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except PermissionError as err:
        raise StoreError(f"ScanApp may not read {path}: {err.strerror}.") from err
    if header != SQLITE_HEADER:
        raise CorruptStore(
            f"{path} is not an SQLite database (it may be damaged or a different file). "
            "ScanApp left it untouched; restore it from a backup or move it aside."
        )


def _install_pragmas(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()
        if mode and str(mode[0]).lower() != "wal":
            log.warning("journal_mode is %s, not WAL", mode[0])
        # FULL: in WAL, NORMAL can lose the last commits on power loss; a scan shown as accepted must stay.
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
            return  # a unit of work began it on the driver connection
        immediate = conn.get_execution_options().get("scanapp_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
