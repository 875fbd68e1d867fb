"""The screens' read port: the scan list's and the Unmatched tab's rows at given ordinals (with product names,
missing lines left out), names that fall back to the SKU, and who was signed in last (Users)."""

from __future__ import annotations

from scanapp.domain.classification import Category
from scanapp.domain.permissions import ROLES
from scanapp.domain.suggestions import with_check
from scanapp.services.reads import Reads
from scanapp.services.users import Users
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import CHIPS, COLA, WATER

UNKNOWN = with_check("099999912345")  # a valid GTIN no product has
OTHER_UNKNOWN = with_check("099999954321")


def test_scan_rows_carry_product_names_in_the_order_asked(store, counting, supervisor, directed_session) -> None:
    _count, session = directed_session
    for code in (COLA, UNKNOWN, WATER):
        counting.record_scan(supervisor, session.id, code, "test")
    reads = Reads(store)
    ordinals = reads.line_ordinals(session.id)
    assert ordinals == [3, 2, 1]
    rows = reads.scan_rows(session.id, [1, 99, 2])  # 99 does not exist: left out
    assert [(r.line.ordinal, r.name, r.status) for r in rows] == [
        (1, "Product SKU-COLA", "Counted"),
        (2, None, "Unmatched"),
    ]
    assert reads.line_ordinals(session.id, Category.UNMATCHED) == [2]
    assert reads.line_ordinals(session.id, after=2) == [3]


def test_an_unmatched_card_names_the_matched_scans_around_it(store, counting, supervisor, directed_session) -> None:
    _count, session = directed_session
    for code in (COLA, UNKNOWN, CHIPS, WATER):
        counting.record_scan(supervisor, session.id, code, "test")
    reads = Reads(store)
    ((code, quantity),) = reads.unmatched_codes(session.id)
    (card,) = reads.unmatched_code_cards(session.id, [code])
    assert (card.line.raw, quantity, card.quantity) == (UNKNOWN, 1, 1)
    (scan,) = card.scans
    assert (scan.before, scan.after, scan.scans_ago) == ("Product SKU-COLA", "Product SKU-CHIPS", 2)


def test_an_unknown_code_is_one_card_with_every_scan_of_it(store, counting, supervisor, directed_session) -> None:
    _count, session = directed_session
    for code in (UNKNOWN, COLA, UNKNOWN, CHIPS, OTHER_UNKNOWN, UNKNOWN, WATER):
        counting.record_scan(supervisor, session.id, code, "test")
    reads = Reads(store)
    codes = reads.unmatched_codes(session.id)
    assert [n for _c, n in codes] == [3, 1]  # the code scanned last first
    card, other = reads.unmatched_code_cards(session.id, [c for c, _n in codes])
    assert (card.quantity, other.quantity) == (3, 1)
    assert [s.scans_ago for s in card.scans] == [1, 4, 6]
    assert [(s.before, s.after) for s in card.scans] == [
        ("Product SKU-CHIPS", "Product SKU-WATER"),
        ("Product SKU-COLA", "Product SKU-CHIPS"),
        (None, "Product SKU-COLA"),
    ]
    assert len(reads.unmatched_line_ids(session.id, card.code)) == 3


def test_a_product_name_falls_back_to_its_sku(store, directed_session) -> None:
    reads = Reads(store)
    assert reads.product_name("SKU-COLA") == "Product SKU-COLA"
    assert reads.product_name("SKU-GONE") == "SKU-GONE"


def test_users_remember_who_was_signed_in_until_they_sign_out(store) -> None:
    with SqlUnitOfWork(store) as uow:
        uow.users.upsert("sam", "Sam (supervisor)", ROLES["supervisor"])
        uow.users.upsert("alex", "Alex (associate)", ROLES["associate"])
        uow.commit()
    users = Users(lambda: SqlUnitOfWork(store), Reads(store))
    assert [u.user_id for u in users.all()] == ["alex", "sam"]
    assert users.remembered() is None
    users.remember("alex")
    remembered = users.remembered()
    assert remembered is not None and remembered.user_id == "alex"
    users.remember("someone-removed")  # a user the device no longer has: nobody is remembered
    assert users.remembered() is None
    users.remember(None)
    assert users.remembered() is None
