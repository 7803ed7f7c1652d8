"""The summary's lists read a page at a time (issue 19) are the full summary's lists: page
after page, the same rows in the same order with the same (masked) content, on lists longer
than a page."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import SignalField, SignalHistory, SignalStatus
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


def test_rows_alike_in_every_shown_key_come_in_one_order_on_screen_and_on_paper(
    session: Session,
) -> None:
    """Quotes of one round written in the same instant tie on every key the lists sort by;
    the PDF's full list and the screen's pages both put them in id order (before, the PDF
    took them as the database happened to read them, and the two could differ)."""
    from datetime import UTC, date, datetime

    from gebiedsapp.domain import Conversation, reference_id
    from gebiedsapp.services.period import Period
    from support.summary_world import OUDEREN, Builder

    beerta = reference_id("area", "beerta")
    _round, ids = Builder(session).round(
        beerta, date(2024, 5, 1), [([OUDEREN], f"Gelijk {n}", True) for n in range(6)]
    )
    same = datetime(2024, 5, 1, 10, 30, tzinfo=UTC)
    for conversation in ids:
        session.get_one(Conversation, conversation).created_at = same
    session.flush()
    period = Period.year(2024)
    full = area_summary(session, [beerta], period, today=date(2024, 12, 20))
    by_id = [f"Gelijk {n}" for _id, n in sorted(zip(ids, range(6), strict=True))]
    assert [q.text for q in full.quotes] == by_id
    scope = sl.list_scope(session, beerta, period, today=date(2024, 12, 20))
    order = sl.list_order(session, scope, sl.QUOTES)
    assert [q.text for q in _paged(session, order, 4)] == by_id

    from sqlalchemy import select

    from gebiedsapp.domain import FollowUp

    builder = Builder(session)
    for _ in range(6):  # agreed the same day, no due day: alike in every key but the id
        builder.action(beerta, date(2024, 6, 3))
    made = session.scalars(select(FollowUp).where(FollowUp.area_id == beerta)).all()

    def named(row: FollowUp) -> str:  # no digits: a run of them could be masked as a phone
        return "Actie " + row.id.hex.translate(str.maketrans("0123456789", "ghijklmnop"))

    for row in made:
        row.description = named(row)
    session.flush()
    full = area_summary(session, [beerta], period, today=date(2024, 12, 20))
    by_id = [named(row) for row in sorted(made, key=lambda r: r.id)]
    assert [a.what for a in full.open_action_list] == by_id
    scope = sl.list_scope(session, beerta, period, today=date(2024, 12, 20))
    order = sl.list_order(session, scope, sl.ACTIONS)
    assert [a.what for a in _paged(session, order, 4)] == by_id


def test_a_first_page_is_the_whole_lists_first_rows_and_says_whether_more_follow(
    session: Session, lists: LongLists
) -> None:
    """Read from the order cut to a page (issue 19): the same rows as the whole order's
    first page; its order is the whole one only when the list fits in the page."""
    scope = sl.list_scope(session, lists.area, lists.period, today=lists.today)
    for name in sl.LISTS:
        whole = sl.list_order(session, scope, name)
        for limit in (sl.PAGE, 37, len(whole) - 1):
            order, page = sl.first_page(session, scope, name, limit=limit)
            assert not order.complete, (name, limit)
            assert order.ids == whole.ids[:limit]
            assert page.rows == sl.list_page(session, whole, limit=limit).rows
        for limit in (len(whole), len(whole) + 1):
            order, page = sl.first_page(session, scope, name, limit=limit)
            assert order.complete, (name, limit)
            assert order.ids == whole.ids
            assert page.total == len(whole)


def _closed_by_history_only(session: Session, ids: Any, *, at: Any) -> None:
    """These signals' history says they were closed, their `closed_on` not (data from before
    `closed_on` was kept, or a sync's): the history decides."""
    for key in ids:
        signal_id = uuid.UUID(int=key)
        seq = session.scalar(
            select(func.max(SignalHistory.seq)).where(SignalHistory.signal_id == signal_id)
        )
        session.add(
            SignalHistory(
                signal_id=signal_id,
                seq=(seq or 0) + 1,
                at=at,
                field=SignalField.STATUS,
                old="gemeld",
                new=SignalStatus.AFGEHANDELD.value,
            )
        )
    session.flush()


@pytest.mark.parametrize("closed", [3, 60])
def test_the_open_signals_first_page_leaves_out_those_closed_by_their_history(
    session: Session, lists: LongLists, closed: int
) -> None:
    """The first page looks up the history of its first candidates only (issue 19); signals
    among them closed by their history alone are left out as from the whole order, also when
    more of them are closed than the candidates have room for (then the whole query)."""
    scope = sl.list_scope(session, lists.area, lists.period, today=lists.today)
    before = sl.list_order(session, scope, sl.OPEN_SIGNALS)
    moved = datetime.combine(lists.today - timedelta(days=1), time(12), tzinfo=UTC)
    _closed_by_history_only(session, before.ids[1 : 1 + closed], at=moved)
    whole = sl.list_order(session, scope, sl.OPEN_SIGNALS)
    assert len(whole) == len(before) - closed  # the history decides
    for limit in (5, 37):
        order, page = sl.first_page(session, scope, sl.OPEN_SIGNALS, limit=limit)
        assert order.ids == whole.ids[:limit], limit
        assert page.rows == sl.list_page(session, whole, limit=limit).rows
