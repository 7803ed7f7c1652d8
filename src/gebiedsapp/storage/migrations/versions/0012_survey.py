"""survey: the inwonersenquête's outcomes per area, question and wave (year)

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-06 09:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from gebiedsapp.storage.sync_tracking import track_table, untrack_table

revision: str = "0012"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "survey_result",
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column("wave", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=300), nullable=False),
        sa.Column("theme_id", sa.Uuid(), nullable=True),
        sa.Column("respondents", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("answer", sa.String(length=200), nullable=False),
        sa.Column("share", sa.Float(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["area_id"], ["area.id"], name=op.f("fk_survey_result_area_id_area")
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["theme.id"], name=op.f("fk_survey_result_theme_id_theme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_result")),
    )
    op.create_index(
        "ix_survey_result_area_wave_question",
        "survey_result",
        ["area_id", "wave", "question"],
        unique=True,
    )
    track_table(op.execute, op.get_bind().dialect.name, "survey_result", ("id",))


def downgrade() -> None:
    untrack_table(op.execute, op.get_bind().dialect.name, "survey_result")
    op.drop_index("ix_survey_result_area_wave_question", table_name="survey_result")
    op.drop_table("survey_result")
