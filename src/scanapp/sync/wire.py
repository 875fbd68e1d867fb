"""The sync wire schema: the JSON the device client and the scansync server exchange.

Shared by both sides so they cannot drift. Limits (lengths, ranges) are part of the contract: the server
answers anything outside them with 422 instead of letting it reach the database.

Structure errors (a missing id, a seq that is not a number) refuse a whole push with 422: that is a client
bug. Content the server cannot apply (an unknown kind, a removed line, a session closed meanwhile) is
acknowledged per event and queued for review, so one bad event never blocks the events behind it.

The field types are in wire_fields; what supervisors read (review, reports, audit) in wire_reports.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from scanapp.sync.wire_fields import Epoch, Id, NoNul, Seq, Text, UtcTime, storable

MAX_BATCH = 1000
MAX_PAGE = 5000
MAX_INT = 2**63 - 1


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _text_is_storable(cls, value: Any, info: ValidationInfo) -> Any:
        # An event's payload is the device's business: kept as escaped JSON, never refused whole.
        if info.field_name == "payload":
            return value
        return storable(value)


class Problem(Model):
    """Every error answer: a message for the person at the device."""

    detail: str


class PlainModel(BaseModel):
    """For the push path, parsed with model_validate_json: that parser already refuses lone surrogates, and
    the few text fields carry their own NUL-free patterns, so the per-field check of Model is not needed."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# -- accounts ---------------------------------------------------------------------------------------------


class LoginRequest(Model):
    username: Id
    password: Annotated[str, Field(min_length=1, max_length=256)]
    device_id: Id


class TokenOut(Model):
    token: str
    expires_at: datetime
    user_id: str
    device_id: str
    permissions: list[str]
    server_id: str


Pin = Annotated[str, Field(min_length=4, max_length=64)]


class UserIn(Model):
    """A password, a device PIN, or both."""

    id: Id
    display_name: Text = ""
    password: Annotated[str, Field(min_length=8, max_length=256)] | None = None
    pin: Pin | None = None
    roles: Annotated[list[Id], Field(min_length=1, max_length=10)]


class PinIn(Model):
    pin: Pin


class RolesIn(Model):
    roles: Annotated[list[Id], Field(min_length=1, max_length=10)]


class UserOut(Model):
    id: str
    display_name: str
    roles: list[str]
    permissions: list[str]


class DeviceIn(Model):
    id: Id
    name: Text = ""


# -- catalog and lab --------------------------------------------------------------------------------------


class ProductIn(Model):
    sku: Annotated[str, Field(min_length=1, max_length=64)]
    name: Annotated[str, Field(min_length=1, max_length=512)]
    parent_name: Text = ""
    gtins: Annotated[list[Annotated[str, Field(max_length=64)]], Field(max_length=50)] = []


class ProductBatch(Model):
    products: Annotated[list[ProductIn], Field(min_length=1, max_length=MAX_PAGE)]


class RejectedRow(Model):
    index: int
    sku: str
    reason: str


class ImportOut(Model):
    imported: int
    unchanged: int
    rejected: list[RejectedRow]


class ProductOut(Model):
    sku: str
    name: str
    parent_name: str
    gtins: list[str]
    deleted: bool = False


class InventoryItemIn(Model):
    barcode: Annotated[str, Field(min_length=1, max_length=128)]
    ingredient: Annotated[str, Field(min_length=1, max_length=512)]
    lab: Annotated[str, Field(min_length=1, max_length=128)]
    location: Text = ""
    quantity: Annotated[float, Field(ge=0, le=1e12, allow_inf_nan=False)] = 0
    unit: Annotated[str, Field(max_length=32)] = ""
    status: Literal["available", "in use", "quarantined", "archived"] = "available"


class InventoryItemOut(InventoryItemIn):
    pass


class ListingConfigIn(Model):
    id: Id
    name: Annotated[str, Field(min_length=1, max_length=256)]
    columns: Annotated[
        list[Literal["barcode", "ingredient", "lab", "location", "quantity", "unit", "status"]],
        Field(min_length=1, max_length=10),
    ]
    filters: dict[
        Literal["lab", "location", "ingredient", "status"],
        Annotated[list[Annotated[str, Field(max_length=512)]], Field(max_length=200)],
    ] = {}


class ListingConfigOut(ListingConfigIn):
    created_by: str


# -- counts and sessions ----------------------------------------------------------------------------------


class ExpectedItem(Model):
    item_key: Annotated[str, Field(min_length=1, max_length=128)]
    expected_qty: Annotated[float, Field(ge=0, le=1e12, allow_inf_nan=False)] = 0


class CountIn(Model):
    id: Id | None = None
    name: Annotated[str, Field(min_length=1, max_length=256)]
    kind: Literal["directed", "hard", "scoped"]
    planned_start: UtcTime
    expected: Annotated[list[ExpectedItem], Field(max_length=100_000)] = []
    lab: Annotated[str, Field(max_length=128)] | None = None
    listing_config_id: Id | None = None
    default_area: Text = ""


class SessionOut(Model):
    id: str
    count_id: str
    name: str
    area: str
    state: str
    is_default: bool
    created_at: datetime
    created_by: str
    started_at: datetime | None
    started_by: str | None
    submitted_at: datetime | None
    ended_at: datetime | None
    lease_epoch: int
    lease_user: str | None
    lease_device: str | None
    lease_expires_at: datetime | None


class LeaseOut(Model):
    session_id: str
    epoch: int
    user_id: str | None
    device_id: str | None
    expires_at: datetime | None
    ttl_seconds: float
    server_time: datetime
    session: SessionOut | None = None
    """The whole session as the lease change left it, at change-log position `as_of`."""
    as_of: int | None = None


class CountOut(Model):
    id: str
    name: str
    kind: str
    state: str
    planned_start: datetime
    created_at: datetime
    created_by: str
    lab: str | None
    listing_config_id: str | None
    expected: list[ExpectedItem]
    sessions: list[SessionOut] = []


class SessionIn(Model):
    id: Id | None = None
    name: Annotated[str, Field(min_length=1, max_length=256)]
    area: Text = ""


class SessionEdit(Model):
    name: Annotated[str, Field(min_length=1, max_length=256)]
    area: Text = ""


class SubmitIn(Model):
    confirmed_uncounted_zero: bool = False


# -- journal push -----------------------------------------------------------------------------------------


class WireEvent(PlainModel):
    """scanapp.domain.journal.Event.to_wire(), validated. `kind` stays a string: an event kind this server
    does not know is kept for review, not refused with the whole batch."""

    id: Id
    kind: Annotated[str, Field(min_length=1, max_length=64, pattern=NoNul)]
    device_id: Id
    seq: Seq
    user_id: Annotated[str, Field(min_length=1, max_length=128, pattern=NoNul)]
    session_id: Annotated[str, Field(max_length=64, pattern=NoNul)] | None = None
    wall_time: UtcTime
    mono_ns: Annotated[int, Field(ge=-MAX_INT, le=MAX_INT)]
    lock_epoch: Epoch | None = None
    payload: dict[str, Any] = {}


class PushIn(PlainModel):
    events: Annotated[list[WireEvent], Field(max_length=MAX_BATCH)]
    device_last_seq: Annotated[int, Field(ge=0, le=2**53)] | None = None
    """The newest seq the device has written, so the supervisor sees how much is still unsent."""


EventStatus = Literal["applied", "fenced", "rejected", "recorded", "unverified", "proposed"]
"""applied; fenced (stale lease epoch), rejected (a rule refused it), unverified (recorded by another user than
the one whose sign-in pushed it) and proposed (a catalog change, such as an alias, from a user who may not
change the catalog): these four wait in the supervisor's review queue; recorded: kept, changes nothing."""
REVIEWED = frozenset({"fenced", "rejected", "unverified", "proposed"})


class EventVerdict(Model):
    id: str
    seq: int
    status: EventStatus
    reason: str | None = None


class PushOut(Model):
    high_water: int
    """Every event of this device up to here is stored; the device may forget about them."""
    resend_from: int | None
    """Set when the batch skipped ahead: nothing from here on was stored, send again from this seq."""
    accepted: int
    duplicates: int
    verdicts: list[EventVerdict]
    """One per newly stored event that was not simply applied (see EventStatus)."""
    sessions: list[SessionOut] = []
    """The sessions the stored events name, as they are after them: newer than anything before `as_of` in the
    change log, so a device takes them and skips the older states a pull may still bring."""
    as_of: int = 0


# -- pull -------------------------------------------------------------------------------------------------

Entity = Literal["product", "user", "count", "session", "event", "inventory_item", "listing_config"]


class Change(Model):
    seq: int
    entity: Entity
    key: str
    data: dict[str, Any]


class PullOut(Model):
    changes: list[Change]
    next_cursor: int
    has_more: bool
