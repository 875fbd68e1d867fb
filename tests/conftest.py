"""Shared fixtures: every test gets its own data directory and store file; time is fixed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from scanapp.domain.counts import CountKind
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.counting import Counting
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


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("SCANAPP_DATA_DIR", str(data))
    return data


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "store" / "scanapp.db")
    yield s
    s.close()


@pytest.fixture
def counting(store: Store, clock: FixedClock) -> Counting:
    return Counting(lambda: SqlUnitOfWork(store), clock)


def actor(store: Store, role: str, user: str | None = None) -> Actor:
    return Actor(user or role, store.device_id, ROLES[role])


@pytest.fixture
def supervisor(store: Store) -> Actor:
    return actor(store, "supervisor", "sam")


@pytest.fixture
def associate(store: Store) -> Actor:
    return actor(store, "associate", "alex")


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


@pytest.fixture
def directed_session(store: Store, counting: Counting, supervisor: Actor, clock: FixedClock):
    """A started directed count: COLA is on the directed list, WATER is in the catalog but not listed."""
    add_products(store, {"SKU-COLA": [COLA_14], "SKU-WATER": [WATER_14], "SKU-CHIPS": [CHIPS_14]})
    count, session = counting.create_count(
        supervisor,
        "Aisle 5",
        CountKind.DIRECTED,
        clock.now() - timedelta(hours=1),
        [("SKU-COLA", 12.0), ("SKU-CHIPS", 3.0)],
    )
    counting.start(supervisor, session.id)
    return count, session
