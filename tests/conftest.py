"""Shared fixtures: every test gets its own data directory and store file; time is fixed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from scanapp.domain.counts import CountKind
from scanapp.domain.permissions import Actor
from scanapp.services.counting import Counting
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import CHIPS_14, COLA_14, WATER_14, FixedClock, actor, add_products


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


@pytest.fixture
def supervisor(store: Store) -> Actor:
    return actor(store, "supervisor", "sam")


@pytest.fixture
def associate(store: Store) -> Actor:
    return actor(store, "associate", "alex")


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
