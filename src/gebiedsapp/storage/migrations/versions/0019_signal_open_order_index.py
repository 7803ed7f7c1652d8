"""signal: ix_signal_report also holds the partner and the priority

Samenvatting's open signals are sorted by partner and priority too (the full summary's order,
`storage/repositories/summary_pages.py`). Without them in the index SQLite looked up each open
signal's wide row: on ten times today's data about half the order's CPU (the municipality's
13,710 open signals: ~200 ms of ~400 warm, more when the pages are not cached yet; issue 19).
The summaries' counts read the same index as before.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 20:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = [
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
AFTER = [*BEFORE[:-1], "partner_id", "priority", "id"]


def upgrade() -> None:
    op.drop_index("ix_signal_report", table_name="signal")
    op.create_index("ix_signal_report", "signal", AFTER, unique=False)


def downgrade() -> None:
    op.drop_index("ix_signal_report", table_name="signal")
    op.create_index("ix_signal_report", "signal", BEFORE, unique=False)
