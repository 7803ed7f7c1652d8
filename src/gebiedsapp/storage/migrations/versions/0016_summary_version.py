"""summary_version: the summaries' data version, changed by triggers on every counted table

The brief's figures are cached per data version (services.summary_cache); triggers on every
table the summaries read give the version a new random value on each write, whatever path
wrote it. Local only: not synced, nothing on PostgreSQL. An existing database gets a first
version now; its summaries are computed at their first reading.

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-06 17:20:00
"""

from collections.abc import Sequence

from alembic import op

from gebiedsapp.storage.summary_version import install, uninstall

revision: str = "0016"
down_revision: str | None = "0015"
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
    install(op.execute, op.get_bind().dialect.name, tables=TABLES, per_area=False)


def downgrade() -> None:
    uninstall(op.execute, op.get_bind().dialect.name, tables=TABLES)
