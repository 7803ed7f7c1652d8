"""conversation, contact, koffiekar_session: an index on created_by (Lijsten's author filter)

Lijsten's author filter lists everyone who recorded a conversation, contact or round. Without
an index that is a scan of every record (2.4 s at ten times the `large` data, issue 19); with
one, SearchRepository.authors reads the distinct names by one index seek per name. Exact by
construction, whatever path wrote or removed a record (a form, the sync pull, retention), and
nothing to keep up to date or to leave out of the sync.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 17:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("conversation", "contact", "koffiekar_session")


def upgrade() -> None:
    for table in TABLES:
        op.create_index(f"ix_{table}_created_by", table, ["created_by"], unique=False)


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_created_by", table_name=table)
