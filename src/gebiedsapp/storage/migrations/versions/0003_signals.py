"""signals: signals, their append-only history and the feedback given to residents

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 16:40:09.245866
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signal",
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column("buurt_code", sa.String(length=10), nullable=True),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category_id", sa.Uuid(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("conversation_id", sa.Uuid(), nullable=True),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("priority", sa.String(length=32), nullable=False),
        sa.Column("partner_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("wants_feedback", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_signal_area_id_area")),
        sa.ForeignKeyConstraint(
            ["buurt_code"], ["cbs_buurt.code"], name=op.f("fk_signal_buurt_code_cbs_buurt")
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["signal_category.id"],
            name=op.f("fk_signal_category_id_signal_category"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name=op.f("fk_signal_contact_id_contact")
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_signal_conversation_id_conversation"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["signal.id"], name=op.f("fk_signal_parent_id_signal")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_signal_partner_id_partner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal")),
    )
    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.create_index("ix_signal_area_status", ["area_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_signal_buurt_code"), ["buurt_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_signal_category_id"), ["category_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signal_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_signal_conversation_id"), ["conversation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_signal_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signal_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index("ix_signal_status_deadline", ["status", "deadline"], unique=False)

    op.create_table(
        "signal_feedback",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("signal_id", sa.Uuid(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("how", sa.String(length=40), nullable=False),
        sa.Column("by", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["signal_id"], ["signal.id"], name=op.f("fk_signal_feedback_signal_id_signal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_feedback")),
    )
    with op.batch_alter_table("signal_feedback", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_signal_feedback_signal_id"), ["signal_id"], unique=False
        )

    op.create_table(
        "signal_history",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("signal_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=120), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("old", sa.Text(), nullable=False),
        sa.Column("new", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["signal_id"], ["signal.id"], name=op.f("fk_signal_history_signal_id_signal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_history")),
        sa.UniqueConstraint("signal_id", "seq", name="uq_signal_history_signal_seq"),
    )


def downgrade() -> None:
    op.drop_table("signal_history")
    with op.batch_alter_table("signal_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signal_feedback_signal_id"))

    op.drop_table("signal_feedback")
    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.drop_index("ix_signal_status_deadline")
        batch_op.drop_index(batch_op.f("ix_signal_partner_id"))
        batch_op.drop_index(batch_op.f("ix_signal_parent_id"))
        batch_op.drop_index(batch_op.f("ix_signal_conversation_id"))
        batch_op.drop_index(batch_op.f("ix_signal_contact_id"))
        batch_op.drop_index(batch_op.f("ix_signal_category_id"))
        batch_op.drop_index(batch_op.f("ix_signal_buurt_code"))
        batch_op.drop_index("ix_signal_area_status")

    op.drop_table("signal")
