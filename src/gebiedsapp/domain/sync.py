"""Team sync's bookkeeping (see docs/sync-design.md).

`SyncConflict` is a record like any other (it syncs itself, so a conflict found on one laptop
is seen and can be resolved on every laptop). The laptop's own bookkeeping (outbox, base,
cursors, state) and the server's (`sync_row`, `sync_push_log`) are plain tables made by
migration 0009 and read through `storage.sync_tracking` and the sync service.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gebiedsapp.domain.base import Base, Tracked, UTCDateTime


class SyncConflict(Tracked, Base):
    """One record changed on two laptops since they last agreed, with both versions of the
    fields that clash; the record itself holds the server's values until a user decides."""

    __tablename__ = "sync_conflict"

    table_name: Mapped[str] = mapped_column(String(64))
    row_key: Mapped[str] = mapped_column(String(200), index=True)
    area_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("area.id"), default=None)
    fields: Mapped[str] = mapped_column(Text, default="")  # comma-separated column names
    local_values: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: value}
    server_values: Mapped[str] = mapped_column(Text, default="{}")
    local_by: Mapped[str] = mapped_column(String(120), default="")
    server_by: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / resolved
    resolution: Mapped[str] = mapped_column(String(16), default="")  # mine / theirs / merged
    resolved_by: Mapped[str] = mapped_column(String(120), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
