"""The sync client's side of the local store: what is left to push, and applying pulled changes.

Works inside one SqlUnitOfWork, so a pulled page and the cursor that follows it are committed together
(a pull interrupted anywhere resumes at the last whole page). The pushed-up-to watermark is one settings
value: the per-device sequence is gapless, so "pushed up to N" says it all.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from scanapp.domain.counts import Count
from scanapp.domain.errors import DomainError
from scanapp.domain.journal import Event
from scanapp.domain.projection import PROJECTED
from scanapp.services import lab_projection
from scanapp.services.projection import project
from scanapp.store import schema as t
from scanapp.store.row_mapping import event_from_row, session_columns
from scanapp.store.uow import SqlUnitOfWork

log = logging.getLogger(__name__)

# Settings keys (the local settings table).
PUSHED = "sync.pushed_seq"
CURSOR = "sync.pull_cursor"
SERVER_ID = "sync.server_id"
SERVER_URL = "sync.server"
TOKEN = "sync.token"
TOKEN_EXPIRES = "sync.token_expires_at"
USER = "sync.user"
LAST_PUSH = "sync.last_push_at"
LAST_PULL = "sync.last_pull_at"
REVIEW = "sync.in_review"
"""Events the server stored but did not apply (fenced or refused): {event id: reason}, for the UI."""


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


def apply_changes(uow: SqlUnitOfWork, changes: Iterable[Mapping[str, Any]]) -> int:
    """Apply one page of pulled changes in order; returns how many were applied."""
    products: list[Mapping[str, Any]] = []
    counts: dict[str, Count] = {}  # session id -> its count, for projecting events of this page
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
            n += 1
            continue
        handler = _HANDLERS.get(entity)
        if handler is None:
            log.warning("pulled a change of unknown kind %r; skipped", entity)
            continue
        handler(uow, data)
        n += 1
    if products:
        _products(uow, products)
    return n


def _products(uow: SqlUnitOfWork, products: list[Mapping[str, Any]]) -> None:
    cur = uow.catalog.cur
    gone = [(p["sku"],) for p in products if p.get("deleted")]
    live = [p for p in products if not p.get("deleted")]
    if gone:
        cur.executemany("DELETE FROM product_codes WHERE sku = ?", gone)
        cur.executemany("DELETE FROM products WHERE sku = ?", gone)
    if live:
        cur.executemany(
            "INSERT INTO products (sku, name, parent_name) VALUES (?, ?, ?) ON CONFLICT (sku) DO UPDATE SET"
            " name = excluded.name, parent_name = excluded.parent_name",
            [(p["sku"], p["name"], p["parent_name"]) for p in live],
        )
        # The server's list of codes is the product's whole list: codes it no longer has are dropped.
        keep = [(p["sku"], code) for p in live for code in p["gtins"]]
        known = {p["sku"] for p in live}
        cur.executemany(
            "INSERT INTO product_codes (code, sku, source) VALUES (?, ?, 'catalog') ON CONFLICT (code) DO UPDATE"
            " SET sku = excluded.sku",
            [(code, sku) for sku, code in keep],
        )
        wanted = set(keep)
        skus = sorted(known)
        for start in range(0, len(skus), 500):
            chunk = skus[start : start + 500]
            if chunk:
                marks = ",".join("?" * len(chunk))
                rows = cur.execute(f"SELECT code, sku FROM product_codes WHERE sku IN ({marks})", chunk).fetchall()
                stale = [(code,) for code, sku in rows if (sku, code) not in wanted]
                cur.executemany("DELETE FROM product_codes WHERE code = ?", stale)


def _user(uow: SqlUnitOfWork, data: Mapping[str, Any]) -> None:
    uow.users.upsert(data["id"], data["display_name"], data["permissions"])


def _upsert(uow: SqlUnitOfWork, table: Any, key: str, values: dict[str, Any]) -> None:
    conn = uow.connection
    exists = conn.execute(select(table.c[key]).where(table.c[key] == values[key])).first() is not None
    if exists:
        conn.execute(update(table).where(table.c[key] == values[key]).values(**values))
    else:
        conn.execute(insert(table).values(**values))


def _count(uow: SqlUnitOfWork, data: Mapping[str, Any]) -> None:
    expected = data.get("expected") or []
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
            "listing_config_id": data.get("listing_config_id"),
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


def _session(uow: SqlUnitOfWork, data: Mapping[str, Any]) -> None:
    """The server's state of a session, lease included: who holds it, until when, and the epoch this
    device must stamp its events with."""
    conn = uow.connection
    values = session_columns(data)
    _upsert(uow, t.sessions, "id", values)
    has_totals = conn.execute(
        select(t.session_totals.c.session_id).where(t.session_totals.c.session_id == data["id"])
    ).first()
    if has_totals is None:
        conn.execute(insert(t.session_totals).values(session_id=data["id"]))


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
    "user": _user,
    "count": _count,
    "session": _session,
    "inventory_item": _inventory_item,
    "listing_config": _listing_config,
}


def set_lease(uow: SqlUnitOfWork, session_id: str, lease: Mapping[str, Any]) -> None:
    """Mirror a lease the server just granted, renewed or ended, so local events carry its epoch."""
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
                n += apply_changes(uow, groups[i])
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
