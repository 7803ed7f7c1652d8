"""the merge base's stored form: a blob of tagged digests, not a JSON object

A base (sync_base.data) repeated every column's name in every row as JSON: about 650 bytes a
conversation, written for every row a push or pull agrees on. It is now per field a 4-byte tag
of the column's name and the 12 digest bytes (storage.sync_base_form). The laptop's bases are
converted here, row by row in SQLite's own UPDATE (a Python function per row); the reader
takes both forms, so a base this misses would still be read. Only the laptop has bases.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 23:20:00
"""

from collections.abc import Callable, Sequence
from typing import Any

from alembic import op

from gebiedsapp.storage.sync_base_form import as_json, pack, unpack

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _convert(function: Callable[[Any], Any], kind: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # the server keeps no bases
    raw = bind.connection.dbapi_connection
    raw.create_function("gebiedsapp_base_form", 1, function, deterministic=True)  # type: ignore[union-attr]
    bind.exec_driver_sql(
        f"UPDATE sync_base SET data = gebiedsapp_base_form(data) WHERE typeof(data) = '{kind}'"
    )


def _packed(text: str) -> str | bytes:
    """A base this cannot read stays as it was (the reader takes the JSON text too): one odd
    row must not stop the app's start-up migration."""
    try:
        return pack(unpack(text))
    except (ValueError, TypeError, AttributeError):
        return text


def upgrade() -> None:
    _convert(_packed, "text")


def downgrade() -> None:
    _convert(as_json, "blob")
