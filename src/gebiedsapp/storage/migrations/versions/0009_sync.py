"""sync: team sync's bookkeeping (docs/sync-design.md)

The laptop's outbox, merge base, pull cursors and state, with triggers that enter every change
of a synced table in the outbox (storage.sync_tracking); the server's `sync_row`, `sync_seq`
and push log; and the conflicts, a synced record of their own.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 08:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from gebiedsapp.storage.sync_tracking import track_table, untrack_table

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The synced tables as of this revision and their key columns (frozen here: a later migration
# that adds a table tracks it itself).
TRACKED: dict[str, tuple[str, ...]] = {
    "cbs_wijk": ("code",),
    "partner": ("id",),
    "record_version": ("id",),
    "resident": ("id",),
    "team_member": ("id",),
    "theme": ("id",),
    "area": ("id",),
    "cbs_buurt": ("code",),
    "consent": ("id",),
    "signal_category": ("id",),
    "area_buurt": ("area_id", "buurt_code"),
    "assignment": ("id",),
    "contact": ("id",),
    "initiative": ("id",),
    "koffiekar_session": ("id",),
    "meedenker": ("id",),
    "contact_theme": ("contact_id", "theme_id"),
    "conversation": ("id",),
    "initiative_milestone": ("id",),
    "initiative_partner": ("initiative_id", "partner_id"),
    "initiative_theme": ("initiative_id", "theme_id"),
    "koffiekar_session_staff": ("session_id", "member_id"),
    "meedenker_theme": ("meedenker_id", "theme_id"),
    "conversation_theme": ("conversation_id", "theme_id"),
    "follow_up": ("id",),
    "signal": ("id",),
    "signal_feedback": ("id",),
    "signal_history": ("id",),
    "signal_photo": ("id",),
    "sync_conflict": ("id",),
}


def _tracked() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def _laptop_tables() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("applying", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("server", sa.String(length=500), nullable=False, server_default=""),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_state_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.execute("INSERT INTO sync_state (id, applying, server) VALUES (1, 0, '')")
    op.create_table(
        "sync_outbox",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_key", sa.String(length=200), nullable=False),
        sa.Column("tick", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_key", name=op.f("pk_sync_outbox")),
    )
    op.create_table(
        "sync_base",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_key", sa.String(length=200), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_key", name=op.f("pk_sync_base")),
    )
    # per laptop that sent exchange files: the rows as its last file had them (digests), the
    # base of the next file's merge (services.sync.exchange)
    op.create_table(
        "sync_exchange_base",
        sa.Column("device", sa.String(length=32), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_key", sa.String(length=200), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint(
            "device", "table_name", "row_key", name=op.f("pk_sync_exchange_base")
        ),
    )
    op.create_table(
        "sync_cursor",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_sync_cursor")),
    )


def _server_tables() -> None:
    op.execute("CREATE SEQUENCE sync_seq")
    op.create_table(
        "sync_row",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_key", sa.String(length=200), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Uuid(), nullable=True),
        sa.Column("personal", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("erased", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("origin_device", sa.Uuid(), nullable=True),
        sa.Column("pushed_by", sa.String(length=120), nullable=False),
        sa.Column("pushed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_key", name=op.f("pk_sync_row")),
        sa.UniqueConstraint("seq", name=op.f("uq_sync_row_seq")),
    )
    op.create_index("ix_sync_row_table_seq", "sync_row", ["table_name", "seq"])
    op.create_table(
        "sync_push_log",
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("pushed_by", sa.String(length=120), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_push_log")),
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "sync_conflict",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_key", sa.String(length=200), nullable=False),
        sa.Column("area_id", sa.Uuid(), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("local_values", sa.Text(), nullable=False),
        sa.Column("server_values", sa.Text(), nullable=False),
        sa.Column("local_by", sa.String(length=120), nullable=False),
        sa.Column("server_by", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolution", sa.String(length=16), nullable=False),
        sa.Column("resolved_by", sa.String(length=120), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["area_id"], ["area.id"], name=op.f("fk_sync_conflict_area_id_area")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index(op.f("ix_sync_conflict_row_key"), "sync_conflict", ["row_key"])
    if dialect == "postgresql":
        _server_tables()
        return
    _laptop_tables()
    for table, key_columns in TRACKED.items():
        track_table(op.execute, dialect, table, key_columns)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.drop_table("sync_push_log")
        op.drop_table("sync_row")
        op.execute("DROP SEQUENCE sync_seq")
    else:
        for table in TRACKED:
            untrack_table(op.execute, dialect, table)
        for table in (
            "sync_cursor",
            "sync_exchange_base",
            "sync_base",
            "sync_outbox",
            "sync_state",
        ):
            op.drop_table(table)
    op.drop_index(op.f("ix_sync_conflict_row_key"), table_name="sync_conflict")
    op.drop_table("sync_conflict")
