"""The summaries' version triggers skip a pull's bulk write (storage.pull_bulk, migration
0020): the rewrite keeps each trigger's body and WHEN, and a downgrade takes it away again."""

from __future__ import annotations

from gebiedsapp.storage.pull_bulk import SKIP, with_skip, without_skip

PLAIN = "CREATE TRIGGER t_insert AFTER INSERT ON t BEGIN UPDATE v SET n = random(); END"
GUARDED = "CREATE TRIGGER t_update AFTER UPDATE ON t WHEN NEW.a IS NOT OLD.a BEGIN SELECT 1; END"


def test_the_skip_is_added_to_the_when_and_taken_away_again() -> None:
    plain, guarded = with_skip(PLAIN), with_skip(GUARDED)

    assert plain == (
        f"CREATE TRIGGER t_insert AFTER INSERT ON t WHEN {SKIP} "
        "BEGIN UPDATE v SET n = random(); END"
    )
    assert guarded.startswith(
        f"CREATE TRIGGER t_update AFTER UPDATE ON t WHEN NEW.a IS NOT OLD.a AND {SKIP} BEGIN"
    )
    assert with_skip(plain) == plain  # once
    assert (without_skip(plain), without_skip(guarded)) == (PLAIN, GUARDED)
