"""The synced tables as sync sees them: keys, kinds (tracked record, association, append-only),
the references between them, and how a row's values are compared (docs/sync-design.md).

A row's values travel as the models' own Python values (uuid, aware datetimes, enums) through
Core statements on both dialects; they are compared through `plain` and kept in the merge
base only as keyed digests (`digest`), so the base never holds a resident's words.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import Enum
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import Column, Table, TypeDecorator, Uuid

from gebiedsapp.domain import Base
from gebiedsapp.storage.sync_base_form import TAG_BYTES, pack, tag
from gebiedsapp.storage.sync_tracking import KEY_SEPARATOR, NOT_SYNCED

# Stamps of who changed a row and when, and the row's own counter: not merged field by field.
BOOKKEEPING = frozenset({"version", "created_at", "created_by", "updated_at", "updated_by"})
# Written once and never edited by the app: a clash there is no user's decision (the server's
# values win, quietly). sync_conflict itself: two laptops resolving the same conflict.
NEVER_CLASH = frozenset({"signal_history", "signal_feedback", "record_version", "sync_conflict"})
# Anonymised (retention): the timestamp column and the personal columns it empties. Once
# either side is anonymised, the merge keeps the emptied fields (never the older copy).
ANONYMISED: dict[str, tuple[str, tuple[str, ...]]] = {
    "resident": ("anonymised_at", ("name", "phone", "email")),
}


@dataclass(frozen=True)
class Reference:
    """A single-column foreign key of `table.column` to `target`'s primary key."""

    table: str
    column: str
    target: str
    nullable: bool


@dataclass(frozen=True)
class SyncTable:
    name: str
    table: Table
    key: tuple[str, ...]
    tracked: bool  # a Tracked record: id, stamps, version, soft delete

    @property
    def association(self) -> bool:
        """A link table whose columns are all its key (conversation_theme, ...)."""
        return set(self.table.columns.keys()) == set(self.key)

    @property
    def never_clashes(self) -> bool:
        return self.association or self.name in NEVER_CLASH

    def key_of(self, row: Mapping[str, Any]) -> str:
        return KEY_SEPARATOR.join(_key_text(row[c]) for c in self.key)

    def key_values(self, row_key: str) -> tuple[Any, ...]:
        """A row_key back to its key columns' Python values."""
        parts = row_key.split(KEY_SEPARATOR)
        return tuple(
            uuid.UUID(part) if isinstance(self.table.c[name].type, Uuid) else part
            for name, part in zip(self.key, parts, strict=True)
        )


def _key_text(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else str(value)


@cache
def synced_tables() -> tuple[SyncTable, ...]:
    """Every synced table, parents before children (the models' sorted_tables order)."""
    tracked = {"id", "created_at", "updated_at", "created_by", "updated_by", "version"}
    result = []
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_SYNCED:
            continue
        names = set(table.columns.keys())
        result.append(
            SyncTable(
                name=table.name,
                table=table,
                key=tuple(c.name for c in table.primary_key.columns),
                tracked=tracked | {"deleted_at"} <= names,
            )
        )
    return tuple(result)


@cache
def by_name() -> dict[str, SyncTable]:
    return {t.name: t for t in synced_tables()}


@cache
def references_to(target: str) -> tuple[Reference, ...]:
    """The single-column foreign keys of synced tables that point at `target`."""
    found = []
    for table in synced_tables():
        for fk in table.table.foreign_keys:
            if fk.column.table.name == target and _single(fk):
                parent: Column[Any] = fk.parent
                found.append(Reference(table.name, parent.name, target, bool(parent.nullable)))
    return tuple(found)


@cache
def references_from(table: str) -> tuple[Reference, ...]:
    """The single-column foreign keys of `table` to other synced rows."""
    return tuple(
        Reference(table, fk.parent.name, fk.column.table.name, bool(fk.parent.nullable))
        for fk in by_name()[table].table.foreign_keys
        if fk.column.table.name in by_name() and _single(fk)
    )


def unlinked(table: SyncTable, column: str) -> dict[str, Any]:
    """The values of an UPDATE that empties a reference to an erased row: the same on the
    server and every laptop, so its time of change stays as it was (a Core UPDATE would
    otherwise stamp `updated_at` anew on each side)."""
    values: dict[str, Any] = {column: None}
    if "updated_at" in table.table.c:
        values["updated_at"] = table.table.c.updated_at
    return values


def _single(fk: Any) -> bool:
    return fk.constraint is not None and len(fk.constraint.columns) == 1


def plain(value: Any) -> Any:
    """A value as JSON can hold it, the same whichever database it was read from."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes | bytearray | memoryview):
        return "b64:" + base64.b64encode(bytes(value)).decode("ascii")
    return str(value)


def from_plain(column: Column[Any], value: Any) -> Any:
    """A plain value (as `plain` made it) back to the column's Python value."""
    if value is None:
        return None
    python_type: type[Any] | None
    kind = column.type
    if isinstance(kind, TypeDecorator):  # UTCDateTime says 'object'; its impl says datetime
        kind = kind.impl_instance
    try:
        python_type = kind.python_type
    except NotImplementedError:
        python_type = None
    enum_class = getattr(column.type, "enum_class", None)
    if enum_class is not None:
        return enum_class(value)
    if isinstance(column.type, Uuid) or python_type is uuid.UUID:
        return uuid.UUID(str(value))
    if python_type is datetime:
        return datetime.fromisoformat(value)
    if python_type is date:
        return date.fromisoformat(value)
    if python_type is time:
        return time.fromisoformat(value)
    if python_type is bytes and isinstance(value, str) and value.startswith("b64:"):
        return base64.b64decode(value[4:])
    return value


def _canonical(value: Any) -> bytes:
    """One byte string per value, the same whichever database it came from (typed, so
    1, True, "1" and 1.0 stay apart)."""
    if value is None:
        return b"n"
    kind = type(value)  # the common exact types first (a sync digests every field)
    if kind is str:
        return b"s" + str.encode(value, "utf-8", "surrogatepass")
    if kind is uuid.UUID:
        raw: bytes = value.bytes
        return b"u" + raw
    if kind is datetime or kind is date:
        return b"t" + str.encode(value.isoformat())
    if isinstance(value, str):
        return b"s" + value.encode("utf-8", "surrogatepass")
    if isinstance(value, bool):
        return b"b1" if value else b"b0"
    if isinstance(value, int):
        return b"i" + str(value).encode()
    if isinstance(value, float):
        return b"f" + repr(value).encode()
    if isinstance(value, uuid.UUID):
        return b"u" + value.bytes
    if isinstance(value, datetime | date | time):
        return b"t" + value.isoformat().encode()
    if isinstance(value, bytes | bytearray | memoryview):
        return b"x" + bytes(value)
    return b"p" + json.dumps(plain(value), ensure_ascii=False).encode("utf-8", "surrogatepass")


def digest(key: bytes, value: Any) -> str:
    """A keyed digest of one field's value: equal values, equal digests; the value itself
    cannot be read back (the merge base of an erased or anonymised resident keeps no words)."""
    if isinstance(value, Enum):
        value = value.value
    hasher = _keyed(key).copy()  # the key's block hashed once, not once per field
    hasher.update(_canonical(value))
    return hasher.hexdigest()


@lru_cache(maxsize=4)
def _keyed(key: bytes) -> hashlib.blake2b:
    return hashlib.blake2b(key=key[:64], digest_size=12)


def digests(key: bytes, row: Mapping[str, Any], columns: Sequence[str]) -> dict[str, str]:
    """digest() of each column, with the keyed hasher looked up once per row (a sync
    digests every field of every row it moves)."""
    keyed = _keyed(key)
    found: dict[str, str] = {}
    for column in columns:
        if column in row:
            value = row[column]
            if isinstance(value, Enum):
                value = value.value
            hasher = keyed.copy()
            hasher.update(_canonical(value))
            found[column] = hasher.hexdigest()
    return found


# Values whose equality means the same canonical bytes (not float: 0.0 == -0.0; datetimes
# are keyed with their offset too, since equal instants at other offsets print otherwise).
_SAME_WHEN_EQUAL = (str, int, bool, type(None), uuid.UUID, bytes, date)


def digest_rows(
    key: bytes, rows: Sequence[Mapping[str, Any]], columns: Sequence[str]
) -> list[dict[str, str]]:
    """digests() of many rows: the same digests, each repeated value hashed once (a push's
    rows share their stamps, authors, empty fields and flags: most fields of a batch)."""
    return _digest_rows(key, rows, columns)


def digest_rows_text(
    key: bytes, rows: Sequence[Mapping[str, Any]], columns: Sequence[str]
) -> list[bytes]:
    """digest_rows() in the merge base's stored form (storage.sync_base_form: per field its
    tag and raw digest): a pull writes one per row, and the dict in between cost as much
    again as the digests. Column by column when every row has every column (a pull's rows
    do): each distinct value of a column hashed once, found by a set, the fields put
    together by zip and join."""
    ordered = sorted(columns)
    needed = set(ordered)
    if not all(row.keys() >= needed for row in rows):
        return [pack(one) for one in _digest_rows(key, rows, ordered)]
    if not ordered:
        return [b"" for _ in rows]
    copy = _keyed(key).copy
    parts = []
    for column in ordered:
        head = tag(column)
        hexes = _column_digests(copy, [row[column] for row in rows])
        field_of = {h: head + bytes.fromhex(h) for h in set(hexes)}
        parts.append([field_of[h] for h in hexes])
    return [b"".join(part) for part in zip(*parts, strict=True)]


def digest_stored_rows_text(
    key: bytes,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    convert: Mapping[str, Any],
) -> list[bytes]:
    """digest_rows_text() of rows in the stored form (a pull's rows; `convert`: each
    column's result processor, None when stored as read): the same bases as of the typed
    rows (storage.sync_base_form). Column by column, each distinct stored value typed and
    hashed once (a stored value is a str, int, float, bytes or None: equal ones type alike;
    floats, where 0.0 == -0.0, one by one)."""
    ordered = sorted(columns)
    needed = set(ordered)
    if not all(row.keys() >= needed for row in rows):
        typed = [
            {c: _typed(convert.get(c), v) for c, v in row.items() if c in needed} for row in rows
        ]
        return digest_rows_text(key, typed, ordered)
    if not ordered:
        return [b"" for _ in rows]
    copy = _keyed(key).copy

    def text_of(head: bytes, process: Any, value: Any) -> bytes:
        hasher = copy()
        hasher.update(_canonical(_typed(process, value)))
        return head + hasher.digest()

    parts = []
    for column in ordered:
        head = tag(column)
        process = convert.get(column)
        values = [row[column] for row in rows]
        if any(type(v) is float for v in values):
            parts.append([text_of(head, process, v) for v in values])
            continue
        once = {v: text_of(head, process, v) for v in set(values)}
        parts.append(list(map(once.__getitem__, values)))
    return [b"".join(part) for part in zip(*parts, strict=True)]


def _typed(process: Any, value: Any) -> Any:
    """A stored value as the model's (an enum as its value, as digest() takes it)."""
    if value is not None and process is not None:
        value = process(value)
    return value.value if isinstance(value, Enum) else value


# the kinds whose equal values print the same; and no value of one equals a value of another
# kind in this list but None (True == 1 and 0.0 == -0.0 do: bool, int and float are alone)
_DISTINCT_KINDS = (str, uuid.UUID, date, bytes)
_ONE_ZONE = ({UTC}, {None})


def _column_digests(copy: Any, values: list[Any]) -> list[str]:
    """The digests of one column's values (as digest() gives them), each distinct value
    hashed once."""
    if any(isinstance(v, Enum) for v in values):
        values = [v.value if isinstance(v, Enum) else v for v in values]
    kinds = {type(v) for v in values} - {type(None)}
    alone = len(kinds) <= 1 and (not kinds or next(iter(kinds)) in (bool, int))
    if (
        kinds <= set(_DISTINCT_KINDS)
        or alone
        or (kinds == {datetime} and {v.tzinfo for v in values if v is not None} in _ONE_ZONE)
    ):  # equal times all in UTC (or all naive) print the same; in a zone with folds not
        hexed = {}
        for value in set(values):
            hasher = copy()
            hasher.update(_canonical(value))
            hexed[value] = hasher.hexdigest()
        return [hexed[v] for v in values]
    found = []
    for value in values:
        hasher = copy()
        hasher.update(_canonical(value))
        found.append(hasher.hexdigest())
    return found


def _digest_rows(
    key: bytes, rows: Sequence[Mapping[str, Any]], columns: Sequence[str]
) -> list[dict[str, str]]:
    copy = _keyed(key).copy
    seen: dict[tuple[Any, ...], str] = {}
    found: list[dict[str, str]] = []
    for row in rows:
        one: dict[str, str] = {}
        for column in columns:
            if column not in row:
                continue
            value = row[column]
            if isinstance(value, Enum):
                value = value.value
            kind = type(value)
            if kind in _SAME_WHEN_EQUAL:
                memo: tuple[Any, ...] | None = (kind, value)
            elif kind is datetime:
                memo = (kind, value, value.utcoffset())
            else:
                memo = None
            hexed = None if memo is None else seen.get(memo)
            if hexed is None:
                hasher = copy()
                hasher.update(_canonical(value))
                hexed = hasher.hexdigest()
                if memo is not None and len(seen) < 65536:
                    seen[memo] = hexed
            one[column] = hexed
        found.append(one)
    return found


def digest_stored_rows(
    key: bytes,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    convert: Mapping[str, Any],
) -> list[dict[str, str]]:
    """digest_rows() of rows read as SQLite stores them (`convert`: each column's result
    processor, None when stored as read): the same digests as of the typed rows."""
    found = _stored_fields(key, rows, columns, convert)
    return [{c: field[TAG_BYTES:].hex() for c, field in one} for one in found]


def pack_stored_rows(
    key: bytes,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    convert: Mapping[str, Any],
) -> list[bytes]:
    """digest_stored_rows() in the merge base's stored form (storage.sync_base_form), as a
    push writes its bases: no dict and no hex text per row. A push's rows have every column:
    then column by column, each distinct stored value hashed once."""
    ordered = sorted(columns)
    if not all(row.keys() >= set(ordered) for row in rows):
        found = _stored_fields(key, rows, columns, convert)
        return [b"".join([f for _c, f in one]) for one in found]
    if not ordered:
        return [b"" for _ in rows]
    copy = _keyed(key).copy
    parts = []
    for column in ordered:
        head = tag(column)
        process = convert.get(column)
        stored = [row[column] for row in rows]
        # SQLite's values of one column: no two of int, str, bytes are equal; floats are
        memos = [_memo(v) for v in stored] if float in map(type, stored) else None
        field_of: dict[Any, bytes] = {}
        for memo, value in zip(memos or stored, stored, strict=True):
            if memo in field_of:
                continue
            typed = value if process is None or value is None else process(value)
            if isinstance(typed, Enum):
                typed = typed.value
            hasher = copy()
            hasher.update(_canonical(typed))
            field_of[memo] = head + hasher.digest()
        parts.append([field_of[m] for m in memos or stored])
    return [b"".join(part) for part in zip(*parts, strict=True)]


def _memo(stored: Any) -> Any:
    """A stored value as the key of its digest: its type too (1 and 1.0 and True are equal
    in Python, not as stored), a float by its text (0.0 == -0.0, their digests differ)."""
    return (float, repr(stored)) if type(stored) is float else (type(stored), stored)


def _stored_fields(
    key: bytes,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    convert: Mapping[str, Any],
) -> list[list[tuple[str, bytes]]]:
    """Per row, (column, its tag and digest) in column name order. Each column's stored
    value is converted and hashed once (a push's rows share their stamps, authors and
    flags; only their ids and texts differ, and a text needs no converting)."""
    copy = _keyed(key).copy
    ordered = sorted(columns)
    per_column: dict[str, dict[Any, bytes]] = {c: {} for c in ordered}
    found: list[list[tuple[str, bytes]]] = []
    for row in rows:
        one: list[tuple[str, bytes]] = []
        for column in ordered:
            if column not in row:
                continue
            stored = row[column]
            memo = _memo(stored)
            seen = per_column[column]
            field = seen.get(memo)
            if field is None:
                process = convert.get(column)
                value = stored if process is None or stored is None else process(stored)
                if isinstance(value, Enum):
                    value = value.value
                hasher = copy()
                hasher.update(_canonical(value))
                field = tag(column) + hasher.digest()
                if len(seen) < 65536:
                    seen[memo] = field
            one.append((column, field))
        found.append(one)
    return found
