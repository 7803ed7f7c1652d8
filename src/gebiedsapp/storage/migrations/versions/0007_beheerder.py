"""team_member.beheerder: who manages the app's settings (the beheerder role)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 04:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("team_member") as batch:
        batch.add_column(
            sa.Column("beheerder", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("team_member") as batch:
        batch.drop_column("beheerder")
