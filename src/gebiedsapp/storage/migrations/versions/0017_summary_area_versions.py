"""summary_area_version: the summaries' data version per area

Migration 0016's triggers changed the one data version on every write, so a conversation saved
in Beerta or a pull of another area's records made the next brief of Winschoten count every
figure again (issue 15). Now a row that belongs to an area changes that area's version (old
and new area when it moves), found as the team server's rights find it
(`server_rights.area_sql`); reference tables and residents still change the global one.
Local only: not synced, nothing on PostgreSQL.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 18:20:00
"""

from collections.abc import Sequence

from alembic import op

from gebiedsapp.storage.summary_version import install, uninstall

revision: str = "0017"
down_revision: str | None = "0016"
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
    install(op.execute, dialect, tables=TABLES, per_area=True)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    uninstall(op.execute, dialect, tables=TABLES, keep=True)
    install(op.execute, dialect, tables=TABLES, per_area=False)
