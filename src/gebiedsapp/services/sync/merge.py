"""The three-way merge of one row: base (as last agreed), local, server; field by field.

A field changed on one side only takes that side; the same new value on both is no clash;
different new values on both are a clash, and the row takes the server's value there (so every
laptop shows the same) while a conflict keeps both. Deleting (deleted_at) on one side and
editing on the other is a clash. Retention's anonymisation always wins over an older copy of
the personal fields, on either side: emptied data is never brought back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gebiedsapp.storage.sync_tables import ANONYMISED, BOOKKEEPING, SyncTable, digest


@dataclass(frozen=True)
class Merged:
    row: dict[str, Any]
    clash: tuple[str, ...]
    same_as_server: bool  # nothing of this laptop's left to push


def merge(
    table: SyncTable,
    *,
    columns: Sequence[str],
    base: Mapping[str, str] | None,
    local: Mapping[str, Any],
    server: Mapping[str, Any],
    key: bytes,
) -> Merged:
    fields = [c for c in columns if c not in BOOKKEEPING and c not in table.key]
    merged: dict[str, Any] = {c: local[c] for c in columns if c in local}
    local_changed: set[str] = set()
    server_changed: set[str] = set()
    clash: list[str] = []
    for name in fields:
        mine, theirs = digest(key, local.get(name)), digest(key, server[name])
        was = base.get(name) if base is not None else None
        if mine != was:
            local_changed.add(name)
        if theirs != was:
            server_changed.add(name)
        if mine == theirs or (was is not None and mine == was):
            merged[name] = server[name]
        elif was is not None and theirs == was:
            merged[name] = local.get(name)
        else:
            clash.append(name)
    if table.tracked and "deleted_at" in fields:
        clash += _delete_against_edit(local, server, local_changed, server_changed)
    anonymised = ANONYMISED.get(table.name)
    if anonymised is not None:
        clash = _anonymised_wins(anonymised, merged, local, server, clash)
    if table.never_clashes:
        clash = []  # written once: the server's value, quietly
    clash = list(dict.fromkeys(clash))
    for name in clash:
        merged[name] = server[name]
    equal = all(digest(key, merged.get(c)) == digest(key, server[c]) for c in fields)
    if equal:
        merged.update({c: server[c] for c in columns if c in BOOKKEEPING and c != "version"})
    return Merged(row=merged, clash=tuple(clash), same_as_server=equal)


def _delete_against_edit(
    local: Mapping[str, Any],
    server: Mapping[str, Any],
    local_changed: set[str],
    server_changed: set[str],
) -> list[str]:
    deleted_here = "deleted_at" in local_changed and local.get("deleted_at") is not None
    deleted_there = "deleted_at" in server_changed and server.get("deleted_at") is not None
    if deleted_here and not deleted_there and server_changed - {"deleted_at"}:
        return ["deleted_at", *sorted(server_changed - {"deleted_at"})]
    if deleted_there and not deleted_here and local_changed - {"deleted_at"}:
        return ["deleted_at", *sorted(local_changed - {"deleted_at"})]
    return []


def _anonymised_wins(
    anonymised: tuple[str, tuple[str, ...]],
    merged: dict[str, Any],
    local: Mapping[str, Any],
    server: Mapping[str, Any],
    clash: list[str],
) -> list[str]:
    stamp, personal = anonymised
    if stamp not in server or (local.get(stamp) is None and server[stamp] is None):
        return clash
    merged[stamp] = server[stamp] if server[stamp] is not None else local.get(stamp)
    for name in personal:
        if name in merged:
            merged[name] = ""
    return [name for name in clash if name != stamp and name not in personal]
