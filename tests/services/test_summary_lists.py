"""The summary's lists read a page at a time (issue 19) are the full summary's lists: page
after page, the same rows in the same order with the same (masked) content, on lists longer
than a page."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.services import summary_lists as sl
from gebiedsapp.services.summary import area_summary
from support.long_lists import ROWS, LongLists, build_long_lists


@pytest.fixture
def lists(session: Session) -> LongLists:
    return build_long_lists(session)


def _paged(session: Session, order: sl.ListOrder, limit: int) -> list[Any]:
    rows: list[Any] = []
    offset = 0
    while offset < len(order):
        page = sl.list_page(session, order, offset=offset, limit=limit)
        assert page.total == len(order)
        assert page.offset == offset
        rows.extend(page.rows)
        offset = page.end
    return rows


def test_pages_follow_each_other_as_the_full_list(session: Session, lists: LongLists) -> None:
    full = area_summary(session, [lists.area], lists.period, today=lists.today)
    expected = {
        sl.OPEN_SIGNALS: full.open_signals,
        sl.QUOTES: full.quotes,
        sl.ACTIONS: full.open_action_list,
        sl.INITIATIVES: full.initiatives,
    }
    scope = sl.list_scope(session, lists.area, lists.period, today=lists.today)
    for name in sl.LISTS:
        assert len(expected[name]) > sl.PAGE, name  # more than a page: the test means it
        order = sl.list_order(session, scope, name)
        assert len(order) == len(expected[name]), name
        for limit in (sl.PAGE, 37):  # pages of the screen's size, and of another
            assert _paged(session, order, limit) == list(expected[name]), (name, limit)
        past = sl.list_page(session, order, offset=len(order) + 5)
        assert past.rows == ()
        assert past.total == len(order)
    assert {s.label for s in full.open_signals} == set(type(full.open_signals[0].label))
    assert any("06-" not in q.text and "bel me op" in q.text for q in full.quotes)  # masked


def test_the_first_pages_hold_a_page_and_count_the_whole_list(
    session: Session, lists: LongLists
) -> None:
    first = sl.first_pages(session, lists.area, lists.period, today=lists.today)
    for name in sl.LISTS:
        order, page = first[name]
        assert len(page.rows) == sl.PAGE
        assert page.total == len(order) >= ROWS - ROWS // 3
