"""An in-memory unit of work: the use-cases run against it without SQLite (cosmicpython's FakeRepository).

Its line projection recomputes totals from the lines every time, the obvious way; the SQL store keeps
them incrementally, and the store tests hold the two to the same answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from scanapp.domain.catalog import InventoryItem, Product
from scanapp.domain.counts import Count, Session
from scanapp.domain.errors import NotFound
from scanapp.domain.journal import Event
from scanapp.domain.tally import Line, LineKind, Totals


class FakeData:
    def __init__(self) -> None:
        self.events: list[Event] = []
        self.products: dict[str, Product] = {}
        self.codes: dict[str, str] = {}
        self.inventory: dict[str, InventoryItem] = {}
        self.counts: dict[str, Count] = {}
        self.expected: dict[str, dict[str, float]] = {}
        self.sessions: dict[str, Session] = {}
        self.lines: dict[str, Line] = {}
        self.next_seq = 1
        self.found: dict[tuple[str, str], str | None] = {}


class FakeUnitOfWork:
    device_id = "fake-device"

    def __init__(self, data: FakeData) -> None:
        self.data = data
        self.committed = False

    def __enter__(self) -> FakeUnitOfWork:
        # Work on a copy; commit() publishes it, anything else throws it away.
        self._saved = {
            k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v)
            for k, v in vars(self.data).items()
        }
        self.journal = self.catalog = self.counts = self.sessions = self.lines = self  # type: ignore[assignment]
        self.lab = self.reviews = self  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.committed:
            for k, v in self._saved.items():
                setattr(self.data, k, v)

    def commit(self) -> None:
        self.committed = True

    # lab: where each item was found (the SQL store keeps progress per location too)
    def found(self, session_id: str, count_id: str, item_key: str, location: str | None, ordinal: int) -> None:
        self.data.found[(session_id, item_key)] = location

    # journal
    def append(self, event: Event) -> Event:
        event = replace(event, seq=self.data.next_seq)
        self.data.next_seq += 1
        self.data.events.append(event)
        return event

    def for_session(self, session_id: str) -> Iterator[Event]:
        return iter([e for e in self.data.events if e.session_id == session_id])

    # catalog
    def sku_for_code(self, code: str) -> str | None:
        return self.data.codes.get(code)

    def inventory_barcode(self, code: str) -> str | None:
        return code if code in self.data.inventory else None

    def product(self, sku: str) -> Product | None:
        return self.data.products.get(sku)

    def product_name(self, sku: str) -> str | None:
        product = self.data.products.get(sku)
        return product.name if product is not None else None

    def add_code(self, code: str, sku: str, source: str = "catalog") -> None:
        self.data.codes[code] = sku

    def inventory_item(self, barcode: str) -> InventoryItem | None:
        return self.data.inventory.get(barcode)

    # counts and sessions (get() is shared by both: ids never collide)
    def get(self, key: str):  # type: ignore[no-untyped-def]
        for table in (self.data.counts, self.data.sessions, self.data.lines):
            if key in table:
                return table[key]
        raise NotFound(key)

    def add(self, obj, expected=()):  # type: ignore[no-untyped-def]
        if isinstance(obj, Count):
            self.data.counts[obj.id] = obj
            self.data.expected[obj.id] = dict(expected)
            return None
        if isinstance(obj, Session):
            self.data.sessions[obj.id] = obj
            return None
        ordinal = sum(1 for ln in self.data.lines.values() if ln.session_id == obj.session_id) + 1
        line = replace(obj, ordinal=ordinal)
        self.data.lines[line.event_id] = line
        return line

    def is_expected(self, count_id: str, item_key: str) -> bool:
        return item_key in self.data.expected.get(count_id, {})

    def save(self, session: Session) -> None:
        self.data.sessions[session.id] = session

    def for_count(self, count_id: str) -> list[Session]:
        return [s for s in self.data.sessions.values() if s.count_id == count_id]

    # lines
    def replace(self, before: Line, after: Line, expected_before: bool, expected_after: bool) -> None:
        self.data.lines[after.event_id] = after

    def totals(self, session_id: str) -> Totals:
        lines = [ln for ln in self.data.lines.values() if ln.session_id == session_id]
        t = Totals(lines=len(lines), rejected=sum(ln.kind is LineKind.REJECTED for ln in lines))
        units: dict[str, int] = {}
        for ln in lines:
            if ln.counts and ln.category is not None:
                t.units += ln.units
                t.by_category[ln.category] = t.by_category.get(ln.category, 0) + ln.units
                if ln.item_key:
                    units[ln.item_key] = units.get(ln.item_key, 0) + ln.units
        t.unique_items = sum(1 for u in units.values() if u > 0)
        return t

    def unmatched(self, session_id: str) -> int:
        return sum(
            1
            for ln in self.data.lines.values()
            if ln.session_id == session_id and ln.counts and ln.category and ln.category.value == "Unmatched"
        )

    # reviews: the fake never syncs, so nothing waits in review
    def in_review(self, session_id: str) -> dict[str, str]:
        return {}

    def clear(self, session_id: str) -> None:
        self.data.lines = {k: v for k, v in self.data.lines.items() if v.session_id != session_id}


def fake_catalog(data: FakeData, products: dict[str, Iterable[str]]) -> None:
    for sku, codes in products.items():
        data.products[sku] = Product(sku, f"Product {sku}", "Family", tuple(codes))
        for code in codes:
            data.codes[code] = sku
