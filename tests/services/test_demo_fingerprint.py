"""The demo of seed 1 `small` is pinned row for row, so a refactoring of the generator that
changes the order of its random draws (and with it every row after) cannot pass unnoticed.

The fingerprint was recorded on the code before the generator became the `services.demo`
package. A deliberate change of the demo (or of the shipped reference data it builds on) changes
it: then check the new rows make sense and record the printed values here.
"""

from __future__ import annotations

import hashlib
from datetime import date

from sqlalchemy import inspect, text

from gebiedsapp.services import demo
from gebiedsapp.storage.database import Database

ANCHOR = date(2026, 6, 1)  # fixed: with today's date every stamp would move
TABLES = (
    "team_member",
    "assignment",
    "koffiekar_session",
    "koffiekar_session_staff",
    "resident",
    "consent",
    "meedenker",
    "meedenker_theme",
    "conversation",
    "conversation_theme",
    "contact",
    "contact_theme",
    "follow_up",
    "initiative",
    "initiative_theme",
    "initiative_partner",
    "initiative_milestone",
    "draft",
    "signal",
    "signal_history",
    "signal_feedback",
    "activity",
    "activity_theme",
    "activity_signal",
    "activity_action",
    "activity_initiative",
)
COUNTS = {
    "team_member": 18,
    "assignment": 84,
    "koffiekar_session": 150,
    "koffiekar_session_staff": 300,
    "resident": 36,
    "consent": 45,
    "meedenker": 24,
    "meedenker_theme": 46,
    "conversation": 1237,
    "conversation_theme": 2044,
    "contact": 120,
    "contact_theme": 157,
    "follow_up": 273,
    "initiative": 24,
    "initiative_theme": 30,
    "initiative_partner": 11,
    "initiative_milestone": 53,
    "draft": 4,
    "signal": 427,
    "signal_history": 1082,
    "signal_feedback": 54,
    "activity": 40,
    "activity_theme": 83,
    "activity_signal": 11,
    "activity_action": 4,
    "activity_initiative": 4,
}
# Recorded again when the demo got activities (issue 18): activities (and one activity draft)
# are drawn last, from streams of their own, so every other row is as it was (the 21 tables
# above "activity", without that one draft, still hash to the earlier cd156b6d…e334).
# Recorded again when the demo's contact drafts took the contact form's full draft shape
# (ContactDraft.to_json, issue 20): only draft payloads changed, no count.
SHA256 = "57b623323e7530755999cc689e9f68485ac1f7b1225339f54f7f6e80821499b3"


def fingerprint(database: Database) -> tuple[dict[str, int], str]:
    """Rows per table, and a sha256 over every row of every table in primary-key order."""
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    with database.engine.connect() as connection:
        inspector = inspect(connection)
        for table in TABLES:
            key = ", ".join(inspector.get_pk_constraint(table)["constrained_columns"])
            rows = connection.execute(text(f"SELECT * FROM {table} ORDER BY {key}")).all()
            counts[table] = len(rows)
            digest.update(f"{table}\n".encode())
            for row in rows:
                digest.update(f"{tuple(row)!r}\n".encode())
    return counts, digest.hexdigest()


def test_seed_1_small_gives_the_recorded_rows(database: Database) -> None:
    with database.unit_of_work("test") as session:
        generated = demo.generate(session, size="small", seed=1, anchor=ANCHOR)

    counts, sha256 = fingerprint(database)
    assert dict(generated) == counts
    assert counts == COUNTS
    assert sha256 == SHA256, f"new fingerprint: {sha256}"
