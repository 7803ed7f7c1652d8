"""signal, signal_history: covering indexes for the summaries (the brief's figures)

The brief counts signals per area by their days (reported, closed, deadline) and replays each
open signal's status history up to a day's end; with these indexes SQLite reads both from the
index alone instead of looking up each signal's (wide) row and each history entry.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 14:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SIGNAL_COLUMNS = [
    "area_id",
    "reported_on",
    "deleted_at",
    "closed_on",
    "deadline",
    "status",
    "category_id",
    "buurt_code",
    "id",
]
HISTORY_COLUMNS = ["signal_id", "field", "seq", "at", "new"]


def upgrade() -> None:
    op.create_index("ix_signal_report", "signal", SIGNAL_COLUMNS, unique=False)
    op.create_index("ix_signal_history_replay", "signal_history", HISTORY_COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_signal_history_replay", table_name="signal_history")
    op.drop_index("ix_signal_report", table_name="signal")
