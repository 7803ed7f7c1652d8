"""The summaries' version triggers skip a pull's bulk write (storage.pull_bulk, migration
0020): the rewrite keeps each trigger's body and WHEN, and a downgrade takes it away again."""

from __future__ import annotations

from gebiedsapp.storage.database import Database
from gebiedsapp.storage.pull_bulk import PREFIX, SKIP, with_skip, without_skip
from gebiedsapp.storage.summary_version import install

PLAIN = "CREATE TRIGGER t_insert AFTER INSERT ON t BEGIN UPDATE v SET n = random(); END"
GUARDED = "CREATE TRIGGER t_update AFTER UPDATE ON t WHEN NEW.a IS NOT OLD.a BEGIN SELECT 1; END"


def test_the_skip_is_added_to_the_when_and_taken_away_again() -> None:
    plain, guarded = with_skip(PLAIN), with_skip(GUARDED)

    assert plain == (
        f"CREATE TRIGGER t_insert AFTER INSERT ON t WHEN {SKIP} "
        "BEGIN UPDATE v SET n = random(); END"
    )
    assert guarded.startswith(
        f"CREATE TRIGGER t_update AFTER UPDATE ON t WHEN (NEW.a IS NOT OLD.a) AND {SKIP} BEGIN"
    )
    assert with_skip(plain) == plain  # once
    assert (without_skip(plain), without_skip(guarded)) == (PLAIN, GUARDED)


def test_a_when_of_its_own_is_bracketed_so_an_or_cannot_run_past_the_skip() -> None:
    either = (
        "CREATE TRIGGER t_update AFTER UPDATE ON t "
        "WHEN NEW.a IS NOT OLD.a OR NEW.b IS NOT OLD.b BEGIN SELECT 1; END"
    )
    skipped = with_skip(either)

    assert f"WHEN (NEW.a IS NOT OLD.a OR NEW.b IS NOT OLD.b) AND {SKIP} BEGIN" in skipped
    assert without_skip(skipped) == either


def test_every_summary_trigger_of_a_database_skips_a_bulk_pull(database: Database) -> None:
    """Migration 0020 rewrote the triggers of its day; a trigger installed later
    (`summary_version.install`, a later migration's new table) gets the skip too."""
    with database.engine.begin() as connection:
        install(connection.exec_driver_sql, "sqlite", tables=("theme",), parts=True)
        triggers = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
            (f"{PREFIX}%",),
        ).all()
        connection.exec_driver_sql("DROP TRIGGER summary_version_theme_insert")
        install(connection.exec_driver_sql, "sqlite", tables=("theme",), parts=True)
        again = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'summary_version_theme_insert'"
        ).scalar()

    assert len(triggers) > 20
    assert [name for name, sql in triggers if SKIP not in sql] == []
    assert SKIP in str(again)
