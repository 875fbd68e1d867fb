"""C10 in exports: an item hand-counted as 0 is "counted" with 0 units, one never counted is "not counted";
the CSV and the JSON of a session say which, distinctly."""

from __future__ import annotations

import csv
import io
import json

from scanapp.services.export import session_data, write_json, write_session_csv
from tests.helpers import WATER


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
