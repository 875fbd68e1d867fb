"""Catalog import from CSV (columns sku, name, parent_name, gtin; further GTINs of a product as further
rows). Streams the file in batches, so a million rows fit in a few megabytes; every refused row is
reported with its line number and the reason, and nothing good is held back by a bad row."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from scanapp.domain.barcodes import BarcodeError, gtin14_of
from scanapp.errors import KnownError
from scanapp.store.uow import SqlUnitOfWork

REQUIRED = ("sku", "name", "parent_name", "gtin")
BATCH = 10_000
COMMIT_EVERY = 50_000
MAX_SKU = 64
MAX_NAME = 512


class CatalogFileError(KnownError):
    """The file as a whole cannot be imported (unreadable, wrong header); nothing was written."""


@dataclass(frozen=True)
class RejectedRow:
    line: int
    reason: str


@dataclass
class ImportResult:
    imported: int = 0
    rejected: int = 0


@dataclass(frozen=True)
class _Row:
    line: int
    sku: str
    name: str
    parent_name: str
    code: str


class _CountingLines:
    """Feeds csv decoded lines and tracks the bytes read, for progress. Undecodable bytes are kept as
    surrogates so the row they are in can be refused with its line number instead of failing the file."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.bytes_read = 0

    def __iter__(self) -> Iterator[str]:
        for raw in self.fh:
            self.bytes_read += len(raw)
            yield raw.decode("utf-8", errors="surrogateescape")


def import_catalog(
    uow_factory: Callable[[], SqlUnitOfWork],
    path: Path,
    on_reject: Callable[[RejectedRow], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    path = Path(path)
    try:
        total = path.stat().st_size
        fh = path.open("rb")
    except OSError as err:
        raise CatalogFileError(f"Cannot read {path}: {err.strerror}.") from err
    with fh:
        head = fh.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise CatalogFileError(f"{path} is UTF-16 text; save it as UTF-8 CSV and import again.")
        fh.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        lines = _CountingLines(fh)
        reader = csv.reader(lines, strict=True)
        columns = _header(reader, path)
        result = ImportResult()
        rows = _rows(reader, columns, on_reject, result)
        # Commit in chunks: the WAL stays small, and the import is idempotent, so an interrupted one
        # can simply be run again.
        batches = _chunks(rows, BATCH)
        more = True
        while more:
            with uow_factory() as uow:
                for _ in range(COMMIT_EVERY // BATCH):
                    batch = next(batches, None)
                    if batch is None:
                        more = False
                        break
                    _write(uow, batch, on_reject, result)
                    if on_progress:
                        on_progress(lines.bytes_read, total)
                uow.commit()
        if on_progress:
            on_progress(total, total)
    return result


def _header(reader: Iterator[list[str]], path: Path) -> dict[str, int]:
    try:
        header = next(reader)
    except StopIteration:
        raise CatalogFileError(f"{path} is empty; it needs a header row: {', '.join(REQUIRED)}.") from None
    except csv.Error as err:
        raise CatalogFileError(f"{path}: the header row cannot be read ({err}).") from err
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise CatalogFileError(
            f"{path}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}. "
            f"The header row must name {', '.join(REQUIRED)} (found: {', '.join(header) or 'nothing'})."
        )
    return {c: names.index(c) for c in REQUIRED}


def _rows(
    reader: Iterator[list[str]],
    columns: dict[str, int],
    on_reject: Callable[[RejectedRow], None],
    result: ImportResult,
) -> Iterator[_Row]:
    width = max(columns.values()) + 1
    i_sku, i_name, i_parent, i_gtin = (columns[c] for c in REQUIRED)
    while True:
        start = getattr(reader, "line_num", 0) + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            end = getattr(reader, "line_num", start)
            where = f"lines {start}-{end}" if end > start else "this line"
            _reject(on_reject, result, start, f"broken quoting ({err}); {where} skipped")
            continue
        if len(fields) < width or _BAD_CHAR.search("".join(fields)):
            if not "".join(fields).strip():
                continue  # blank line
            reason = _check(fields, width, columns)
            if reason:
                _reject(on_reject, result, start, reason)
                continue
        sku, name, parent, gtin = (
            fields[i_sku].strip(),
            fields[i_name].strip(),
            fields[i_parent].strip(),
            fields[i_gtin].strip(),
        )
        if not (sku and name and gtin) or len(sku) > MAX_SKU or len(name) > MAX_NAME or len(parent) > MAX_NAME:
            _reject(on_reject, result, start, _check(fields, width, columns) or "invalid row")
            continue
        try:
            code = gtin14_of(gtin)
        except BarcodeError as err:
            _reject(on_reject, result, start, f"gtin {gtin!r}: {err.reason}")
            continue
        yield _Row(start, sku, name, parent, code)


_BAD_CHAR = re.compile("[\udc80-\udcff\x00]")


def _check(fields: list[str], width: int, columns: dict[str, int]) -> str | None:
    """The reason a row is refused, worded for the person fixing the file."""
    if len(fields) < width:
        return f"expected at least {width} fields, found {len(fields)}"
    for name, index in columns.items():
        value = fields[index]
        bad = _BAD_CHAR.search(value)
        if bad and bad.group() == "\x00":
            return f"{name} contains a NUL byte"
        if bad:
            return (
                f"{name} is not valid UTF-8 (byte 0x{ord(bad.group()) - 0xDC00:02X}); save the file as "
                "UTF-8 and import again"
            )
        if not value.strip() and name != "parent_name":
            return f"missing {name}"
        limit = MAX_SKU if name == "sku" else MAX_NAME
        if len(value.strip()) > limit:
            return f"{name} is {len(value.strip())} characters long (at most {limit})"
    return None


def _chunks(rows: Iterator[_Row], size: int) -> Iterator[list[_Row]]:
    chunk: list[_Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write(
    uow: SqlUnitOfWork, batch: list[_Row], on_reject: Callable[[RejectedRow], None], result: ImportResult
) -> None:
    products = {r.sku: (r.sku, r.name, r.parent_name) for r in batch}
    owners = uow.catalog.import_batch(list(products.values()), [(r.code, r.sku) for r in batch])
    for row in batch:
        owner = owners.get(row.code)
        if owner is not None and owner != row.sku:
            _reject(on_reject, result, row.line, f"GTIN {row.code} already belongs to SKU {owner}")
        else:
            result.imported += 1


def _reject(on_reject: Callable[[RejectedRow], None], result: ImportResult, line: int, reason: str) -> None:
    result.rejected += 1
    on_reject(RejectedRow(line, reason))
