"""A reconciliation session's report (L13): its scope, who started it, start and end, every scan with its tag
and where it was made, every action, every resolution and the unknown codes with their notes; as JSON, CSV
or PDF. Each scan's tag is taken from its own event (the place it was scanned at and where the inventory had
the item then), so the report says what the bench saw, whatever was moved after."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from sqlalchemy import Connection, text

from scanapp.domain.lab import tag
from scanapp.domain.lab_rows import View
from scanapp.services import pdf
from scanapp.store import queries
from scanapp.store.queries import lab, lab_views

CSV_FIELDS = ("record", "barcode", "ingredient", "location", "found_at", "tag", "what", "detail", "user", "at")


def report_data(conn: Connection, session_id: str) -> dict[str, Any]:
    row = lab.reconciliation(conn, session_id)
    session, count = row.session, row.count
    config = lab.listing_config(conn, count.listing_config_id) if count.listing_config_id else None
    listing = lab_views.view_rows(conn, session_id, View.LISTING)
    expected = {r.item.barcode for r in listing}
    scans = _scans(conn, session_id, expected)
    resolutions = conn.execute(
        text("SELECT * FROM lab_resolutions WHERE session_id = :s ORDER BY item_key"), {"s": session_id}
    ).fetchall()
    return {
        "session": {
            "id": session.id,
            "name": count.name,
            "lab": count.lab,
            "listing_config": None
            if config is None
            else {"id": config.id, "name": config.name, "filters": dict(config.filters), "columns": config.columns},
            "started_by": session.started_by,
            "started_at": _iso(session.started_at),
            "ended_at": _iso(session.ended_at),
            "state": "ended" if session.ended_at else "active",
        },
        "totals": {
            "expected": row.expected,
            "found": row.found,
            "not_found": row.expected - row.found,
            "wrong_location": sum(1 for s in scans if s["tag"] == "Wrong location"),
            "not_in_scope": row.not_in_scope,
            "unknown_codes": row.unknown,
            "scans": len(scans),
        },
        "scope": [
            {
                "barcode": r.item.barcode,
                "ingredient": r.item.ingredient,
                "location": r.scope_location or r.item.location,
                "found_at": r.found_at,
                "resolution": r.resolution,
            }
            for r in listing
        ],
        "scans": scans,
        "actions": [
            {
                "barcode": h.item_barcode,
                "action": h.action,
                "detail": h.detail,
                "user": h.user_id,
                "at": h.at.isoformat(),
            }
            for h in queries.inventory_history(conn, session_id=session_id)
            if h.action != "resolved"
        ],
        "resolutions": [
            {"barcode": r.item_key, "resolution": r.resolution, "detail": r.detail, "user": r.user_id, "at": r.at}
            for r in resolutions
        ],
        "unknown_codes": [
            {"code": u.code, "scans": u.scans, "note": u.note} for u in lab.unknown_codes(conn, session_id)
        ],
        "progress": [
            {"location": p.location, "expected": p.expected, "found": p.found, "missing": p.missing}
            for p in lab.progress(conn, session_id)
        ],
    }


def _scans(conn: Connection, session_id: str, expected: set[str]) -> list[dict[str, Any]]:
    rows = conn.execute(
        text(
            "SELECT kind, user_id, wall_time, payload FROM events WHERE session_id = :s"
            " AND kind IN ('scan_recorded', 'scan_rejected') ORDER BY wall_time, local_id"
        ),
        {"s": session_id},
    )
    items = lab.inventory_items(conn, sorted(expected))
    out = []
    for r in rows:
        p = json.loads(r.payload)
        key = p.get("item_key")
        if r.kind == "scan_rejected":
            found, what = "", f"rejected: {p.get('reason', '')}"
        elif key is None:
            found, what = "Not in Scope", "unknown code"
        else:
            found, what = tag(key in expected, p.get("location"), p.get("recorded_location")).value, ""
        item = items.get(key) if key else None
        out.append(
            {
                "code": p.get("code") or p.get("raw"),
                "barcode": key,
                "ingredient": item.ingredient if item else "",
                "recorded_at": p.get("recorded_location"),
                "found_at": p.get("location"),
                "tag": found,
                "note": what,
                "user": r.user_id,
                "at": r.wall_time,
            }
        )
    return out


def write_json(data: dict[str, Any], out: TextIO) -> None:
    json.dump(data, out, indent=2, ensure_ascii=False, default=str)
    out.write("\n")


def write_csv(data: dict[str, Any], out: TextIO) -> None:
    """One table: a `record` column says what each row is (session, scope, scan, action, resolution, unknown)."""
    w = csv.writer(out)
    w.writerow(CSV_FIELDS)
    s = data["session"]
    config = s["listing_config"]["name"] if s["listing_config"] else ""
    w.writerow(
        ["session", "", "", s["lab"], "", "", s["name"], f"listing config: {config}", s["started_by"], s["started_at"]]
    )
    w.writerow(["session", "", "", s["lab"], "", "", "ended", s["state"], "", s["ended_at"] or ""])
    for r in data["scope"]:
        found = "not found" if r["found_at"] is None else "found"
        w.writerow(
            [
                "scope",
                r["barcode"],
                r["ingredient"],
                r["location"],
                r["found_at"] or "",
                "",
                found,
                r["resolution"] or "",
                "",
                "",
            ]
        )
    for r in data["scans"]:
        w.writerow(
            [
                "scan",
                r["barcode"] or r["code"],
                r["ingredient"],
                r["recorded_at"] or "",
                r["found_at"] or "",
                r["tag"],
                "scan",
                r["note"],
                r["user"],
                r["at"],
            ]
        )
    for r in data["actions"]:
        w.writerow(["action", r["barcode"], "", "", "", "", r["action"], r["detail"], r["user"], r["at"]])
    for r in data["resolutions"]:
        w.writerow(["resolution", r["barcode"], "", "", "", "", r["resolution"], r["detail"], r["user"], r["at"]])
    for r in data["unknown_codes"]:
        w.writerow(["unknown", r["code"], "", "", "", "Not in Scope", f"{r['scans']} scans", r["note"], "", ""])


def pdf_document(data: dict[str, Any]) -> pdf.Document:
    s, t = data["session"], data["totals"]
    config = s["listing_config"]
    filters = "; ".join(f"{k}: {', '.join(v)}" for k, v in config["filters"].items()) if config else ""
    return pdf.Document(
        title=f"Inventory reconciliation: {s['name']}",
        meta=[
            ("Lab", s["lab"] or ""),
            ("Listing config", f"{config['name']} ({filters or 'no filters'})" if config else "—"),
            ("Started", f"{_when(s['started_at'])} by {s['started_by']}"),
            ("Ended", _when(s["ended_at"]) or "not yet (active)"),
        ],
        tables=[
            pdf.Table(
                "Progress per location",
                ["Location", "Expected", "Found", "Missing"],
                [[p["location"], str(p["expected"]), str(p["found"]), str(p["missing"])] for p in data["progress"]],
            ),
            pdf.Table(
                "Scans",
                ["At", "Code", "Ingredient", "Recorded at", "Found at", "Tag", "Note", "User"],
                [
                    [
                        _when(r["at"]),
                        r["code"],
                        r["ingredient"],
                        r["recorded_at"] or "",
                        r["found_at"] or "",
                        r["tag"],
                        r["note"],
                        r["user"],
                    ]
                    for r in data["scans"]
                ],
            ),
            pdf.Table(
                "Actions",
                ["At", "Barcode", "Action", "Detail", "User"],
                [[_when(r["at"]), r["barcode"], r["action"], r["detail"], r["user"]] for r in data["actions"]],
            ),
            pdf.Table(
                "Resolutions",
                ["At", "Barcode", "Resolution", "Detail", "User"],
                [[_when(r["at"]), r["barcode"], r["resolution"], r["detail"], r["user"]] for r in data["resolutions"]],
            ),
            pdf.Table(
                "Unknown codes",
                ["Code", "Scans", "Note"],
                [[r["code"], str(r["scans"]), r["note"]] for r in data["unknown_codes"]],
            ),
        ],
        totals=[
            ("Expected (scope)", str(t["expected"])),
            ("Found", str(t["found"])),
            ("Not found", str(t["not_found"])),
            ("Wrong location scans", str(t["wrong_location"])),
            ("Not in scope", str(t["not_in_scope"])),
            ("Unknown codes", str(t["unknown_codes"])),
            ("Scans", str(t["scans"])),
        ],
    )


def write_pdf(data: dict[str, Any], path: str) -> None:
    with open(path, "wb") as fh:
        fh.write(pdf.render(pdf_document(data)))


def view_data(conn: Connection, session_id: str, view: View) -> list[dict[str, Any]]:
    """`scanapp lab view`: the view's rows with the listing config's columns, plus what the session knows."""
    row = lab.reconciliation(conn, session_id)
    config = lab.listing_config(conn, row.count.listing_config_id) if row.count.listing_config_id else None
    columns = config.columns if config else ("barcode", "ingredient", "lab", "location", "quantity", "status")
    out = []
    for r in lab_views.view_rows(conn, session_id, view):
        entry: dict[str, Any] = {c: getattr(r.item, c) for c in columns}
        entry["found_at"] = r.found_at
        entry["tag"] = r.tag.value if r.tag else None
        if view is View.NOT_SCANNED:
            entry["resolution"] = r.resolution
        out.append(entry)
    return out


def write_view_csv(rows: list[dict[str, Any]], columns: list[str], out: TextIO) -> None:
    w = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: "" if v is None else v for k, v in r.items()})


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _when(iso: str | None) -> str:
    """An ISO time as people read it in a report: to the second, in UTC as stored."""
    return "" if not iso else str(iso)[:19].replace("T", " ") + " UTC"
