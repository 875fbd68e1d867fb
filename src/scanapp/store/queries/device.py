"""What this device keeps for itself: its local users and its settings."""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

from scanapp.domain.permissions import parse_permissions
from scanapp.domain.rows import UserRow


def users(conn: Connection) -> list[UserRow]:
    """The local users (until the sync server provides them), by display name."""
    rows = conn.execute(text("SELECT id, display_name, permissions FROM users ORDER BY display_name, id")).fetchall()
    return [UserRow(r.id, r.display_name, parse_permissions(r.permissions)) for r in rows]


def setting(conn: Connection, key: str, default: object = None) -> object:
    """One value of this device's settings (stored as JSON)."""
    value = conn.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": key}).scalar()
    return json.loads(value) if value is not None else default
