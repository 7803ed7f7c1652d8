"""What the sync service hands to the window and the CLI (docs/sync-design.md, Service API)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class SyncError(Exception):
    """A sync that could not run or finish; `message` is Dutch and shown as is. What was
    committed before stays; a rerun goes on from there."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(detail or message)
        self.message = message


class SyncCancelled(SyncError):  # noqa: N818 - the design's name
    """The user cancelled between two batches."""

    def __init__(self) -> None:
        super().__init__(
            "Synchroniseren is afgebroken. Wat al was uitgewisseld blijft bewaard; de volgende "
            "keer gaat het verder waar het stopte."
        )


class SyncBusy(SyncError):  # noqa: N818 - says what it is, as SyncCancelled
    """Another sync of this database runs now (the window's or a `gebiedsapp sync`); nothing
    was done, a later attempt goes on."""


@dataclass(frozen=True)
class SyncProgress:
    stage: str  # "verbinden", "ophalen", "versturen", "klaar"
    done: int
    total: int
    message: str  # Dutch


@dataclass(frozen=True)
class TablePlan:
    """For a dry run: per table, how many rows would go out and come in."""

    table: str
    push: int
    pull: int
    held: int = 0  # waiting here, not sent: reference data only here, a record moved away


@dataclass(frozen=True)
class SyncResult:
    pulled: int  # rows written here from the server
    pushed: int  # rows the server accepted
    conflicts: int  # new conflicts found
    refused: int  # rows the server refused (rights): still waiting here
    skipped: int  # rows hidden from this user, or whose parent is
    finished_at: datetime | None
    plan: tuple[TablePlan, ...] = ()  # a dry run's plan (empty otherwise)
    waiting: int = 0  # local changes still waiting after the run
    removed: int = 0  # rows (or their personal details) let go of: the user may not see them
    not_theirs: int = 0  # waiting changes of an area the user is not assigned to (refused)
    reference_replaced: int = 0  # local reference data replaced by the server's (no right)
    reference_held: int = 0  # reference data only here: waits for a beheerder, not sent


@dataclass(frozen=True)
class SyncStatus:
    last_synced_at: datetime | None
    pending: int  # local changes waiting for the server
    open_conflicts: int
    server: str  # the URL (no password) it last synced with
    not_theirs: int = 0  # of `pending`: changes of an area the user is not assigned to
    more_pending: bool = False  # counted up to a limit: more than `pending` are waiting
    more_not_theirs: bool = False  # counted up to that limit: at least `not_theirs`


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    table_name: str
    row_key: str
    area_id: uuid.UUID | None
    fields: tuple[str, ...]
    local_values: dict[str, Any]
    server_values: dict[str, Any]
    local_by: str
    server_by: str
    status: str
    resolution: str
    resolved_by: str
    resolved_at: datetime | None
    created_at: datetime


@dataclass
class Counts:
    """Running totals of one sync run."""

    pulled: int = 0
    pushed: int = 0
    conflicts: int = 0
    refused: int = 0
    skipped: int = 0
    stale: int = 0
    erased: int = 0  # erasures applied here (their traces are purged after the run)
    removed: int = 0  # rows let go of: hidden from the user now (purged as an erasure's)
    reference_replaced: int = 0
    reference_held: int = 0
    refused_tables: set[str] = field(default_factory=set)
