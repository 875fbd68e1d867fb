"""Read queries the GUI pages with: users for sign-in, areas, and paged item and uncounted lists whose counts
agree with their pages."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from scanapp.domain.classification import Category
from scanapp.domain.counts import DEFAULT_AREAS, CountKind
from scanapp.domain.permissions import ROLES, Permission
from scanapp.domain.suggestions import with_check
from scanapp.store import queries
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import add_products


def test_users_lists_local_users_with_their_permissions(store) -> None:
    with SqlUnitOfWork(store) as uow:
        uow.users.upsert("sam", "Sam (supervisor)", ROLES["supervisor"])
        uow.users.upsert("alex", "Alex (associate)", ROLES["associate"])
        uow.commit()
    with store.read() as conn:
        rows = queries.users(conn)
    assert [r.user_id for r in rows] == ["alex", "sam"]
    assert rows[1].permissions == {Permission.INV_COUNT_ADMIN, Permission.COMMON_ADMIN}


def test_areas_are_the_configured_ones(store) -> None:
    with store.write() as conn:
        conn.execute(text("INSERT INTO areas (name) VALUES (:n)"), [{"n": a} for a in DEFAULT_AREAS])
    with store.read() as conn:
        assert queries.areas(conn) == sorted(DEFAULT_AREAS)


def test_item_and_uncounted_pages_add_up_to_their_counts(store, counting, supervisor, clock) -> None:
    skus = {f"SKU-{i:03d}": [with_check(f"0{i:012d}")] for i in range(1, 31)}
    add_products(store, skus)
    listed = list(skus)[:20]
    _count, session = counting.create_count(
        supervisor, "Paged", CountKind.DIRECTED, clock.now() - timedelta(hours=1), [(s, 2.0) for s in listed]
    )
    counting.start(supervisor, session.id)
    for sku in list(skus)[5:25]:  # 15 listed ones, 5 not listed
        counting.record_scan(supervisor, session.id, skus[sku][0], "test")
    with store.read() as conn:
        assert queries.item_count(conn, session.id, Category.COUNTED) == 15
        assert queries.item_count(conn, session.id, Category.UNDIRECTED) == 5
        assert queries.uncounted_count(conn, session.id) == 5
        pages = queries.items(conn, session.id, Category.COUNTED, 0, 10) + queries.items(
            conn, session.id, Category.COUNTED, 10, 10
        )
        assert [r.item_key for r in pages] == [r.item_key for r in queries.items(conn, session.id, Category.COUNTED)]
        assert len(pages) == 15
        first, rest = queries.uncounted(conn, session.id, 0, 2), queries.uncounted(conn, session.id, 2, 10)
        assert [r.item_key for r in first + rest] == listed[:5]


def test_line_ordinals_and_lines_at_page_a_scan_list_by_position(store, counting, supervisor, clock) -> None:
    add_products(store, {"SKU-A": [with_check("0000000000001")]})
    _count, session = counting.create_count(supervisor, "Ordinals", CountKind.HARD, clock.now() - timedelta(hours=1))
    counting.start(supervisor, session.id)
    code = with_check("000000000000")
    known = with_check("0000000000001")
    outcomes = [counting.record_scan(supervisor, session.id, c, "test") for c in (known, code, known, code, known)]
    counting.remove_line(supervisor, session.id, outcomes[2].line_id)  # the third scan was wrong
    with store.read() as conn:
        everything = queries.line_ordinals(conn, session.id)
        assert everything == [5, 4, 2, 1]
        assert queries.line_ordinals(conn, session.id, Category.UNMATCHED) == [4, 2]
        assert queries.line_ordinals(conn, session.id, after=2) == [5, 4]
        page = queries.lines_at(conn, session.id, [4, 99, 1])  # 99 does not exist: left out
        assert [ln.ordinal for ln in page] == [4, 1]
        assert [ln.event_id for ln in page] == [outcomes[3].line_id, outcomes[0].line_id]
        assert [ln.ordinal for ln in queries.lines(conn, session.id)] == everything
        assert queries.lines_at(conn, session.id, []) == []


def test_expected_among_tells_listed_items_apart(store, counting, supervisor, clock) -> None:
    add_products(store, {"SKU-A": [with_check("0000000000001")], "SKU-B": [with_check("0000000000002")]})
    count, _session = counting.create_count(supervisor, "Listed", CountKind.DIRECTED, clock.now(), [("SKU-A", 1.0)])
    with store.read() as conn:
        assert queries.expected_among(conn, count.id, ["SKU-A", "SKU-B", "SKU-NONE"]) == {"SKU-A"}
        assert queries.expected_among(conn, count.id, []) == set()
