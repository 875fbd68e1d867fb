"""The device side of sync: what the client reads from and writes to the local store — its own events to
push, the settings that hold its progress, and applying pulled changes.

Works inside one SqlUnitOfWork, so a pulled page and the cursor that follows it are committed together
(a pull interrupted anywhere resumes at the last whole page). The pushed-up-to watermark is one settings
value: the per-device sequence is gapless, so "pushed up to N" says it all.

Pulled state never overwrites newer state the device has. A session row remembers the change-log position of
the server state it last took (`server_seq`; push and lease answers say the position they are current at), and
a state at or below it is older: skipped. While the device has events of a session the server has not stored
yet, the session's state here is ahead of the server's and no pulled state replaces it; the next push answer
brings the state after those events. A user's PIN is replaced only by a newer version from the server.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from scanapp.domain.counts import Count
from scanapp.domain.errors import DomainError
from scanapp.domain.journal import Event, EventKind
from scanapp.domain.projection import PROJECTED
from scanapp.services import lab_projection, supervision_projection
from scanapp.services.projection import project
from scanapp.store import pins as pin_records
from scanapp.store import schema as t
from scanapp.store.database import Store
from scanapp.store.row_mapping import event_from_row, session_columns
from scanapp.store.uow import SqlUnitOfWork

log = logging.getLogger(__name__)

# Settings keys (the local settings table).
PUSHED = "sync.pushed_seq"
CURSOR = "sync.pull_cursor"
SERVER_ID = "sync.server_id"
SERVER_URL = "sync.server"
TOKEN = "sync.token"
"""The first release's single token (of USER): taken into TOKENS when first read."""
TOKEN_EXPIRES = "sync.token_expires_at"
USER = "sync.user"
"""The user who signed in to the server most recently on this device."""
LAST_PUSH = "sync.last_push_at"
LAST_PULL = "sync.last_pull_at"
REVIEW = "sync.in_review"
"""Events the server stored but did not apply (fenced or refused): {event id: reason}, for the UI."""
TOKENS = "sync.tokens"
"""One token per user who signed in to the server on this device: {user: {"token": …, "expires_at": iso}}."""


def own_events_after(uow: SqlUnitOfWork, seq: int, limit: int) -> list[Event]:
    rows = uow.connection.execute(
        select(t.events)
        .where(t.events.c.device_id == uow.device_id, t.events.c.seq > seq)
        .order_by(t.events.c.seq)
        .limit(limit)
    )
    return [event_from_row(r) for r in rows]


def last_own_seq(uow: SqlUnitOfWork) -> int:
    """The newest seq this device has written (the store numbers events max(seq) + 1 per device)."""
    row = uow.connection.execute(
        select(func.coalesce(func.max(t.events.c.seq), 0)).where(t.events.c.device_id == uow.device_id)
    ).scalar_one()
    return int(row)


@contextmanager
def relaxed_sync(store: Store) -> Iterator[None]:
    """A pulled page is committed with synchronous=NORMAL on this thread's connection, then FULL again.

    The trap NORMAL sets (WAL: the last commits can be lost at a power cut) does not reach pulled pages: each
    commits together with the cursor after it, so a lost page is lost with its cursor and pulled again. The
    device's own events stay FULL; a FULL commit after a NORMAL one makes both durable (the WAL is one log).
    A first pull of a large catalog is a thousand commits: the fsync of each was a quarter of its time."""
    _conn, db = store.writer()
    db.execute("PRAGMA synchronous=NORMAL")
    try:
        yield
    finally:
        db.execute("PRAGMA synchronous=FULL")


def pushed_seq(uow: SqlUnitOfWork) -> int:
    value = uow.settings.get(PUSHED, 0)
    return int(value) if isinstance(value, (int, str)) else 0


def _unpushed(uow: SqlUnitOfWork, pushed: int, column: str, value: str, kind: str | None = None) -> bool:
    """Whether this device has an event (of `kind`) with `column` = `value` the server has not stored yet.
    Reads only the unpushed tail of the device's sequence (the (device_id, seq) index)."""
    sql = f"SELECT 1 FROM events WHERE device_id = ? AND seq > ? AND {column} = ?"  # column: ours, not input
    params: list[Any] = [uow.device_id, pushed, value]
    if kind is not None:
        sql += " AND kind = ?"
        params.append(kind)
    return uow.catalog.cur.execute(sql + " LIMIT 1", params).fetchone() is not None


def apply_changes(uow: SqlUnitOfWork, changes: Iterable[Mapping[str, Any]], now: datetime) -> int:
    """Apply one page of pulled changes in order; returns how many were applied (older states skipped).
    `now`: when, by the client's clock (recorded with a PIN taken from the server)."""
    products: list[Mapping[str, Any]] = []
    counts: dict[str, Count] = {}  # session id -> its count, for projecting events of this page
    pushed = pushed_seq(uow)
    n = 0
    for change in changes:
        entity, data = change["entity"], change["data"]
        if entity == "product":
            products.append(data)  # consecutive products go in one executemany
            n += 1
            continue
        if products:
            _products(uow, products)
            products = []
        if entity == "event":
            _event(uow, data, counts)
        elif entity == "session":
            if not take_session(uow, data, int(change["seq"]), pushed):
                continue  # older than the device's state
        elif entity == "user":
            _user(uow, data, pushed, now)
        elif entity in _HANDLERS:
            _HANDLERS[entity](uow, data)
        else:
            log.warning("pulled a change of unknown kind %r; skipped", entity)
            continue
        n += 1
    if products:
        _products(uow, products)
    return n


def _products(uow: SqlUnitOfWork, products: list[Mapping[str, Any]]) -> None:
    cur = uow.catalog.cur
    gone = [(p["sku"],) for p in products if p.get("deleted")]
    live = [p for p in products if not p.get("deleted")] if gone else products
    if gone:
        cur.executemany("DELETE FROM product_codes WHERE sku = ?", gone)
        cur.executemany("DELETE FROM products WHERE sku = ?", gone)
    if not live:
        return
    rows = [(p["sku"], p["name"], p["parent_name"]) for p in live]
    codes = [(code, p["sku"]) for p in live for code in p["gtins"]]
    # Only a product that had codes here can have codes the server dropped; on a first pull none has, and
    # asking the sku index alone (it covers the question) is much cheaper than reading every code back.
    had_codes = _with_codes(cur, list({row[0] for row in rows}))
    cur.executemany(
        "INSERT INTO products (sku, name, parent_name) VALUES (?, ?, ?) ON CONFLICT (sku) DO UPDATE SET"
        " name = excluded.name, parent_name = excluded.parent_name",
        rows,
    )
    cur.executemany(
        "INSERT INTO product_codes (code, sku, source) VALUES (?, ?, 'catalog') ON CONFLICT (code) DO UPDATE"
        " SET sku = excluded.sku",
        codes,
    )
    if not had_codes:
        return
    # The server's list of codes is the product's whole list: codes it no longer has are dropped.
    wanted = set(codes)
    for chunk in _chunks(sorted(had_codes)):
        marks = ",".join("?" * len(chunk))
        found = cur.execute(f"SELECT code, sku FROM product_codes WHERE sku IN ({marks})", chunk).fetchall()
        dropped = [(code,) for code, sku in found if (code, sku) not in wanted]
        cur.executemany("DELETE FROM product_codes WHERE code = ?", dropped)


def _with_codes(cur: Any, skus: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(skus):
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in cur.execute(f"SELECT DISTINCT sku FROM product_codes WHERE sku IN ({marks})", chunk))
    return found


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _user(uow: SqlUnitOfWork, data: Mapping[str, Any], pushed: int, now: datetime) -> None:
    """The server's user: name and permissions, and their PIN when the server's is newer than the device's
    (a PIN the user chose here and has not pushed yet stays; the server has not seen it)."""
    user_id = data["id"]
    uow.users.upsert(user_id, data["display_name"], data["permissions"])
    version = data.get("pin_version")
    if not isinstance(version, int):
        return  # a server of the first release sends no PINs
    conn = uow.connection
    held = conn.execute(select(t.users.c.pin_version).where(t.users.c.id == user_id)).scalar_one()
    if version <= held or _pin_change_unpushed(uow, pushed, user_id):
        return
    pin_hash = data.get("pin_hash")
    current = pin_records.get(conn, user_id)
    if not pin_hash:
        pin_records.clear(conn, user_id)
    elif current is None or current.pin_hash != pin_hash:
        pin_records.put(conn, user_id, str(pin_hash), "server", now)
    conn.execute(update(t.users).where(t.users.c.id == user_id).values(pin_version=version))


def _pin_change_unpushed(uow: SqlUnitOfWork, pushed: int, user_id: str) -> bool:
    """Whether the user chose a PIN here, or a supervisor reset theirs here, and the server has not seen it."""
    if _unpushed(uow, pushed, "user_id", user_id, EventKind.PIN_SET.value):
        return True
    sql = "SELECT payload FROM events WHERE device_id = ? AND seq > ? AND kind = ?"
    resets = uow.catalog.cur.execute(sql, [uow.device_id, pushed, EventKind.PIN_CLEARED.value]).fetchall()
    return any(json.loads(payload).get("user_id") == user_id for (payload,) in resets)


def _upsert(uow: SqlUnitOfWork, table: Any, key: str, values: dict[str, Any]) -> None:
    conn = uow.connection
    exists = conn.execute(select(table.c[key]).where(table.c[key] == values[key])).first() is not None
    if exists:
        conn.execute(update(table).where(table.c[key] == values[key]).values(**values))
    else:
        conn.execute(insert(table).values(**values))


def _count(uow: SqlUnitOfWork, data: Mapping[str, Any]) -> None:
    expected = data.get("expected") or []
    listing = data.get("listing_config_id")
    known = select(t.listing_configs.c.id).where(t.listing_configs.c.id == str(listing))
    if listing is not None and uow.connection.execute(known).first() is None:
        listing = None  # made on another device and not known here: the count's frozen scope is what counts
    _upsert(
        uow,
        t.counts,
        "id",
        {
            "id": data["id"],
            "name": data["name"],
            "kind": data["kind"],
            "planned_start": data["planned_start"],
            "created_at": data["created_at"],
            "created_by": data["created_by"],
            "lab": data.get("lab"),
            "listing_config_id": listing,
            "expected_total": len(expected),
        },
    )
    conn = uow.connection
    conn.execute(delete(t.expected_items).where(t.expected_items.c.count_id == data["id"]))
    if expected:
        conn.execute(
            insert(t.expected_items),
            [{"count_id": data["id"], "item_key": e["item_key"], "expected_qty": e["expected_qty"]} for e in expected],
        )


def take_session(uow: SqlUnitOfWork, data: Mapping[str, Any], as_of: int, pushed: int | None = None) -> bool:
    """The server's state of a session at change-log position `as_of`, lease included (who holds it, until
    when, and the epoch this device stamps its events with) — unless the device's is newer: it took a later
    state already, or it has events of the session the server has not stored. Returns whether it was taken."""
    conn = uow.connection
    try:  # a recount's items never change: taken whatever the state's age
        uow.supervision.set_targets(str(data["id"]), supervision_projection.recount_items(data))
    except TypeError as err:
        log.warning("pulled session %s: %s; taken as an ordinary session", data.get("id"), err)
    held = conn.execute(select(t.sessions.c.server_seq).where(t.sessions.c.id == data["id"])).first()
    if held is not None and as_of <= held.server_seq:
        return False
    if held is not None and _unpushed(uow, pushed_seq(uow) if pushed is None else pushed, "session_id", data["id"]):
        return False
    values = {**session_columns(data), "server_seq": as_of}
    _upsert(uow, t.sessions, "id", values)
    has_totals = conn.execute(
        select(t.session_totals.c.session_id).where(t.session_totals.c.session_id == data["id"])
    ).first()
    if has_totals is None:
        conn.execute(insert(t.session_totals).values(session_id=data["id"]))
    return True


def _event(uow: SqlUnitOfWork, data: Mapping[str, Any], counts: dict[str, Count]) -> None:
    """Another device's event: kept in the local journal (so a rebuild sees it) and, for scan lines,
    projected into the session's totals. Session state itself arrives as session changes."""
    try:
        event = Event.from_wire(data)
    except ValueError as err:  # e.g. a kind from a newer app version: skipped, the pull goes on
        log.warning("pulled event %s cannot be read by this version (%s); skipped", data.get("id"), err)
        return
    received = uow.journal.receive(event)
    if received and event.kind in lab_projection.KINDS:  # a lab event of another station: scope, notes, history
        try:
            lab_projection.apply(uow, event)
        except (DomainError, KeyError, TypeError, ValueError) as err:
            log.warning("pulled lab event %s not applied: %s", event.id, err)
        return
    if received and event.kind in supervision_projection.KINDS:  # a decision, a threshold, a recount's items
        try:
            supervision_projection.apply(uow, event)
        except (DomainError, KeyError, TypeError, ValueError) as err:
            log.warning("pulled supervision event %s not applied: %s", event.id, err)
        return
    if not received or event.session_id is None or event.kind not in PROJECTED:
        return  # already here, or nothing to project
    try:
        count = counts.get(event.session_id)
        if count is None:
            count = counts[event.session_id] = uow.counts.get(uow.sessions.get(event.session_id).count_id)
        project(uow, event, count)
    except DomainError as err:
        log.warning("pulled event %s not projected: %s", event.id, err)


def _inventory_item(uow: SqlUnitOfWork, data: Mapping[str, Any]) -> None:
    _upsert(
        uow,
        t.inventory_items,
        "barcode",
        {k: data[k] for k in ("barcode", "ingredient", "lab", "location", "quantity", "unit", "status")},
    )


def _listing_config(uow: SqlUnitOfWork, data: Mapping[str, Any]) -> None:
    _upsert(
        uow,
        t.listing_configs,
        "id",
        {
            "id": data["id"],
            "name": data["name"],
            "columns": json.dumps(data["columns"]),
            "filters": json.dumps(data["filters"]),
            "created_by": data["created_by"],
        },
    )


_HANDLERS = {
    "count": _count,
    "inventory_item": _inventory_item,
    "listing_config": _listing_config,
}


def forget_server_versions(uow: SqlUnitOfWork) -> None:
    """A different server database numbers its changes and PIN versions afresh: take its state as it comes."""
    uow.connection.execute(update(t.sessions).values(server_seq=0))
    uow.connection.execute(update(t.users).values(pin_version=0))


def set_lease(uow: SqlUnitOfWork, session_id: str, lease: Mapping[str, Any]) -> None:
    """Take a lease the server just granted, renewed or ended, so local events carry its epoch: with the
    session it sent, the whole state (when newer than the device's, as take_session decides); else, or when
    the device's state is ahead, the lease fields alone — the lease is the server's to decide."""
    session, as_of = lease.get("session"), lease.get("as_of")
    if isinstance(session, Mapping) and isinstance(as_of, int):
        if take_session(uow, session, as_of):
            return
        held = uow.connection.execute(select(t.sessions.c.server_seq).where(t.sessions.c.id == session_id)).first()
        if held is not None and as_of <= held.server_seq:
            return  # the device took a later state already
    uow.connection.execute(
        update(t.sessions)
        .where(t.sessions.c.id == session_id)
        .values(
            lock_user=lease["user_id"],
            lock_device=lease["device_id"],
            lock_epoch=lease["epoch"],
            lock_expires_at=lease["expires_at"],
        )
    )


# -- the app's sync state and short write transactions (the background worker) -------------------------------

LAST_SUCCESS = "sync.last_success_at"
"""When a round last ended with everything pushed and pulled (ISO time), kept across restarts."""
LAST_ATTEMPT = "sync.last_attempt_at"
"""When a round was last tried, whatever came of it."""
LAST_ERROR = "sync.last_error"
"""The last round's failure, {"kind": "offline" | "error", "message": plain words}; None after a success."""

# Consecutive products are applied together (one executemany): a group this big takes a few ms.
PRODUCT_GROUP = 250


@dataclass(frozen=True)
class WriteBudget:
    """How long one write transaction applying pulled changes may hold the device's lock. A scan commits on
    the screen's thread and waits for that lock: a page of 1,000 events applied in one transaction held it
    for 150-200 ms here (several seconds on a busy handheld), long enough to fail a scan. With a budget the
    page is applied in several transactions, each ending once it has run for `seconds`."""

    seconds: float


def apply_page(
    uow_factory: Callable[[], SqlUnitOfWork],
    changes: Sequence[Mapping[str, Any]],
    finish: Callable[[SqlUnitOfWork], None],
    budget: WriteBudget | None,
    mono_ns: Callable[[], int],
    now: datetime,
) -> int:
    """Apply one pulled page, then `finish` (the cursor after it) in the same transaction as its last part.

    budget None: the whole page in one transaction. Else a transaction ends after the change (or run of
    products) that takes it past `budget.seconds`. A pull cut between two transactions asks for the page again
    and applies it again, which changes nothing twice: products, counts, sessions and users are upserts, and
    an event already in the journal is not projected again."""
    groups = list(_groups(changes)) if budget is not None else [changes]
    limit_ns = int(budget.seconds * 1e9) if budget is not None else None
    n, i = 0, 0
    while True:
        with uow_factory() as uow:
            began = mono_ns()
            while i < len(groups):
                n += apply_changes(uow, groups[i], now)
                i += 1
                if limit_ns is not None and mono_ns() - began >= limit_ns:
                    break
            if i == len(groups):
                finish(uow)
            uow.commit()
        if i == len(groups):
            return n


def _groups(changes: Sequence[Mapping[str, Any]]) -> Iterator[Sequence[Mapping[str, Any]]]:
    """Runs of up to PRODUCT_GROUP consecutive products, and every other change on its own."""
    run: list[Mapping[str, Any]] = []
    for change in changes:
        if change.get("entity") == "product":
            run.append(change)
            if len(run) == PRODUCT_GROUP:
                yield run
                run = []
            continue
        if run:
            yield run
            run = []
        yield [change]
    if run:
        yield run
