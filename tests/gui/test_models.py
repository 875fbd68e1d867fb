"""Item models over the store: every one passes Qt's model tester; pages are fetched only as rows are
asked for; new scans go in at the top without a reset."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from scanapp.domain.classification import Category
from scanapp.domain.counts import CountKind
from scanapp.domain.suggestions import with_check
from scanapp.gui.models.candidates import CandidateModel
from scanapp.gui.models.hand_counted import HandCountModel
from scanapp.gui.models.items import ItemsModel, UncountedModel
from scanapp.gui.models.scan_lines import STATUS_ROLE, ScanListModel
from scanapp.gui.models.table import ROW_ROLE
from scanapp.gui.models.unmatched import UnmatchedModel
from scanapp.services.candidates import candidates_for
from tests.gui.conftest import SODA_14
from tests.helpers import CHIPS, COLA, COLA_14, WATER, add_products

UNKNOWN = with_check("099999912345")  # a valid GTIN no product has


@pytest.fixture
def scanned(retail, counting, supervisor):
    """The directed session started, with COLA ×2, WATER (not listed), an unknown code, a bad check digit
    and CHIPS, in that order."""
    sid = retail.directed_session.id
    counting.start(supervisor, sid)
    for code in (COLA, COLA, WATER, UNKNOWN, "4006381333932", CHIPS):
        counting.record_scan(supervisor, sid, code, "test")
    return sid


def shown(model, column=0):
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_scan_list_is_newest_first_with_status_and_remove(qtmodeltester, engine, scanned):
    model = ScanListModel(engine.reads)
    model.set_session(scanned)
    qtmodeltester.check(model)
    assert model.rowCount() == 6
    statuses = [model.data(model.index(r, 0), STATUS_ROLE) for r in range(6)]
    assert statuses == ["Counted", "Rejected", "Unmatched", "Undirected", "Counted", "Counted"]
    first = model.data(model.index(0, 0))
    assert first.startswith("Product SKU-CHIPS\nCounted · ")
    assert "bad check digit" in model.data(model.index(1, 0))
    assert model.data(model.index(0, ScanListModel.REMOVE)) == "×"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(5, 0), ROW_ROLE).line.ordinal == 1


def test_category_models_pass_the_model_tester(qtmodeltester, engine, scanned):
    counted = ItemsModel(engine.reads, Category.COUNTED)
    undirected = ItemsModel(engine.reads, Category.UNDIRECTED)
    uncounted = UncountedModel(engine.reads)
    unmatched = UnmatchedModel(engine.reads)
    for model in (counted, undirected, uncounted, unmatched):
        model.set_session(scanned)
        qtmodeltester.check(model)
    assert shown(counted, ItemsModel.SKU) == ["SKU-CHIPS", "SKU-COLA"]
    assert shown(counted, ItemsModel.UNITS) == ["1", "2"]
    assert shown(counted, ItemsModel.EXPECTED) == ["3", "12"]
    assert shown(undirected, ItemsModel.SKU) == ["SKU-WATER"]
    assert shown(uncounted, UncountedModel.SKU) == ["SKU-SODA"]
    assert unmatched.rowCount() == 1


def test_unmatched_card_says_when_and_what_was_scanned_around_it(engine, scanned):
    model = UnmatchedModel(engine.reads)
    model.set_session(scanned)
    card = model.data(model.index(0, 0), ROW_ROLE)
    (only,) = card.scans
    assert only.scans_ago == 1  # CHIPS came after it; the rejected read is not a scan
    assert (only.before, only.after) == ("Product SKU-WATER", "Product SKU-CHIPS")
    text = model.card_text(card).splitlines()
    assert text[0] == f"{UNKNOWN.zfill(14)} · 1 scan"
    assert text[1].endswith(", 1 scan ago, between Product SKU-WATER and Product SKU-CHIPS")
    assert model.data(model.index(0, UnmatchedModel.MATCH)) == "Match…"


def test_pages_are_fetched_only_when_rows_are_asked_for(engine, store, counting, supervisor, clock):
    add_products(store, {"SKU-COLA": [COLA_14]})
    _count, session = counting.create_count(supervisor, "Big", CountKind.HARD, clock.now() - timedelta(hours=1))
    counting.start(supervisor, session.id)
    for _ in range(250):
        counting.record_scan(supervisor, session.id, COLA, "test")
    model = ScanListModel(engine.reads)
    model.set_session(session.id)
    assert model.rowCount() == 250
    assert model.fetches == 0
    assert model.data(model.index(249, 0), ROW_ROLE).line.ordinal == 1
    assert model.fetches == 1  # only the last page
    model.data(model.index(248, 0))
    assert model.fetches == 1


def test_new_scans_are_inserted_at_the_top_without_a_reset(qtbot, engine, scanned, counting, supervisor):
    model = ScanListModel(engine.reads)
    model.set_session(scanned)
    inserted = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.modelReset.connect(lambda: inserted.append("reset"))
    counting.record_scan(supervisor, scanned, SODA_14, "test")
    counting.record_scan(supervisor, scanned, COLA, "test")
    model.refresh(new_rows_on_top=True)
    assert inserted == [(0, 1)]
    assert model.rowCount() == 8
    assert model.data(model.index(0, 0), ROW_ROLE).line.item_key == "SKU-COLA"


def test_remove_row_takes_one_row_out(qtbot, engine, scanned):
    model = ScanListModel(engine.reads)
    model.set_session(scanned)
    with qtbot.waitSignal(model.rowsRemoved):
        model.remove_row(2)
    assert model.rowCount() == 5
    model.remove_row(99)  # past the end: nothing happens
    assert model.rowCount() == 5


def test_candidates_model_and_likely_matches(qtmodeltester, engine, retail):
    # COLA's data digits with one of them (and so the check digit) misread: a valid code nobody owns.
    misread = with_check("040063813339" + "4")
    found = candidates_for(engine.reads, misread, misread)
    assert found[0].sku == "SKU-COLA"
    assert "misread" in found[0].reason
    model = CandidateModel()
    model.set_candidates(found)
    qtmodeltester.check(model)
    assert model.data(model.index(0, CandidateModel.SKU)) == "SKU-COLA"
    by_name = candidates_for(engine.reads, misread, "SKU-WATER")
    assert by_name[0].sku == "SKU-WATER" and by_name[0].reason == "matches the search"


def test_hand_count_model_steps_types_and_removes(qtmodeltester, engine, retail):
    hits = candidates_for(engine.reads, "", "SKU-COLA")
    model = HandCountModel()
    qtmodeltester.check(model)
    row = model.add(hits[0])
    model.add(hits[0])  # the same product again: one more
    assert model.items() == [("SKU-COLA", 2)]
    model.step(row, -5)
    assert model.items() == [("SKU-COLA", 0)]  # never below zero (0: counted, none there, C10); × removes
    qty = model.index(row, HandCountModel.QTY)
    assert model.flags(qty) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(qty, "24")
    assert not model.setData(qty, "-1")
    assert not model.setData(qty, "twelve")
    assert model.items() == [("SKU-COLA", 24)]
    assert model.setData(qty, "0")
    assert model.data(qty) == "0"
    assert model.setData(qty, "24")
    qtmodeltester.check(model)
    model.remove(row)
    assert model.rowCount(QModelIndex()) == 0
