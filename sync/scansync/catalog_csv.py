"""Reading a catalog CSV for `scanapp-sync catalog import`: the app's format, read by the same reader the
device uses (scanapp.domain.catalog_csv), grouped into ProductIn batches (a product's GTINs together)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import ValidationError

from scanapp.domain.catalog_csv import CatalogFileError, CatalogReader
from scanapp.sync.wire import ProductIn

OnReject = Callable[[int, str], None]

__all__ = ["CatalogFileError", "read_batches"]


def read_batches(path: Path, size: int, on_reject: OnReject) -> Iterator[tuple[list[int], list[ProductIn]]]:
    """Yield (line numbers, products) batches; rows that cannot form a product go to on_reject(line, reason)."""
    try:
        fh = path.open("rb")
    except OSError as err:
        raise CatalogFileError(f"Cannot read {path}: {err.strerror}.") from err
    with fh:
        pending: dict[str, tuple[int, str, str, list[str]]] = {}
        for row in CatalogReader(fh, path).rows(lambda r: on_reject(r.line, r.reason)):
            if row.sku in pending:
                pending[row.sku][3].append(row.code)
                continue
            if len(pending) >= size:
                yield _products(pending, on_reject)
                pending = {}
            pending[row.sku] = (row.line, row.name, row.parent_name, [row.code])
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
