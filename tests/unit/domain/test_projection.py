"""The projection rule itself: which event has which effect, and what it refuses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scanapp.domain.classification import Category
from scanapp.domain.counts import CountKind
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import LINE_KINDS, Event, EventKind
from scanapp.domain.projection import (
    MAX_UNITS,
    PROJECTED,
    AliasAdded,
    LineAdded,
    LineChanged,
    SessionTally,
    effect_of,
)
from scanapp.domain.tally import Line

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def event(kind: EventKind, session_id: str = "s", **payload: object) -> Event:
    return Event(
        id=f"e-{kind.value}",
        kind=kind,
        device_id="d",
        user_id="u",
        session_id=session_id,
        wall_time=T0,
        mono_ns=0,
        payload=payload,
    )


def no_lines(line_id: str) -> Line:
    raise NotFound(f"No scan line {line_id}.")


def listed(item_key: str) -> bool:
    return item_key == "A"


def test_a_scan_adds_a_line_classified_against_the_list() -> None:
    effect = effect_of(
        event(EventKind.SCAN_RECORDED, raw="x", code="1", item_key="B"), CountKind.DIRECTED, no_lines, listed
    )
    assert isinstance(effect, LineAdded)
    assert (effect.line.units, effect.line.category) == (1, Category.UNDIRECTED)


def test_a_hand_count_beyond_any_real_quantity_is_refused() -> None:
    hand = event(EventKind.HAND_COUNTED, item_key="A", qty=MAX_UNITS + 1)
    with pytest.raises(InvalidTransition, match="out of range"):
        effect_of(hand, CountKind.DIRECTED, no_lines, listed)


def test_a_removal_names_a_line_of_its_own_session() -> None:
    tally = SessionTally(CountKind.HARD)
    line = tally.apply(event(EventKind.SCAN_RECORDED, raw="x", code="1", item_key=None))
    assert line is not None
    remove = event(EventKind.LINE_REMOVED, session_id="other", line_id=line.event_id)
    with pytest.raises(NotFound, match="another session"):
        effect_of(remove, CountKind.HARD, tally.lines.__getitem__, listed)
    effect = effect_of(
        event(EventKind.LINE_REMOVED, line_id=line.event_id), CountKind.HARD, tally.lines.__getitem__, listed
    )
    assert isinstance(effect, LineChanged) and effect.before == line and effect.after.removed


def test_a_match_reclassifies_and_an_alias_names_code_and_product() -> None:
    tally = SessionTally(CountKind.DIRECTED, ["A"])
    line = tally.apply(event(EventKind.SCAN_RECORDED, raw="x", code="999", item_key=None))
    assert line is not None
    match = event(EventKind.LINE_MATCHED, line_id=line.event_id, item_key="A")
    effect = effect_of(match, CountKind.DIRECTED, tally.lines.__getitem__, listed)
    assert isinstance(effect, LineChanged) and effect.after.category is Category.COUNTED
    alias = effect_of(event(EventKind.ALIAS_ADDED, code="999", sku="A"), CountKind.DIRECTED, no_lines, listed)
    assert alias == AliasAdded("999", "A")


@pytest.mark.parametrize("kind", sorted(set(EventKind) - PROJECTED))
def test_other_kinds_have_no_effect(kind: EventKind) -> None:
    assert effect_of(event(kind), CountKind.DIRECTED, no_lines, listed) is None


def test_every_line_kind_is_projected() -> None:
    assert LINE_KINDS <= PROJECTED
