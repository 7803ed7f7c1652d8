"""The status bar's counts on a team member's laptop (issue 16): after every save it counts
the changes waiting and those that cannot be sent (an area the user is not assigned to), up
to a limit; a laptop with an outbox of millions must not read it all each time. The CLI's
counts stay exact."""

from __future__ import annotations

from datetime import date

from gebiedsapp.domain import SignalSource, reference_id
from gebiedsapp.services import signals, sync
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories import sync_visibility


def _team_member_of_beerta_with_winschoten_changes(database: Database, count: int) -> None:
    with database.unit_of_work("test") as session:
        beerta = find_area(session, "Beerta")
        winschoten = find_area(session, "Winschoten")
        for n in range(count):
            signals.create_signal(
                session,
                SignalInput(
                    area_id=winschoten.id,
                    description=f"Losse stoeptegel nummer {n}",
                    source=SignalSource.TELEFOON,
                    reported_on=date(2026, 11, 2),
                    category_id=reference_id("signal_category", "afval/zwerfvuil"),
                ),
                today=date(2026, 11, 2),
            )
    rights = {"areas": [beerta.id.hex], "staff": True, "beheerder": False, "columns": {}}
    with database.engine.begin() as connection:  # as a pull from the team server keeps them
        sync_visibility.keep_rights(connection, rights)


def test_the_count_of_changes_not_to_be_sent_stops_at_the_limit(database: Database) -> None:
    _team_member_of_beerta_with_winschoten_changes(database, 6)
    exact = sync.sync_status(database)
    assert exact.not_theirs >= 6
    assert not exact.more_not_theirs

    bounded = sync.sync_status(database, count_up_to=3)

    assert (bounded.pending, bounded.more_pending) == (3, True)
    assert (bounded.not_theirs, bounded.more_not_theirs) == (3, True)


def test_below_the_limit_the_count_is_exact(database: Database) -> None:
    _team_member_of_beerta_with_winschoten_changes(database, 2)
    exact = sync.sync_status(database)

    bounded = sync.sync_status(database, count_up_to=exact.pending + 10)

    assert exact.not_theirs >= 2
    assert (bounded.not_theirs, bounded.more_not_theirs) == (exact.not_theirs, False)
    assert not bounded.more_pending
