"""Exports of a session (its items and scan lines) or a whole count (the variance report with the supervisor's
decisions), as CSV, JSON or PDF."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy import Connection

from scanapp.domain.classification import Category, tabs_for
from scanapp.domain.refusals import RefusedScan
from scanapp.domain.tally import Line
from scanapp.domain.variance import Status, VarianceLine
from scanapp.services import pdf
from scanapp.store import queries

if TYPE_CHECKING:
    from scanapp.services.supervisor_reads import SupervisorReads

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


def count_data(reads: SupervisorReads, conn: Connection, count_id: str, now: datetime) -> dict[str, Any]:
    """A count's variance report (S8, S11): every item listed or counted with expected, counted, its status,
    variance, percent and the supervisor's decision. C10: an item not counted has counted None (blank in CSV
    and PDF, status "not counted"); one counted as 0 has counted 0 and its own status."""
    c = queries.count(conn, count_id)
    state, unmatched = queries.count_unmatched(conn, count_id)
    lines = reads.variance(count_id)
    threshold = reads.threshold(count_id)
    figures = reads.figures(count_id, None)[0]
    by_status = Counter(ln.status for ln in lines)
    counted = [ln for ln in lines if ln.counted is not None]
    return {
        "count": {
            "id": c.id,
            "name": c.name,
            "type": c.kind.value,
            "state": state.value,
            "planned_start": c.planned_start.isoformat(),
        },
        "generated_at": now.isoformat(),
        "threshold": {"kind": threshold.kind.value, "value": threshold.value},
        "totals": {
            "units": sum(ln.counted or 0 for ln in lines) + sum(u.units for u in unmatched),
            "unique_products": sum(1 for ln in counted if ln.counted),
            "unmatched_scans": len(unmatched),
            "listed": figures.listed,
            "counted": len(counted),
            "counted_zero": sum(1 for ln in counted if ln.counted == 0),
            "not_counted": by_status[Status.NOT_COUNTED],
            "expected_units": sum(ln.expected or 0 for ln in lines),
            "variance": sum(ln.variance or 0 for ln in lines),
            "absolute_variance": sum(abs(ln.variance or 0) for ln in lines),
            **{s.value.replace(" ", "_"): by_status[s] for s in Status if s is not Status.NOT_COUNTED},
            "completion": _ratio(figures.completion),
            "accuracy": _ratio(figures.accuracy),
        },
        "lines": [_variance_line(ln) for ln in lines],
        "approvals": [
            {
                "item_key": ln.item_key,
                "decision": ln.decision.decision.value,
                "decided_by": ln.decision.decided_by,
                "decided_at": ln.decision.decided_at.isoformat(),
                "reason": ln.decision.reason,
            }
            for ln in lines
            if ln.decision is not None
        ],
        "unmatched": [_line(ln) for ln in unmatched],
    }


def _variance_line(ln: VarianceLine) -> dict[str, Any]:
    d = ln.decision
    return {
        "item_key": ln.item_key,
        "name": ln.name,
        "expected": ln.expected,
        "counted": ln.counted,
        "status": ln.status.value,
        "variance": ln.variance,
        "percent": None if ln.percent is None else round(ln.percent, 2),
        "decision": d.decision.value if d else None,
        "decided_by": d.decided_by if d else None,
        "reason": d.reason if d else None,
    }


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def write_count_file(reads: SupervisorReads, count_id: str, fmt: str, path: Path, now: datetime) -> None:
    """A count's variance report in a file: CSV, JSON or PDF."""
    with reads.store.read() as conn:
        data = count_data(reads, conn, count_id, now)
    if fmt == "pdf":
        path.write_bytes(pdf.render(count_document(data)))
        return
    if fmt not in ("csv", "json"):
        raise ValueError(f"unknown export format {fmt!r}")
    with path.open("w", encoding="utf-8", newline="") as out:
        (write_json if fmt == "json" else write_count_csv)(data, out)


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


COUNT_COLUMNS = [
    "item_key",
    "name",
    "expected",
    "counted",
    "status",
    "variance",
    "percent",
    "decision",
    "decided_by",
    "reason",
]


def write_count_csv(data: dict[str, Any], out: TextIO) -> None:
    """One row per item (counted blank: not counted; 0: counted as 0, C10), one per unmatched scan (status
    "unmatched"), and last one row of totals (item_key TOTAL, status "total")."""
    w = csv.writer(out)
    w.writerow(COUNT_COLUMNS)
    for ln in data["lines"]:
        w.writerow([_blank(ln[c]) for c in COUNT_COLUMNS])
    for un in data["unmatched"]:
        w.writerow(["", f"UNMATCHED {un['code'] or un['raw']}", "", un["units"], "unmatched", "", "", "", "", ""])
    t = data["totals"]
    summary = (
        f"{t['listed']} listed, {t['counted']} counted ({t['counted_zero']} as 0), {t['not_counted']} not counted,"
        f" {t['pending_approval']} pending approval"
    )
    w.writerow(["TOTAL", summary, t["expected_units"], t["units"], "total", t["variance"], "", "", "", ""])


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
    """A count's variance report as a PDF: the count, the date, who approved, the table, the totals."""
    c, t, th = data["count"], data["totals"], data["threshold"]
    deciders = Counter(a["decided_by"] for a in data["approvals"])
    approved_by = ", ".join(f"{who} ({n})" for who, n in sorted(deciders.items())) or "—"
    unit = " units" if th["kind"] == "units" else " %"
    return pdf.Document(
        title=f"Count: {c['name']}",
        meta=[
            ("Type", c["type"]),
            ("State", c["state"]),
            ("Planned start", _when(c["planned_start"])),
            ("Date", _when(data["generated_at"])),
            ("Threshold", f"{th['value']:g}{unit}"),
            ("Decided by", approved_by),
        ],
        tables=[
            pdf.Table(
                "Variance",
                ["SKU", "Name", "Expected", "Counted", "Status", "Variance", "%", "Decision", "By", "Reason"],
                [
                    [
                        ln["item_key"],
                        ln["name"],
                        _text(ln["expected"]),
                        _text(ln["counted"]),
                        ln["status"],
                        _text(ln["variance"]),
                        "" if ln["percent"] is None else f"{ln['percent']:.1f}",
                        ln["decision"] or "",
                        ln["decided_by"] or "",
                        ln["reason"] or "",
                    ]
                    for ln in data["lines"]
                ],
                weights=[1.2, 2.8, 1.15, 1.1, 1.6, 1.15, 0.8, 1.0, 0.9, 2.3],
            ),
            pdf.Table(
                "Decisions",
                ["SKU", "Decision", "By", "At", "Reason"],
                [
                    [a["item_key"], a["decision"], a["decided_by"], a["decided_at"], a["reason"]]
                    for a in data["approvals"]
                ],
            ),
            pdf.Table(
                "Unmatched scans",
                ["Code", "At", "Units"],
                [[u["code"] or u["raw"], u["at"], str(u["units"])] for u in data["unmatched"]],
            ),
        ],
        totals=[(key.replace("_", " ").capitalize(), _total(value)) for key, value in t.items()],
    )


def _when(iso: str) -> str:
    """An ISO time as a person reads it on paper: to the minute, with its zone."""
    at = datetime.fromisoformat(iso)
    return at.strftime("%Y-%m-%d %H:%M ") + (at.tzname() or "")


def _total(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
