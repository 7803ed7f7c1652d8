"""conversation: a covering index (session, deleted_at, id) for the summaries' theme counts

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 01:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_conversation_session_id", table_name="conversation")
    op.create_index(
        "ix_conversation_session_live",
        "conversation",
        ["session_id", "deleted_at", "id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_conversation_session_live", table_name="conversation")
    op.create_index("ix_conversation_session_id", "conversation", ["session_id"], unique=False)
