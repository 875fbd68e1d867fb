"""Reading saved settings (JSON values by key) outside a unit of work.

Writes go through the unit of work (`uow.settings.put`); reads need no write lock, so a screen that loads
its settings while another program writes is not kept waiting.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import select

from scanapp.store import schema as t
from scanapp.store.database import Store

log = logging.getLogger(__name__)


class StoredSettings:
    """The settings table of one store, read on its own connection."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str, default: object = None) -> object:
        """The value saved under `key`, or `default` when there is none or it is not JSON (a hand-edited
        or half-written value must not stop the app; it is logged and ignored)."""
        with self.store.read() as conn:
            value = conn.execute(select(t.settings.c.value).where(t.settings.c.key == key)).scalar_one_or_none()
        if value is None:
            return default
        try:
            return json.loads(value)
        except (TypeError, ValueError):
            log.warning("setting %r is not valid JSON; using the default", key)
            return default
