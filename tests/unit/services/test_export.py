"""C10 in exports: an item hand-counted as 0 is "counted" with 0 units, one never counted is "not counted";
the CSV and the JSON of a session say which, distinctly."""

from __future__ import annotations

import csv
import io
import json

from scanapp.domain.refusals import RefusalReason
from scanapp.services.export import session_data, write_json, write_session_csv
from scanapp.store import queries
from tests.helpers import CHIPS, COLA, WATER


def test_counted_zero_and_not_counted_are_told_apart(store, counting, supervisor, directed_session) -> None:
    _count, session = directed_session
    counting.add_hand_counted(supervisor, session.id, [("SKU-COLA", 0)])
    counting.record_scan(supervisor, session.id, WATER, "test")
    with store.read() as conn:
        data = session_data(conn, session.id)
    by_key = {it["item_key"]: (it["category"], it["status"], it["units"]) for it in data["items"]}
    assert by_key["SKU-COLA"] == ("Counted", "counted", 0)
    assert by_key["SKU-WATER"] == ("Undirected", "counted", 1)
    assert by_key["SKU-CHIPS"] == ("Uncounted", "not counted", 0)
    not_counted = ["SKU-CHIPS"]

    out = io.StringIO()
    write_session_csv(data, out)
    rows = {r["item_key"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert (rows["SKU-COLA"]["status"], rows["SKU-COLA"]["units"]) == ("counted", "0")
    assert all((rows[k]["status"], rows[k]["units"]) == ("not counted", "0") for k in not_counted)

    out = io.StringIO()
    write_json(data, out)
    items = {it["item_key"]: it for it in json.loads(out.getvalue())["items"]}
    assert items["SKU-COLA"]["status"] == "counted" and items[not_counted[0]]["status"] == "not counted"


def test_removing_the_count_of_zero_makes_it_not_counted_again(store, counting, supervisor, directed_session) -> None:
    _count, session = directed_session
    counting.add_hand_counted(supervisor, session.id, [("SKU-COLA", 0)])
    with store.read() as conn:
        [line] = queries.lines(conn, session.id)
    counting.remove_line(supervisor, session.id, line.event_id)
    with store.read() as conn:
        data = session_data(conn, session.id)
    by_key = {it["item_key"]: (it["category"], it["status"]) for it in data["items"]}
    assert by_key["SKU-COLA"] == ("Uncounted", "not counted")


def test_refused_scans_are_reported_apart_from_the_scans(store, counting, supervisor, directed_session) -> None:
    """H6: a scan refused in a session is in its export, after the scans, with why; no total includes it."""
    _count, session = directed_session
    counting.record_scan(supervisor, session.id, WATER, "wedge")
    counting.submit(supervisor, session.id)
    counting.refusals.keep(
        session.id, "alex", COLA, {"ok": True, "code": COLA.zfill(14)}, RefusalReason.SUBMITTED, "wedge"
    )
    counting.refusals.keep(None, "alex", CHIPS, {"ok": True}, RefusalReason.NO_SESSION, "wedge")  # not this session's
    with store.read() as conn:
        data = session_data(conn, session.id)
    assert data["totals"]["units"] == 1 and data["totals"]["refused_scans"] == 1
    assert [ln["raw"] for ln in data["lines"]] == [WATER]  # the scans: the refused one is not among them
    [kept] = data["refused"]
    assert (kept["raw"], kept["code"], kept["user"], kept["after_line"]) == (COLA, COLA.zfill(14), "alex", 1)
    assert kept["reason"] == "This session is submitted: Re-open session to scan more."
    assert kept["reason_id"] == "submitted"

    out = io.StringIO()
    write_session_csv(data, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["category"] for r in rows][-1] == "Refused"
    last = rows[-1]
    assert (last["status"], last["units"], last["code"], last["reason"]) == (
        "refused",
        "0",
        COLA.zfill(14),
        kept["reason"],
    )
    assert sum(int(r["units"]) for r in rows) == data["totals"]["units"]

    out = io.StringIO()
    write_json(data, out)
    assert json.loads(out.getvalue())["refused"][0]["reason_id"] == "submitted"
