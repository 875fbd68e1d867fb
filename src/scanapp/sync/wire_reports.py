"""What supervisors and operators read from the server: the devices at shift end, the review queue, count
reports, the audit log and the health check. Part of the wire schema (scanapp.sync.wire)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from scanapp.sync.wire import Model
from scanapp.sync.wire_fields import Id, Text


class DeviceOut(Model):
    """One device as the shift-end view shows it (S4)."""

    id: str
    name: str
    enrolled_at: datetime
    revoked: bool
    high_water: int
    reported_seq: int
    pending: int
    last_push_at: datetime | None
    last_pull_at: datetime | None
    last_user: str | None
    sessions_held: list[str]
    # What the device reported at its last round (H1's device reports; optional so an older server still reads).
    last_attempt_at: datetime | None = None
    clock_offset_s: float | None = None
    signed_in: str | None = None
    stale: bool = False


# -- review and reports -----------------------------------------------------------------------------------


class ReviewItem(Model):
    event_id: str
    session_id: str | None
    device_id: str
    user_id: str
    kind: str
    status: str
    reason: str
    created_at: datetime
    event: dict[str, Any]


class ReviewResolve(Model):
    action: Literal["merge", "move", "discard"]
    target_session_id: Id | None = None
    note: Text = ""


class ReportLine(Model):
    item_key: str
    name: str
    expected: float | None
    counted: int
    variance: float | None


class ReportUnmatched(Model):
    id: str
    session_id: str
    code: str | None
    raw: str
    units: int
    at: datetime


class ReportTotals(Model):
    units: int
    unique_products: int
    unmatched_scans: int
    in_review: int


class ReportCount(Model):
    id: str
    name: str
    type: str
    state: str
    planned_start: datetime


class CountReport(Model):
    count: ReportCount
    generated_at: datetime
    totals: ReportTotals
    lines: list[ReportLine]
    unmatched: list[ReportUnmatched]


class AuditEntry(Model):
    id: int
    at: datetime
    user_id: str
    device_id: str | None
    action: str
    target: str
    detail: dict[str, Any]


class Health(Model):
    status: Literal["ok"]
    server_id: str
    database: str
