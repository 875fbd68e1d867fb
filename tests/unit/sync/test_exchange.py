"""The deadlines a device syncs by, and the pull page size that follows a slow link down and back up."""

from __future__ import annotations

import math

from scanapp.sync.exchange import CONNECT_KEY, GROW_AFTER, MIN_PULL_PAGE, REQUEST_KEY, ROUND_KEY, Deadlines, PageSize


def test_a_page_that_missed_its_deadline_is_asked_again_at_half_down_to_the_smallest() -> None:
    pages = PageSize(1000)
    sizes = [pages.size]
    while pages.shrink():
        sizes.append(pages.size)
    assert sizes == [1000, 500, 250, 125, 62, MIN_PULL_PAGE]
    assert not pages.shrink() and pages.size == MIN_PULL_PAGE


def test_a_small_first_page_is_not_shrunk_below_itself_nor_grown_above_it() -> None:
    pages = PageSize(20)
    assert not pages.shrink() and pages.size == 20
    for _ in range(GROW_AFTER * 3):
        pages.took(0.0, 30)
    assert pages.size == 20


def test_the_page_grows_back_after_fast_pages_in_a_row_and_a_slow_one_resets_the_run() -> None:
    pages = PageSize(1000)
    pages.shrink()
    pages.shrink()
    assert pages.size == 250
    for _ in range(GROW_AFTER - 1):
        pages.took(1.0, 30)  # under a quarter of the deadline: fast
    pages.took(8.0, 30)  # not fast: the run starts again
    for _ in range(GROW_AFTER - 1):
        pages.took(1.0, 30)
    assert pages.size == 250
    pages.took(1.0, 30)
    assert pages.size == 500
    for _ in range(GROW_AFTER * 5):
        pages.took(1.0, 30)
    assert pages.size == 1000


def test_a_retry_after_a_slow_page_needs_a_new_run_of_fast_pages_to_grow() -> None:
    pages = PageSize(1000)
    for _ in range(GROW_AFTER - 1):
        pages.took(1.0, 30)
    pages.shrink()
    for _ in range(GROW_AFTER - 1):
        pages.took(1.0, 30)
    assert pages.size == 500


def test_deadlines_come_from_the_settings_and_unusable_values_keep_the_defaults() -> None:
    default = Deadlines()
    assert Deadlines.stored(lambda _key, fallback: fallback) == default
    stored: dict[str, object] = {CONNECT_KEY: 2, REQUEST_KEY: 12.5, ROUND_KEY: 90}
    assert Deadlines.stored(stored.get) == Deadlines(2.0, 12.5, 90.0)
    for junk in ("30", -1, 0, True, math.inf, math.nan, None, [5]):
        assert Deadlines.stored({REQUEST_KEY: junk}.get).request_s == default.request_s
    assert Deadlines.stored(Deadlines(1, 2, 3).as_settings().get) == Deadlines(1, 2, 3)
