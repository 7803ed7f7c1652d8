"""Alembic environment: always run from `gebiedsapp.storage.migrate` with an open connection."""

from __future__ import annotations

from alembic import context

from gebiedsapp.domain import Base
from gebiedsapp.storage.search import is_search_table
from gebiedsapp.storage.sync_tracking import is_bookkeeping_table

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through gebiedsapp.storage.migrate (no connection given)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
    # FTS5 tables are made by hand in SQL, sync's bookkeeping by Core tables of its own:
    # autogenerate must not offer to drop them
    include_name=lambda name, type_, _parent: (
        not (
            type_ == "table"
            and name is not None
            and (is_search_table(name) or is_bookkeeping_table(name))
        )
    ),
)
with context.begin_transaction():
    context.run_migrations()
