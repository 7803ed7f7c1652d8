"""summary_round_version: the talks' data version per koffiekar round

After a conversation saved in Winschoten the first brief counted all of Winschoten's talks of
two years again (~11 ms of its ~17 ms of figures, issue 15). Now a write to a round, a
conversation or a theme link also changes the version of its round (old and new), a contact
or its theme link the version of its area's contacts, and the talks of an area are added up
from facts kept per round (services.summary_rounds): only the changed round is counted again.

A theme, signal category, partner or resident written no longer changes the global version
(everything counted afresh) but the parts that read it, of every area
(`summary_version.REFERENCE_OF`); the downgrade gives them the global triggers again.

Local only: not synced (`sync_tracking.NOT_SYNCED`), nothing on PostgreSQL. Nothing is
derived from the data: the table starts empty, and the global version gets a new value so
that no facts kept before count as of a version.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 23:00:00
"""

from collections.abc import Sequence

from alembic import op

from gebiedsapp.storage.summary_version import install_rounds, uninstall_rounds

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    install_rounds(op.execute, op.get_bind().dialect.name)


def downgrade() -> None:
    uninstall_rounds(op.execute, op.get_bind().dialect.name)
