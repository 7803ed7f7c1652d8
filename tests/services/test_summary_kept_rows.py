"""The summary's facts are kept (services.summary_cache) while the app runs: on ten times
today's data tens of thousands of list rows. Each row carried its own area id object, which
every collection of the GUI thread walked while the rows were young (issue 19); the rows of
one area now share one."""

from __future__ import annotations

from sqlalchemy.orm import Session

from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.overview import subtree_ids
from gebiedsapp.services.summary_facts import gather_facts
from support.long_lists import LongLists, build_long_lists


def test_the_kept_rows_of_an_area_share_its_id(session: Session) -> None:
    lists: LongLists = build_long_lists(session)
    scope = frozenset(subtree_ids(area_tree(session), lists.area))
    period = lists.period
    facts = gather_facts(session, scope, period, period.previous(), lists.today)
    for name in ("open_signals", "quotes", "actions", "initiatives"):
        rows = getattr(facts, name)
        areas = {area for area, _row in rows}
        assert len(rows) > len(areas) >= 1, name  # more rows than areas
        assert len({id(area) for area, _row in rows}) == len(areas), name
