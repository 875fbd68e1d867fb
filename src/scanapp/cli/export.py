"""`scanapp export SESSION_OR_COUNT --format csv|json|pdf [-o FILE]`: a session's result, a count's variance report
(with status and the supervisor's decisions; counted 0 apart from not counted, C10) or a lab reconciliation's
report (L13); on stdout, or in FILE (a PDF always goes to a file)."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any, TextIO

from scanapp.cli.common import add_subcommand
from scanapp.errors import KnownError
from scanapp.services import export, lab_report, pdf
from scanapp.store import queries
from scanapp.store.queries import lab

if TYPE_CHECKING:
    from scanapp.bootstrap import App


def register(subparsers: Any) -> None:
    p = add_subcommand(
        subparsers,
        "export",
        run,
        help="write a session's, a count's or a lab session's result",
        description="Write a session's items and scans, a count's variance report, or a lab reconciliation "
        "session's report (scope, scans with their tags, actions, resolutions). SESSION_OR_COUNT is an id, a "
        "unique id prefix, or an exact name. CSV and JSON go to stdout unless -o is given; PDF needs -o FILE.",
    )
    p.add_argument("ref", metavar="SESSION_OR_COUNT")
    p.add_argument("--format", choices=("csv", "json", "pdf"), default="csv")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def run(args: argparse.Namespace, app: App) -> int:
    if args.format == "pdf" and not args.output:
        raise KnownError("A PDF is written to a file: add -o FILE.")
    with app.store.read() as conn:
        try:
            kind, ref = queries.find_session_or_count(conn, args.ref)
        except LookupError as err:
            try:  # a reconciliation by its count's name (a session's own name is found above)
                kind, ref = "session", lab.find_reconciliation(conn, args.ref)
            except LookupError:
                raise KnownError(err.args[0]) from None
        if kind == "session" and lab.is_reconciliation(conn, ref):
            data = lab_report.report_data(conn, ref)
            writer, document = lab_report.write_csv, lab_report.pdf_document
        elif kind == "session":
            data = export.session_data(conn, ref)
            writer, document = export.write_session_csv, export.session_document
        else:
            data = export.count_data(app.supervisor_reads, conn, ref, app.clock.now())
            writer, document = export.write_count_csv, export.count_document
    if args.format == "pdf":
        _write_bytes(args.output, pdf.render(document(data)))
        return 0
    with ExitStack() as stack:
        out: TextIO = sys.stdout
        if args.output:
            try:
                out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
            except OSError as err:
                raise KnownError(f"Cannot write {args.output}: {err.strerror}.") from None
        if args.format == "json":
            lab_report.write_json(data, out)
        else:
            writer(data, out)
    return 0


def _write_bytes(path: str, data: bytes) -> None:
    try:
        with open(path, "wb") as fh:
            fh.write(data)
    except OSError as err:
        raise KnownError(f"Cannot write {path}: {err.strerror}.") from None
