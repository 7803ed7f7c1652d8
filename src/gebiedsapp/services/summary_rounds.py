"""The talks of some areas added up from facts kept per koffiekar round: after a conversation
saved in Winschoten the first brief counts that one round again, not the area's two years of
talks (~11 ms of the brief's ~17 ms of figures on `large`, issue 15).

A round's facts (its live conversations, their theme counts by name, its reportable quotes
with their order keys) are kept per (database, global version and every area's talks'
version, round, round version): migration 0021's triggers give a round a new version on every
write to it, to a conversation in it (old and new round) or to a theme link of one; a pull's
bulk write, a renamed area or buurt (the global version), a theme or a resident (quotes are
masked with the resident's name: every area's talks, `summary_version.REFERENCE_OF`) drop
every round's facts. A round without a version has not been written
since the migration. The rounds themselves (area, date, passers-by, removed or not) are read
afresh each time. Contacts have no round: theirs are counted per area and period in SQL and
kept under the version of the area's contacts (`summary_version.CONTACTS`).

Exact by construction: a round's facts are counted from that round's rows only, with the
conditions of the per-area statements (`report_talks`), and an area's talks of a period are
the sum over its live rounds dated in it, as SQL sums them. `summary_parts.refresh` uses
this for the talks part; tests/services/test_summary_parts.py compares with a fresh count.
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.services.period import Period
from gebiedsapp.services.summary_facts import trend_months
from gebiedsapp.services.summary_model import QUOTE_ROWS, Packed
from gebiedsapp.services.summary_order import quote_key
from gebiedsapp.services.summary_rows import quote_of
from gebiedsapp.storage.repositories.report_rounds import (
    AreaTheme,
    RoundRow,
    RoundTalkRepository,
)
from gebiedsapp.storage.repositories.reports import ReportRepository
from gebiedsapp.storage.summary_version import CONTACTS


@dataclass(frozen=True)
class RoundFacts:
    conversations: int
    themes: Counter[str]
    # its reportable quotes packed (QUOTE_ROWS) and their QUOTE_ORDER keys, side by side: tuples
    # of plain values, which the garbage collector stops tracking (pairs of them only later)
    quotes: tuple[Packed, ...]
    quote_keys: tuple[tuple[Any, ...], ...]


# kept per database: (its global version and every area's talks' version, round id ->
# (round version, facts)); at most
# _DATABASES databases and _ROUNDS rounds each (a municipality's three years on ten times
# `large` are ~25,000 rounds)
_DATABASES = 4
_ROUNDS = 200_000
_lock = threading.Lock()
# (a round's id, or ("counts" / "themes", area, period) for an area's contacts)
_Kept = dict[Any, tuple[int | None, Any]]
_kept: OrderedDict[str, tuple[Hashable, _Kept]] = OrderedDict()


def forget() -> None:
    with _lock:
        _kept.clear()


def _kept_rounds(url: str, base: Hashable) -> _Kept:
    """The rounds kept for this database at this global version (a new dict for another)."""
    with _lock:
        found = _kept.get(url)
        if found is None or found[0] != base or len(found[1]) > _ROUNDS:
            found = (base, {})
            _kept[url] = found
        _kept.move_to_end(url)
        while len(_kept) > _DATABASES:
            _kept.popitem(last=False)
        return found[1]


def _round_facts(
    session: Session, base: Hashable, rounds: Sequence[RoundRow], start: date, end: date
) -> dict[str, RoundFacts]:
    """The facts of `rounds` (dated from start to end): kept ones where their version is the
    kept one, the others counted (three statements for all of them)."""
    kept = _kept_rounds(str(session.connection().engine.url), base)
    out: dict[str, RoundFacts] = {}
    missing: list[RoundRow] = []
    for row in rounds:
        found = kept.get(row.id)
        if found is not None and found[0] == row.version:
            out[row.id] = found[1]
        else:
            missing.append(row)
    if not missing:
        return out
    repo = RoundTalkRepository(session)
    ids = [row.id for row in missing]
    said = repo.conversations(ids)
    themes: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for link in repo.themes(ids):
        themes[link.round_id][link.theme] += link.conversations
    quotes: defaultdict[str, list[tuple[Packed, Any]]] = defaultdict(list)
    for found_quote in repo.quotes(ids, start, end):
        q = found_quote.quote
        quotes[found_quote.round_id].append(
            (QUOTE_ROWS.pack(q.row.area_id, quote_of(q.row)), quote_key(q))
        )
    for row in missing:
        said_there = quotes[row.id]
        facts = RoundFacts(
            said.get(row.id, 0),
            themes[row.id],
            tuple(packed for packed, _key in said_there),
            tuple(key for _packed, key in said_there),
        )
        out[row.id] = facts
        kept[row.id] = (row.version, facts)
    return out


def talk_piece(
    session: Session,
    areas: Sequence[uuid.UUID],
    period: Period,
    today: date,
    *,
    base: Hashable,
    full: bool,
) -> dict[str, Any]:
    """The talks part of `areas` as `summary_facts.part_facts` gives it (with `full`; else
    the key figures of the period and the previous one, as the first facts need them)."""
    previous = period.previous()
    periods = {"current": period, "previous": previous}
    months: list[Period] = []
    if full:
        periods["year_before"] = period.year_earlier()
        months = [Period(m.start, min(m.end, period.end)) for m in trend_months(period)]
    spans = [*periods.values(), *months]
    start, end = min(p.start for p in spans), max(p.end for p in spans)
    repo = RoundTalkRepository(session)
    rounds = repo.rounds(areas, start, end)
    facts = _round_facts(session, base, rounds, start, end)
    contacts = _Contacts(session, base, areas)
    piece: dict[str, Any] = {}
    for name, span in periods.items():
        piece[name] = _figures(rounds, facts, contacts.counts(span), span)
    if not full:
        return piece
    piece["trend"] = _trend(rounds, facts, months)
    passers: defaultdict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    for row in rounds:
        if period.start <= row.day <= period.end:
            passers[row.area_id]["passers_by"] += row.passers_by or 0
    piece["passers_by"] = dict(passers)
    piece["themes"], piece["previous_themes"] = (
        _themes(rounds, facts, contacts.themes(span), span) for span in (period, previous)
    )
    piece["quotes"] = [
        quote
        for row in rounds
        if period.start <= row.day <= period.end
        for quote in zip(facts[row.id].quotes, facts[row.id].quote_keys, strict=True)
    ]
    return piece


class _Contacts:
    """The contacts of some areas per period (they have no round): counted per area and
    period in SQL, kept per (area, period) under the version of the area's contacts
    (summary_version.CONTACTS, from the contacts' and their theme links' triggers)."""

    def __init__(self, session: Session, base: Hashable, areas: Sequence[uuid.UUID]) -> None:
        self.repo = ReportRepository(session)
        self.rounds = RoundTalkRepository(session)
        self.areas = areas
        self.kept = _kept_rounds(str(session.connection().engine.url), base)
        keys = [CONTACTS + area.hex for area in areas]
        found = self.rounds.versions(keys)
        self.versions = {area: found.get(key) for area, key in zip(areas, keys, strict=True)}

    def _kept(self, what: str, span: Period) -> dict[uuid.UUID, Any] | None:
        out = {}
        for area, version in self.versions.items():
            found = self.kept.get((what, area, span))
            if found is None or found[0] != version:
                return None
            if found[1] is not None:
                out[area] = found[1]
        return out

    def _keep(self, what: str, span: Period, counted: dict[uuid.UUID, Any]) -> None:
        for area, version in self.versions.items():
            self.kept[(what, area, span)] = (version, counted.get(area))

    def counts(self, span: Period) -> dict[uuid.UUID, int]:
        found = self._kept("counts", span)
        if found is None:
            found = self.repo.contact_counts(self.areas, span.start, span.end)
            self._keep("counts", span, found)
        return found

    def themes(self, span: Period) -> list[AreaTheme]:
        found = self._kept("themes", span)
        if found is None:
            rows = self.rounds.contact_themes(self.areas, span.start, span.end)
            found = {}
            for row in rows:
                found.setdefault(row.area_id, []).append(row)
            self._keep("themes", span, found)
        return [row for rows in found.values() for row in rows]


def _figures(
    rounds: Sequence[RoundRow],
    facts: dict[str, RoundFacts],
    contacts: dict[uuid.UUID, int],
    span: Period,
) -> dict[uuid.UUID, Counter[str]]:
    """`summary_facts.part_figures` of the talks: rounds and their conversations per area
    (an area with rounds in the period, also without conversations), contacts where any."""
    out: defaultdict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    for row in rounds:
        if span.start <= row.day <= span.end:
            counts = out[row.area_id]
            counts["sessions"] += 1
            counts["conversations"] += facts[row.id].conversations
    for area_id, n in contacts.items():
        if n:
            out[area_id]["contacts"] = n
    return dict(out)


def _trend(
    rounds: Sequence[RoundRow], facts: dict[str, RoundFacts], months: Sequence[Period]
) -> list[tuple[Period, dict[uuid.UUID, Counter[str]]]]:
    """Per trend month, its conversations per area (areas with any): each round put in its
    month once (the months do not overlap)."""
    said: list[Counter[uuid.UUID]] = [Counter() for _ in months]
    for row in rounds:
        for index, month in enumerate(months):
            if month.start <= row.day <= month.end:
                said[index][row.area_id] += facts[row.id].conversations
                break
    return [
        (month, {area: Counter(conversations=n) for area, n in counts.items() if n})
        for month, counts in zip(months, said, strict=True)
    ]


def _themes(
    rounds: Sequence[RoundRow],
    facts: dict[str, RoundFacts],
    linked: Sequence[AreaTheme],
    span: Period,
) -> dict[uuid.UUID, Counter[str]]:
    """Per area, conversations and contacts per theme in the period (areas with any)."""
    out: dict[uuid.UUID, dict[str, int]] = {}
    for row in rounds:
        if span.start <= row.day <= span.end:
            counts = out.setdefault(row.area_id, {})
            for name, n in facts[row.id].themes.items():
                counts[name] = counts.get(name, 0) + n
    for link in linked:
        counts = out.setdefault(link.area_id, {})
        counts[link.theme] = counts.get(link.theme, 0) + link.n
    return {area_id: Counter(counts) for area_id, counts in out.items() if counts}
