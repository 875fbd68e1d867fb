"""PIN events from devices. The payloads hold argon2 hashes and user ids, never a PIN.

pin_set: a user chose their device PIN on a device. Applied when pushed under that user's own sign-in (push
checks it for every event), or when a supervisor reset their PIN on that same device and they have chosen none
since: the device took that first PIN as the supervisor stood by, and the user may have no sign-in of their own
there yet. pin_cleared: a supervisor reset a user's PIN on a device; applied for SUPERVISE only (apply checks
it), it clears the PIN and notes the device. Either way the user's record goes to every device.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.sync.wire import WireEvent
from scansync import tables as t
from scansync.accounts import publish_user, store_pin
from scansync.db import Tx


class PinChanges:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.state: dict[str, tuple[str | None, str | None]] = {}  # user -> (PIN hash, reset device), as left
        self.changed: dict[str, None] = {}  # the users whose PIN this batch changes, in order

    def decide(self, ev: WireEvent) -> None:
        pin_hash = ev.payload["pin_hash"]
        if not isinstance(pin_hash, str) or not pin_hash.startswith("$argon2") or len(pin_hash) > 256:
            raise InvalidTransition("The PIN record is not an argon2 hash.")
        self._set(ev.user_id, pin_hash, None)  # the latest of a batch wins, as it did on the device

    def clear(self, ev: WireEvent) -> None:
        user_id = ev.payload["user_id"]
        if not isinstance(user_id, str):
            raise InvalidTransition("A PIN reset names the user by id.")
        self._set(user_id, None, ev.device_id)

    def reset_here(self, ev: WireEvent) -> bool:
        """Whether `ev` (a pin_set) is the first PIN its user chose after a supervisor reset theirs on the
        event's device."""
        pin_hash, device = self._state(ev.user_id)
        return pin_hash is None and device == ev.device_id

    def _set(self, user_id: str, pin_hash: str | None, reset_device: str | None) -> None:
        self._state(user_id)  # the user exists
        self.state[user_id] = (pin_hash, reset_device)
        self.changed[user_id] = None

    def _state(self, user_id: str) -> tuple[str | None, str | None]:
        if user_id not in self.state:
            query = select(t.users.c.pin_hash, t.users.c.pin_reset_device).where(t.users.c.id == user_id)
            row = self.conn.execute(query).first()
            if row is None:
                raise NotFound(f"No user {user_id}.")
            self.state[user_id] = (row.pin_hash, row.pin_reset_device)
        return self.state[user_id]

    def write(self, tx: Tx) -> None:
        for user_id in self.changed:
            pin_hash, reset_device = self.state[user_id]
            store_pin(tx.conn, user_id, pin_hash, reset_device)
            publish_user(tx, user_id)
