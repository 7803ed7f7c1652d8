"""initiatives: residents' initiatives (bewonersinitiatieven), their themes, partners, milestones

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


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


def upgrade() -> None:
    op.create_table(
        "initiative",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.Enum(native_enum=False, length=32), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("carried_by", sa.String(length=200), nullable=False),
        sa.Column("supporter_id", sa.Uuid(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("support", sa.Text(), nullable=False),
        sa.Column("budget_requested", sa.BigInteger(), nullable=True),
        sa.Column("budget_granted", sa.BigInteger(), nullable=True),
        sa.Column("budget_source", sa.String(length=200), nullable=False),
        *_tracked(),
        sa.CheckConstraint(
            "budget_requested IS NULL OR budget_requested >= 0",
            name=op.f("ck_initiative_budget_requested"),
        ),
        sa.CheckConstraint(
            "budget_granted IS NULL OR budget_granted >= 0",
            name=op.f("ck_initiative_budget_granted"),
        ),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_initiative_area_id_area")),
        sa.ForeignKeyConstraint(
            ["supporter_id"],
            ["team_member.id"],
            name=op.f("fk_initiative_supporter_id_team_member"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
    )
    op.create_index("ix_initiative_area_started", "initiative", ["area_id", "started_on"])
    op.create_table(
        "initiative_theme",
        sa.Column("initiative_id", sa.Uuid(), nullable=False),
        sa.Column("theme_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_theme_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["theme.id"], name=op.f("fk_initiative_theme_theme_id_theme")
        ),
        sa.PrimaryKeyConstraint("initiative_id", "theme_id", name=op.f("pk_initiative_theme")),
    )
    op.create_index(op.f("ix_initiative_theme_theme_id"), "initiative_theme", ["theme_id"])
    op.create_table(
        "initiative_partner",
        sa.Column("initiative_id", sa.Uuid(), nullable=False),
        sa.Column("partner_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_partner_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_initiative_partner_partner_id_partner")
        ),
        sa.PrimaryKeyConstraint("initiative_id", "partner_id", name=op.f("pk_initiative_partner")),
    )
    op.create_index(op.f("ix_initiative_partner_partner_id"), "initiative_partner", ["partner_id"])
    op.create_table(
        "initiative_milestone",
        sa.Column("initiative_id", sa.Uuid(), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("reached_on", sa.Date(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_milestone_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative_milestone")),
    )
    op.create_index(
        op.f("ix_initiative_milestone_initiative_id"), "initiative_milestone", ["initiative_id"]
    )


def downgrade() -> None:
    op.drop_table("initiative_milestone")
    op.drop_table("initiative_partner")
    op.drop_table("initiative_theme")
    op.drop_table("initiative")
