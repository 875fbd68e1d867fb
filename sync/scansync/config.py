"""Server settings: where the database is and the limits that shape sessions, leases and logins."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import platformdirs

from scanapp.domain.leases import DEFAULT_TTL

ENV_DB = "SCANAPP_SYNC_DB"
ENV_PASSWORD = "SCANAPP_SYNC_PASSWORD"
ENV_PIN = "SCANAPP_SYNC_PIN"


def default_db_url() -> str:
    """$SCANAPP_SYNC_DB, else an SQLite file in the platform's user data dir."""
    if os.environ.get(ENV_DB):
        return os.environ[ENV_DB]
    path = Path(platformdirs.user_data_dir("ScanApp", appauthor=False)) / "sync" / "scansync.db"
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class Settings:
    token_ttl: timedelta = timedelta(hours=12)
    lease_ttl: timedelta = DEFAULT_TTL
    login_window: timedelta = timedelta(minutes=5)
    max_failures_per_user: int = 5
    max_failures_per_client: int = 30
    # Request bodies (checked before parsing, api.bodies): a push of 1,000 events (a count made on a device
    # carries its directed list of up to 100,000 items), the bulk routes (5,000 products or inventory items, a
    # count with its list), and every other route.
    max_push_bytes: int = 16 * 1024 * 1024
    max_bulk_bytes: int = 8 * 1024 * 1024
    max_body_bytes: int = 64 * 1024
    # A device with no successful sync for longer than this is flagged stale in the devices view (S5).
    stale_after: timedelta = timedelta(minutes=30)
