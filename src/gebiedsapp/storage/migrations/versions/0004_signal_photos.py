"""signal photos: the photos of a signal, kept in the database (covered by backups)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 19:41:29.831666
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signal_photo",
        sa.Column("signal_id", sa.Uuid(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("caption", sa.String(length=300), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["signal_id"], ["signal.id"], name=op.f("fk_signal_photo_signal_id_signal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_photo")),
    )
    with op.batch_alter_table("signal_photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signal_photo_signal_id"), ["signal_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("signal_photo", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signal_photo_signal_id"))

    op.drop_table("signal_photo")
