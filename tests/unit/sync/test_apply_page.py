"""A pulled page applied in short write transactions (the app's background sync): the same result as one
transaction, the cursor with the last part, nothing applied twice when a cut page comes again; and the
main thread's writes go before a background thread's."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

from scanapp.domain.counts import CountKind
from scanapp.domain.journal import Event, EventKind, new_event_id
from scanapp.domain.permissions import Actor
from scanapp.services.counting import Counting
from scanapp.store import queries
from scanapp.store.database import Store
from scanapp.store.turns import WriteTurns
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync import local
from tests.helpers import COLA, FixedClock, add_products


class Counted:
    """A unit-of-work factory that counts the transactions it opened."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.opened = 0

    def __call__(self) -> SqlUnitOfWork:
        self.opened += 1
        return SqlUnitOfWork(self.store)


def page(session_id: str, clock: FixedClock) -> list[dict[str, Any]]:
    products = [
        {"entity": "product", "data": {"sku": f"P-{i}", "name": f"P {i}", "parent_name": "", "gtins": [f"200{i:011d}"]}}
        for i in range(600)
    ]
    events = [
        {
            "entity": "event",
            "data": Event(
                id=new_event_id(),
                kind=EventKind.SCAN_RECORDED,
                device_id="another-device",
                user_id="sam",
                session_id=session_id,
                wall_time=clock.now(),
                mono_ns=seq,
                payload={"raw": COLA, "code": COLA.zfill(14), "item_key": "SKU-COLA", "source": "t", "manual": False},
                seq=seq,
            ).to_wire(),
        }
        for seq in range(1, 41)
    ]
    return [*products[:300], *events, *products[300:], {"entity": "user", "data": _user()}]


def _user() -> dict[str, Any]:
    return {"id": "casey", "display_name": "Casey", "permissions": ["FULFILL_INVCUNT_ADMIN"]}


def test_short_transactions_give_what_one_gives_and_a_page_applied_again_changes_nothing(
    store: Store, counting: Counting, supervisor: Actor, clock: FixedClock
) -> None:
    add_products(store, {"SKU-COLA": [COLA.zfill(14)]})
    _count, session = counting.create_count(supervisor, "c", CountKind.HARD, clock.now() - timedelta(hours=1))
    counting.start(supervisor, session.id)
    changes = page(session.id, clock)

    def finish(uow: SqlUnitOfWork) -> None:
        uow.settings.put(local.CURSOR, 99)

    sliced = Counted(store)
    applied = local.apply_page(sliced, changes, finish, local.WriteBudget(0.0), clock.mono_ns, clock.now())
    assert applied == len(changes)
    assert sliced.opened == 2 + 40 + 2 + 1, "runs of up to 250 products, each event, the user: one each"
    with store.read() as conn:
        totals = queries.totals(conn, session.id)
        products = conn.exec_driver_sql("SELECT count(*) FROM products").scalar_one()
        cursor = queries.setting(conn, local.CURSOR)
    assert (totals.units, products, cursor) == (40, 601, 99)

    again = Counted(store)
    local.apply_page(
        again, changes, finish, None, clock.mono_ns, clock.now()
    )  # the same page once more, as one transaction
    assert again.opened == 1
    with store.read() as conn:
        assert queries.totals(conn, session.id).units == 40, "events already here are not projected again"
        assert conn.exec_driver_sql("SELECT count(*) FROM products").scalar_one() == 601


def test_a_background_writer_gives_way_while_the_main_thread_waits() -> None:
    turns = WriteTurns()
    order: list[str] = []
    main_waiting = threading.Event()
    release = threading.Event()

    def background() -> None:
        main_waiting.wait(5)
        turns.give_way()
        order.append("background")

    worker = threading.Thread(target=background)
    worker.start()
    with turns.main_waits():
        main_waiting.set()
        release.wait(0.2)  # the main thread still waiting for the lock: the background writer must not go first
        order.append("main")
    worker.join(5)
    assert order == ["main", "background"]
    assert turns.on_main_thread()
