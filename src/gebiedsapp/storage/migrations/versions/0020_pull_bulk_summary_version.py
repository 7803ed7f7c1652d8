"""summary version triggers skip a pull's bulk write (storage.pull_bulk)

The summaries' version triggers ran four statements per row a pull wrote: about a quarter of
the laptop's time of a 10,000-row pull. They now skip while `sync_state.applying` is 2 (a
pull's one-statement bulk write, which changes the global version once itself). The
triggers' bodies stay as they are; only a WHEN is added.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 20:05:00
"""

from collections.abc import Sequence

from alembic import op

from gebiedsapp.storage.pull_bulk import rewrite

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    rewrite(op.get_bind(), skip=True)


def downgrade() -> None:
    rewrite(op.get_bind(), skip=False)
