"""`scanapp lab sessions [--past] [--json]` and `scanapp lab view SESSION --view … --format csv|json`: the lab's
reconciliation sessions and the seed's three listings of one, headless."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from scanapp.cli.common import add_subcommand
from scanapp.domain.lab_rows import LabSessionRow, View
from scanapp.errors import KnownError
from scanapp.services import lab_report
from scanapp.store.queries import lab

if TYPE_CHECKING:
    from scanapp.bootstrap import App


def register(subparsers: Any) -> None:
    p = add_subcommand(
        subparsers,
        "lab",
        run,
        help="lab reconciliation sessions and their listings",
        description="The lab's inventory reconciliation sessions (active ones, or --past ones) and the three "
        "listings of one session.",
    )
    sub = p.add_subparsers(dest="lab_command", metavar="LAB_COMMAND", required=True)
    sessions = sub.add_parser("sessions", help="list reconciliation sessions (active ones; --past: ended ones)")
    sessions.add_argument("--past", action="store_true", help="ended sessions instead of active ones")
    sessions.add_argument("--json", action="store_true", help="one JSON array instead of a table")
    view = sub.add_parser("view", help="one of the three listings of a session")
    view.add_argument("session", metavar="SESSION", help="an id, a unique id prefix or the exact name")
    view.add_argument("--view", required=True, choices=[v.value for v in View])
    view.add_argument("--format", choices=("csv", "json"), default="csv")


def run(args: argparse.Namespace, app: App) -> int:
    if args.lab_command == "sessions":
        return _sessions(args, app)
    with app.store.read() as conn:
        try:
            session_id = lab.find_reconciliation(conn, args.session)
        except LookupError as err:
            raise KnownError(err.args[0]) from None
        rows = lab_report.view_data(conn, session_id, View(args.view))
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        columns = list(rows[0]) if rows else ["barcode", "found_at", "tag"]
        lab_report.write_view_csv(rows, columns, sys.stdout)
    return 0


def _sessions(args: argparse.Namespace, app: App) -> int:
    with app.store.read() as conn:
        rows = lab.reconciliations(conn, past=bool(args.past))
    if args.json:
        json.dump([_json(r) for r in rows], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print("No ended reconciliation sessions." if args.past else "No active reconciliation session.")
        return 0
    table = [("ID", "NAME", "LAB", "STARTED BY", "STARTED", "ENDED", "FOUND")]
    for r in rows:
        s = r.session
        table.append(
            (
                s.id[:8],
                r.count.name,
                r.count.lab or "",
                s.started_by or "",
                f"{s.started_at:%Y-%m-%d %H:%M}" if s.started_at else "",
                f"{s.ended_at:%Y-%m-%d %H:%M}" if s.ended_at else "active",
                f"{r.found}/{r.expected}",
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0


def _json(r: LabSessionRow) -> dict[str, Any]:
    s = r.session
    return {
        "id": s.id,
        "name": r.count.name,
        "lab": r.count.lab,
        "listing_config": r.config_name,
        "started_by": s.started_by,
        "started_at": s.started_at.isoformat() if s.started_at else None,
        "ended_at": s.ended_at.isoformat() if s.ended_at else None,
        "expected": r.expected,
        "found": r.found,
        "not_in_scope": r.not_in_scope,
        "unknown_codes": r.unknown,
        "scans": r.scans,
    }
