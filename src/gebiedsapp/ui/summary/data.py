"""What the Samenvatting screen shows, loaded on the worker thread (no widgets here)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from gebiedsapp.services.geo import BuurtShape, map_shapes
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary import AreaSummary, area_first_figures, area_summary
from gebiedsapp.services.summary_lists import (
    FIRST_PAGE,
    ListOrder,
    Page,
    first_page,
    list_order,
    list_page,
    list_scope,
)
from gebiedsapp.ui.context import AppContext


@dataclass(frozen=True)
class Dashboard:
    area_id: uuid.UUID
    summary: AreaSummary
    shapes: list[BuurtShape]
    municipality: bool  # the root area: its PDF is the municipality-wide report


def load_dashboard(
    context: AppContext, area_id: uuid.UUID, period: Period, *, today: date
) -> Dashboard:
    with context.read() as session:
        summary = area_summary(session, [area_id], period, today=today)
        shapes = map_shapes(session, [b.code for b in summary.buurten])
    return Dashboard(area_id, summary, shapes, summary.municipality)


def load_first_figures(
    context: AppContext, area_id: uuid.UUID, period: Period, *, today: date
) -> Dashboard:
    """Only the key figures, team and inhabitants, shown while the rest is computed: on ten
    times today's data the whole dashboard takes seconds (issue 19). No map shapes."""
    with context.read() as session:
        summary = area_first_figures(session, [area_id], period, today=today)
    return Dashboard(area_id, summary, [], summary.municipality)


def load_list(
    context: AppContext, area_id: uuid.UUID, period: Period, *, today: date, name: str
) -> tuple[ListOrder, Page[object]]:
    """One of the summary's lists (summary_lists.LISTS): its first FIRST_PAGE rows, with its
    order when that is all of it (`first_page`), shown before the whole summary is in (issue
    19: on ten times today's data that takes seconds)."""
    with context.read() as session:
        scope = list_scope(session, area_id, period, today=today)
        return first_page(session, scope, name, limit=FIRST_PAGE)


def read_order(context: AppContext, first: ListOrder) -> ListOrder:
    """The whole order of a list whose first page came alone (`load_list`), for its next
    pages."""
    with context.read() as session:
        return list_order(session, first.scope, first.name)


def read_page(context: AppContext, order: ListOrder, offset: int) -> Page[object]:
    """The page of a list from `offset` on (the view scrolled to it): a look-up of its rows
    by id, on the lists' worker."""
    with context.read() as session:
        return list_page(session, order, offset=offset)
