"""Alembic environment: always run from `gebiedsapp.storage.migrate` with an open connection."""

from __future__ import annotations

from alembic import context

from gebiedsapp.domain import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through gebiedsapp.storage.migrate (no connection given)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
