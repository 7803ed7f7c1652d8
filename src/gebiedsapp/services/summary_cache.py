"""The summaries' facts kept per data version: a brief, the municipality's summary or the
Samenvatting screen asked again for the same areas, periods and day reads them from memory
instead of some forty queries (issue 15: the brief within 2x its static pages).

Exact by construction: the facts are those of the one computation (`summary_facts`), taken
again only while the data version of their areas (`storage.summary_version`: changed by
triggers on every write to a table the summaries read, whatever path wrote it, per area for
rows that have one) is the one they were computed at: a write in another area keeps them.
The version is read before the computation, so a write during it changes the version and
the facts are not taken again. After a write the kept facts are not thrown away: the parts
of the areas whose version changed are counted again and merged in (`summary_parts`; per
area and part since migration 0018), so the first brief after a conversation saved in an
area counts that area's talks only. Where there is no version (PostgreSQL) nothing is
kept. The first facts (the key figures the screen shows first) and the full facts share their
key figures: the full computation takes those of the first, and the first are read from the
full, so the screen no longer counts them twice.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.services.areas import AreaNode, area_tree
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary_facts import Facts, first_facts, first_of, gather_facts
from gebiedsapp.services.summary_parts import changed_parts, refresh
from gebiedsapp.services.summary_rounds import forget as forget_rounds
from gebiedsapp.storage.repositories.reports import AreaIds
from gebiedsapp.storage.summary_version import EVERY_AREA, DataVersion, read_version

# What is kept, least recently used dropped first: at most _KEPT sets, and at most _ROWS list
# rows (open signals, quotes, actions, initiatives) in all. A municipality's year holds ~3 MB
# on `large` (~10,000 rows), ten times that on ten times the data; an area's far less.
_KEPT = 24
_ROWS = 100_000
_lock = threading.Lock()
_kept: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()


class _Kept:
    """Facts as kept, with the data version they were counted at."""

    def __init__(self, facts: Facts, version: DataVersion) -> None:
        self.facts, self.version = facts, version


def _facts(key: Hashable, version: DataVersion) -> tuple[Facts | None, _Kept | None]:
    """The facts kept under `key` if they are of `version`, and what is kept under it."""
    found = _get(key)
    assert found is None or isinstance(found, _Kept)
    if found is not None and found.version == version:
        return found.facts, found
    return None, found


def _get(key: Hashable) -> object | None:
    with _lock:
        found = _kept.get(key)
        if found is None:
            return None
        _kept.move_to_end(key)
        return found[0]


def _rows(kept: object) -> int:
    if isinstance(kept, _Kept):
        facts = kept.facts
        lists = (facts.open_signals, facts.quotes, facts.actions, facts.initiatives)
        return 1 + sum(len(rows) for rows in lists)
    return 1


def _put(key: Hashable, kept: object) -> None:
    with _lock:
        _kept[key] = (kept, _rows(kept))
        _kept.move_to_end(key)
        while len(_kept) > 1 and (
            len(_kept) > _KEPT or sum(rows for _, rows in _kept.values()) > _ROWS
        ):
            _kept.popitem(last=False)


def forget() -> None:
    """Drop every kept set of facts (tests; nothing else needs it: a write changes the
    version, and facts of another version are never taken)."""
    with _lock:
        _kept.clear()
    forget_rounds()


def _data_key(session: Session, scope: AreaIds) -> tuple[str, DataVersion] | None:
    """Which database, at which data version of the areas `scope` (None: every area; (): no
    area, the reference data only); None where no version is kept. The session's changes not
    yet written are written first (as its queries would): read before them, the version would
    be that of the data without them."""
    session.flush()
    connection = session.connection()
    areas = None if scope is None else [area.hex for area in scope]
    version = read_version(connection, areas)
    return None if version is None else (str(connection.engine.url), version)


def summary_areas(session: Session) -> list[AreaNode]:
    """`areas.area_tree`, kept per data version like the facts (its tables are counted):
    every summary starts from the tree."""
    data = _data_key(session, ())
    if data is None:
        return area_tree(session)
    key = (*data, "areas")
    kept = _get(key)
    if kept is None:
        kept = _Areas(area_tree(session))
        _put(key, kept)
    assert isinstance(kept, _Areas)
    return list(kept.nodes)


class _Areas:
    """The area tree as kept (beside the facts, in the same few places)."""

    def __init__(self, nodes: list[AreaNode]) -> None:
        self.nodes = tuple(nodes)


def summary_facts(
    session: Session,
    scope: AreaIds,
    period: Period,
    today: date,
    *,
    full: bool,
) -> Facts:
    """The facts of `scope` (None: every area) over `period` and the one before, on `today`:
    all of them (`full`) or the first facts only."""
    previous = period.previous()
    data = _data_key(session, scope)
    if data is None:
        if full:
            return gather_facts(session, scope, period, previous, today)
        return first_facts(session, scope, period, previous, today)
    url, version = data
    key = (url, None if scope is None else frozenset(scope), period, today)
    whole, whole_kept = _facts((*key, True), version)
    first, first_kept = _facts((*key, False), version)
    if full:
        if whole is None:
            whole = _refreshed(session, whole_kept, version, scope, period, today, full=True)
            if whole is None:
                whole = gather_facts(session, scope, period, previous, today, first=first)
            _put((*key, True), _Kept(whole, version))
        return whole
    if first is None:
        if whole is not None:
            first = first_of(whole)
        else:
            first = _refreshed(session, first_kept, version, scope, period, today, full=False)
            if first is None:
                first = first_facts(session, scope, period, previous, today)
        _put((*key, False), _Kept(first, version))
    return first


def _refreshed(
    session: Session,
    kept: _Kept | None,
    version: DataVersion,
    scope: AreaIds,
    period: Period,
    today: date,
    *,
    full: bool,
) -> Facts | None:
    """The kept facts of an earlier version with what changed since counted again; None when
    there are none, or what changed is not told per part (then everything is counted)."""
    if kept is None:
        return None
    changed = changed_parts(kept.version, version)
    if changed is None:
        return None
    base = None
    if version.rounds:  # round facts hold while the global and every area's talks' do
        talks = [v for area, part, v in version.parts if area == EVERY_AREA and part == "talks"]
        base = (version.base, tuple(talks))
    return refresh(session, kept.facts, changed, period, today, full=full, scope=scope, base=base)
