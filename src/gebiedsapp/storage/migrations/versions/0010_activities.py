"""activities: bewonersavonden, dorpsschouwen, meetings with a dorpsvereniging, and their links

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 08:30:00

The new tables get team sync's triggers (storage.sync_tracking), as every synced table has.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from gebiedsapp.storage.sync_tracking import track_table, untrack_table

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LINKS = (
    ("activity_theme", "theme", "theme_id"),
    ("activity_signal", "signal", "signal_id"),
    ("activity_action", "follow_up", "follow_up_id"),
    ("activity_initiative", "initiative", "initiative_id"),
)


def upgrade() -> None:
    op.create_table(
        "activity",
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Enum(native_enum=False, length=32), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("attendance", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("outcomes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "attendance IS NULL OR attendance >= 0", name=op.f("ck_activity_attendance")
        ),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_activity_area_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    op.create_index("ix_activity_area_date", "activity", ["area_id", "date"])
    op.create_index(op.f("ix_activity_date"), "activity", ["date"])
    for table, other, column in LINKS:
        op.create_table(
            table,
            sa.Column("activity_id", sa.Uuid(), nullable=False),
            sa.Column(column, sa.Uuid(), nullable=False),
            sa.ForeignKeyConstraint(
                ["activity_id"],
                ["activity.id"],
                name=op.f(f"fk_{table}_activity_id_activity"),
                ondelete="CASCADE",
            ),
            sa.ForeignKeyConstraint(
                [column], [f"{other}.id"], name=op.f(f"fk_{table}_{column}_{other}")
            ),
            sa.PrimaryKeyConstraint("activity_id", column, name=op.f(f"pk_{table}")),
        )
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])
    dialect = op.get_bind().dialect.name
    for table, key in _keys():
        track_table(op.execute, dialect, table, key)


def _keys() -> list[tuple[str, tuple[str, ...]]]:
    """Each new synced table with its key columns in primary-key order."""
    return [("activity", ("id",))] + [(t, ("activity_id", c)) for t, _o, c in LINKS]


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, _key in reversed(_keys()):
        untrack_table(op.execute, dialect, table)
    for table, _other, _column in reversed(LINKS):
        op.drop_table(table)
    op.drop_table("activity")
