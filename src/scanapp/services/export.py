"""Exports of a session (its items and scan lines) or a whole count (the variance report), as CSV or JSON."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import Connection

from scanapp.domain.classification import Category, tabs_for
from scanapp.domain.refusals import RefusedScan
from scanapp.domain.tally import Line
from scanapp.services import pdf
from scanapp.store import queries

COUNTED = "counted"
NOT_COUNTED = "not counted"
"""An item's status in a session export: counted (0 units included, C10) or not counted."""
REFUSED = "refused"
REFUSED_CATEGORY = "Refused"
"""A refused scan's status and category in a session's CSV: not an item, counted nowhere."""


def session_data(conn: Connection, session_id: str) -> dict[str, Any]:
    """A session's items (C10: an item hand-counted as 0 is counted, with 0 units; one never counted is not),
    its scan lines, and apart from them the scans refused in it (H6), which count nowhere."""
    session = queries.session(conn, session_id)
    count = queries.count(conn, session.count_id)
    totals = queries.totals(conn, session_id)
    lines = _all_lines(conn, session_id)
    refused = queries.refused_scans(conn, session_id)
    items: list[dict[str, Any]] = []
    for category in tabs_for(count.kind):
        if category is Category.UNCOUNTED:
            rows = queries.uncounted(conn, session_id)
        elif category is Category.UNMATCHED:
            continue  # listed per scan below
        else:
            rows = queries.items(conn, session_id, category)
        items += [
            {
                "category": category.value,
                "item_key": r.item_key,
                "name": r.name,
                "status": NOT_COUNTED if category is Category.UNCOUNTED else COUNTED,
                "units": r.units,
                "expected_qty": r.expected_qty,
            }
            for r in rows
        ]
    items += [
        {
            "category": Category.UNMATCHED.value,
            "item_key": None,
            "name": "",
            "status": COUNTED,
            "units": ln.units,
            "expected_qty": None,
            "code": ln.code,
        }
        for ln in lines
        if ln.category is Category.UNMATCHED
    ]
    return {
        "session": {
            "id": session.id,
            "name": session.name,
            "area": session.area,
            "state": session.state.value,
            "count_id": count.id,
            "count": count.name,
            "type": count.kind.value,
            "started_at": _iso(session.started_at),
            "submitted_at": _iso(session.submitted_at),
        },
        "totals": {
            "units": totals.units,
            "unique_products": totals.unique_items,
            "rejected_scans": totals.rejected,
            "refused_scans": len(refused),
            **{c.value.lower(): totals.units_in(c) for c in tabs_for(count.kind) if c is not Category.UNCOUNTED},
        },
        "items": items,
        "lines": [_line(ln) for ln in lines],
        "refused": [_refused(r) for r in refused],
    }


def count_data(conn: Connection, count_id: str, now: datetime) -> dict[str, Any]:
    report = queries.count_report(conn, count_id, now)
    c = report.count
    return {
        "count": {
            "id": c.id,
            "name": c.name,
            "type": c.kind.value,
            "state": report.state.value,
            "planned_start": c.planned_start.isoformat(),
        },
        "generated_at": report.generated_at.isoformat(),
        "totals": {
            "units": report.units,
            "unique_products": report.unique_items,
            "unmatched_scans": len(report.unmatched),
        },
        "lines": [
            {
                "item_key": ln.item_key,
                "name": ln.name,
                "expected": ln.expected,
                "counted": ln.counted,
                "variance": ln.variance,
            }
            for ln in report.lines
        ],
        "unmatched": [_line(ln) for ln in report.unmatched],
    }


def write_json(data: dict[str, Any], out: TextIO) -> None:
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def write_session_csv(data: dict[str, Any], out: TextIO) -> None:
    """One row per item (and per unmatched scan); after them, one row per refused scan (category Refused,
    status refused, 0 units, with its time and why), which no total includes."""
    w = csv.writer(out)
    w.writerow(
        ["session_id", "category", "item_key", "name", "code", "status", "units", "expected_qty", "at", "reason"]
    )
    sid = data["session"]["id"]
    for it in data["items"]:
        w.writerow(
            [
                sid,
                it["category"],
                it["item_key"] or "",
                it["name"],
                it.get("code") or "",
                it["status"],
                it["units"],
                "" if it["expected_qty"] is None else it["expected_qty"],
                "",
                "",
            ]
        )
    for r in data["refused"]:
        w.writerow([sid, REFUSED_CATEGORY, "", "", r["code"] or r["raw"], REFUSED, 0, "", r["at"], r["reason"]])


def write_count_csv(data: dict[str, Any], out: TextIO) -> None:
    w = csv.writer(out)
    w.writerow(["count_id", "item_key", "name", "expected", "counted", "variance"])
    cid = data["count"]["id"]
    for ln in data["lines"]:
        w.writerow([cid, ln["item_key"], ln["name"], _blank(ln["expected"]), ln["counted"], _blank(ln["variance"])])
    for un in data["unmatched"]:
        w.writerow([cid, "", f"UNMATCHED {un['code']}", "", un["units"], ""])


def _all_lines(conn: Connection, session_id: str) -> list[Line]:
    out: list[Line] = []
    while True:
        page = queries.lines(conn, session_id, offset=len(out), limit=5000)
        out += page
        if len(page) < 5000:
            return out


def _line(ln: Line) -> dict[str, Any]:
    return {
        "id": ln.event_id,
        "ordinal": ln.ordinal,
        "at": ln.at.isoformat(),
        "kind": ln.kind.value,
        "raw": ln.raw,
        "code": ln.code,
        "item_key": ln.item_key,
        "units": ln.units,
        "category": ln.category.value if ln.category else None,
        "source": ln.source,
        "manual": ln.manual,
        "reason": ln.reason,
    }


def _refused(r: RefusedScan) -> dict[str, Any]:
    return {
        "id": r.id,
        "after_line": r.after_ordinal,
        "at": r.at.isoformat(),
        "user": r.user_id,
        "raw": r.raw,
        "code": r.code,
        "reading": dict(r.reading),
        "source": r.source,
        "manual": r.manual,
        "reason": r.why,
        "reason_id": r.reason.value,
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _blank(value: object) -> object:
    return "" if value is None else value


def session_document(data: dict[str, Any]) -> pdf.Document:
    """A session's items as a PDF (the same data as its CSV: counted or not counted per item, C10)."""
    s, t = data["session"], data["totals"]
    return pdf.Document(
        title=f"Session: {s['name']} ({s['count']})",
        meta=[
            ("Count", f"{s['count']} ({s['type']})"),
            ("Area", s["area"] or "—"),
            ("State", s["state"]),
            ("Started", s["started_at"] or "—"),
            ("Submitted", s["submitted_at"] or "—"),
        ],
        tables=[
            pdf.Table(
                "Items",
                ["Category", "SKU", "Name", "Code", "Status", "Units", "Expected"],
                [
                    [
                        it["category"],
                        it["item_key"] or "",
                        it["name"],
                        it.get("code") or "",
                        it["status"],
                        str(it["units"]),
                        "" if it["expected_qty"] is None else f"{it['expected_qty']:g}",
                    ]
                    for it in data["items"]
                ],
            )
        ],
        totals=[(key.replace("_", " ").capitalize(), str(value)) for key, value in t.items()],
    )


def count_document(data: dict[str, Any]) -> pdf.Document:
    """A count's variance report as a PDF."""
    c, t = data["count"], data["totals"]
    return pdf.Document(
        title=f"Count: {c['name']}",
        meta=[
            ("Type", c["type"]),
            ("State", c["state"]),
            ("Planned start", c["planned_start"]),
            ("Generated", data["generated_at"]),
        ],
        tables=[
            pdf.Table(
                "Variance",
                ["SKU", "Name", "Expected", "Counted", "Variance"],
                [
                    [ln["item_key"], ln["name"], _text(ln["expected"]), str(ln["counted"]), _text(ln["variance"])]
                    for ln in data["lines"]
                ],
            ),
            pdf.Table(
                "Unmatched scans",
                ["Code", "At", "Units"],
                [[u["code"] or u["raw"], u["at"], str(u["units"])] for u in data["unmatched"]],
            ),
        ],
        totals=[(key.replace("_", " ").capitalize(), str(value)) for key, value in t.items()],
    )


def _text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
