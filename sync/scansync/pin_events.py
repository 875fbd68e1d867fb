"""pin_set events: a user chose their device PIN on a device. The payload is its argon2 hash (never the PIN).
Applied only when pushed under that user's own sign-in (push checks it for every event), then sent to every
device with the user's record."""

from __future__ import annotations

from scanapp.domain.errors import InvalidTransition
from scanapp.sync.wire import WireEvent
from scansync.accounts import publish_user, store_pin
from scansync.db import Tx


class PinChanges:
    def __init__(self) -> None:
        self.pins: dict[str, str] = {}

    def decide(self, ev: WireEvent) -> None:
        pin_hash = ev.payload["pin_hash"]
        if not isinstance(pin_hash, str) or not pin_hash.startswith("$argon2") or len(pin_hash) > 256:
            raise InvalidTransition("The PIN record is not an argon2 hash.")
        self.pins[ev.user_id] = pin_hash  # the latest of a batch wins, as it did on the device

    def write(self, tx: Tx) -> None:
        for user_id, pin_hash in self.pins.items():
            store_pin(tx.conn, user_id, pin_hash)
            publish_user(tx, user_id)
