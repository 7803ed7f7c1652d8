"""summary_part_version: the summaries' data version per area and part

Migration 0017's triggers changed an area's one version on every write to it, so the first
brief of Winschoten after a conversation saved there counted every figure of its area again
(signals replayed, actions, initiatives: ~0.3 s, issue 15). Now a row of an area changes the
version of its area's part (`summary_version.PART_OF`: talks, signals, actions, initiatives,
activities, register), and the kept facts count only the changed parts of the changed areas
again (services.summary_cache). Reference tables and residents still change the global one.

Local only: not synced (`sync_tracking.NOT_SYNCED`), nothing on PostgreSQL (the summaries
are computed every time there). Nothing is derived from the data: an existing database (or
a restored one) gets new versions and its summaries are computed at their first reading.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 20:10:00
"""

from collections.abc import Sequence

from alembic import op

from gebiedsapp.storage.summary_version import install, uninstall

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the counted tables as they are at this revision (a later table gets its triggers in its own)
TABLES = (
    "activity",
    "activity_theme",
    "area",
    "area_buurt",
    "assignment",
    "cbs_buurt",
    "contact",
    "contact_theme",
    "conversation",
    "conversation_theme",
    "follow_up",
    "initiative",
    "initiative_milestone",
    "koffiekar_session",
    "meedenker",
    "partner",
    "resident",
    "signal",
    "signal_category",
    "signal_feedback",
    "signal_history",
    "team_member",
    "theme",
)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    uninstall(op.execute, dialect, tables=TABLES, keep=True)
    install(op.execute, dialect, tables=TABLES, per_area=True, parts=True)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    uninstall(op.execute, dialect, tables=TABLES, keep=True)
    install(op.execute, dialect, tables=TABLES, per_area=True)
