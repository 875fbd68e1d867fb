"""`scanapp export SESSION_OR_COUNT --format csv|json`: a session's or a count's result on stdout."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from scanapp.cli.common import add_subcommand
from scanapp.errors import KnownError
from scanapp.services import export
from scanapp.store import queries

if TYPE_CHECKING:
    from scanapp.bootstrap import App


def register(subparsers: Any) -> None:
    p = add_subcommand(
        subparsers,
        "export",
        run,
        help="write a session's or a count's result to stdout",
        description="Write a session's items and scans, or a count's variance report, to stdout. "
        "SESSION_OR_COUNT is an id, a unique id prefix, or an exact name.",
    )
    p.add_argument("ref", metavar="SESSION_OR_COUNT")
    p.add_argument("--format", choices=("csv", "json"), default="csv")


def run(args: argparse.Namespace, app: App) -> int:
    with app.store.read() as conn:
        try:
            kind, ref = queries.find_session_or_count(conn, args.ref)
        except LookupError as err:
            raise KnownError(err.args[0]) from None
        if kind == "session":
            data = export.session_data(conn, ref)
            writer = export.write_session_csv
        else:
            data = export.count_data(conn, ref, app.clock.now())
            writer = export.write_count_csv
    if args.format == "json":
        export.write_json(data, sys.stdout)
    else:
        writer(data, sys.stdout)
    return 0
