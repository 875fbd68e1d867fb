"""Helpers shared by tests: a settable clock, well-known valid GTINs, catalog and actor shortcuts."""

from __future__ import annotations

from datetime import datetime, timedelta

from scanapp.domain.permissions import ROLES, Actor
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork


class FixedClock:
    """A clock tests can move: `now` is settable; monotonic time advances on every read."""

    def __init__(self, now: datetime) -> None:
        self.current = now
        self._mono = 0

    def now(self) -> datetime:
        return self.current

    def mono_ns(self) -> int:
        self._mono += 1_000
        return self._mono

    def advance(self, delta: timedelta) -> None:
        self.current += delta


def actor(store: Store, role: str, user: str | None = None) -> Actor:
    return Actor(user or role, store.device_id, ROLES[role])


def add_products(store: Store, products: dict[str, list[str]]) -> None:
    """{sku: [gtin, ...]} into the catalog; names are derived from the SKU."""
    with SqlUnitOfWork(store) as uow:
        for sku, codes in products.items():
            uow.catalog.upsert_product(sku, f"Product {sku}", f"Family {sku[:5]}")
            for code in codes:
                uow.catalog.add_code(code, sku)
        uow.commit()


# Valid GTINs used across tests (check digits verified by biip in the barcode tests).
COLA = "4006381333931"  # EAN-13
COLA_14 = "04006381333931"
WATER = "036000291452"  # UPC-A
WATER_14 = "00036000291452"
CHIPS = "96385074"  # EAN-8
CHIPS_14 = "00000096385074"
