"""The scan journal: every change is an append-only event. Totals are folded from it; sync pushes it.

Events are identified by a UUIDv7 made on the device, ordered per device by a gapless sequence the
store assigns in the same transaction, and stamped with the lock epoch they were written under.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import uuid6


class EventKind(StrEnum):
    SESSION_CREATED = "session_created"
    SESSION_STARTED = "session_started"
    SESSION_EDITED = "session_edited"
    SESSION_SUBMITTED = "session_submitted"
    SESSION_REOPENED = "session_reopened"
    SESSION_DISCARDED = "session_discarded"
    SESSION_ENDED = "session_ended"
    LOCK_FORCE_RELEASED = "lock_force_released"
    SCAN_RECORDED = "scan_recorded"
    SCAN_REJECTED = "scan_rejected"
    LINE_REMOVED = "line_removed"
    LINE_MATCHED = "line_matched"
    HAND_COUNTED = "hand_counted"
    ALIAS_ADDED = "alias_added"
    INVENTORY_MOVED = "inventory_moved"
    INVENTORY_SPLIT = "inventory_split"
    INVENTORY_SET = "inventory_set"
    INVENTORY_ARCHIVED = "inventory_archived"
    # Lab reconciliation (second seed): a listing config, a session with its frozen scope, a note on an
    # unknown code, and the resolution of expected items nobody found.
    LISTING_CONFIG_CREATED = "listing_config_created"
    RECONCILIATION_CREATED = "reconciliation_created"
    CODE_NOTED = "code_noted"
    ITEMS_RESOLVED = "items_resolved"
    # A count made on the device (with its directed list or frozen scope); its sessions follow as
    # SESSION_CREATED events. The server applies it when the pushing user may create counts.
    COUNT_CREATED = "count_created"
    # A user chose their sign-in PIN on the device: the payload is its argon2 hash, never the PIN. The server
    # keeps it only when pushed under that same user's sign-in, and sends it to every device.
    PIN_SET = "pin_set"
    # A supervisor reset a user's PIN on the device (the payload names the user): the server clears it on every
    # device, and takes the user's next PIN from the device the reset was made on.
    PIN_CLEARED = "pin_cleared"
    # Supervisor station (S8): a decision on one item's variance (approved, rejected to recount, forced with a
    # reason) and a count's variance threshold. Only a supervisor may; the server checks it again (A2).
    VARIANCE_DECIDED = "variance_decided"
    VARIANCE_THRESHOLD_SET = "variance_threshold_set"


# Kinds that add a line to a session's scan list.
LINE_KINDS = frozenset({EventKind.SCAN_RECORDED, EventKind.SCAN_REJECTED, EventKind.HAND_COUNTED})


def new_event_id() -> str:
    return str(uuid6.uuid7())


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Event:
    id: str
    kind: EventKind
    device_id: str
    user_id: str
    session_id: str | None
    wall_time: datetime
    mono_ns: int
    payload: Mapping[str, Any] = field(default_factory=dict)
    lock_epoch: int | None = None
    seq: int = 0
    """Per-device gapless sequence; 0 until the store appends the event."""

    def payload_json(self) -> str:
        return json.dumps(self.payload, separators=(",", ":"), sort_keys=True, default=str)

    def to_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "device_id": self.device_id,
            "seq": self.seq,
            "user_id": self.user_id,
            "session_id": self.session_id,
            "wall_time": self.wall_time.isoformat(),
            "mono_ns": self.mono_ns,
            "lock_epoch": self.lock_epoch,
            "payload": dict(self.payload),
        }

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> Event:
        return cls(
            id=str(data["id"]),
            kind=EventKind(data["kind"]),
            device_id=str(data["device_id"]),
            seq=int(data["seq"]),
            user_id=str(data["user_id"]),
            session_id=data.get("session_id"),
            wall_time=datetime.fromisoformat(str(data["wall_time"])),
            mono_ns=int(data["mono_ns"]),
            lock_epoch=data.get("lock_epoch"),
            payload=dict(data.get("payload") or {}),
        )
