"""The Samenvatting screen's first figures (`area_first_figures`, issue 19) are the very key
figures, team and inhabitants of the full summary, for any area, group and period."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from gebiedsapp.domain import reference_id
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary import area_first_figures, area_summary

if TYPE_CHECKING:
    from conftest import SummaryWorld

PERIODS = (Period.month(2024, 3), Period.quarter(2024, 1), Period.year(2024), Period.month(2024, 5))


@pytest.mark.parametrize(
    "keys", [("midwolda",), ("ekamp",), ("beerta",), ("midwolda", "beerta"), ("gemeente",)]
)
def test_the_first_figures_are_those_of_the_full_summary(
    summary_world: SummaryWorld, keys: tuple[str, ...]
) -> None:
    with summary_world.database.read_session() as session:
        if keys == ("gemeente",):
            area_ids = [area_tree(session)[0].id]  # the municipality: every area, no filter
        else:
            area_ids = [reference_id("area", key) for key in keys]
        for period in PERIODS:
            full = area_summary(session, area_ids, period, today=summary_world.today)
            first = area_first_figures(session, area_ids, period, today=summary_world.today)
            assert (first.title, first.period, first.previous_period, first.area_ids) == (
                full.title,
                full.period,
                full.previous_period,
                full.area_ids,
            )
            assert (first.current, first.previous) == (full.current, full.previous)
            assert (first.team, first.population, first.municipality) == (
                full.team,
                full.population,
                full.municipality,
            )
            assert first.open_signals == ()
            assert first.themes == ()


def test_the_first_figures_of_midwolda_are_the_known_ones(summary_world: SummaryWorld) -> None:
    with summary_world.database.read_session() as session:
        first = area_first_figures(
            session,
            [summary_world.midwolda],
            summary_world.period,
            today=summary_world.today,
        )
    expected = summary_world.expected["Midwolda"]
    assert (first.current, first.previous) == (expected.current, expected.previous)
    assert first.current.signals_open > 0
    assert first.current.conversations > 0
