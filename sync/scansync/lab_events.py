"""Lab reconciliation events pushed by bench stations (second seed): a listing config made on a station, a
reconciliation started there (its count with the scope frozen on the station, so every station and the server
expect the same items), and the resolutions of items nobody found. Decided in memory, written in bulk, with the
same rules as the device (scanapp.domain)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from scanapp.domain.counts import Count, CountKind
from scanapp.domain.errors import InvalidTransition
from scanapp.domain.journal import EventKind
from scanapp.domain.lab import Resolution, resolution_of
from scanapp.domain.permissions import LAB, Actor, require
from scanapp.sync.wire import WireEvent
from scansync import tables as t
from scansync.db import Tx, dumps, insert_rows
from scansync.views import clean, count_values, count_view

MAX_SCOPE = 200_000


class LabChanges:
    """Listing configs and reconciliation counts a batch makes."""

    def __init__(self, conn: Connection, now: datetime) -> None:
        self.conn = conn
        self.now = now
        self.configs: dict[str, dict[str, Any]] = {}
        self.counts: list[tuple[Count, list[dict[str, Any]]]] = []

    def listing_config(self, p: dict[str, Any], actor: Actor) -> None:
        require(actor, LAB, "create a listing config")
        config_id = clean(str(p["id"]))[:64]
        if (
            config_id in self.configs
            or self.conn.execute(select(t.listing_configs.c.id).where(t.listing_configs.c.id == config_id)).first()
        ):
            return  # already known: a config is created once, by whoever made it first
        name = clean(str(p["name"])).strip()[:256]
        if not name:
            raise InvalidTransition("A listing config needs a name.")
        self.configs[config_id] = {
            "id": config_id,
            "name": name,
            "columns": dumps([clean(str(c))[:32] for c in p["columns"]]),
            "filters": dumps(
                {clean(str(k)): [clean(str(v))[:512] for v in vs] for k, vs in dict(p["filters"]).items()}
            ),
            "created_by": actor.user_id,
        }

    def reconciliation(self, ev: WireEvent, actor: Actor, known: dict[str, Count | None]) -> Count:
        """The count of a reconciliation started on a station, with its frozen scope; the caller records it so
        the session events that follow in the batch find it."""
        require(actor, LAB, "start a reconciliation session")
        p = ev.payload
        count_id = clean(str(p["count_id"]))[:64]
        if (
            known.get(count_id) is not None
            or self.conn.execute(select(t.counts.c.id).where(t.counts.c.id == count_id)).first()
        ):
            raise InvalidTransition(f"Count {count_id} exists already.")
        name, lab = clean(str(p["name"])).strip()[:256], clean(str(p["lab"])).strip()[:128]
        if not name or not lab:
            raise InvalidTransition("A reconciliation needs a name and a lab.")
        scope = [(clean(str(b))[:128], clean(str(loc))[:512]) for b, loc in p["scope"]]
        if len(scope) > MAX_SCOPE or len({b for b, _ in scope}) != len(scope):
            raise InvalidTransition("The scope names an item twice or has more items than a session can take.")
        if p.get("listing_config"):
            self.listing_config(dict(p["listing_config"]), actor)
        when = min(ev.wall_time, self.now)
        count = Count(count_id, name, CountKind.SCOPED, when, when, actor.user_id, lab, p.get("listing_config_id"))
        self.counts.append((count, [{"count_id": count_id, "item_key": b, "expected_qty": 1.0} for b, _ in scope]))
        return count

    def write(self, tx: Tx) -> None:
        """Before the batch's sessions: a device pulling the session must have its count already."""
        conn = tx.conn
        for config in self.configs.values():
            conn.execute(insert(t.listing_configs).values(**config))
            view = {**config, "columns": _json(config["columns"]), "filters": _json(config["filters"])}
            tx.publish("listing_config", config["id"], view)
        for count, expected in self.counts:
            conn.execute(insert(t.counts).values(**count_values(count)))
            insert_rows(conn, t.expected_items, expected)
            rows = [{"item_key": e["item_key"], "expected_qty": e["expected_qty"]} for e in expected]
            tx.publish("count", count.id, count_view(count, sorted(rows, key=lambda r: r["item_key"]), []))


def unresolved(conn: Connection, count_id: str, session_id: str, found: set[str], resolved: set[str]) -> list[str]:
    """Items of the frozen scope that the session neither found nor resolved (L9), as the device checks before
    it ends a session: `found` and `resolved` include what the batch adds to the stored ones."""
    scope = conn.execute(select(t.expected_items.c.item_key).where(t.expected_items.c.count_id == count_id))
    stored = conn.execute(
        select(t.events.c.payload).where(
            t.events.c.session_id == session_id,
            t.events.c.kind == EventKind.ITEMS_RESOLVED.value,
            t.events.c.status == "applied",
        )
    )
    for (payload,) in stored:
        resolved |= {str(b) for b in json.loads(payload).get("barcodes", [])}
    return sorted(k for k in scope.scalars() if k not in found and k not in resolved)


def check_resolution(p: dict[str, Any]) -> tuple[Resolution, list[str], str | None]:
    """A resolution event's verdict on its own terms (the items are checked by the inventory changes)."""
    resolution = resolution_of(str(p["resolution"]))
    barcodes = [clean(str(b))[:128] for b in p["barcodes"]]
    if not barcodes:
        raise InvalidTransition("A resolution names at least one item.")
    to = clean(str(p.get("to") or "")).strip()[:512] or None
    if resolution is Resolution.MOVED and to is None:
        raise InvalidTransition("Moved elsewhere: the event does not say where.")
    return resolution, barcodes, to


def _json(text: str) -> Any:
    return json.loads(text)
