"""Team sync: this laptop's encrypted database and the team's PostgreSQL server share one
picture of the area (docs/sync-design.md). The window and the CLI use only what is here."""

from gebiedsapp.services.sync.conflicts import list_conflicts, resolve_conflict
from gebiedsapp.services.sync.connect import KEYRING_SERVICE, account, server_url
from gebiedsapp.services.sync.model import (
    ConflictView,
    SyncBusy,
    SyncCancelled,
    SyncError,
    SyncProgress,
    SyncResult,
    SyncStatus,
    TablePlan,
)
from gebiedsapp.services.sync.run import (
    SERVER_SETTING,
    run_sync,
    save_server,
    saved_server,
    sync_status,
)

__all__ = [
    "KEYRING_SERVICE",
    "SERVER_SETTING",
    "ConflictView",
    "SyncBusy",
    "SyncCancelled",
    "SyncError",
    "SyncProgress",
    "SyncResult",
    "SyncStatus",
    "TablePlan",
    "account",
    "list_conflicts",
    "resolve_conflict",
    "run_sync",
    "save_server",
    "saved_server",
    "server_url",
    "sync_status",
]
