"""Catalog import into the device's store: rows read by domain.catalog_csv, written in batches, so a
million rows fit in a few megabytes; every refused row is reported with its line number and the reason,
and nothing good is held back by a bad row."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from scanapp.domain.catalog_csv import CatalogFileError, CatalogReader, CatalogRow, OnReject, RejectedRow
from scanapp.store.uow import SqlUnitOfWork

BATCH = 10_000
COMMIT_EVERY = 50_000

__all__ = ["CatalogFileError", "ImportResult", "RejectedRow", "import_catalog"]


@dataclass
class ImportResult:
    imported: int = 0
    rejected: int = 0


def import_catalog(
    uow_factory: Callable[[], SqlUnitOfWork],
    path: Path,
    on_reject: OnReject,
    on_progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    path = Path(path)
    try:
        total = path.stat().st_size
        fh = path.open("rb")
    except OSError as err:
        raise CatalogFileError(f"Cannot read {path}: {err.strerror}.") from err
    result = ImportResult()

    def refuse(row: RejectedRow) -> None:
        result.rejected += 1
        on_reject(row)

    with fh:
        reader = CatalogReader(fh, path)
        batches = _chunks(reader.rows(refuse), BATCH)
        # Commit in chunks: the WAL stays small, and the import is idempotent, so an interrupted one
        # can simply be run again.
        more = True
        while more:
            with uow_factory() as uow:
                for _ in range(COMMIT_EVERY // BATCH):
                    batch = next(batches, None)
                    if batch is None:
                        more = False
                        break
                    result.imported += _write(uow, batch, refuse)
                    if on_progress:
                        on_progress(reader.bytes_read, total)
                uow.commit()
    if on_progress:
        on_progress(total, total)
    return result


def _chunks(rows: Iterator[CatalogRow], size: int) -> Iterator[list[CatalogRow]]:
    chunk: list[CatalogRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write(uow: SqlUnitOfWork, batch: list[CatalogRow], refuse: OnReject) -> int:
    """Write one batch; returns how many of its rows went in (a GTIN already owned by another SKU does not)."""
    products = {r.sku: (r.sku, r.name, r.parent_name) for r in batch}
    owners = uow.catalog.import_batch(list(products.values()), [(r.code, r.sku) for r in batch])
    written = 0
    for row in batch:
        owner = owners.get(row.code)
        if owner is not None and owner != row.sku:
            refuse(RejectedRow(row.line, f"GTIN {row.code} already belongs to SKU {owner}"))
        else:
            written += 1
    return written
