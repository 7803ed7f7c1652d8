"""cbs_figures: CBS key figures (Kerncijfers wijken en buurten) per region code and year

Reference data shared by the team (storage.server_rights.REFERENCE_TABLES), tracked for sync.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 09:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from gebiedsapp.storage.sync_tracking import track_table, untrack_table

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COUNTS = (
    "inhabitants",
    "men",
    "women",
    "age_0_15",
    "age_15_25",
    "age_25_45",
    "age_45_65",
    "age_65_plus",
    "households",
)


def upgrade() -> None:
    op.create_table(
        "cbs_figures",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=True) for name in _COUNTS),
        sa.Column("other", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("code", "year", name=op.f("pk_cbs_figures")),
    )
    track_table(op.execute, op.get_bind().dialect.name, "cbs_figures", ("code", "year"))


def downgrade() -> None:
    untrack_table(op.execute, op.get_bind().dialect.name, "cbs_figures")
    op.drop_table("cbs_figures")
