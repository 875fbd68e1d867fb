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
    # Keyed by sku alone, no index on names (no query reads by them): a first pull of a million products
    # writes one B-tree per product, not four (revision 0009).
    sqlite_with_rowid=False,
)

# Every code that identifies a product: catalog GTIN-14s and reviewed aliases.
product_codes = Table(
    "product_codes",
    metadata,
    Column("code", String, primary_key=True),
    Column("sku", String, ForeignKey("products.sku"), nullable=False),
    Column("source", String, nullable=False, default="catalog"),
    Index("ix_product_codes_sku", "sku"),
    sqlite_with_rowid=False,
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
    # Why the server sent this line's event to a supervisor's review (event_reviews); such a line counts in
    # no total. NULL: not in review.
    Column("review", Text),
    # The Unmatched tab's codes: a partial index holds the unmatched lines alone (about 1 in 100), so a scan that
    # matched a product writes no page of it, and the tab reads its few lines instead of the whole session.
    Index("ix_scan_lines_unmatched", "session_id", "code", sqlite_where=text("category = 'Unmatched'")),
    sqlite_with_rowid=False,
)

# Events of this device the server stored but did not apply (fenced by a lost lease, or refused): they wait
# for a supervisor's review. Written from the push's verdicts; the projections leave them out (B1: a
# rebuild from the journal reads this too).
event_reviews = Table(
    "event_reviews",
    metadata,
    Column("event_id", String(36), primary_key=True),
    Column("session_id", String(36)),
    Column("reason", Text, nullable=False),
    Column("marked_at", String, nullable=False),
    Index("ix_event_reviews_session", "session_id"),
)

# Projection: units per item in a session (Counted / Undirected tabs, unique items). `lines` is how many lines
# still count for the item: an item hand-counted as 0 has lines but no units, so it was counted, as 0 (C10).
session_items = Table(
    "session_items",
    metadata,
    Column("session_id", String(36), primary_key=True),
    Column("item_key", String, primary_key=True),
    Column("units", Integer, nullable=False),
    Column("category", String, nullable=False),
    Column("lines", Integer, nullable=False, server_default=text("0")),
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

# Scans the app refused (H6): a session submitted, discarded, not started or held elsewhere, the app locked, a
# dialog open, no session at all. Kept on this device only, never in the journal: the server would refuse or
# fence them as session events, and none of them counts. A refused scan is shown in its session's scan log
# after the line it followed (`after_ordinal`, the `position`-th refused there), never in a total.
refused_scans = Table(
    "refused_scans",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("session_id", String(36)),
    Column("after_ordinal", Integer, nullable=False),
    Column("position", Integer, nullable=False),
    Column("at", String, nullable=False),
    Column("user_id", String),
    Column("raw", Text, nullable=False),
    Column("code", String),
    Column("reading", Text, nullable=False),
    Column("source", String, nullable=False),
    Column("manual", Boolean, nullable=False),
    Column("reason", String, nullable=False),
    Column("detail", Text, nullable=False),
    Index("ix_refused_scans_session", "session_id", "after_ordinal", "position"),
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

# -- lab reconciliation (migration 0004) --------------------------------------------------------------------

# A reconciliation's frozen scope (B6) with where each item was recorded at the start: the expected set is
# expected_items, as for every count; this adds the place, for progress per location (L11).
lab_scope = Table(
    "lab_scope",
    metadata,
    Column("count_id", String(36), ForeignKey("counts.id"), primary_key=True),
    Column("barcode", String, primary_key=True),
    Column("location", String, nullable=False),
    sqlite_with_rowid=False,
)

# Projection: each inventory item found in a session, where it was found last (None: before any location
# was scanned) and the ordinal of that scan.
lab_found = Table(
    "lab_found",
    metadata,
    Column("session_id", String(36), primary_key=True),
    Column("item_key", String, primary_key=True),
    Column("location", String),
    Column("ordinal", Integer, nullable=False),
    sqlite_with_rowid=False,
)

# Projection: expected and found per location of the scope (L11), moved in the same transaction as a scan.
lab_progress = Table(
    "lab_progress",
    metadata,
    Column("session_id", String(36), primary_key=True),
    Column("location", String, primary_key=True),
    Column("expected", Integer, nullable=False, default=0),
    Column("found", Integer, nullable=False, default=0),
    sqlite_with_rowid=False,
)

# Projection: a note on an unknown code of a session (L12); the code's scans stay in scan_lines.
lab_notes = Table(
    "lab_notes",
    metadata,
    Column("session_id", String(36), primary_key=True),
    Column("code", String, primary_key=True),
    Column("note", Text, nullable=False),
    Column("user_id", String, nullable=False),
    Column("at", String, nullable=False),
    sqlite_with_rowid=False,
)

# Projection: the resolution of an expected item nobody found (L9); the latest one counts.
lab_resolutions = Table(
    "lab_resolutions",
    metadata,
    Column("session_id", String(36), primary_key=True),
    Column("item_key", String, primary_key=True),
    Column("resolution", String, nullable=False),
    Column("detail", Text, nullable=False, default=""),
    Column("event_id", String(36), nullable=False),
    Column("user_id", String, nullable=False),
    Column("at", String, nullable=False),
    sqlite_with_rowid=False,
)

# -- the supervisor's station (migration 0007) ---------------------------------------------------------------

# Projection: the latest supervisor decision on an item's variance in a count (variance_decided events, the
# latest by wall time then event id); the journal keeps every one. `counted` is the item's count it was made
# on: when the count changes the decision lapses (domain.variance).
variance_decisions = Table(
    "variance_decisions",
    metadata,
    Column("count_id", String(36), primary_key=True),
    Column("item_key", String, primary_key=True),
    Column("decision", String, nullable=False),
    Column("reason", Text, nullable=False),
    Column("counted", Integer),
    Column("expected", Float),
    Column("decided_by", String, nullable=False),
    Column("decided_at", String, nullable=False),
    Column("event_id", String(36), nullable=False),
    sqlite_with_rowid=False,
)

# Projection: a count's own variance threshold (the latest variance_threshold_set); without a row the device's
# default (settings) holds.
count_thresholds = Table(
    "count_thresholds",
    metadata,
    Column("count_id", String(36), primary_key=True),
    Column("kind", String, nullable=False),
    Column("value", Float, nullable=False),
    Column("set_by", String, nullable=False),
    Column("set_at", String, nullable=False),
    Column("event_id", String(36), nullable=False),
)

# Projection: the items a directed recount session targets (session_created's recount_items). A session with
# targets lists exactly those not yet counted in its Uncounted tab.
session_targets = Table(
    "session_targets",
    metadata,
    Column("session_id", String(36), primary_key=True),
    Column("item_key", String, primary_key=True),
    sqlite_with_rowid=False,
)
