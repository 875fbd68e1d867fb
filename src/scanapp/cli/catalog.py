"""`scanapp catalog import FILE.csv`: load products and their GTINs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from scanapp.services.catalog_import import RejectedRow, import_catalog

if TYPE_CHECKING:
    from scanapp.bootstrap import App


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("catalog", help="manage the product catalog")
    sub = p.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        help="import products from a CSV file",
        description="Import products from CSV with columns sku, name, parent_name, gtin (UTF-8). A product's "
        "further GTINs go in further rows with the same sku. Refused rows are listed on stderr with their "
        "line number; the others are imported. Exit status: 0 all rows imported, 1 some refused, 2 the file "
        "could not be read.",
    )
    imp.add_argument("file", metavar="FILE.csv", type=Path)
    imp.set_defaults(run=run_import)


def run_import(args: argparse.Namespace, app: App) -> int:
    tty = sys.stderr.isatty()
    shown = 0

    def on_reject(row: RejectedRow) -> None:
        if tty:
            sys.stderr.write("\r\033[K")
        print(f"line {row.line}: {row.reason}", file=sys.stderr)

    def on_progress(done: int, total: int) -> None:
        nonlocal shown
        pct = 100 * done // total if total else 100
        if tty and pct != shown:
            shown = pct
            sys.stderr.write(f"\rimporting {args.file.name}: {pct:3d}% ({done / 1e6:.1f} of {total / 1e6:.1f} MB)")
            sys.stderr.flush()

    result = import_catalog(app.uow, args.file, on_reject, on_progress)
    if tty:
        sys.stderr.write("\r\033[K")
    with app.store.read() as conn:
        products = conn.execute(text("SELECT count(*) FROM products")).scalar_one()
    print(f"imported {result.imported} rows, rejected {result.rejected} rows; the catalog has {products} products")
    return 1 if result.rejected else 0
