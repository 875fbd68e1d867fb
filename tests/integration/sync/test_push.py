"""Journal push: duplicated, reordered and partly failed batches lose no event and apply none twice."""

from __future__ import annotations

import json
import math
import random
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st
from scansync import tables as t
from scansync.db import dumps, payload_json
from scansync.views import event_wire
from sqlalchemy import func, select

from scanapp.sync.wire import WireEvent
from tests.integration.sync.conftest import COLA, WATER, LiveServer, scan, seed_catalog_and_count, wire_event


def _stored(server: LiveServer) -> dict[str, str]:
    with server.db.read() as conn:
        return {r.id: r.status for r in conn.execute(select(t.events.c.id, t.events.c.status))}


def _line_count(server: LiveServer, session_id: str) -> int:
    with server.db.read() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(t.lines).where(t.lines.c.session_id == session_id)
            ).scalar_one()
        )


def _started_session(server: LiveServer) -> tuple[dict, str]:
    with server.client("sam") as sam:
        count = seed_catalog_and_count(sam)
        session_id = count["sessions"][0]["id"]
        assert sam.post(f"/v1/sessions/{session_id}/start").status_code == 200
    return count, session_id


def test_push_applies_scans_and_the_report_adds_them_up(server: LiveServer) -> None:
    count, sid = _started_session(server)
    events = [
        scan("dev-alex", 1, sid, "alex", "SKU-COLA", COLA),
        scan("dev-alex", 2, sid, "alex", "SKU-COLA", COLA),
        scan("dev-alex", 3, sid, "alex", "SKU-WATER", WATER),
        scan("dev-alex", 4, sid, "alex", None, "00012345678905"),
        wire_event(
            "dev-alex", 5, "hand_counted", sid, "alex", {"item_key": "SKU-CHIPS", "qty": 2, "code": "SKU-CHIPS"}
        ),
    ]
    with server.client("alex") as alex:
        r = alex.post("/v1/journal", json={"events": events, "device_last_seq": 5})
        assert r.status_code == 200, r.text
        answer = r.json()
        assert {k: answer[k] for k in ("high_water", "resend_from", "accepted", "duplicates", "verdicts")} == {
            "high_water": 5,
            "resend_from": None,
            "accepted": 5,
            "duplicates": 0,
            "verdicts": [],
        }
        # The session as it is after the batch, and the change-log position it is current at.
        assert [s["id"] for s in answer["sessions"]] == [sid] and answer["as_of"] > 0
        # Remove one cola scan, then the report.
        remove = wire_event("dev-alex", 6, "line_removed", sid, "alex", {"line_id": events[0]["id"]})
        assert alex.post("/v1/journal", json={"events": [remove]}).json()["accepted"] == 1
    with server.client("sam") as sam:
        report = sam.get(f"/v1/counts/{count['id']}/report").json()
    by_key = {ln["item_key"]: ln for ln in report["lines"]}
    assert by_key["SKU-COLA"] == {
        "item_key": "SKU-COLA",
        "name": "Cola",
        "expected": 12.0,
        "counted": 1,
        "variance": -11.0,
        "status": "counted",
    }
    assert by_key["SKU-CHIPS"]["counted"] == 2 and by_key["SKU-CHIPS"]["variance"] == -1.0
    assert by_key["SKU-WATER"]["expected"] is None and by_key["SKU-WATER"]["variance"] is None
    assert report["totals"] == {"units": 4, "unique_products": 3, "unmatched_scans": 1, "in_review": 0}
    assert [u["code"] for u in report["unmatched"]] == ["00012345678905"]


def test_duplicated_reordered_and_gapped_batches_store_each_event_once(server: LiveServer) -> None:
    _, sid = _started_session(server)
    events = [scan("dev-alex", i, sid, "alex", "SKU-COLA", COLA) for i in range(1, 41)]
    rng = random.Random(5)
    with server.client("alex") as alex:
        # A batch from the middle arrives first: nothing stored, resend from 1.
        r = alex.post("/v1/journal", json={"events": events[10:20]}).json()
        assert (r["high_water"], r["resend_from"], r["accepted"]) == (0, 1, 0)
        # Shuffled, with duplicates inside the batch and a gap after 25.
        batch = events[:25] + events[:5] + events[30:35]
        rng.shuffle(batch)
        r = alex.post("/v1/journal", json={"events": batch}).json()
        assert (r["high_water"], r["resend_from"], r["accepted"]) == (25, 26, 25)
        # Everything again, several times, in random order: only the rest is new.
        for _ in range(3):
            again = list(events)
            rng.shuffle(again)
            alex.post("/v1/journal", json={"events": again})
        r = alex.post("/v1/journal", json={"events": events}).json()
        assert (r["high_water"], r["accepted"], r["duplicates"]) == (40, 0, 40)
    stored = _stored(server)
    assert set(stored) == {e["id"] for e in events}
    assert set(stored.values()) == {"applied"}
    assert _line_count(server, sid) == 40


def test_a_batch_that_fails_in_transit_is_resent_without_double_counting(server: LiveServer) -> None:
    """The server stored the batch but the answer was lost: the device sends it again."""
    count, sid = _started_session(server)
    events = [scan("dev-alex", i, sid, "alex", "SKU-COLA", COLA) for i in range(1, 11)]
    with server.client("alex") as alex:
        alex.post("/v1/journal", json={"events": events[:6]})
        r = alex.post("/v1/journal", json={"events": events}).json()
        assert (r["accepted"], r["duplicates"], r["high_water"]) == (4, 6, 10)
    with server.client("sam") as sam:
        assert sam.get(f"/v1/counts/{count['id']}/report").json()["totals"]["units"] == 10


def test_events_that_cannot_be_applied_are_kept_for_review_and_do_not_block_the_rest(server: LiveServer) -> None:
    count, sid = _started_session(server)
    bad = [
        wire_event("dev-alex", 2, "teleported", sid, "alex"),  # a kind this server does not know
        wire_event("dev-alex", 3, "line_removed", sid, "alex", {"line_id": "no-such-line"}),
        scan("dev-alex", 4, "no-such-session", "alex", "SKU-COLA", COLA),
        wire_event("dev-alex", 5, "hand_counted", sid, "alex", {"item_key": "SKU-COLA", "qty": "many"}),
        scan("dev-alex", 6, sid, "nobody", "SKU-COLA", COLA),  # recorded by someone else than alex
        wire_event("dev-alex", 7, "session_submitted", sid, "alex", {}),  # one unmatched scan remains
    ]
    good = [
        scan("dev-alex", 1, sid, "alex", None, "00012345678905"),
        scan("dev-alex", 8, sid, "alex", "SKU-COLA", COLA),
    ]
    with server.client("alex") as alex:
        r = alex.post("/v1/journal", json={"events": good + bad}).json()
    assert (r["high_water"], r["accepted"]) == (8, 8)
    verdicts = {v["seq"]: v for v in r["verdicts"]}
    assert set(verdicts) == {2, 3, 4, 5, 6, 7}
    assert {s: v["status"] for s, v in verdicts.items() if v["status"] != "rejected"} == {6: "unverified"}
    assert "unknown event kind" in verdicts[2]["reason"]
    assert "No scan line" in verdicts[3]["reason"]
    assert "unknown session" in verdicts[4]["reason"]
    assert "malformed payload" in verdicts[5]["reason"]
    assert "recorded by nobody, pushed under alex's sign-in" in verdicts[6]["reason"]
    assert "unmatched" in verdicts[7]["reason"]
    with server.client("sam") as sam:
        queue = sam.get("/v1/review").json()
        assert sorted(i["event"]["seq"] for i in queue) == [2, 3, 4, 5, 6, 7]
        report = sam.get(f"/v1/counts/{count['id']}/report").json()
        assert report["totals"]["units"] == 1 and report["totals"]["in_review"] == 5
        assert sam.get(f"/v1/sessions/{sid}").json()["state"] == "In progress"
    assert len(_stored(server)) == 8


def test_a_payload_with_nan_or_infinity_is_kept_for_review_and_never_reaches_a_device(server: LiveServer) -> None:
    """JSON has no NaN or Infinity, but the server's parser takes them: published as they came, they made every
    device's next pull page unreadable (its parser refuses them), for good."""
    count, sid = _started_session(server)
    odd = [
        wire_event("dev-alex", 1, "scan_recorded", sid, "alex", {**_cola(), "weight": float("nan")}),
        wire_event("dev-alex", 2, "hand_counted", sid, "alex", {"item_key": "SKU-COLA", "qty": 2, "t": [float("inf")]}),
        scan("dev-alex", 3, sid, "alex", "SKU-COLA", COLA),
    ]
    with server.client("alex") as alex:
        body = json.dumps({"events": odd})  # the stdlib writes NaN and Infinity, as a careless device would
        assert "NaN" in body and "Infinity" in body
        r = alex.post("/v1/journal", content=body, headers={"Content-Type": "application/json"}).json()
    assert (r["high_water"], r["accepted"]) == (3, 3)
    assert {v["seq"]: v["status"] for v in r["verdicts"]} == {1: "rejected", 2: "rejected"}
    assert all("NaN or Infinity" in v["reason"] for v in r["verdicts"])
    with server.client("sam") as sam:
        report = sam.get(f"/v1/counts/{count['id']}/report").json()
        assert report["totals"]["units"] == 1 and report["totals"]["in_review"] == 2
        queue = {i["event"]["seq"]: i["event"]["payload"] for i in sam.get("/v1/review").json()}
        assert queue[1]["weight"] is None and queue[2]["t"] == [None]  # kept, with what JSON cannot carry as null
        since = 0
        while True:  # every page parses as devices parse it
            raw = sam.get("/v1/changes", params={"since": since, "limit": 2})
            page = orjson.loads(raw.content)
            if not page["changes"]:
                break
            since = page["next_cursor"]


def _cola() -> dict[str, Any]:
    return {"raw": COLA, "code": COLA, "item_key": "SKU-COLA", "source": "test", "manual": False}


def test_a_device_cannot_push_another_devices_events(server: LiveServer) -> None:
    _, sid = _started_session(server)
    with server.client("alex") as alex:
        r = alex.post("/v1/journal", json={"events": [scan("dev-sam", 1, sid, "alex", "SKU-COLA", COLA)]})
    assert r.status_code == 403
    assert _stored(server) == {}


def test_the_token_is_judged_before_the_body_and_a_refused_body_is_noted_for_the_device(server: LiveServer) -> None:
    """The push checks its token in its own transaction, after reading the body: a token that is not valid is
    still the answer (401) whatever the body, and stores nothing; a valid token with a body that is not valid
    gets 422 and its device's attempt noted."""
    _, sid = _started_session(server)
    good = {"events": [scan("dev-alex", 1, sid, "alex", "SKU-COLA", COLA)]}
    with server.client() as anyone:
        for body in (good, {"events": "x"}):
            r = anyone.post("/v1/journal", json=body, headers={"Authorization": "Bearer not-a-token"})
            assert r.status_code == 401, r.text
            assert r.headers["www-authenticate"] == "Bearer"
        assert anyone.post("/v1/journal", json=good).status_code == 401  # no token at all
    assert _stored(server) == {}
    with server.client("alex") as alex:
        assert alex.post("/v1/journal", json={"events": "x"}).status_code == 422
    with server.db.read() as conn:
        noted = conn.execute(select(t.devices.c.last_attempt_at).where(t.devices.c.id == "dev-alex")).scalar()
    assert noted == server.clock.now()


def test_session_events_from_a_device_run_through_the_engine_rules(server: LiveServer) -> None:
    """A session created and worked offline on a device arrives as events; the server replays the rules."""
    with server.client("sam") as sam:
        count = seed_catalog_and_count(sam)
    new_sid = "01a20000-0000-7000-8000-000000000001"
    events = [
        wire_event(
            "dev-alex",
            1,
            "session_created",
            new_sid,
            "alex",
            {"count_id": count["id"], "name": "Backstock", "area": "Backstock", "is_default": False},
        ),
        wire_event("dev-alex", 2, "session_started", new_sid, "alex"),
        scan("dev-alex", 3, new_sid, "alex", "SKU-COLA", COLA),
        wire_event("dev-alex", 4, "session_edited", new_sid, "alex", {"name": "Backstock A", "area": "Backstock"}),
        wire_event("dev-alex", 5, "session_submitted", new_sid, "alex", {"confirmed_uncounted_zero": False}),
        wire_event("dev-alex", 6, "session_started", new_sid, "alex"),  # already submitted: refused
    ]
    with server.client("alex") as alex:
        r = alex.post("/v1/journal", json={"events": events}).json()
        assert [(v["seq"], v["status"]) for v in r["verdicts"]] == [(6, "rejected")]
        session = alex.get(f"/v1/sessions/{new_sid}").json()
    assert (session["name"], session["state"], session["started_by"]) == ("Backstock A", "Submitted", "alex")


def test_a_lab_user_cannot_scan_into_a_retail_count(server: LiveServer) -> None:
    _, sid = _started_session(server)
    with server.client("lee") as lee:
        r = lee.post("/v1/journal", json={"events": [scan("dev-lee", 1, sid, "lee", "SKU-COLA", COLA)]}).json()
    assert r["verdicts"][0]["status"] == "rejected" and "FULFILL_INVCUNT_ADMIN" in r["verdicts"][0]["reason"]


def test_lab_actions_change_inventory_with_history_linked_to_the_session(server: LiveServer) -> None:
    """Payloads as scanapp.services.lab records them; an action outside a session is fine too."""
    with server.client("lee") as lee:
        lee.post(
            "/v1/lab/inventory",
            json=[
                {
                    "barcode": "LAB-1",
                    "ingredient": "Agarose",
                    "lab": "Lab A",
                    "location": "Shelf 1",
                    "quantity": 10,
                    "unit": "g",
                }
            ],
        )
        count = lee.post(
            "/v1/counts",
            json={
                "name": "Freezers",
                "kind": "scoped",
                "planned_start": "2026-11-22T08:00:00Z",
                "lab": "Lab A",
                "expected": [{"item_key": "LAB-1"}],
            },
        ).json()
        sid = count["sessions"][0]["id"]
        lee.post(f"/v1/sessions/{sid}/start")
        events = [
            wire_event(
                "dev-lee", 1, "inventory_moved", sid, "lee", {"barcode": "LAB-1", "from": "Shelf 1", "to": "Freezer 2"}
            ),
            wire_event(
                "dev-lee", 2, "inventory_split", sid, "lee", {"barcode": "LAB-1", "new_barcode": "LAB-2", "quantity": 4}
            ),
            wire_event("dev-lee", 3, "inventory_set", None, "lee", {"barcode": "LAB-2", "from": 4, "to": 3.5}),
            wire_event("dev-lee", 4, "inventory_archived", sid, "lee", {"barcode": "LAB-9", "from": "available"}),
        ]
        r = lee.post("/v1/journal", json={"events": events}).json()
        assert [(v["seq"], v["status"]) for v in r["verdicts"]] == [(4, "rejected")]
        items = {i["barcode"]: i for i in lee.get("/v1/lab/inventory").json()}
    assert (items["LAB-1"]["location"], items["LAB-1"]["quantity"]) == ("Freezer 2", 6)
    assert (items["LAB-2"]["location"], items["LAB-2"]["quantity"]) == ("Freezer 2", 3.5)
    with server.db.read() as conn:
        history = [(h.item_barcode, h.action, h.session_id) for h in conn.execute(select(t.inventory_history))]
    assert sorted(history) == [
        ("LAB-1", "inventory_moved", sid),
        ("LAB-1", "inventory_split", sid),
        ("LAB-2", "inventory_set", None),
    ]


json_values: st.SearchStrategy[Any] = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text()),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(), inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=500, deadline=None)
@given(json_values)
def test_a_payload_is_stored_as_json_every_device_parses_back_to_it(value: Any) -> None:
    """payload_json's text is what a device's parser (orjson) reads, and means the payload; NaN and Infinity,
    which JSON cannot carry, are written as null and said so. NUL never reaches the database raw."""
    text, exact = payload_json(value)
    orjson.loads(text)  # a device's pull parses it
    assert "\x00" not in text
    assert exact == (dumps(value) == dumps(_nulled(value)))
    assert json.loads(text) == _nulled(value)


@settings(max_examples=300, deadline=None)
@given(
    st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5, minutes=-30))])),
    st.text(min_size=1).filter(lambda s: "\x00" not in s),
    st.integers(-(2**63) + 1, 2**63 - 1),
    st.none() | st.integers(0, 2**31),
)
def test_an_event_is_published_as_the_device_writes_it(when: datetime, user: str, mono: int, epoch: int | None) -> None:
    """event_wire (orjson, on the push path) writes what Event.to_wire gives, the time as isoformat's text."""
    ev = WireEvent.model_validate(
        {**wire_event("dev-1", 7, "scan_recorded", "S-1", "u", _cola(), epoch), "user_id": user, "mono_ns": mono}
    ).model_copy(update={"wall_time": when})
    published = json.loads(event_wire(ev))
    assert published == {**json.loads(json.dumps(ev.model_dump(mode="json"))), "wall_time": when.isoformat()}
    assert list(published) == [
        "id",
        "kind",
        "device_id",
        "seq",
        "user_id",
        "session_id",
        "wall_time",
        "mono_ns",
        "lock_epoch",
        "payload",
    ]


def _nulled(value: Any) -> Any:
    """`value` with NaN and Infinity as null."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _nulled(v) for k, v in value.items()}
    return [_nulled(v) for v in value] if isinstance(value, list) else value
