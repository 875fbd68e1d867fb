"""What supervisors and operators read from the server: the devices at shift end, the review queue, count
reports, the audit log and the health check. Part of the wire schema (scanapp.sync.wire)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from scanapp.sync.wire import Model
from scanapp.sync.wire_fields import Id, Text

DEVICE_TIME_HEADER = "X-Device-Time"
"""Sent by a device with every push and pull: its wall clock (ISO 8601, from its injected Clock), so the server
records the attempt and the device's clock offset (S5)."""
DEVICE_SEQ_HEADER = "X-Device-Seq"
"""Sent with every push: the newest event the device has written, so the server knows how many wait on the device
(DeviceOut.pending) even when that push is refused."""


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
    # The supervisor's station (S5); defaults for answers of servers before it.
    last_sync_at: datetime | None = None
    """The last successful push or pull, whichever is later."""
    last_attempt_at: datetime | None = None
    """The last push or pull the device tried, whether it succeeded or not."""
    clock_offset_s: float | None = None
    """The device's wall clock minus the server's at its last attempt, in seconds (None: never reported)."""
    signed_in: str | None = None
    """Who was signed in on the device at its last attempt."""
    stale: bool = False
    """No successful sync for longer than the server's stale limit (or never), and not revoked."""


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
    status: Literal["counted", "not counted"] = "counted"
    """An item with no line is "not counted" (its `counted` is 0 for readers of the first release); an item
    counted as 0 is "counted" (C10)."""


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


# -- the supervisor's station (S7, S8, S10, S11, B4): computed by scanapp.domain.variance on the server's rows --


class SessionProgress(Model):
    id: str
    name: str
    area: str
    counter: str
    state: str
    created_at: datetime
    units: int
    last_activity: datetime | None
    recount_items: list[str]


class ProgressOut(Model):
    count_id: str
    generated_at: datetime
    listed: int
    counted: int
    remaining: int
    units: int
    sessions: list[SessionProgress]


ThresholdKindName = Literal["units", "percent"]
DecisionName = Literal["approved", "rejected", "forced"]


class ThresholdIn(Model):
    kind: ThresholdKindName
    value: float = Field(ge=0, le=1e12, allow_inf_nan=False)


class ThresholdOut(Model):
    count_id: str
    kind: ThresholdKindName
    value: float
    set_by: str
    set_at: datetime


class ThresholdView(Model):
    kind: ThresholdKindName
    value: float


class DecisionIn(Model):
    """A supervisor's decision on one item's variance, made on the item's count as the server has it now.
    `counted`, when given, is the count the supervisor looked at (null: not counted): if the item's count has
    changed since, 409. A reason is required to force or reject."""

    item_key: Annotated[str, Field(min_length=1, max_length=128)]
    decision: DecisionName
    reason: Annotated[str, Field(max_length=2000)] = ""
    counted: int | None = None


class DecisionOut(Model):
    decision: DecisionName
    reason: str
    counted: int | None
    decided_by: str
    decided_at: datetime


class SessionUnits(Model):
    session_id: str
    units: int


class VarianceLineOut(Model):
    """One item. counted: null = not counted, 0 = counted 0 (C10); expected null = not on the count's list."""

    item_key: str
    name: str
    expected: float | None
    counted: int | None
    variance: float | None
    percent: float | None
    status: str
    over: bool
    by_session: list[SessionUnits]
    decision: DecisionOut | None


class VarianceTotals(Model):
    items: int
    listed: int
    counted: int
    not_counted: int
    expected_units: float
    counted_units: int
    variance_units: float
    abs_variance_units: float
    by_status: dict[str, int]


class VarianceOut(Model):
    count_id: str
    generated_at: datetime
    threshold: ThresholdView
    total: int
    """Lines with the asked statuses (all of them without `status`); `lines` is the page of them."""
    offset: int
    limit: int
    lines: list[VarianceLineOut]
    totals: VarianceTotals


class AttributionRow(Model):
    group: str
    items: int
    units: int
    variance: float
    abs_variance: float
    over_threshold: int


class AttributionOut(Model):
    count_id: str
    by: Literal["session", "area", "counter"]
    groups: list[AttributionRow]


class FiguresRow(Model):
    group: str
    listed: int
    counted: int
    accurate: int
    units: int
    completion: float | None
    accuracy: float | None


class FiguresOut(Model):
    count_id: str
    by: Literal["count", "session", "area", "counter"]
    figures: list[FiguresRow]
