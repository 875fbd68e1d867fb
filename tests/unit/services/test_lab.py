"""Lab reconciliation: frozen scope from a listing config, In Scope / Not in Scope, inventory actions in
the item's history, and only the starter can end the session."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scanapp.domain.catalog import InventoryItem, ListingConfig
from scanapp.domain.classification import LAB_TAGS, Category
from scanapp.domain.counts import SessionState
from scanapp.domain.errors import InvalidTransition, PermissionDenied
from scanapp.domain.journal import EventKind
from scanapp.domain.lab import Resolution
from scanapp.services.counting import Counting
from scanapp.services.lab import Reconciliation
from scanapp.store import queries
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import FixedClock, actor

LABS = ["Lab A", "Lab B"]
LOCATIONS = ["Freezer 1", "Freezer 2", "Shelf 1"]
INGREDIENTS = ["Ethanol", "Agarose", "PBS"]


def stock(store: Store) -> list[InventoryItem]:
    items = [
        InventoryItem(f"LAB-{i:04d}", INGREDIENTS[i % 3], LABS[i % 2], LOCATIONS[i % 3], float(10 + i), "ml")
        for i in range(24)
    ]
    with SqlUnitOfWork(store) as uow:
        for item in items:
            uow.catalog.add_inventory(item)
        uow.commit()
    return items


@pytest.fixture
def lab(counting: Counting) -> Reconciliation:
    return Reconciliation(counting)


def test_scope_is_frozen_at_start_and_scans_are_tagged(
    store: Store, lab: Reconciliation, counting: Counting, clock: FixedClock
) -> None:
    items = stock(store)
    lee = actor(store, "lab_tech", "lee")
    config = lab.create_listing_config(lee, "Freezers", {"location": ["Freezer 1", "Freezer 2"]})
    _count, session = lab.start(lee, "Freezer check", "Lab A", config.id)
    assert session.state is SessionState.IN_PROGRESS and session.started_by == "lee"
    expected = {i.barcode for i in items if i.lab == "Lab A" and i.location.startswith("Freezer")}
    with store.read() as conn:
        assert {r.item_key for r in queries.uncounted(conn, session.id)} == expected

    in_scope = sorted(expected)[0]
    out_of_scope = next(i.barcode for i in items if i.lab == "Lab B")
    assert counting.record_scan(lee, session.id, in_scope, "wedge").category is Category.COUNTED
    assert counting.record_scan(lee, session.id, out_of_scope, "wedge").category is Category.UNDIRECTED
    assert counting.record_scan(lee, session.id, "LAB-9999", "wedge").category is Category.UNMATCHED
    assert [LAB_TAGS[c] for c in (Category.COUNTED, Category.UNDIRECTED, Category.UNMATCHED)] == [
        "In Scope",
        "Not in Scope",
        "Not in Scope",
    ]
    with store.read() as conn:
        not_scanned = {r.item_key for r in queries.uncounted(conn, session.id)}
    assert not_scanned == expected - {in_scope}


def test_inventory_actions_are_linked_to_the_session_and_in_item_history(store: Store, lab: Reconciliation) -> None:
    stock(store)
    lee = actor(store, "lab_tech", "lee")
    config = lab.create_listing_config(lee, "All of Lab A", {})
    _, session = lab.start(lee, "Weekly", "Lab A", config.id)
    lab.move(lee, session.id, "LAB-0000", "Shelf 1")
    lab.set_quantity(lee, session.id, "LAB-0000", 4.5)
    part = lab.split(lee, session.id, "LAB-0000", 1.5, "LAB-0000-B")
    lab.archive(lee, session.id, "LAB-0002")
    assert part.quantity == 1.5
    with SqlUnitOfWork(store) as uow:
        assert uow.catalog.inventory_item("LAB-0000").quantity == 3.0  # type: ignore[union-attr]
        assert uow.catalog.inventory_item("LAB-0000").location == "Shelf 1"  # type: ignore[union-attr]
        assert uow.catalog.inventory_item("LAB-0002").status == "archived"  # type: ignore[union-attr]
        kinds = [e.kind for e in uow.journal.for_session(session.id)]
    assert kinds[-4:] == [
        EventKind.INVENTORY_MOVED,
        EventKind.INVENTORY_SET,
        EventKind.INVENTORY_SPLIT,
        EventKind.INVENTORY_ARCHIVED,
    ]
    with store.read() as conn:
        history = queries.inventory_history(conn, barcode="LAB-0000")
        in_session = queries.inventory_history(conn, session_id=session.id)
    assert [h.action for h in history] == ["move", "set", "split"]
    assert history[0].detail == "moved from Freezer 1 to Shelf 1"
    assert all(h.session_id == session.id for h in history)
    assert len(in_session) == 5  # split writes to both items' histories


def test_bad_inventory_actions_change_nothing(store: Store, lab: Reconciliation) -> None:
    stock(store)
    lee = actor(store, "lab_tech", "lee")
    for bad in (
        lambda: lab.split(lee, None, "LAB-0000", 99, "NEW"),
        lambda: lab.split(lee, None, "LAB-0000", 1, "LAB-0001"),
        lambda: lab.set_quantity(lee, None, "LAB-0000", -1),
        lambda: lab.move(lee, None, "LAB-0000", " "),
    ):
        with pytest.raises(InvalidTransition):
            bad()
    lab.archive(lee, None, "LAB-0003")
    with pytest.raises(InvalidTransition, match="already archived"):
        lab.archive(lee, None, "LAB-0003")
    with pytest.raises(PermissionDenied):
        lab.move(actor(store, "associate", "alex"), None, "LAB-0000", "Shelf 1")
    with store.read() as conn:
        assert [h.action for h in queries.inventory_history(conn, barcode="LAB-0000")] == []


def test_only_the_starter_ends_the_session(store: Store, lab: Reconciliation, clock: FixedClock) -> None:
    stock(store)
    lee, kim = actor(store, "lab_tech", "lee"), actor(store, "lab_tech", "kim")
    config = lab.create_listing_config(lee, "All", {})
    _, session = lab.start(lee, "Weekly", "Lab B", config.id)
    with pytest.raises(InvalidTransition, match="Only lee"):
        lab.end(kim, session.id)
    with pytest.raises(InvalidTransition, match="12 expected items not found yet without a resolution"):
        lab.end(lee, session.id)
    with store.read() as conn:
        missing = [r.item_key for r in queries.uncounted(conn, session.id)]
    lab.resolve(lee, session.id, missing, Resolution.STILL_MISSING)
    ended = lab.end(lee, session.id)
    assert ended.ended_at == clock.now()


filters = st.dictionaries(
    st.sampled_from(["lab", "location", "ingredient"]),
    st.lists(st.sampled_from(LABS + LOCATIONS + INGREDIENTS), max_size=3, unique=True),
    max_size=3,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(filters)
def test_the_sql_scope_is_the_domain_rule(store: Store, spec: dict[str, list[str]]) -> None:
    with SqlUnitOfWork(store) as uow:
        empty = not uow.catalog.inventory_matching(())
    if empty:  # the store fixture lives across examples; stock it once
        stock(store)
    config = ListingConfig(id="x", name="x", filters=tuple((k, tuple(v)) for k, v in sorted(spec.items())))
    with SqlUnitOfWork(store) as uow:
        everything = [uow.catalog.inventory_item(b) for b in uow.catalog.inventory_matching(())]
        selected = set(uow.catalog.inventory_matching(config.filters))
    assert selected == {i.barcode for i in everything if i is not None and config.matches(i)}
