"""What one sync run carries from step to step."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from gebiedsapp.services.sync.model import Counts, SyncCancelled, SyncProgress
from gebiedsapp.storage.sync_tables import SyncTable, synced_tables

BATCH = 2000  # rows per local transaction (pull) and per server transaction (push)


@dataclass
class Run:
    local: Engine
    server: Engine
    device: uuid.UUID
    actor: str
    readable: dict[str, frozenset[str]]  # the connected role's readable columns per table
    progress: Callable[[SyncProgress], None] | None = None
    cancel: threading.Event | None = None
    counts: Counts = field(default_factory=Counts)
    # (table, row_key) waiting here that this user may not send (services.sync.reference)
    held: set[tuple[str, str]] = field(default_factory=set)

    @property
    def key(self) -> bytes:
        """The merge base's digest key: this laptop's own."""
        return self.device.bytes

    def columns(self, table: SyncTable) -> list[str]:
        """The columns that travel for `table`: those the server lets this user read."""
        readable = self.readable.get(table.name, frozenset())
        return [c.name for c in table.table.columns if c.name in readable]

    def tables(self) -> list[SyncTable]:
        """The synced tables this user may read at all (their key columns readable)."""
        return [t for t in synced_tables() if set(t.key) <= set(self.columns(t))]

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise SyncCancelled()

    def tell(self, stage: str, done: int, total: int, message: str) -> None:
        if self.progress is not None:
            self.progress(SyncProgress(stage, done, total, message))
