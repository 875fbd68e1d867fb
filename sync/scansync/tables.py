"""The server's tables (SQLAlchemy Core). Alembic revisions in migrations/ create them on SQLite and
PostgreSQL alike; times are stored as UTC and always read back timezone-aware."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect


class UtcDateTime(TypeDecorator[datetime]):
    """timestamptz on PostgreSQL; on SQLite a naive UTC string. Either way Python sees aware UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        result: datetime = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return result


# Auto-increment keys: BIGINT on PostgreSQL, but SQLite only auto-numbers an INTEGER PRIMARY KEY.
AutoId = BigInteger().with_variant(Integer(), "sqlite")

metadata = MetaData()

# One row per database: its identity (devices reset their cursors when it changes) and the counters.
meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Counter rows. `changes` numbers the change log: it is updated in the same transaction that writes
# the changes, so on PostgreSQL its row lock orders the writers and a cursor never skips a late commit.
counters = Table(
    "counters",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("display_name", String(512), nullable=False),
    Column("password_hash", String(256), nullable=False),
    Column("roles", String(512), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    # The device sign-in PIN (argon2 hash; NULL: none). Devices receive it in the pull to sign the user in
    # offline; pin_version moves with every change, so a device replaces its PIN only by a newer one.
    Column("pin_hash", String(256)),
    Column("pin_version", Integer, nullable=False, server_default=text("0")),
    # The device a supervisor last reset the PIN on, while the user has chosen none since: the PIN they choose
    # there is taken under any sign-in of that device (pin_events), as the device took it.
    Column("pin_reset_device", String(64)),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(512), nullable=False),
    Column("enrolled_at", UtcDateTime, nullable=False),
    Column("enrolled_by", String(128), nullable=False),
    Column("revoked_at", UtcDateTime),
    # Every event of the device up to high_water is stored (the per-device sequence is gapless).
    Column("high_water", BigInteger, nullable=False, default=0),
    Column("reported_seq", BigInteger, nullable=False, default=0),
    Column("last_push_at", UtcDateTime),
    Column("last_pull_at", UtcDateTime),
    Column("last_user", String(128)),
    # What the device reported at its last sync attempt (push or pull), successful or not: when, its wall
    # clock minus the server's at that request (seconds), and who was signed in.
    Column("last_attempt_at", UtcDateTime),
    Column("clock_offset_s", Float),
    Column("signed_in_user", String(128)),
)

tokens = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", String(128), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("issued_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Index("ix_tokens_user", "user_id"),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("username", String(128), nullable=False),
    Column("client", String(64), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("ok", Boolean, nullable=False),
    Index("ix_login_attempts_user", "username", "at"),
    Index("ix_login_attempts_client", "client", "at"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime, nullable=False),
    Column("user_id", String(128), nullable=False),
    Column("device_id", String(64)),
    Column("action", String(64), nullable=False),
    Column("target", String(256), nullable=False),
    Column("detail", Text, nullable=False),
)

products = Table(
    "products",
    metadata,
    Column("sku", String(64), primary_key=True),
    Column("name", String(512), nullable=False),
    Column("parent_name", String(512), nullable=False),
)

product_codes = Table(
    "product_codes",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("sku", String(64), nullable=False),
    Column("source", String(16), nullable=False),
    Index("ix_product_codes_sku", "sku"),
)

inventory_items = Table(
    "inventory_items",
    metadata,
    Column("barcode", String(128), primary_key=True),
    Column("ingredient", String(512), nullable=False),
    Column("lab", String(128), nullable=False),
    Column("location", String(512), nullable=False),
    Column("quantity", Float, nullable=False),
    Column("unit", String(32), nullable=False),
    Column("status", String(32), nullable=False),
    Index("ix_inventory_lab", "lab", "location"),
)

inventory_history = Table(
    "inventory_history",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("item_barcode", String(128), nullable=False),
    Column("action", String(64), nullable=False),
    Column("detail", Text, nullable=False),
    Column("session_id", String(64)),
    Column("user_id", String(128), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Index("ix_inventory_history_item", "item_barcode"),
)

listing_configs = Table(
    "listing_configs",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(256), nullable=False),
    Column("columns", Text, nullable=False),
    Column("filters", Text, nullable=False),
    Column("created_by", String(128), nullable=False),
)

counts = Table(
    "counts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(256), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("planned_start", UtcDateTime, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("created_by", String(128), nullable=False),
    Column("lab", String(128)),
    Column("listing_config_id", String(64)),
)

expected_items = Table(
    "expected_items",
    metadata,
    Column("count_id", String(64), primary_key=True),
    Column("item_key", String(128), primary_key=True),
    Column("expected_qty", Float, nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("count_id", String(64), nullable=False),
    Column("name", String(256), nullable=False),
    Column("area", String(512), nullable=False),
    Column("state", String(32), nullable=False),
    Column("is_default", Boolean, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("created_by", String(128), nullable=False),
    Column("started_at", UtcDateTime),
    Column("started_by", String(128)),
    Column("submitted_at", UtcDateTime),
    Column("ended_at", UtcDateTime),
    # The lease, judged by the server clock; lease_epoch is the fencing token.
    Column("lease_epoch", Integer, nullable=False, default=0),
    Column("lease_user", String(128)),
    Column("lease_device", String(64)),
    Column("lease_expires_at", UtcDateTime),
    Index("ix_sessions_count", "count_id"),
)

# Every epoch a session's lease went through: who held it and how it ended. Fencing is decided on this
# history, so events a device wrote under its own earlier lease are not mistaken for stale ones.
lease_history = Table(
    "lease_history",
    metadata,
    Column("session_id", String(64), primary_key=True),
    Column("epoch", Integer, primary_key=True),
    Column("user_id", String(128)),
    Column("device_id", String(64)),
    Column("granted_at", UtcDateTime, nullable=False),
    Column("ended_at", UtcDateTime),
    Column("end_reason", String(32)),
)

# The journal as pushed: every event ever received, with what became of it.
events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("kind", String(64), nullable=False),
    Column("session_id", String(64)),
    Column("user_id", String(128), nullable=False),
    Column("wall_time", UtcDateTime, nullable=False),
    Column("mono_ns", BigInteger, nullable=False),
    Column("lock_epoch", Integer),
    Column("payload", Text, nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", Text),
    UniqueConstraint("device_id", "seq", name="uq_events_device_seq"),
)

# Projection of applied line events (scans, hand counts, rejected scans): what reports add up.
lines = Table(
    "lines",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("session_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("raw", Text, nullable=False),
    Column("code", String(128)),
    Column("item_key", String(128)),
    Column("units", Integer, nullable=False),
    Column("removed", Boolean, nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Index("ix_lines_session", "session_id"),
)

# Events that were stored but not applied (fenced by a newer lease epoch, or refused by a rule), until a
# supervisor merges, moves or discards them.
review_items = Table(
    "review_items",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("session_id", String(64)),
    Column("count_id", String(64)),
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("resolved_at", UtcDateTime),
    Column("resolved_by", String(128)),
    Column("target_session_id", String(64)),
    Index("ix_review_status", "status", "created_at"),
)

# The change log devices pull, in the gap-free order of `counters.changes`. Events of a device carry its
# id, so a device is not sent its own events back.
changes = Table(
    "changes",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("entity", String(32), nullable=False),
    Column("key", String(128), nullable=False),
    Column("device_id", String(64)),
    Column("data", Text, nullable=False),
)

# Supervisors' decisions on items' variances (variance_decided events, or made on the server): every one is kept,
# the latest per (count, item) by decided_at then id is the one that holds (while the item's count is unchanged).
variance_decisions = Table(
    "variance_decisions",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("count_id", String(64), nullable=False),
    Column("item_key", String(128), nullable=False),
    Column("decision", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("counted", Integer),
    Column("expected", Float),
    Column("decided_by", String(128), nullable=False),
    Column("decided_at", UtcDateTime, nullable=False),
    Column("event_id", String(64), nullable=False),
    Index("ix_variance_decisions_count", "count_id", "item_key"),
)

# A count's own variance threshold (variance_threshold_set); without one, domain.variance.DEFAULT_THRESHOLD.
count_thresholds = Table(
    "count_thresholds",
    metadata,
    Column("count_id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("value", Float, nullable=False),
    Column("set_by", String(128), nullable=False),
    Column("set_at", UtcDateTime, nullable=False),
)

# The items a directed recount session targets (session_created with "recount_items").
session_targets = Table(
    "session_targets",
    metadata,
    Column("session_id", String(64), primary_key=True),
    Column("item_key", String(128), primary_key=True),
)
