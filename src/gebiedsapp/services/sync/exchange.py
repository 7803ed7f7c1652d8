"""The exchange file: team sync for a laptop that never reaches the server.

`export_changes` writes this laptop's waiting changes (the outbox: rows as they are now, hard
deletes as tombstones) to one file, encrypted and authenticated with a passphrase (Fernet:
AES-128-CBC with HMAC-SHA256 over the whole token; the key from PBKDF2-SHA256 with a salt of
its own); nothing leaves the outbox, so the changes still go to the server from this laptop
too, and the server's version check turns the second arrival into a no-op.

`import_changes` reads such a file on another laptop (or at the office) with the same merge
and conflict rules as a pull: a row not here is added; a row here is merged field by field,
three-way against the merge base when both laptops last agreed on the same server version of
the row, and otherwise every field that differs is a conflict (never a silent overwrite); a
tombstone erases here as an erasure does. Everything it writes is this laptop's change from
then on (its outbox), so it travels on at its next sync. All in one transaction: a file that
is foreign, tampered with, truncated, from another schema version or opened with the wrong
passphrase is refused with a Dutch message and changes nothing.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import tempfile
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from gebiedsapp.domain import AppSetting, AuditAction, Base, utcnow
from gebiedsapp.services import audit
from gebiedsapp.services.sync.merge import merge
from gebiedsapp.services.sync.model import SyncError
from gebiedsapp.services.sync.one_at_a_time import one_sync_at_a_time
from gebiedsapp.services.sync.pull import erase_here
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.migrate import head_revision
from gebiedsapp.storage.repositories import sync_local as local
from gebiedsapp.storage.sync_tables import (
    BOOKKEEPING,
    SyncTable,
    by_name,
    digests,
    from_plain,
    plain,
    synced_tables,
)
from gebiedsapp.storage.sync_tracking import sync_exchange_base, sync_outbox

MAGIC = b"GEBIEDSAPP-UITW1"  # what the file starts with: format 1
SALT_BYTES = 16
ROUNDS = 600_000  # PBKDF2-SHA256, as OWASP advises for it (2023)
FORMAT = "gebiedsapp-uitwisseling"
LAST_EXPORT_SETTING = "sync.last_exchange"  # app_setting: when this laptop last exported
MIN_PASSPHRASE = 8
NOTHING_CHANGED = "Er is niets gewijzigd."


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    rows: int
    tables: dict[str, int]


@dataclass(frozen=True)
class ImportSummary:
    added: int  # rows new here
    merged: int  # rows here that took the file's changes
    erased: int  # tombstones applied
    conflicts: int  # new conflicts (both versions kept; see the Conflicten screen)
    unchanged: int  # rows here already as in the file (e.g. the file read a second time)
    made_by: str
    made_at: datetime


def _refused(reason: str) -> SyncError:
    return SyncError(f"{reason} {NOTHING_CHANGED}")


def _fernet(passphrase: str, salt: bytes) -> Fernet:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=ROUNDS)
    return Fernet(base64.urlsafe_b64encode(kdf.derive(passphrase.encode("utf-8"))))


# --- export ----------------------------------------------------------------------------------


def export_changes(
    database: Database, path: Path, passphrase: str, *, actor: str, everything: bool = False
) -> ExportSummary:
    """Write the changes made here since the last export (all waiting ones with
    `everything`) to `path`; the outbox is left as it is."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise _refused(
            f"Kies een wachtwoord van minstens {MIN_PASSPHRASE} tekens voor het "
            "uitwisselingsbestand; de ontvanger heeft het nodig om het te openen."
        )
    with database.read_session(actor) as session:
        since = None if everything else _last_export(session)
    made_at = utcnow()
    with database.engine.connect() as connection, connection.begin():
        device = local.device_id(connection)
        rows, tables = _changed_rows(connection, since)
    payload = {
        "format": FORMAT,
        "schema": head_revision(),
        "device": device.hex,
        "made_by": actor,
        "made_at": made_at.isoformat(),
        "rows": rows,
    }
    data = gzip.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"), mtime=0)
    salt = os.urandom(SALT_BYTES)
    _write_atomically(path, MAGIC + salt + _fernet(passphrase, salt).encrypt(data))
    with database.unit_of_work(actor) as session:
        _set_setting(session, LAST_EXPORT_SETTING, made_at.isoformat())
        audit.note(
            session,
            AuditAction.EXPORT,
            record_type="exchange",
            detail=f"uitwisselingsbestand met {len(rows)} wijzigingen",
        )
    return ExportSummary(path=path, rows=len(rows), tables=tables)


def _last_export(session: Session) -> str | None:
    row = session.get(AppSetting, LAST_EXPORT_SETTING)
    if row is None or not row.value:
        return None
    # the outbox's changed_at is naive UTC text 'YYYY-MM-DD HH:MM:SS.fff' (the triggers)
    at = datetime.fromisoformat(row.value).astimezone(UTC)
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]


def _set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=value))
    else:
        row.value = value


def _changed_rows(
    connection: Connection, since: str | None
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    query = select(sync_outbox.c.table_name, sync_outbox.c.row_key)
    if since is not None:
        query = query.where(sync_outbox.c.changed_at >= since)
    box: dict[str, list[str]] = {}
    for table_name, key in connection.execute(query):
        box.setdefault(table_name, []).append(key)
    rows: list[dict[str, Any]] = []
    tables: dict[str, int] = {}
    for table in synced_tables():
        keys = sorted(box.get(table.name, ()))
        if not keys:
            continue
        present = local.rows(connection, table, keys)
        bases = local.bases(connection, table.name, keys)
        for key in keys:
            base = bases.get(key)
            entry: dict[str, Any] = {
                "t": table.name,
                "k": key,
                "v": base[0] if base is not None else None,
            }
            if key in present:
                entry["d"] = {c: plain(v) for c, v in present[key].items()}
            else:
                entry["x"] = True  # erased here: a tombstone
            rows.append(entry)
        tables[table.name] = len(keys)
    return rows, tables


def _write_atomically(path: Path, data: bytes) -> None:
    """A half-written file never carries the final name (a full disk, a pulled USB stick)."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=".uitwisseling-", dir=path.parent)
    except OSError as exc:
        raise _refused(f"De map {path.parent} is niet beschrijfbaar ({exc.strerror}).") from exc
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise _refused(f"Het bestand {path} kon niet worden geschreven ({exc.strerror}).") from exc


# --- import ----------------------------------------------------------------------------------


def read_exchange(path: Path, passphrase: str) -> dict[str, Any]:
    """The checked contents of an exchange file; SyncError (Dutch) for anything else."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _refused(f"Het bestand {path} kan niet worden gelezen ({exc.strerror}).") from exc
    if not data.startswith(MAGIC):
        raise _refused(f"{path.name} is geen uitwisselingsbestand van Gebiedsapp.")
    salt, token = data[len(MAGIC) : len(MAGIC) + SALT_BYTES], data[len(MAGIC) + SALT_BYTES :]
    try:
        plain_bytes = gzip.decompress(_fernet(passphrase, salt).decrypt(token))
        payload = json.loads(plain_bytes.decode("utf-8"))
    except (InvalidToken, ValueError, OSError, EOFError) as exc:
        raise _refused(
            f"{path.name} kan niet worden geopend: het wachtwoord klopt niet, of het bestand "
            "is beschadigd, ingekort of veranderd."
        ) from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise _refused(f"{path.name} is geen uitwisselingsbestand van Gebiedsapp.")
    if payload.get("schema") != head_revision():
        raise _refused(
            f"{path.name} is gemaakt met een andere versie van Gebiedsapp (schema "
            f"{payload.get('schema')}, hier {head_revision()}). Werk beide laptops bij naar "
            "dezelfde versie en maak het bestand opnieuw."
        )
    return payload


def import_changes(database: Database, path: Path, passphrase: str, *, actor: str) -> ImportSummary:
    """Merge an exchange file into this laptop's database, as a pull merges (never while a
    sync or another import runs on it: SyncBusy)."""
    payload = read_exchange(path, passphrase)
    database.wait_until_checked()
    with one_sync_at_a_time(database, program="exchange"):
        return _import(database, payload, path, actor=actor)


def _import(
    database: Database, payload: dict[str, Any], path: Path, *, actor: str
) -> ImportSummary:
    counts = {"added": 0, "merged": 0, "erased": 0, "conflicts": 0, "unchanged": 0}
    with database.unit_of_work(actor) as session:
        connection = session.connection()
        device = local.device_id(connection)
        if payload.get("device") == device.hex:
            raise _refused("Dit uitwisselingsbestand is op deze laptop zelf gemaakt.")
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        importer = _Importer(
            connection,
            key=device.bytes,
            device=str(payload.get("device", "")),
            actor=actor,
            counts=counts,
        )
        rows = payload.get("rows")
        if not isinstance(rows, list):
            raise _refused(f"{path.name} is geen uitwisselingsbestand van Gebiedsapp.")
        order = {t.name: i for i, t in enumerate(synced_tables())}
        known = [r for r in rows if isinstance(r, dict) and r.get("t") in order]
        upserts = sorted((r for r in known if not r.get("x")), key=lambda r: order[r["t"]])
        tombstones = sorted((r for r in known if r.get("x")), key=lambda r: -order[r["t"]])
        for entry in upserts:
            importer.row(by_name()[entry["t"]], entry)
        for entry in tombstones:
            importer.tombstone(by_name()[entry["t"]], entry)
        audit.note(
            session,
            AuditAction.IMPORT,
            record_type="exchange",
            detail=(
                f"uitwisselingsbestand van {payload.get('made_by', '?')}: {counts['added']} "
                f"nieuw, {counts['merged']} bijgewerkt, {counts['erased']} gewist, "
                f"{counts['conflicts']} conflicten"
            ),
        )
    return ImportSummary(
        **counts,
        made_by=str(payload.get("made_by", "")),
        made_at=datetime.fromisoformat(str(payload.get("made_at"))),
    )


class _Importer:
    """Writes a file's rows as this laptop's own changes (the triggers enter them)."""

    def __init__(
        self,
        connection: Connection,
        *,
        key: bytes,
        device: str,
        actor: str,
        counts: dict[str, int],
    ) -> None:
        self.connection, self.key, self.actor, self.counts = connection, key, actor, counts
        self.device = device  # the laptop that made the file

    def _values(self, table: SyncTable, data: Mapping[str, Any]) -> dict[str, Any]:
        columns = table.table.columns
        return {name: from_plain(columns[name], value) for name, value in data.items()
                if name in columns}  # fmt: skip

    def row(self, table: SyncTable, entry: Mapping[str, Any]) -> None:
        key = str(entry["k"])
        incoming = self._values(table, entry["d"])
        here = local.rows(self.connection, table, [key]).get(key)
        if here is None:
            if local.outbox_keys(self.connection, table.name, [key]):
                return  # erased here, the erasure not yet sent: never brought back
            local.insert_row(self.connection, table, incoming)
            self.remember(table, key, incoming)
            self.counts["added"] += 1
            return
        columns = [c for c in incoming if c in here]
        compared = [c for c in columns if c not in BOOKKEEPING and c not in table.key]
        if all(plain(here[c]) == plain(incoming[c]) for c in compared):
            self.remember(table, key, incoming)
            self.counts["unchanged"] += 1
            return
        merged = merge(
            table,
            columns=columns,
            base=self._base(table, entry, here, columns),
            local=here,
            server=incoming,
            key=self.key,
        )
        values = dict(merged.row)
        if table.tracked:
            values["version"] = here["version"] + 1
        local.upsert(self.connection, table, [values])
        if merged.clash:
            self._conflict(table, key, here, incoming, merged.clash)
        self.remember(table, key, incoming)
        self.counts["merged"] += 1

    def _base(
        self,
        table: SyncTable,
        entry: Mapping[str, Any],
        here: Mapping[str, Any],
        columns: list[str],
    ) -> dict[str, str] | None:
        """What both laptops last agreed on for this row, as digests, or None (unknown: then
        every field that differs is a conflict, never a silent overwrite)."""
        key = str(entry["k"])
        waiting = bool(local.outbox_keys(self.connection, table.name, [key]))
        base = local.bases(self.connection, table.name, [key]).get(key)
        if base is not None and entry.get("v") == base[0]:
            # the same server version on both laptops: unchanged here, it is the row as now
            return base[1] if waiting else digests(self.key, here, columns)
        seen = self.connection.execute(
            select(sync_exchange_base.c.data).where(
                sync_exchange_base.c.device == self.device,
                sync_exchange_base.c.table_name == table.name,
                sync_exchange_base.c.row_key == key,
            )
        ).scalar()
        return dict(json.loads(seen)) if seen is not None else None

    def remember(self, table: SyncTable, key: str, incoming: Mapping[str, Any]) -> None:
        """The row as this file had it: the base of the next file from the same laptop."""
        statement = sqlite_insert(sync_exchange_base).values(
            device=self.device,
            table_name=table.name,
            row_key=key,
            data=json.dumps(digests(self.key, incoming, list(incoming)), sort_keys=True),
        )
        self.connection.execute(
            statement.on_conflict_do_update(
                index_elements=["device", "table_name", "row_key"],
                set_={"data": statement.excluded.data},
            )
        )

    def tombstone(self, table: SyncTable, entry: Mapping[str, Any]) -> None:
        key = str(entry["k"])
        if key not in local.rows(self.connection, table, [key]):
            return
        erase_here(self.connection, table, key)
        # erase_here takes the server's delete as agreed; here it is this laptop's to send on
        self.connection.execute(
            insert(sync_outbox).values(
                table_name=table.name,
                row_key=key,
                tick=1,
                changed_at=utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3],
            )
        )
        self.counts["erased"] += 1

    def _conflict(
        self,
        table: SyncTable,
        key: str,
        here: Mapping[str, Any],
        incoming: Mapping[str, Any],
        fields: tuple[str, ...],
    ) -> None:
        conflicts = Base.metadata.tables["sync_conflict"]
        now = utcnow()
        open_one = self.connection.execute(
            select(conflicts.c.id).where(
                conflicts.c.table_name == table.name,
                conflicts.c.row_key == key,
                conflicts.c.status == "open",
                conflicts.c.fields == ",".join(fields),
            )
        ).first()
        local_values = json.dumps({f: plain(here.get(f)) for f in fields}, ensure_ascii=False)
        other_values = json.dumps({f: plain(incoming.get(f)) for f in fields}, ensure_ascii=False)
        if open_one is not None:  # the same clash again (the file read twice): one conflict
            self.connection.execute(
                update(conflicts)
                .where(conflicts.c.id == open_one[0])
                .values(server_values=other_values, updated_at=now, updated_by=self.actor)
            )
            return
        self.connection.execute(
            insert(conflicts).values(
                id=uuid.uuid4(),
                table_name=table.name,
                row_key=key,
                area_id=incoming.get("area_id") if "area_id" in incoming else None,
                fields=",".join(fields),
                local_values=local_values,
                server_values=other_values,
                local_by=str(here.get("updated_by") or ""),
                server_by=str(incoming.get("updated_by") or ""),
                status="open",
                resolution="",
                resolved_by="",
                created_at=now,
                updated_at=now,
                created_by=self.actor,
                updated_by=self.actor,
                version=1,
            )
        )
        self.counts["conflicts"] += 1
