"""Reading a catalog CSV for `scanapp-sync catalog import`: the app's format (sku, name, parent_name, gtin;
more GTINs of a product as more rows). Rows become ProductIn batches; GTINs are checked by the server's
import, which refuses a bad row with its reason and keeps the rest."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import ValidationError

from scanapp.errors import KnownError
from scanapp.sync.wire import ProductIn

OnReject = Callable[[int, str], None]
REQUIRED = ("sku", "name", "parent_name", "gtin")


class CatalogFileError(KnownError):
    pass


def read_batches(path: Path, size: int, on_reject: OnReject) -> Iterator[tuple[list[int], list[ProductIn]]]:
    """Yield (line numbers, products) batches; rows that cannot form a product go to on_reject(line, reason)."""
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as err:
        raise CatalogFileError(f"Cannot read {path}: {err.strerror}.") from err
    with fh:
        reader = csv.reader(fh)
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            raise CatalogFileError(f"{path} is empty; it needs a header row: {', '.join(REQUIRED)}.") from None
        except (csv.Error, UnicodeDecodeError) as err:
            raise CatalogFileError(f"{path}: the header row cannot be read ({err}).") from err
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise CatalogFileError(f"{path}: missing column(s) {', '.join(missing)}; need {', '.join(REQUIRED)}.")
        col = {c: header.index(c) for c in REQUIRED}
        pending: dict[str, tuple[int, str, str, list[str]]] = {}
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as err:
                on_reject(reader.line_num, f"unreadable row ({err})")
                continue
            line = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if len(fields) <= max(col.values()):
                on_reject(line, f"expected {max(col.values()) + 1} fields, found {len(fields)}")
                continue
            sku, name, parent, gtin = (fields[col[c]].strip() for c in REQUIRED)
            if not sku or not name or not gtin:
                on_reject(line, "sku, name and gtin are required")
                continue
            if sku in pending:
                pending[sku][3].append(gtin)
            else:
                pending[sku] = (line, name, parent, [gtin])
            if len(pending) >= size:
                yield _products(pending, on_reject)
                pending = {}
        if pending:
            yield _products(pending, on_reject)


def _products(
    pending: dict[str, tuple[int, str, str, list[str]]], on_reject: OnReject
) -> tuple[list[int], list[ProductIn]]:
    lines: list[int] = []
    products: list[ProductIn] = []
    for sku, (line, name, parent, gtins) in pending.items():
        try:
            products.append(ProductIn(sku=sku, name=name, parent_name=parent, gtins=gtins))
        except ValidationError as err:
            on_reject(line, "; ".join(e["msg"] for e in err.errors()))
            continue
        lines.append(line)
    return lines, products
