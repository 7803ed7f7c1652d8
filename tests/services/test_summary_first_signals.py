"""Samenvatting's first page of open signals is cut before the names are joined (issue 19):
the first candidates by the signal's own keys (deadline label, reported, deadline), then only
those joined and sorted by the whole order. Still exactly the whole order's first rows, also
where signals alike in those keys (sorted further by area, category, ...) run past the cut."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Signal, reference_id
from gebiedsapp.services import summary_lists as sl
from gebiedsapp.services.period import Period
from support.summary_world import GROFVUIL, LICHT, SOCIAAL, ZWERFVUIL, Builder

TODAY = date(2024, 12, 20)
PERIOD = Period.year(2024)
ALIKE_ON = date(2024, 3, 1)  # reported then, the same deadline: alike in the first keys


def _signals(session: Session, *, alike: int, others: int) -> sl.ListScope:
    """`others` signals reported on their own days before ALIKE_ON, and `alike` signals
    reported on it with one deadline, told apart only by their area and category (joined)."""
    b = Builder(session)
    midwolda = reference_id("area", "midwolda")
    ekamp = reference_id("area", "ekamp")
    categories = [SOCIAAL, LICHT, ZWERFVUIL, GROFVUIL]  # not in the order of their names
    for n in range(others):
        reported = ALIKE_ON - timedelta(days=others - n)
        b.signal(midwolda, reported, categories[n % 4], reported + timedelta(days=n % 3))
    for n in range(alike):
        area = ekamp if n % 3 else midwolda
        b.signal(area, ALIKE_ON, categories[n % 4], ALIKE_ON + timedelta(days=7))
    session.flush()
    return sl.list_scope(session, reference_id("area", "midwolda"), PERIOD, today=TODAY)


@pytest.mark.parametrize(
    ("alike", "others", "limits"),
    [
        (60, 40, (5, 39, 40, 41, 45, 99, 100)),  # the alike ones straddle the candidates' cut
        (120, 10, (5, 9, 10, 11, 60)),  # more alike than the candidates have room for
    ],
)
def test_the_first_open_signals_are_the_whole_orders_first_also_where_alike_ones_run_past_the_cut(
    session: Session, alike: int, others: int, limits: tuple[int, ...]
) -> None:
    scope = _signals(session, alike=alike, others=others)
    whole = sl.list_order(session, scope, sl.OPEN_SIGNALS)
    assert len(whole) == alike + others
    assert len({row.area for row in sl.list_page(session, whole, limit=len(whole)).rows}) == 2
    for limit in limits:
        order, page = sl.first_page(session, scope, sl.OPEN_SIGNALS, limit=limit)
        assert order.ids == whole.ids[:limit], limit
        assert page.rows == sl.list_page(session, whole, limit=limit).rows, limit


def _plans(session: Session, run: Any) -> list[list[tuple[int, int, str]]]:
    """The query plans of the statements `run` makes (id, parent, detail per step)."""
    statements: list[tuple[str, Any]] = []
    connection = session.connection()

    def seen(_c: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(connection, "before_cursor_execute", seen)
    try:
        run()
    finally:
        event.remove(connection, "before_cursor_execute", seen)
    return [
        [
            (step, parent, detail)
            for step, parent, _unused, detail in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters
            )
        ]
        for statement, parameters in statements
    ]


def test_the_first_page_joins_the_names_of_its_candidates_only(session: Session) -> None:
    """No statement of the first page looks up the area (or the other names) of every open
    signal it scans: on ten times today's data that join and its sort over all 13,710 open
    signals of the municipality was half the first page's read (issue 19)."""
    scope = _signals(session, alike=10, others=60)
    assert session.scalar(select(Signal.id).limit(1)) is not None
    plans = _plans(session, lambda: sl.first_page(session, scope, sl.OPEN_SIGNALS, limit=5))
    assert plans
    for plan in plans:
        scans = {  # a loop over the signals of the areas (not a look-up of some by id)
            parent
            for _step, parent, detail in plan
            if detail.startswith(("SCAN signal ", "SEARCH signal ")) and "(id=?)" not in detail
        }
        areas = {parent for _step, parent, detail in plan if detail.startswith("SEARCH area ")}
        assert not scans & areas, plan  # the names looked up in that loop
