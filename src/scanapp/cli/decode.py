"""`scanapp decode DATA`: how one raw scan is read."""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

from scanapp.domain.barcodes import GS, BarcodeError, decode, error_dict, printable

_ESCAPES = re.compile(r"<GS>|\\x1[dD]|\\u001[dD]|\\035", re.IGNORECASE)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "decode",
        help="show how one raw scan is read",
        description="Show how one raw scan is read: symbology, GTIN-14, GS1 fields, or why it is rejected. "
        "Write the GS separator as <GS> or \\x1d. Reads EAN/UPC (UPC-E in 6, 7 or 8 digits), GS1-128 and "
        "GS1 DataMatrix element strings and GS1 Digital Link URIs; date AIs are shown as ISO dates.",
    )
    p.add_argument("data", metavar="DATA", help="the scan as the scanner sends it, e.g. ']C10100012345678905<GS>10AB'")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run, uses_data_dir=False)  # a pure reading: no store, no log file


def unescape(data: str) -> str:
    return _ESCAPES.sub(GS, data)


def run(args: argparse.Namespace, app: object) -> int:
    raw = unescape(args.data)
    try:
        barcode = decode(raw)
    except BarcodeError as err:
        if args.json:
            print(json.dumps(error_dict(err), ensure_ascii=False))
        else:
            print(f"rejected: {err.reason}\nraw:      {printable(raw)}")
        return 1
    data = barcode.to_dict()
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    rows = [
        ("raw", printable(raw)),
        ("kind", barcode.kind),
        ("symbology", f"{barcode.symbology} {barcode.symbology_name}" if barcode.symbology else "none"),
        ("code", barcode.code),
    ]
    if barcode.gtin14:
        rows.append(("GTIN-14", f"{barcode.gtin14} ({barcode.gtin_format})"))
    for label, value in (("lot", barcode.lot), ("expiry", data["expiry"]), ("serial", barcode.serial)):
        if value:
            rows.append((label, value))
    if barcode.elements:  # date AIs with the date they stand for: "(17) 251231 = 2025-12-31"
        rows.append(("GS1", " ".join(e.shown for e in barcode.elements)))
    for label, value in rows:
        print(f"{label + ':':<11}{value}")
    return 0
