"""Two bench stations reconciling one lab through the real server over HTTP (SQLite and PostgreSQL): a session
started offline on one station reaches the other with its frozen scope, each sees the other's scans after a sync,
notes and resolutions travel, and the server keeps the seed's rule: only the starter ends, and only once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from scansync import tables as t
from sqlalchemy import insert, select

from scanapp.domain.lab import Location, Resolution
from scanapp.domain.lab_rows import View
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.counting import Counting
from scanapp.services.lab import Reconciliation
from scanapp.services.lab_reads import LabReads
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync.client import SyncClient
from tests.integration.sync.conftest import START, Clock, LiveServer, wire_event

FREEZER = Location("Lab A", "Freezer 1")


class Station:
    """A bench station: its own store, the lab services, a sync client signed in as `user`."""

    def __init__(self, server: LiveServer, path: Path, user: str) -> None:
        self.store = Store.open(path)
        self.clock = Clock(START)
        self.lab = Reconciliation(Counting(lambda: SqlUnitOfWork(self.store), self.clock))
        self.reads = LabReads(self.store)
        self.actor = Actor(user, self.store.device_id, ROLES["lab_tech"])
        with server.db.write() as tx:
            tx.conn.execute(
                insert(t.devices).values(
                    id=self.store.device_id,
                    name=path.stem,
                    enrolled_at=START,
                    enrolled_by="test",
                    high_water=0,
                    reported_seq=0,
                )
            )
        self.client = SyncClient(self.store, server.url, clock=self.clock)
        token = server.token(user, self.store.device_id)
        self.client.remember_token(user, token, START + timedelta(days=365))

    def sync(self) -> dict[str, str]:
        report = self.client.sync_once()
        assert report.all_pushed
        return report.not_applied

    def close(self) -> None:
        self.client.close()
        self.store.close()


def test_two_stations_reconcile_one_lab(server: LiveServer, tmp_path: Path) -> None:
    with server.client("lee") as lee_http:
        items = [
            {"barcode": f"A-{i}", "ingredient": "Ethanol", "lab": "Lab A", "location": "Freezer 1", "quantity": 10}
            for i in range(1, 5)
        ]
        assert lee_http.post("/v1/lab/inventory", json=items).status_code == 200
    one, two = Station(server, tmp_path / "one.db", "lee"), Station(server, tmp_path / "two.db", "lee")
    try:
        one.sync()
        two.sync()
        config = one.lab.create_listing_config(one.actor, "Freezer 1", {"location": ["Freezer 1"]})
        _count, session = one.lab.start(one.actor, "Freezers", "Lab A", config.id)
        one.lab.scan(one.actor, session.id, "A-1", "wedge", here=FREEZER)
        one.lab.scan(one.actor, session.id, "MYSTERY", "wedge", here=FREEZER)
        one.lab.note_code(one.actor, session.id, "MYSTERY", "a box without a label")
        assert one.sync() == {}

        two.sync()  # station two sees the session, its scope and station one's scans
        row = two.reads.session(session.id)
        assert (row.count.name, row.expected, row.found) == ("Freezers", 4, 1)
        assert {p.location: (p.expected, p.found) for p in two.reads.progress(session.id)} == {"Freezer 1": (4, 1)}
        assert [(u.code, u.note) for u in two.reads.unknown_codes(session.id)] == [("MYSTERY", "a box without a label")]
        two.lab.scan(two.actor, session.id, "A-2", "wedge", here=FREEZER)
        assert two.sync() == {}
        one.sync()
        assert [r.item.barcode for r in one.reads.view_rows(session.id, View.NOT_SCANNED)] == ["A-3", "A-4"]

        # A resolution travels: the item is archived on the server and on the other station.
        one.lab.resolve(one.actor, session.id, ["A-3"], Resolution.ARCHIVED)
        one.lab.resolve(one.actor, session.id, ["A-4"], Resolution.MOVED, to="Shelf 1")
        # Both stations end the session before they sync: the server takes the first end only.
        two.lab.resolve(two.actor, session.id, ["A-3", "A-4"], Resolution.STILL_MISSING)
        one.lab.end(one.actor, session.id)
        assert one.sync() == {}
        two.lab.end(two.actor, session.id)
        refused = two.sync()
        assert len(refused) == 2 and any("already ended" in reason for reason in refused.values())
        assert two.reads.session(session.id).ended
        with server.db.read() as conn:
            status = conn.execute(
                select(t.inventory_items.c.status).where(t.inventory_items.c.barcode == "A-3")
            ).scalar()
            place = conn.execute(
                select(t.inventory_items.c.location).where(t.inventory_items.c.barcode == "A-4")
            ).scalar()
        assert (status, place) == ("archived", "Shelf 1")
        assert two.reads.item("A-3").status == "archived"  # type: ignore[union-attr]
    finally:
        one.close()
        two.close()


def test_the_server_lets_only_the_starter_end(server: LiveServer, tmp_path: Path) -> None:
    with server.client("lee") as lee_http:
        lee_http.post("/v1/lab/inventory", json=[{"barcode": "A-1", "ingredient": "Agarose", "lab": "Lab A"}])
    station = Station(server, tmp_path / "one.db", "lee")
    try:
        station.sync()
        config = station.lab.create_listing_config(station.actor, "All", {})
        _count, session = station.lab.start(station.actor, "Weekly", "Lab A", config.id)
        station.lab.resolve(station.actor, session.id, ["A-1"], Resolution.NOT_APPLICABLE)
        assert station.sync() == {}
        # Another lab user's station ends it (a device whose app would not have): the server refuses it.
        ended = wire_event("dev-ada", 1, "session_ended", session.id, "ada")
        with server.client("ada") as ada_http:
            verdicts = ada_http.post("/v1/journal", json={"events": [ended]}).json()["verdicts"]
        assert verdicts[0]["status"] == "rejected" and "Only lee" in verdicts[0]["reason"]
    finally:
        station.close()


def test_the_server_ends_a_session_only_once_every_unfound_item_is_resolved(server: LiveServer, tmp_path: Path) -> None:
    """L9 on the server too: an end pushed while expected items nobody found have no resolution is refused (a
    station whose app would not have sent it), and the same end after their resolutions is applied."""
    with server.client("lee") as lee_http:
        items = [{"barcode": f"B-{i}", "ingredient": "Agarose", "lab": "Lab A"} for i in range(1, 4)]
        assert lee_http.post("/v1/lab/inventory", json=items).status_code == 200
    station = Station(server, tmp_path / "one.db", "lee")
    try:
        station.sync()
        config = station.lab.create_listing_config(station.actor, "All", {})
        _count, session = station.lab.start(station.actor, "Weekly", "Lab A", config.id)
        station.lab.scan(station.actor, session.id, "B-1", "wedge", here=FREEZER)
        station.lab.resolve(station.actor, session.id, ["B-2"], Resolution.STILL_MISSING)
        assert station.sync() == {}
        early = wire_event("dev-lee", 1, "session_ended", session.id, "lee")
        with server.client("lee") as other_station:
            answer = other_station.post("/v1/journal", json={"events": [early]})
            assert answer.status_code == 200, answer.text
            verdict = answer.json()["verdicts"][0]
        assert (
            verdict["status"] == "rejected" and "1 expected item(s)" in verdict["reason"] and "B-3" in verdict["reason"]
        )
        station.lab.resolve(station.actor, session.id, ["B-3"], Resolution.NOT_APPLICABLE)
        station.lab.end(station.actor, session.id)  # the resolution and the end go up in one batch
        assert station.sync() == {}
        with server.db.read() as conn:
            ended = conn.execute(select(t.sessions.c.ended_at).where(t.sessions.c.id == session.id)).scalar()
        assert ended is not None
    finally:
        station.close()
