"""Tables of the local store. Alembic migrations in `migrations/` create and evolve them."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()

device = Table(
    "device",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String, nullable=False),
    Column("created_at", String, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", String, primary_key=True),
    Column("display_name", String, nullable=False),
    Column("permissions", String, nullable=False, default=""),
    # The server's version of this user's PIN held in user_pins (0: none from the server, or chosen here):
    # only a newer one from the server replaces it.
    Column("pin_version", Integer, nullable=False, server_default=text("0")),
)

# A user's sign-in PIN or password (A1), kept apart from `users` (which sync rewrites from the server): an
# argon2 hash only, never the PIN, and the run of wrong tries with the time before which none is checked.
user_pins = Table(
    "user_pins",
    metadata,
    Column("user_id", String, ForeignKey("users.id"), primary_key=True),
    Column("pin_hash", Text, nullable=False),
    Column("set_at", String, nullable=False),
    Column("set_by", String, nullable=False),
    Column("failures", Integer, nullable=False, default=0),
    Column("retry_after", String),
)

products = Table(
    "products",
    metadata,
    Column("sku", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("parent_name", String, nullable=False, default=""),
    Index("ix_products_parent_name", "parent_name"),
    Index("ix_products_name", "name"),
)

# Every code that identifies a product: catalog GTIN-14s and reviewed aliases.
product_codes = Table(
    "product_codes",
    metadata,
    Column("code", String, primary_key=True),
    Column("sku", String, ForeignKey("products.sku"), nullable=False),
    Column("source", String, nullable=False, default="catalog"),
    Index("ix_product_codes_sku", "sku"),
)

inventory_items = Table(
    "inventory_items",
    metadata,
    Column("barcode", String, primary_key=True),
    Column("ingredient", String, nullable=False),
    Column("lab", String, nullable=False),
    Column("location", String, nullable=False, default=""),
    Column("quantity", Float, nullable=False, default=0),
    Column("unit", String, nullable=False, default=""),
    Column("status", String, nullable=False, default="available"),
    Index("ix_inventory_lab", "lab", "location"),
)

# Inventory history (L4): each action, linked to the session it was done in.
inventory_history = Table(
    "inventory_history",
    metadata,
    Column("event_id", String(36), primary_key=True),
    Column("item_barcode", String, primary_key=True),  # a split is one event in two items' histories
    Column("action", String, nullable=False),
    Column("detail", Text, nullable=False),
    Column("session_id", String(36)),
    Column("user_id", String, nullable=False),
    Column("at", String, nullable=False),
    Index("ix_inventory_history_item", "item_barcode"),
)

listing_configs = Table(
    "listing_configs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String, nullable=False),
    Column("columns", Text, nullable=False, default="[]"),
    Column("filters", Text, nullable=False, default="{}"),
    Column("created_by", String, nullable=False, default=""),
)

areas = Table("areas", metadata, Column("name", String, primary_key=True))

counts = Table(
    "counts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("planned_start", String, nullable=False),
    Column("created_at", String, nullable=False),
    Column("created_by", String, nullable=False),
    Column("lab", String),
    Column("listing_config_id", String(36), ForeignKey("listing_configs.id")),
    Column("expected_total", Integer, nullable=False, default=0),
)

# The expected set: a directed list (product SKUs) or the frozen scope of a lab session (barcodes).
expected_items = Table(
    "expected_items",
    metadata,
    Column("count_id", String(36), ForeignKey("counts.id"), primary_key=True),
    Column("item_key", String, primary_key=True),
    Column("expected_qty", Float, nullable=False, default=0),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("count_id", String(36), ForeignKey("counts.id"), nullable=False),
    Column("name", String, nullable=False),
    Column("area", String, nullable=False, default=""),
    Column("state", String, nullable=False),
    Column("is_default", Boolean, nullable=False, default=False),
    Column("created_at", String, nullable=False),
    Column("created_by", String, nullable=False),
    Column("started_at", String),
    Column("started_by", String),
    Column("submitted_at", String),
    Column("ended_at", String),
    Column("lock_user", String),
    Column("lock_device", String(36)),
    Column("lock_epoch", Integer, nullable=False, default=0),
    Column("lock_expires_at", String),
    # The change-log position of the server state this row last took (0: never). A pulled state at or
    # below it is older than what the device has and is not applied (sync.local).
    Column("server_seq", Integer, nullable=False, server_default=text("0")),
    Index("ix_sessions_count", "count_id"),
)

# The journal, append-only. Ordered per device by a gapless sequence (the next one is read from the
# (device_id, seq) index inside the write lock, so no counter row is rewritten per scan). What sync has
# delivered is one watermark per device, not a flag per row. Indexes are kept to what the write path and
# sync need: every index is another page written and synced with each scan.
events = Table(
    "events",
    metadata,
    Column("local_id", Integer, primary_key=True),
    Column("id", String(36), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String, nullable=False),
    Column("session_id", String(36)),
    Column("user_id", String, nullable=False),
    Column("wall_time", String, nullable=False),
    Column("mono_ns", Integer, nullable=False),
    Column("lock_epoch", Integer),
    Column("payload", Text, nullable=False),
    UniqueConstraint("device_id", "seq", name="uq_events_device_seq"),
)

# Projection: one row per line of a session's scan list (scans, hand counts, rejected scans).
scan_lines = Table(
    "scan_lines",
    metadata,
    Column("session_id", String(36), primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("kind", String, nullable=False),
    Column("raw", Text, nullable=False),
    Column("code", String),
    Column("item_key", String),
    Column("units", Integer, nullable=False),
    Column("category", String),
    Column("source", String, nullable=False),
    Column("manual", Boolean, nullable=False),
    Column("at", String, nullable=False),
    Column("reason", Text),
    Column("removed", Boolean, nullable=False, default=False),
    # No index by category: only the Unmatched list filters on it, and unmatched scans are few; the
    # count of them is kept in session_totals. One index less is one page less to sync per scan.
    sqlite_with_rowid=False,
)

# Projection: units per item in a session (Counted / Undirected tabs, unique items).
session_items = Table(
    "session_items",
    metadata,
    Column("session_id", String(36), primary_key=True),
    Column("item_key", String, primary_key=True),
    Column("units", Integer, nullable=False),
    Column("category", String, nullable=False),
    sqlite_with_rowid=False,  # keyed by its primary key alone: one B-tree written per scan, not two
)

# Projection: a session's totals, kept in the same transaction as each event.
session_totals = Table(
    "session_totals",
    metadata,
    Column("session_id", String(36), primary_key=True),
    Column("lines", Integer, nullable=False, default=0),
    Column("units", Integer, nullable=False, default=0),
    Column("unique_items", Integer, nullable=False, default=0),
    Column("expected_scanned", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
    Column("units_counted", Integer, nullable=False, default=0),
    Column("units_unmatched", Integer, nullable=False, default=0),
    Column("units_undirected", Integer, nullable=False, default=0),
    sqlite_with_rowid=False,
)

# Bumped by triggers (see the migration) on every write to sessions or counts, by any connection: a
# cached session or count is current while its counter has not moved.
change_counters = Table(
    "change_counters",
    metadata,
    Column("name", String, primary_key=True),
    Column("value", Integer, nullable=False),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)
