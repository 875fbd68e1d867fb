"""The supervisor's station on the server (S5, S7, S8, S10, S11, B4), on SQLite and PostgreSQL: every new
endpoint is SUPERVISE only; variance computed by domain.variance from the server's rows (stock 0, stock missing,
counted 0, not counted, counted in two sessions, a recount superseding, a decision lapsing); decisions and
thresholds as events (a supervisor's applied and audited, an associate's to review); devices' sync reports."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from scansync import tables as t
from scansync.api.app import app_from_env
from sqlalchemy import select

from scanapp.domain.journal import new_event_id
from scanapp.domain.variance import Grouping
from scanapp.services.supervisor_reads import SupervisorReads
from scanapp.store import schema
from tests.integration.sync.conftest import START, LiveServer, scan, seed_catalog_and_count, wire_event
from tests.integration.sync.device import Device

PRODUCTS = [
    {"sku": f"SKU-{k}", "name": f"Item {k}", "parent_name": "Test", "gtins": [gtin]}
    for k, gtin in (
        ("A", "04006381333931"),
        ("B", "00036000291452"),
        ("C", "00000096385074"),
        ("D", "09780201379624"),
        ("E", "05012345678900"),
        ("F", "00012345678905"),
    )
]
# A: two sessions (6 + 4); B: stock 0, counted 2; C: counted 0 (hand count); D: not counted;
# E: not on the list (no stock record), counted 3; F: counted 3, then a recount says 8.
EXPECTED = {"SKU-A": 10, "SKU-B": 0, "SKU-C": 5, "SKU-D": 4, "SKU-F": 8}


class Station:
    """A count with two sessions, worked by alex over pushed events; sam (supervisor) asks the server."""

    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.sam = server.client("sam")
        self.alex = server.client("alex")
        self.seq = {"alex": 0, "sam": 0}
        r = self.sam.post("/v1/catalog/products", json={"products": PRODUCTS})
        assert r.status_code == 200, r.text
        r = self.sam.post(
            "/v1/counts",
            json={
                "name": "Aisle 7",
                "kind": "directed",
                "planned_start": (START - timedelta(hours=1)).isoformat(),
                "expected": [{"item_key": k, "expected_qty": q} for k, q in EXPECTED.items()],
                "default_area": "Front",
            },
        )
        assert r.status_code == 201, r.text
        self.count_id = r.json()["id"]
        self.s1 = r.json()["sessions"][0]["id"]
        r = self.sam.post(f"/v1/counts/{self.count_id}/sessions", json={"name": "Back room", "area": "Back"})
        assert r.status_code == 201, r.text
        self.s2 = r.json()["id"]
        for sid in (self.s1, self.s2):
            assert self.alex.post(f"/v1/sessions/{sid}/start").status_code == 200

    def close(self) -> None:
        self.sam.close()
        self.alex.close()

    def push(self, user: str, *events: dict[str, Any]) -> dict[str, Any]:
        client = self.alex if user == "alex" else self.sam
        r = client.post("/v1/journal", json={"events": list(events)})
        assert r.status_code == 200, r.text
        return dict(r.json())

    def next(self, user: str) -> int:
        self.seq[user] += 1
        return self.seq[user]

    def scans(self, sid: str, sku: str, n: int) -> None:
        gtin = next(p["gtins"][0] for p in PRODUCTS if p["sku"] == sku)
        self.push("alex", *(scan("dev-alex", self.next("alex"), sid, "alex", sku, gtin) for _ in range(n)))

    def hand(self, sid: str, sku: str, qty: int) -> None:
        p = {"item_key": sku, "qty": qty, "code": sku}
        self.push("alex", wire_event("dev-alex", self.next("alex"), "hand_counted", sid, "alex", p))

    def event(self, user: str, kind: str, payload: dict[str, Any], session_id: str | None = None) -> dict[str, Any]:
        return wire_event(f"dev-{user}", self.next(user), kind, session_id, user, payload)

    def variance(self, **params: Any) -> dict[str, Any]:
        r = self.sam.get(f"/v1/counts/{self.count_id}/variance", params=params)
        assert r.status_code == 200, r.text
        return dict(r.json())

    def lines(self) -> dict[str, dict[str, Any]]:
        return {ln["item_key"]: ln for ln in self.variance(limit=1000)["lines"]}


@pytest.fixture
def station(server: LiveServer) -> Any:
    s = Station(server)
    s.scans(s.s1, "SKU-A", 6)
    s.scans(s.s2, "SKU-A", 4)
    s.scans(s.s1, "SKU-B", 2)
    s.hand(s.s1, "SKU-C", 0)
    s.scans(s.s2, "SKU-E", 3)
    s.scans(s.s1, "SKU-F", 3)
    yield s
    s.close()


def test_variance_keeps_stock_0_missing_stock_counted_0_and_not_counted_apart(station: Station) -> None:
    page = station.variance(limit=1000)
    lines = {ln["item_key"]: ln for ln in page["lines"]}
    assert page["threshold"] == {"kind": "percent", "value": 5.0}
    a = lines["SKU-A"]
    assert (a["expected"], a["counted"], a["variance"], a["status"]) == (10.0, 10, 0.0, "within threshold")
    assert sorted((p["session_id"], p["units"]) for p in a["by_session"]) == sorted([(station.s1, 6), (station.s2, 4)])
    b = lines["SKU-B"]  # stock 0, counted 2: past every percentage, no percent to show
    assert (b["expected"], b["counted"], b["variance"], b["percent"], b["status"]) == (
        0.0,
        2,
        2.0,
        None,
        "pending approval",
    )
    c = lines["SKU-C"]  # counted 0 is a count
    assert (c["counted"], c["variance"], c["percent"], c["status"]) == (0, -5.0, -100.0, "pending approval")
    d = lines["SKU-D"]  # never counted: null, not 0
    assert (d["counted"], d["variance"], d["status"], d["by_session"]) == (None, None, "not counted", [])
    e = lines["SKU-E"]  # not on the list
    assert (e["expected"], e["counted"], e["variance"], e["status"]) == (None, 3, None, "no stock record")
    assert lines["SKU-F"]["status"] == "pending approval"
    totals = page["totals"]
    assert totals["counted_units"] == 10 + 2 + 0 + 3 + 3  # each line once, across sessions
    assert (totals["listed"], totals["counted"], totals["not_counted"]) == (5, 5, 1)
    assert totals["by_status"]["pending approval"] == 3
    # A page of one status, by its name or its value.
    pending = station.variance(status="pending", limit=2)
    assert pending["total"] == 3 and [ln["item_key"] for ln in pending["lines"]] == ["SKU-B", "SKU-C"]
    both = station.variance(status=["not counted", "no_stock"])
    assert [ln["item_key"] for ln in both["lines"]] == ["SKU-D", "SKU-E"]
    assert station.sam.get(f"/v1/counts/{station.count_id}/variance", params={"status": "bogus"}).status_code == 422
    # The first report keeps working (its own older shape), and tells counted 0 from not counted too (C10).
    report = station.sam.get(f"/v1/counts/{station.count_id}/report")
    assert report.status_code == 200, report.text
    by_key = {ln["item_key"]: (ln["counted"], ln["status"]) for ln in report.json()["lines"]}
    assert by_key["SKU-A"] == (10, "counted")
    assert (by_key["SKU-C"], by_key["SKU-D"]) == ((0, "counted"), (0, "not counted"))


def test_progress_attribution_and_figures(station: Station) -> None:
    r = station.sam.get(f"/v1/counts/{station.count_id}/progress")
    assert r.status_code == 200, r.text
    p = r.json()
    assert (p["listed"], p["counted"], p["remaining"], p["units"]) == (5, 4, 1, 18)
    by_id = {s["id"]: s for s in p["sessions"]}
    assert by_id[station.s1]["counter"] == "alex" and by_id[station.s1]["area"] == "Front"
    assert (by_id[station.s1]["units"], by_id[station.s2]["units"]) == (11, 7)
    assert by_id[station.s2]["state"] == "In progress" and by_id[station.s2]["last_activity"] is not None
    r = station.sam.get(f"/v1/counts/{station.count_id}/attribution", params={"by": "area"})
    assert r.status_code == 200, r.text
    groups = {g["group"]: g for g in r.json()["groups"]}
    assert set(groups) == {"Front", "Back"}
    assert groups["Front"]["over_threshold"] == 3  # B, C, F
    assert groups["Front"]["variance"] == pytest.approx(2.0 * 1 + (-5.0) + (-5.0) + 0.0 * 0.6)
    counters = station.sam.get(f"/v1/counts/{station.count_id}/attribution", params={"by": "counter"}).json()
    assert [g["group"] for g in counters["groups"]] == ["alex"]
    whole = station.sam.get(f"/v1/counts/{station.count_id}/figures").json()
    assert whole["by"] == "count" and len(whole["figures"]) == 1
    f = whole["figures"][0]
    assert (f["group"], f["listed"], f["counted"], f["accurate"]) == ("Aisle 7", 5, 4, 1)
    assert f["completion"] == pytest.approx(0.8) and f["accuracy"] == pytest.approx(0.25)
    per_session = station.sam.get(f"/v1/counts/{station.count_id}/figures", params={"by": "session"}).json()
    assert {g["group"] for g in per_session["figures"]} == {"Default session", "Back room"}


def test_a_recount_supersedes_and_reaches_devices_with_its_items(station: Station) -> None:
    recount = new_event_id()
    payload = {"count_id": station.count_id, "name": "Recount F", "area": "Front", "recount_items": ["SKU-F"]}
    answer = station.push("sam", station.event("sam", "session_created", payload, recount))
    assert answer["verdicts"] == []
    assert station.sam.post(f"/v1/sessions/{recount}/start").status_code == 200
    with station.server.db.read() as conn:
        assert conn.execute(select(t.session_targets.c.item_key)).scalars().all() == ["SKU-F"]
    progress = station.sam.get(f"/v1/counts/{station.count_id}/progress").json()
    assert {s["id"]: s["recount_items"] for s in progress["sessions"]}[recount] == ["SKU-F"]
    # The recount counts 8 (in two scans) and 1 of A: for F its count is the item's, for A it adds up.
    station.scans(recount, "SKU-F", 8)
    station.scans(recount, "SKU-A", 1)
    lines = station.lines()
    f = lines["SKU-F"]
    assert (f["counted"], f["status"], f["by_session"]) == (
        8,
        "within threshold",
        [{"session_id": recount, "units": 8}],
    )
    assert lines["SKU-A"]["counted"] == 11
    # Every state of the recount session devices pull says what it recounts.
    changes = station.alex.get("/v1/changes", params={"since": 0, "limit": 5000}).json()["changes"]
    states = [c["data"] for c in changes if c["entity"] == "session" and c["key"] == recount]
    assert len(states) >= 2 and all(s["recount_items"] == ["SKU-F"] for s in states)
    assert all("recount_items" not in c["data"] for c in changes if c["entity"] == "session" and c["key"] != recount)


def test_decisions_hold_until_the_count_changes_and_are_audited(station: Station) -> None:
    sam = station.sam
    url = f"/v1/counts/{station.count_id}/decisions"
    r = sam.post(url, json={"item_key": "SKU-B", "decision": "forced"})
    assert r.status_code == 409 and "reason" in r.json()["detail"]
    r = sam.post(url, json={"item_key": "SKU-B", "decision": "approved", "counted": 5})
    assert r.status_code == 409 and "counted 2 now" in r.json()["detail"]
    r = sam.post(url, json={"item_key": "SKU-B", "decision": "approved", "counted": 2})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "approved" and r.json()["decision"]["decided_by"] == "sam"
    assert station.lines()["SKU-B"]["decision"]["counted"] == 2
    # Another scan of B: the decision was made on 2, it lapses.
    station.scans(station.s1, "SKU-B", 1)
    b = station.lines()["SKU-B"]
    assert (b["counted"], b["status"], b["decision"]) == (3, "pending approval", None)
    # A supervisor's decision pushed from a device (offline, earlier): applied, audited, sent to other devices.
    decided = station.event(
        "sam",
        "variance_decided",
        {
            "count_id": station.count_id,
            "item_key": "SKU-C",
            "decision": "rejected",
            "reason": "shelf not checked",
            "counted": 0,
            "expected": 5.0,
        },
    )
    assert station.push("sam", decided)["verdicts"] == []
    c = station.lines()["SKU-C"]
    assert (c["status"], c["decision"]["reason"]) == ("rejected", "shelf not checked")
    # A threshold of 5 units: C (-5) would be within, but the rejection holds; F (-5) is within now.
    r = sam.put(f"/v1/counts/{station.count_id}/threshold", json={"kind": "units", "value": 5})
    assert r.status_code == 200, r.text
    lines = station.lines()
    assert (lines["SKU-C"]["status"], lines["SKU-F"]["status"]) == ("rejected", "within threshold")
    assert station.variance()["threshold"] == {"kind": "units", "value": 5.0}
    with station.server.db.read() as conn:
        audit = [(r.user_id, r.action, r.target, json.loads(r.detail)) for r in conn.execute(select(t.audit_log))]
    actions = [(u, a, tg) for u, a, tg, _ in audit]
    assert ("sam", "variance_decided", f"{station.count_id}/SKU-B") in actions
    assert ("sam", "variance_decided", f"{station.count_id}/SKU-C") in actions
    assert ("sam", "variance_threshold_set", station.count_id) in actions
    detail = next(d for u, a, tg, d in audit if tg.endswith("SKU-C"))
    assert detail["reason"] == "shelf not checked" and detail["decision"] == "rejected"
    # Devices receive them all as events (the ones made at the server too).
    changes = station.alex.get("/v1/changes", params={"since": 0, "limit": 5000}).json()["changes"]
    kinds = [c["data"]["kind"] for c in changes if c["entity"] == "event"]
    assert kinds.count("variance_decided") == 2 and kinds.count("variance_threshold_set") == 1
    made_here = [c["data"] for c in changes if c["entity"] == "event" and c["data"]["device_id"].startswith("server:")]
    assert [(e["kind"], e["seq"], e["user_id"]) for e in made_here] == [
        ("variance_decided", 1, "sam"),
        ("variance_threshold_set", 2, "sam"),
    ]
    assert made_here[0]["payload"]["counted"] == 2 and made_here[0]["payload"]["decision"] == "approved"


def test_an_associates_decision_or_threshold_goes_to_review(station: Station) -> None:
    decided = station.event(
        "alex",
        "variance_decided",
        {"count_id": station.count_id, "item_key": "SKU-B", "decision": "approved", "counted": 2},
    )
    threshold = station.event(
        "alex", "variance_threshold_set", {"count_id": station.count_id, "kind": "units", "value": 99}
    )
    answer = station.push("alex", decided, threshold)
    assert [v["status"] for v in answer["verdicts"]] == ["rejected", "rejected"]
    assert all("may not" in v["reason"].lower() for v in answer["verdicts"])
    review = station.sam.get("/v1/review", params={"count_id": station.count_id}).json()
    assert {i["event_id"] for i in review} == {decided["id"], threshold["id"]}
    assert station.lines()["SKU-B"]["status"] == "pending approval"
    assert station.variance()["threshold"]["kind"] == "percent"
    # A supervisor merging it stands for it.
    r = station.sam.post(f"/v1/review/{decided['id']}", json={"action": "merge", "note": "agreed"})
    assert r.status_code == 200, r.text
    assert station.lines()["SKU-B"]["status"] == "approved"
    # A recount session is a supervisor's too.
    recount = {"count_id": station.count_id, "name": "Recount", "area": "Front", "recount_items": ["SKU-B"]}
    verdicts = station.push("alex", station.event("alex", "session_created", recount, new_event_id()))["verdicts"]
    assert [v["status"] for v in verdicts] == ["rejected"] and "may not" in verdicts[0]["reason"].lower()
    # A rejection without a reason is refused even from a supervisor.
    bare = station.event(
        "sam", "variance_decided", {"count_id": station.count_id, "item_key": "SKU-C", "decision": "rejected"}
    )
    assert [v["status"] for v in station.push("sam", bare)["verdicts"]] == ["rejected"]


def test_every_station_endpoint_is_for_supervisors_only(station: Station) -> None:
    cid = station.count_id
    calls = [
        ("GET", f"/v1/counts/{cid}/progress", None),
        ("GET", f"/v1/counts/{cid}/variance", None),
        ("GET", f"/v1/counts/{cid}/attribution", None),
        ("GET", f"/v1/counts/{cid}/figures", None),
        ("PUT", f"/v1/counts/{cid}/threshold", {"kind": "units", "value": 1}),
        ("POST", f"/v1/counts/{cid}/decisions", {"item_key": "SKU-B", "decision": "approved"}),
        ("GET", "/v1/devices", None),
    ]
    for method, path, body in calls:
        r = station.alex.request(method, path, json=body)
        assert r.status_code == 403, (method, path, r.status_code, r.text)
        assert station.sam.request(method, path, json=body).status_code == 200, (method, path)
    with httpx.Client(base_url=station.server.url) as nobody:
        assert nobody.get(f"/v1/counts/{cid}/variance").status_code == 401


def _device(server: LiveServer, device_id: str) -> dict[str, Any]:
    with server.client("sam") as sam:
        r = sam.get("/v1/devices")
    assert r.status_code == 200, r.text
    return next(d for d in r.json() if d["id"] == device_id)


def test_devices_show_last_attempt_clock_offset_who_and_stale(server: LiveServer) -> None:
    clock = server.clock
    fresh = _device(server, "dev-alex")
    assert (fresh["last_attempt_at"], fresh["clock_offset_s"], fresh["signed_in"], fresh["stale"]) == (
        None,
        None,
        None,
        True,
    )
    ahead = (clock.now() + timedelta(seconds=90)).isoformat()
    with server.client("alex") as alex:
        r = alex.get("/v1/changes", params={"since": 0}, headers={"X-Device-Time": ahead})
        assert r.status_code == 200
    d = _device(server, "dev-alex")
    assert d["clock_offset_s"] == 90.0 and d["signed_in"] == "alex" and not d["stale"]
    with server.client("alex") as alex:  # a time the server cannot read is no offset, and no error
        for junk in ("not a time", "9999-12-31T23:59:59-23:59", ""):
            assert alex.get("/v1/changes", params={"since": 0}, headers={"X-Device-Time": junk}).status_code == 200
    assert _device(server, "dev-alex")["clock_offset_s"] == 90.0
    assert (
        d["last_attempt_at"] == d["last_pull_at"] == d["last_sync_at"] == clock.now().isoformat().replace("+00:00", "Z")
    )
    # 31 minutes on: stale. A push refused as malformed is still an attempt (its clock behind now).
    clock.advance(timedelta(minutes=31))
    assert _device(server, "dev-alex")["stale"]
    behind = (clock.now() - timedelta(seconds=12.5)).isoformat()
    with server.client("alex") as alex:
        headers = {"X-Device-Time": behind, "X-Device-Seq": "42"}
        r = alex.post("/v1/journal", content=b'{"events": "nope"}', headers=headers)
        assert r.status_code == 422
    d = _device(server, "dev-alex")
    assert d["clock_offset_s"] == -12.5 and d["stale"] and d["last_push_at"] is None
    assert (d["reported_seq"], d["pending"]) == (42, 42)  # what waits on the device, though the push failed
    assert d["last_attempt_at"] != d["last_pull_at"]


def test_the_client_reports_its_injected_clock_on_push_and_pull(server: LiveServer, tmp_path: Path) -> None:
    with server.client("sam") as sam:
        sid = seed_catalog_and_count(sam)["sessions"][0]["id"]
    device = Device(server, tmp_path / "alex.db", "alex")
    try:
        device.clock.advance(timedelta(minutes=-3))  # the device's clock runs 3 minutes behind the server's
        device.client.sync_once()
        d = _device(server, device.store.device_id)
        assert (d["clock_offset_s"], d["signed_in"], d["stale"]) == (-180.0, "alex", False)
        # A push alone reports too: 40 minutes on, the device 2 s ahead now.
        server.clock.advance(timedelta(minutes=40))
        device.clock.current = server.clock.now() + timedelta(seconds=2)
        assert _device(server, device.store.device_id)["stale"]
        device.counting.start(device.actor, sid)
        assert device.client.push().pushed == 1
        d = _device(server, device.store.device_id)
        assert d["clock_offset_s"] == 2.0 and not d["stale"] and d["last_push_at"] == d["last_attempt_at"]
    finally:
        device.close()


def test_the_stale_limit_is_a_setting(server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCANAPP_SYNC_DB", server.db.url)
    monkeypatch.setenv("SCANAPP_SYNC_STALE_AFTER", "90")
    app = app_from_env()
    try:
        assert app.state.ctx.settings.stale_after == timedelta(minutes=90)
    finally:
        app.state.ctx.db.close()


def test_a_device_shows_the_servers_numbers_after_a_sync(station: Station, tmp_path: Path) -> None:
    """The same domain functions on both sides: after a sync (a recount, decisions made at the API and pushed,
    a threshold), the device's variance, progress and attribution equal the server's."""
    recount = new_event_id()
    payload = {"count_id": station.count_id, "name": "Recount F", "area": "Front", "recount_items": ["SKU-F"]}
    station.push("sam", station.event("sam", "session_created", payload, recount))
    assert station.sam.post(f"/v1/sessions/{recount}/start").status_code == 200
    station.scans(recount, "SKU-F", 7)
    url = f"/v1/counts/{station.count_id}/decisions"
    r = station.sam.post(url, json={"item_key": "SKU-F", "decision": "forced", "reason": "damaged stock written off"})
    assert r.status_code == 200, r.text
    pushed = {"count_id": station.count_id, "item_key": "SKU-C", "decision": "rejected", "reason": "look again"}
    assert station.push("sam", station.event("sam", "variance_decided", {**pushed, "counted": 0}))["verdicts"] == []
    assert station.sam.put(f"/v1/counts/{station.count_id}/threshold", json={"kind": "units", "value": 1}).is_success
    device = Device(station.server, tmp_path / "pat.db", "pat")
    try:
        device.client.sync_once()
        with device.store.read() as conn:
            rows = conn.execute(
                select(schema.events.c.device_id, schema.events.c.payload).where(
                    schema.events.c.kind == "variance_decided"
                )
            ).all()
        assert sorted(r.device_id.startswith("server:") for r in rows) == [False, True]
        reads = SupervisorReads(device.counting.uow_factory, device.clock)
        mine = {
            ln.item_key: (ln.expected, ln.counted, ln.status.value, ln.decision and ln.decision.decision.value)
            for ln in reads.variance(station.count_id)
        }
        theirs = {
            k: (ln["expected"], ln["counted"], ln["status"], ln["decision"] and ln["decision"]["decision"])
            for k, ln in station.lines().items()
        }
        assert mine == theirs
        assert theirs["SKU-F"] == (8.0, 7, "forced", "forced") and theirs["SKU-C"][2] == "rejected"
        assert reads.threshold(station.count_id).value == 1.0
        progress = station.sam.get(f"/v1/counts/{station.count_id}/progress").json()
        local = reads.progress(station.count_id)
        assert (local.listed, local.counted, local.units) == (
            progress["listed"],
            progress["counted"],
            progress["units"],
        )
        by_area = station.sam.get(f"/v1/counts/{station.count_id}/attribution", params={"by": "area"}).json()
        assert [(a.group, a.units, a.variance) for a in reads.attribution(station.count_id, Grouping.AREA)] == [
            (g["group"], g["units"], g["variance"]) for g in by_area["groups"]
        ]
    finally:
        device.close()
