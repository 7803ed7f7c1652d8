"""The summaries' signal queries read migration 0014's covering indexes (EXPLAIN QUERY PLAN on
the statements ReportRepository really runs): the signal counts per area and day from
ix_signal_report alone, and the status replay from ix_signal_history_replay alone, without
looking up each signal's row or each history entry (measured: about half the time)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from gebiedsapp.domain import reference_id
from gebiedsapp.storage.repositories.reports import ReportRepository

BEERTA = reference_id("area", "beerta")
YEAR_END = date(2025, 12, 31)


@contextmanager
def _statements(session: Session) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []
    engine = session.get_bind()

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", remember)


def _plans(session: Session, run: Callable[[ReportRepository], object]) -> list[str]:
    """The query plan lines of every statement `run` executes."""
    with _statements(session) as seen:
        run(ReportRepository(session))
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    assert seen
    return [
        str(row[3])
        for statement, parameters in seen
        for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
    ]


def test_signal_counts_read_the_covering_indexes(session: Session) -> None:
    for scope in ([BEERTA], None):  # one area, and the municipality (no area filter)
        plans = _plans(
            session,
            lambda repo, s=scope: repo.signal_counts(s, date(2025, 1, 1), YEAR_END, YEAR_END),
        )
        assert any("COVERING INDEX ix_signal_report" in line for line in plans), plans
        assert any("COVERING INDEX ix_signal_history_replay" in line for line in plans), plans


def test_the_trend_reads_the_covering_indexes(session: Session) -> None:
    months = [(date(2025, m, 1), date(2025, m, 28), date(2025, m, 28)) for m in range(1, 13)]
    plans = _plans(session, lambda repo: repo.trend_counts([BEERTA], months))
    signal_lines = [line for line in plans if " signal " in f" {line} "]
    assert signal_lines
    assert all("COVERING INDEX ix_signal_report" in s for s in signal_lines), plans
    history = [line for line in plans if "signal_history" in line]
    assert history
    assert all("COVERING INDEX ix_signal_history_replay" in h for h in history), plans


def test_counts_per_category_status_and_buurt_need_no_signal_row(session: Session) -> None:
    start = date(2025, 1, 1)
    for run in (
        lambda repo: repo.by_status([BEERTA], start, YEAR_END),
        lambda repo: repo.by_main_category([BEERTA], start, YEAR_END),
        lambda repo: repo.closed_in([BEERTA], start, YEAR_END),
        lambda repo: repo.open_by_buurt([BEERTA], YEAR_END),
    ):
        plans = _plans(session, run)
        assert any("COVERING INDEX ix_signal_report" in line for line in plans), plans


def test_the_open_actions_of_the_municipality_are_counted_in_one_read_of_the_table(
    session: Session,
) -> None:
    """Grouped by area, SQLite walked ix_follow_up_area_id and looked up every action ever
    made: on ten times today's data three to seven times the CPU of a straight read."""
    plans = _plans(session, lambda repo: repo.open_action_counts(None, YEAR_END))
    assert not any("ix_follow_up_area_id" in line for line in plans), plans
    assert any(line.startswith("SCAN follow_up") for line in plans), plans


def test_unindexed_is_the_plain_column_outside_sqlite() -> None:
    from sqlalchemy import select
    from sqlalchemy.dialects import postgresql, sqlite

    from gebiedsapp.domain import FollowUp
    from gebiedsapp.storage.repositories.report_sql import unindexed

    query = select(FollowUp.area_id).group_by(unindexed(FollowUp.area_id))
    assert "GROUP BY +follow_up.area_id" in str(query.compile(dialect=sqlite.dialect()))
    assert "GROUP BY follow_up.area_id" in str(query.compile(dialect=postgresql.dialect()))


def test_the_open_signals_order_needs_no_signal_row(session: Session) -> None:
    """Samenvatting's open signals in the full summary's order (partner and priority
    included) from ix_signal_report alone: looking up each signal's row was half the order's
    CPU on ten times today's data (migration 0019)."""
    from gebiedsapp.storage.repositories.summary_pages import SummaryPages

    for scope in ([BEERTA], None):
        with _statements(session) as seen:
            SummaryPages(session).open_signal_order(scope, YEAR_END)
        raw = session.connection().connection.dbapi_connection
        assert raw is not None
        plans = [
            str(row[3])
            for statement, parameters in seen
            for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
        ]
        assert any("COVERING INDEX ix_signal_report" in line for line in plans), plans
        assert any("COVERING INDEX ix_signal_history_replay" in line for line in plans), plans
