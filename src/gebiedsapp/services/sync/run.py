"""One sync run: connect, pull, push; again while the server moved on meanwhile (bounded)."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from gebiedsapp.domain import AppSetting, SyncConflict, utcnow
from gebiedsapp.identity import current_actor
from gebiedsapp.services.sync import reference
from gebiedsapp.services.sync.connect import Server, connect
from gebiedsapp.services.sync.context import Run
from gebiedsapp.services.sync.model import (
    SyncError,
    SyncProgress,
    SyncResult,
    SyncStatus,
    TablePlan,
)
from gebiedsapp.services.sync.moved import first_pull, held_back, hidden_here
from gebiedsapp.services.sync.one_at_a_time import one_sync_at_a_time
from gebiedsapp.services.sync.pull import pull
from gebiedsapp.services.sync.push import push
from gebiedsapp.services.sync.reference import settle
from gebiedsapp.services.sync.shrink import let_go
from gebiedsapp.storage import traces
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.repositories import sync_moves as moves
from gebiedsapp.storage.repositories import sync_server as server
from gebiedsapp.storage.repositories import sync_visibility as visibility

log = logging.getLogger(__name__)

ROUNDS = 3  # pull and push again while rows were stale (somebody pushed meanwhile)
SERVER_SETTING = "sync.server"  # app_setting: the team server's address (no password)


def saved_server(session: Session) -> str:
    row = session.get(AppSetting, SERVER_SETTING)
    return row.value if row is not None else ""


def save_server(session: Session, address: str) -> None:
    """Remember the team server's address for this database (checked: no password in it)."""
    from gebiedsapp.services.sync.connect import server_url

    address = address.strip()
    if address:
        server_url(address)  # SyncError (Dutch) for a password or a malformed address
    row = session.get(AppSetting, SERVER_SETTING)
    if row is None:
        session.add(AppSetting(key=SERVER_SETTING, value=address))
    else:
        row.value = address
    session.flush()


def sync_status(database: Database, *, count_up_to: int | None = None) -> SyncStatus:
    """Where this laptop stands; `count_up_to` bounds the counts of waiting changes and of
    those not to be sent (then `more_pending`, `more_not_theirs` say that more may wait) for
    a status read after every save."""
    with database.engine.connect() as connection:
        last, address = local.state(connection)
        waiting = local.pending(connection, up_to=count_up_to)
        elsewhere, more = visibility.counted_elsewhere(connection, up_to=count_up_to)
        conflicts = connection.scalar(
            select(func.count())
            .select_from(SyncConflict)
            .where(SyncConflict.status == "open", SyncConflict.deleted_at.is_(None))
        )
    if last is not None and last.tzinfo is None:
        from datetime import UTC

        last = last.replace(tzinfo=UTC)
    pending = waiting if count_up_to is None else min(waiting, count_up_to)
    return SyncStatus(
        last_synced_at=last,
        pending=pending,
        more_pending=count_up_to is not None and waiting > count_up_to,
        open_conflicts=int(conflicts or 0),
        server=address,
        not_theirs=min(elsewhere, pending),  # of the changes shown as waiting
        more_not_theirs=more,
    )


def run_sync(
    database: Database,
    *,
    server_url: str,
    password: str,
    progress: Callable[[SyncProgress], None] | None = None,
    cancel: threading.Event | None = None,
    dry_run: bool = False,
) -> SyncResult:
    """Pull the server's changes, push this laptop's; resumable and idempotent (a rerun after
    a kill or a cancel goes on, and duplicates nothing). SyncError (Dutch) when it cannot."""
    if database.read_only:
        raise SyncError("Deze database is alleen-lezen geopend; synchroniseren kan niet.")
    with one_sync_at_a_time(database, program="sync", skip=dry_run):
        if progress is not None:
            progress(SyncProgress("verbinden", 0, 1, "Verbinden met de teamserver…"))
        return _connected(
            database,
            remote=connect(server_url, password),
            progress=progress,
            cancel=cancel,
            dry_run=dry_run,
        )


def _connected(
    database: Database,
    *,
    remote: Server,
    progress: Callable[[SyncProgress], None] | None,
    cancel: threading.Event | None,
    dry_run: bool,
) -> SyncResult:
    try:
        if dry_run:
            return _plan(database, remote)
        return _run(database, remote, progress, cancel)
    except OperationalError as exc:
        log.warning("sync: connection lost: %s", exc.orig)
        raise SyncError(
            "De verbinding met de teamserver viel weg. Wat al was uitgewisseld blijft "
            "bewaard; synchroniseer later opnieuw.",
            detail=str(exc.orig),
        ) from exc
    except DBAPIError as exc:
        log.error("sync: server error: %s", exc.orig)
        raise SyncError(
            "De teamserver gaf een fout bij het synchroniseren. Wat al was uitgewisseld blijft "
            "bewaard. Technische melding: " + exc.__class__.__name__,
            detail=str(exc.orig),
        ) from exc
    finally:
        remote.engine.dispose()


def _run(
    database: Database,
    remote: Server,
    progress: Callable[[SyncProgress], None] | None,
    cancel: threading.Event | None,
) -> SyncResult:
    database.wait_until_checked()
    with database.engine.begin() as connection:
        device = local.device_id(connection)
    run = Run(
        local=database.engine,
        server=remote.engine,
        device=device,
        actor=current_actor(),
        readable=remote.readable,
        progress=progress,
        cancel=cancel,
    )
    settle(run)  # a team member's reference data: the server's is the truth
    let_go(run)  # what the user may no longer see (before the pull keeps the new rights)
    for _round in range(ROUNDS):
        stale = run.counts.stale
        pull(run)
        push(run)
        if run.counts.stale == stale:
            break
    if run.counts.erased or run.counts.removed:  # their words go from the file's pages too
        traces.purge(database.engine)
    finished_at = utcnow()
    with database.engine.begin() as connection:
        local.finished(connection, at=finished_at, server=remote.shown)
        waiting = local.pending(connection)
        elsewhere = visibility.waiting_elsewhere(connection)
    counts = run.counts
    run.tell("klaar", 1, 1, "Synchroniseren klaar")
    return SyncResult(
        pulled=counts.pulled,
        pushed=counts.pushed,
        conflicts=counts.conflicts,
        refused=counts.refused,
        skipped=counts.skipped,
        finished_at=finished_at,
        waiting=waiting,
        removed=counts.removed,
        not_theirs=elsewhere,
        reference_replaced=counts.reference_replaced,
        reference_held=counts.reference_held,
    )


def _plan(database: Database, remote: Server) -> SyncResult:
    """A dry run: per table what a real sync would send and fetch, and what it would hold
    back (a team member's reference rows that only this laptop has, changes to records that
    moved out of the user's areas); nothing changes anywhere."""
    with database.engine.connect() as connection:
        box = local.outbox(connection)
        cursors = local.cursors(connection)
    readable = Run(
        local=database.engine, server=remote.engine, device=uuid.UUID(int=0), actor="",
        readable=remote.readable,
    )  # fmt: skip
    held: dict[str, set[str]] = {}
    settled: dict[str, set[str]] = {}
    replaced = 0
    with remote.engine.connect() as connection, database.engine.connect() as here:
        incoming = server.count_changes(connection, cursors)
        waiting = reference.waiting_here(box)
        tables = [t for t in readable.tables() if t.name in waiting]
        theirs = reference.fetch(
            connection, tables=tables, columns=readable.columns, wanted=waiting
        ) if waiting else None  # fmt: skip
        found = reference.compare(
            theirs, here, tables=tables, columns=readable.columns, waiting=waiting,
            key=b"proefrun",
        ) if theirs is not None else None  # fmt: skip
        for name, done in (found or {}).items():
            held.setdefault(name, set()).update(done.held)
            settled[name] = set(done.settled)
            replaced += done.replaced
        reference_held = sum(len(keys) for keys in held.values())
        if moves.has_log(connection):
            hidden, _last, _changed = hidden_here(
                connection, here, readable.tables(), first=first_pull(cursors)
            )
            found_held = held_back(
                connection, here, tables=readable.tables(), hidden=hidden, box=box
            )
            for name, keys in found_held.items():
                held.setdefault(name, set()).update(keys)
    names = sorted(set(box) | set(incoming))
    plan = tuple(
        TablePlan(
            n,
            len(set(box.get(n, {})) - held.get(n, set()) - settled.get(n, set())),
            incoming.get(n, 0),
            len(held.get(n, set())),
        )
        for n in names
    )
    return SyncResult(
        pulled=0,
        pushed=0,
        conflicts=0,
        refused=0,
        skipped=0,
        finished_at=None,
        plan=plan,
        waiting=sum(len(v) for v in box.values()),
        reference_replaced=replaced,
        reference_held=reference_held,
        not_theirs=sum(len(keys) for keys in held.values()) - reference_held,
    )
