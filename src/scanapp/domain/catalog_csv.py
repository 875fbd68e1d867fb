"""The catalog CSV format (columns sku, name, parent_name, gtin; a product's further GTINs as further rows),
read row by row: the device's import and the sync server's both use it.

Pure Python (csv and biip): every refused row is reported with its line number and a reason the person
fixing the file can act on, and reading goes on after it; only an unreadable header stops the file.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from scanapp.domain.barcodes import BarcodeError, gtin14_of
from scanapp.errors import KnownError

REQUIRED = ("sku", "name", "parent_name", "gtin")
MAX_SKU = 64
MAX_NAME = 512


class CatalogFileError(KnownError):
    """The file as a whole cannot be read (missing, UTF-16, no usable header); nothing was imported."""


@dataclass(frozen=True)
class RejectedRow:
    line: int
    reason: str


@dataclass(frozen=True)
class CatalogRow:
    line: int
    sku: str
    name: str
    parent_name: str
    code: str
    """The GTIN as GTIN-14."""


OnReject = Callable[[RejectedRow], None]


class CatalogReader:
    """Reads one open binary file. `bytes_read` follows the reading, for progress."""

    def __init__(self, fh: BinaryIO, path: Path) -> None:
        self.path = path
        self.bytes_read = 0
        head = fh.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise CatalogFileError(f"{path} is UTF-16 text; save it as UTF-8 CSV and import again.")
        fh.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        self._fh = fh

    def _lines(self) -> Iterator[str]:
        # Undecodable bytes are kept as surrogates, so the row they are in is refused with its line number
        # instead of failing the whole file.
        for raw in self._fh:
            self.bytes_read += len(raw)
            yield raw.decode("utf-8", errors="surrogateescape")

    def rows(self, on_reject: OnReject) -> Iterator[CatalogRow]:
        reader = csv.reader(self._lines(), strict=True)
        columns = _header(reader, self.path)
        return _rows(reader, columns, on_reject)


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
) -> Iterator[CatalogRow]:
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
            on_reject(RejectedRow(start, f"broken quoting ({err}); {where} skipped"))
            continue
        if len(fields) < width or _BAD_CHAR.search("".join(fields)):
            if not "".join(fields).strip():
                continue  # blank line
            reason = _check(fields, width, columns)
            if reason:
                on_reject(RejectedRow(start, reason))
                continue
        sku, name, parent, gtin = (
            fields[i_sku].strip(),
            fields[i_name].strip(),
            fields[i_parent].strip(),
            fields[i_gtin].strip(),
        )
        if not (sku and name and gtin) or len(sku) > MAX_SKU or len(name) > MAX_NAME or len(parent) > MAX_NAME:
            on_reject(RejectedRow(start, _check(fields, width, columns) or "invalid row"))
            continue
        try:
            code = gtin14_of(gtin)
        except BarcodeError as err:
            on_reject(RejectedRow(start, f"gtin {gtin!r}: {err.reason}"))
            continue
        yield CatalogRow(start, sku, name, parent, code)


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
