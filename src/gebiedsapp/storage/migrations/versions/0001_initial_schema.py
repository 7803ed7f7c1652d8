"""initial schema: areas, CBS, teams, taxonomies, koffiekar

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 15:16:55.425541
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_setting")),
    )
    op.create_table(
        "cbs_wijk",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("geometry", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_cbs_wijk")),
    )
    op.create_table(
        "partner",
        sa.Column("key", sa.String(length=80), nullable=True),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column(
            "kind",
            sa.String(length=32),
            nullable=False,
        ),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
        sa.UniqueConstraint("key", name=op.f("uq_partner_key")),
    )
    op.create_table(
        "team_member",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("organisation", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_member")),
    )
    op.create_table(
        "theme",
        sa.Column("key", sa.String(length=80), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["parent_id"], ["theme.id"], name=op.f("fk_theme_parent_id_theme")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme")),
        sa.UniqueConstraint("key", name=op.f("uq_theme_key")),
    )
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "area",
        sa.Column("key", sa.String(length=80), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column(
            "kind",
            sa.String(length=32),
            nullable=False,
        ),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("cbs_wijk_code", sa.String(length=8), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cbs_wijk_code"], ["cbs_wijk.code"], name=op.f("fk_area_cbs_wijk_code_cbs_wijk")
        ),
        sa.ForeignKeyConstraint(["parent_id"], ["area.id"], name=op.f("fk_area_parent_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_area")),
        sa.UniqueConstraint("key", name=op.f("uq_area_key")),
    )
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_area_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "cbs_buurt",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("wijk_code", sa.String(length=8), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("geometry", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["wijk_code"], ["cbs_wijk.code"], name=op.f("fk_cbs_buurt_wijk_code_cbs_wijk")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_cbs_buurt")),
    )
    with op.batch_alter_table("cbs_buurt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cbs_buurt_wijk_code"), ["wijk_code"], unique=False)

    op.create_table(
        "signal_category",
        sa.Column("key", sa.String(length=80), nullable=True),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("term", sa.Integer(), nullable=False),
        sa.Column(
            "term_unit",
            sa.String(length=32),
            nullable=False,
        ),
        sa.Column("default_partner_id", sa.Uuid(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["default_partner_id"],
            ["partner.id"],
            name=op.f("fk_signal_category_default_partner_id_partner"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["signal_category.id"],
            name=op.f("fk_signal_category_parent_id_signal_category"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_category")),
        sa.UniqueConstraint("key", name=op.f("uq_signal_category_key")),
    )
    with op.batch_alter_table("signal_category", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_signal_category_parent_id"), ["parent_id"], unique=False
        )

    op.create_table(
        "area_buurt",
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column("buurt_code", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"], ["area.id"], name=op.f("fk_area_buurt_area_id_area"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["buurt_code"], ["cbs_buurt.code"], name=op.f("fk_area_buurt_buurt_code_cbs_buurt")
        ),
        sa.PrimaryKeyConstraint("area_id", "buurt_code", name=op.f("pk_area_buurt")),
    )
    op.create_table(
        "assignment",
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column(
            "role",
            sa.String(length=32),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_assignment_period")
        ),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_assignment_area_id_area")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["team_member.id"], name=op.f("fk_assignment_member_id_team_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
    )
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignment_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignment_member_id"), ["member_id"], unique=False)

    op.create_table(
        "koffiekar_session",
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column("buurt_code", sa.String(length=10), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("weather", sa.String(length=80), nullable=False),
        sa.Column("passers_by", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["area_id"], ["area.id"], name=op.f("fk_koffiekar_session_area_id_area")
        ),
        sa.ForeignKeyConstraint(
            ["buurt_code"],
            ["cbs_buurt.code"],
            name=op.f("fk_koffiekar_session_buurt_code_cbs_buurt"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_koffiekar_session")),
    )
    with op.batch_alter_table("koffiekar_session", schema=None) as batch_op:
        batch_op.create_index("ix_koffiekar_session_area_date", ["area_id", "date"], unique=False)
        batch_op.create_index(batch_op.f("ix_koffiekar_session_date"), ["date"], unique=False)

    op.create_table(
        "conversation",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("quote_reportable", sa.Boolean(), nullable=False),
        sa.Column(
            "handling",
            sa.String(length=32),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["koffiekar_session.id"],
            name=op.f("fk_conversation_session_id_koffiekar_session"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversation")),
    )
    with op.batch_alter_table("conversation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conversation_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "koffiekar_session_staff",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["team_member.id"],
            name=op.f("fk_koffiekar_session_staff_member_id_team_member"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["koffiekar_session.id"],
            name=op.f("fk_koffiekar_session_staff_session_id_koffiekar_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "member_id", name=op.f("pk_koffiekar_session_staff")),
    )
    op.create_table(
        "conversation_theme",
        sa.Column("conversation_id", sa.Uuid(), nullable=False),
        sa.Column("theme_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_conversation_theme_conversation_id_conversation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["theme.id"], name=op.f("fk_conversation_theme_theme_id_theme")
        ),
        sa.PrimaryKeyConstraint("conversation_id", "theme_id", name=op.f("pk_conversation_theme")),
    )
    with op.batch_alter_table("conversation_theme", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conversation_theme_theme_id"), ["theme_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("conversation_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversation_theme_theme_id"))

    op.drop_table("conversation_theme")
    op.drop_table("koffiekar_session_staff")
    with op.batch_alter_table("conversation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversation_session_id"))

    op.drop_table("conversation")
    with op.batch_alter_table("koffiekar_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_koffiekar_session_date"))
        batch_op.drop_index("ix_koffiekar_session_area_date")

    op.drop_table("koffiekar_session")
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_member_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_area_id"))

    op.drop_table("assignment")
    op.drop_table("area_buurt")
    with op.batch_alter_table("signal_category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signal_category_parent_id"))

    op.drop_table("signal_category")
    with op.batch_alter_table("cbs_buurt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cbs_buurt_wijk_code"))

    op.drop_table("cbs_buurt")
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_area_parent_id"))

    op.drop_table("area")
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_parent_id"))

    op.drop_table("theme")
    op.drop_table("team_member")
    op.drop_table("partner")
    op.drop_table("cbs_wijk")
    op.drop_table("app_setting")
