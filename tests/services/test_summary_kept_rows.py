"""The summary's facts are kept (services.summary_cache) while the app runs: on ten times
today's data some 30,000 list rows. As dataclasses (with enum members and UUIDs in them) every
collection of the GUI thread's young generation walked each new row, 44-72 ms after a summary
was read (issue 19). They are kept packed (summary_model.Packing): plain tuples of plain
values, which Python's collector stops tracking at the first collection they survive."""

from __future__ import annotations

import gc
import weakref
from datetime import date
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.domain import DeadlineLabel, InitiativeStatus, Priority, SignalStatus
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.overview import subtree_ids
from gebiedsapp.services.summary import area_summary
from gebiedsapp.services.summary_facts import LIST_OF, gather_facts
from gebiedsapp.services.summary_model import (
    ACTION_ROWS,
    INITIATIVE_ROWS,
    QUOTE_ROWS,
    SIGNAL_ROWS,
    InitiativeRow,
    OpenAction,
    OpenSignal,
    Packing,
    Quote,
    Rows,
)
from gebiedsapp.services.sync.push import collector_paused
from support.long_lists import LongLists, build_long_lists


def test_the_kept_rows_and_their_order_keys_are_not_walked_by_the_collector(
    session: Session,
) -> None:
    lists: LongLists = build_long_lists(session)
    scope = frozenset(subtree_ids(area_tree(session), lists.area))
    period = lists.period
    with collector_paused():  # the test collects, as the GUI thread's guard does
        facts = gather_facts(session, scope, period, period.previous(), lists.today)
        gc.collect(0)  # one young collection, as the guard makes every tenth second
    for name in LIST_OF.values():
        rows, keys = getattr(facts, name), facts.orders[name]
        assert len(rows) > 1, name
        tracked = [row for row in (*rows, *keys) if gc.is_tracked(row)]
        assert tracked == [], (name, tracked[:3])


SIGNAL = OpenSignal(
    category="Openbare ruimte › Verlichting",
    buurt="Centrum",
    area="Winschoten",
    since=date(2024, 3, 1),
    partner="",
    deadline=date(2024, 3, 15),
    label=DeadlineLabel.RUIM_BUITEN,
    status=SignalStatus.DOORGEZET,
    priority=Priority.HOOG,
)
INITIATIVE = InitiativeRow(
    title="Speeltuin",
    area="Beerta",
    status=InitiativeStatus.UITVOERING,
    since=date(2024, 1, 2),
    ended=None,
    next_step="Offerte",
    next_due=None,
    budget_granted=125_000,
    ended_later=date(2024, 5, 1),
)


@pytest.mark.parametrize(
    ("packing", "row"),
    [
        (SIGNAL_ROWS, SIGNAL),
        (INITIATIVE_ROWS, INITIATIVE),
        (QUOTE_ROWS, Quote("Fijn dat jullie er zijn", date(2024, 3, 2), "Beerta", "")),
        (ACTION_ROWS, OpenAction("Bellen", "Anna", None, "Beerta", overdue=False)),
    ],
)
def test_a_packed_row_is_made_again_as_it_was(packing: Packing[Any], row: object) -> None:
    area = uuid4()
    packed = packing.pack(area, row)
    assert type(packed) is tuple
    assert packed[0] == area.int
    assert all(type(value) in (str, int, bool, date, type(None)) for value in packed)
    assert packing.unpack(packed) == row
    rows = Rows(packing, (packed, packed))
    assert rows[0] == row
    assert list(rows) == [row, row]
    assert rows[-1] == row
    made = weakref.ref(next(iter(rows)))
    assert made() is None  # not kept: what the collector would walk while the facts are kept
    with pytest.raises(IndexError):
        rows[2]
    assert rows[1] == row
    assert rows == (row, row)
    assert rows[:1] == (row,)
    assert rows != (row,)


def test_a_row_kind_that_does_more_than_hold_its_fields_is_not_packed() -> None:
    """`unpack` sets a row's fields as they are, without its `__init__`: a kind with a
    `__post_init__` (or slots) would be made wrongly, so it is refused."""
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Checked:
        name: str

        def __post_init__(self) -> None:
            if not self.name:
                raise ValueError("empty")

    with pytest.raises(TypeError):
        Packing(Checked)


def test_a_report_makes_the_lists_it_reads_once(session: Session) -> None:
    """`AreaSummary.made`: the lists as tuples of their rows (a report reads them several
    times), equal to the kept summary's; the kept summary still holds them packed."""
    lists: LongLists = build_long_lists(session)
    summary = area_summary(session, [lists.area], lists.period, today=lists.today)
    assert isinstance(summary.open_signals, Rows)
    made = summary.made(("open_signals", "quotes"))
    assert type(made.open_signals) is tuple
    assert type(made.quotes) is tuple
    assert made.open_action_list is summary.open_action_list  # not asked: as it was
    assert made.open_signals == summary.open_signals
    assert len(made.open_signals) > 1
    assert made.made() == summary  # every list, the same rows
