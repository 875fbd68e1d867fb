"""The server database: engine setup for SQLite or PostgreSQL, migrations, and transactions.

A write transaction collects the change-log entries it produces and numbers them at the very end, just
before commit: the counter row is then locked for the shortest time, and on PostgreSQL that lock makes
writers commit in change order, so a pull cursor never skips a row that commits late.
"""

from __future__ import annotations

import json
import logging
import math
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

import orjson
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, Table, bindparam, create_engine, event, exc, insert, select, text, update
from sqlalchemy.engine import make_url

from scanapp.domain.journal import new_event_id
from scanapp.errors import KnownError
from scansync import tables as t
from scansync.tables import UtcDateTime

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_MS = 30_000
# Any constant works; it only has to be the same in every server process sharing the database.
MIGRATION_LOCK = 0x5CA5_5C01


class DatabaseUnavailable(KnownError):
    """The database cannot be reached or refuses to work; the request may be retried later."""


def normalise_url(url: str) -> str:
    """Accept a URL or a bare SQLite file path; plain postgresql:// means the psycopg 3 driver."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


# ASCII escapes keep NUL and lone surrogates from a device's payload storable in any database. One encoder
# for all: json.dumps with options builds a new one per call, which shows on the push path.
_encoder = json.JSONEncoder(separators=(",", ":"), ensure_ascii=True, default=str)
dumps = _encoder.encode
# Strict: NaN and Infinity refused (JSON has no text for them), for payload_json to tell them. CPython's C
# encoder is made once: JSONEncoder.encode makes it anew for every call, which costs more than a scan's payload.
_c_encoder = getattr(json.encoder, "c_make_encoder", None)  # CPython's _json; None elsewhere
_c_strict = (
    _c_encoder(None, str, json.encoder.encode_basestring_ascii, None, ":", ",", False, False, False)
    if _c_encoder is not None
    else None
)
_strict = json.JSONEncoder(separators=(",", ":"), allow_nan=False)


def _strict_text(value: Any) -> str:
    return _strict.encode(value) if _c_strict is None else "".join(_c_strict(value, 0))


def payload_json(value: Any) -> tuple[str, bool]:
    """A payload parsed from a device's JSON, as the text stored and published, and whether that text is exact.
    The parser takes NaN and Infinity, which JSON has no text for: a page carrying one is one every device's
    parser refuses, so they are written as null and the text is not exact (the event goes to review).

    orjson writes it (a fifth of the stdlib's time on the push path; NUL escaped, as storage needs); payloads
    it writes a null into, or cannot write (an integer past 64 bits), are checked by the strict encoder."""
    try:
        text = orjson.dumps(value).decode()
        if "null" not in text:  # orjson writes NaN and Infinity as null, without a word
            return text, True
    except orjson.JSONEncodeError:
        pass
    try:
        return _strict_text(value), True
    except ValueError:
        return dumps(_finite(value)), False


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _sqlite_time(value: datetime | None) -> str | None:
    """The text SQLAlchemy's SQLite DateTime stores (UTC, naive), so SQL comparisons line up."""
    if value is None:
        return None
    v = value if value.tzinfo is UTC else value.astimezone(UTC)
    return v.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def time_binder(conn: Connection) -> Callable[[datetime | None], Any]:
    """How a time is bound in a statement sent straight to the driver: as it is on PostgreSQL (an aware time
    is a timestamptz to psycopg); on SQLite as the text SQLAlchemy's DateTime stores, each distinct time
    converted once (a batch repeats its times: received_at, often wall times)."""
    if conn.dialect.name != "sqlite":
        return _as_is
    seen: dict[datetime, str | None] = {}

    def bind(value: datetime | None) -> str | None:
        if value is None:
            return None
        text = seen.get(value)
        if text is None:
            text = seen[value] = _sqlite_time(value)
        return text

    return bind


def _as_is(value: datetime | None) -> datetime | None:
    return value


def insert_params(conn: Connection, table: Table, columns: Sequence[str], params: list[tuple[Any, ...]]) -> None:
    """executemany straight to the driver, of rows already in the driver's terms (times bound by
    time_binder). On the push path SQLAlchemy's per-row type processing costs more than the inserts."""
    if not params:
        return
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    conn.exec_driver_sql(sql, params)


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """insert_params for rows given as dicts (every row with the same keys), times converted here."""
    if not rows:
        return
    columns = list(rows[0])
    getter = itemgetter(*columns)
    times = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, UtcDateTime)]
    if len(columns) == 1:
        params: list[Any] = [(getter(r),) for r in rows]
    elif not times or conn.dialect.name != "sqlite":
        params = [getter(r) for r in rows]
    else:
        bind = time_binder(conn)
        params = []
        for r in rows:
            row = list(getter(r))
            for i in times:
                row[i] = bind(row[i])
            params.append(tuple(row))
    insert_params(conn, table, columns, params)


def present(conn: Connection, table: Table, column: str, values: list[str]) -> set[str]:
    """Which of `values` are in `table.column`, asked straight through the driver: on the push path
    SQLAlchemy would build and compile an IN of 500 bound parameters for every batch. PostgreSQL gets the
    values as one array (`= ANY`): the same statement every time, where an IN list of 500 placeholders cost
    PostgreSQL milliseconds to parse and plan per batch."""
    if not values:
        return set()
    quote = conn.dialect.identifier_preparer.quote
    head = f"SELECT {quote(column)} FROM {quote(table.name)} WHERE {quote(column)}"
    if conn.dialect.name == "postgresql":
        return {row[0] for row in conn.exec_driver_sql(f"{head} = ANY(%s)", (values,))}
    found: set[str] = set()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    for chunk in chunks(values):
        sql = f"{head} IN ({', '.join([mark] * len(chunk))})"
        found.update(row[0] for row in conn.exec_driver_sql(sql, tuple(chunk)))
    return found


CHUNK = 500


def chunks(items: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    """`items` in pieces small enough for an IN list on every database."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


# Numbers for the change log, taken by every write that publishes: built once (building costs more than running).
_TAKE_CHANGES = (
    update(t.counters)
    .where(t.counters.c.name == "changes")
    .values(value=t.counters.c.value + bindparam("n"))
    .returning(t.counters.c.value)
)


@dataclass
class Tx:
    """One write transaction and the change-log entries it will publish on commit."""

    conn: Connection
    pending: list[dict[str, Any]] = field(default_factory=list)
    as_of: int = 0
    """After the block: the change-log position this transaction's state is complete at (its last change, or
    with `want_position` and no change of its own, the last one committed before it). A device that takes
    state read here skips anything it pulls at or below it."""
    want_position: bool = False

    def publish(self, entity: str, key: str, data: Any, device_id: str | None = None) -> None:
        self.pending.append(
            {
                "entity": entity,
                "key": key,
                "device_id": device_id,
                "data": data if isinstance(data, str) else dumps(data),
            }
        )

    def flush_changes(self) -> None:
        if not self.pending:
            if self.want_position:
                self.as_of = int(
                    self.conn.execute(select(t.counters.c.value).where(t.counters.c.name == "changes")).scalar_one()
                )
            return
        n = len(self.pending)
        last = self.conn.execute(_TAKE_CHANGES, {"n": n}).scalar_one()
        first = last - n + 1
        for i, row in enumerate(self.pending):
            row["seq"] = first + i
        insert_rows(self.conn, t.changes, self.pending)
        self.pending = []
        self.as_of = int(last)


def plan_with_values(conn: Connection) -> None:
    """For the rest of this transaction, PostgreSQL plans each statement with its values. psycopg prepares a
    statement from its fifth run, and PostgreSQL may then keep one generic plan made with the statistics of that
    moment: a catalog imported in batches into a new database had its lookups planned on empty tables (a scan)
    and kept as they grew, each batch slower than the last (100,000 products: 174 s, 11 s with this). Not for
    every statement: planning each row of a push's inserts cost it a fifth of its speed."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")


class Database:
    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, url: str, migrate: bool = True) -> Database:
        url = normalise_url(url)
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(
                url,
                connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_MS / 1000},
                pool_size=10,
                max_overflow=30,
            )
            _sqlite_pragmas(engine)
        elif parsed.get_backend_name() == "postgresql":
            engine = create_engine(url, pool_size=10, max_overflow=30, pool_pre_ping=True)
        else:
            raise KnownError(
                f"Unsupported database URL {parsed.render_as_string()}: use sqlite:/// or postgresql+psycopg://"
            )
        db = cls(url, engine)
        if migrate:
            db.migrate()
        return db

    def close(self) -> None:
        self.engine.dispose()

    def migrate(self) -> None:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self.engine.begin() as conn:
                if self.dialect == "postgresql":
                    # Several server processes may start at once: one migrates, the others wait for it.
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if conn.execute(select(t.meta.c.value).where(t.meta.c.key == "server_id")).first() is None:
                    conn.execute(insert(t.meta).values(key="server_id", value=new_event_id()))
        except exc.OperationalError as err:
            raise DatabaseUnavailable(f"Cannot open the database {self.display_url}: {_first_line(err)}") from err

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def server_id(self) -> str:
        with self.read() as conn:
            return str(conn.execute(select(t.meta.c.value).where(t.meta.c.key == "server_id")).scalar_one())

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """Committed when the block ends normally (changes numbered last), rolled back otherwise."""
        try:
            with self.engine.connect().execution_options(scansync_write=True) as conn, conn.begin():
                tx = Tx(conn)
                yield tx
                tx.flush_changes()
        except exc.OperationalError as err:
            raise DatabaseUnavailable(f"The database is unavailable: {_first_line(err)}") from err

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except exc.OperationalError as err:
            raise DatabaseUnavailable(f"The database is unavailable: {_first_line(err)}") from err


def _first_line(err: BaseException) -> str:
    return str(getattr(err, "orig", err)).strip().splitlines()[0] if str(err).strip() else type(err).__name__


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # BEGIN is issued below
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        # FULL: an acknowledged push must survive power loss; the device forgets what was acknowledged.
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front, so two writers never deadlock upgrading a read lock.
        write = conn.get_execution_options().get("scansync_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
