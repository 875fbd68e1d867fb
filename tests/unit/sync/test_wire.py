"""The wire schema's limits: what the server refuses with 422 before anything reaches a database."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from scanapp.domain.journal import Event, EventKind
from scanapp.sync.wire import CountIn, ProductIn, PushIn, UserIn, WireEvent


def test_an_app_event_round_trips_through_the_wire_schema() -> None:
    event = Event(
        id="01a20000-0000-7000-8000-000000000001",
        kind=EventKind.SCAN_RECORDED,
        device_id="01a20000-0000-7000-8000-0000000000aa",
        user_id="alex",
        session_id="01a20000-0000-7000-8000-0000000000bb",
        wall_time=datetime(2026, 11, 22, 9, 0, tzinfo=UTC),
        mono_ns=123,
        payload={"raw": "x\x1dy", "item_key": None},
        lock_epoch=2,
        seq=7,
    )
    wire = WireEvent.model_validate(event.to_wire())
    assert Event.from_wire(wire.model_dump(mode="json")) == event


def _event(**changes: object) -> dict[str, object]:
    base = {
        "id": "e1",
        "kind": "scan_recorded",
        "device_id": "d1",
        "seq": 1,
        "user_id": "alex",
        "session_id": "s1",
        "wall_time": "2026-11-22T09:00:00Z",
        "mono_ns": 1,
        "lock_epoch": 0,
        "payload": {},
    }
    return {**base, **changes}


@pytest.mark.parametrize(
    "changes",
    [
        {"seq": 0},
        {"seq": 2**60},
        {"mono_ns": 2**64},
        {"lock_epoch": -1},
        {"id": "has space"},
        {"user_id": "a\x00b"},
        {"wall_time": "9999-12-31T23:59:59-14:00"},  # not expressible in UTC
        {"wall_time": "yesterday"},
        {"surprise": 1},
    ],
)
def test_broken_events_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        WireEvent.model_validate(_event(**changes))


def test_unknown_kinds_and_odd_payloads_pass_the_schema_for_the_server_to_review() -> None:
    event = WireEvent.model_validate(_event(kind="teleported", payload={"raw": "\x00", "deep": [[{"x": 1}]]}))
    assert event.kind == "teleported" and event.payload["raw"] == "\x00"


def test_a_batch_has_at_most_a_thousand_events() -> None:
    with pytest.raises(ValidationError):
        PushIn.model_validate({"events": [_event(seq=i + 1, id=f"e{i}") for i in range(1001)]})


def test_text_that_no_database_can_store_is_refused() -> None:
    with pytest.raises(ValidationError, match="NUL"):
        ProductIn.model_validate({"sku": "A\x00", "name": "x"})
    with pytest.raises(ValidationError, match="unicode"):
        CountIn.model_validate({"name": "bad \udc80", "kind": "hard", "planned_start": "2026-11-22T09:00:00Z"})
    with pytest.raises(ValidationError):
        UserIn.model_validate({"id": "x", "password": "short", "roles": ["associate"]})


def test_naive_times_are_taken_as_utc() -> None:
    count = CountIn.model_validate({"name": "c", "kind": "hard", "planned_start": "2026-11-22T09:00:00"})
    assert count.planned_start == datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
