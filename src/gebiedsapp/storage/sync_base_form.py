"""The merge base's stored form (`sync_base.data`, migration 0022; docs/sync-design.md, "Push").

A base holds a keyed digest per field (12 bytes; see "Why the base holds digests"). As a JSON
object of hex digests it repeated every column's name in every row: about 650 bytes a
conversation, written for every row a push or pull agrees on, and encrypted page by page at
the commit. Now a base is one blob: per field a 4-byte tag of its column's name and its 12
raw digest bytes, 16 bytes a field, fields in name order. Tags are the first bytes of the
name's BLAKE2b; `tests/storage/test_sync_base_form.py` checks that no two column names of the
model share one. A tag no column has any more (a column dropped by a later version) is left
out when read: the merge only asks about the columns there are. A base still stored as the
JSON text of before 0022 is read as such (the migration converts them; reading both keeps a
half-converted file, or a downgraded and upgraded one, working).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from functools import cache

TAG_BYTES = 4
DIGEST_BYTES = 12  # sync_tables._keyed's digest_size
FIELD_BYTES = TAG_BYTES + DIGEST_BYTES


@cache
def tag(name: str) -> bytes:
    return hashlib.blake2b(name.encode(), digest_size=TAG_BYTES).digest()


@cache
def _names() -> dict[bytes, str]:
    """Every column name of the model by its tag (a clash is a developer's error: the test
    names it before it ships)."""
    from gebiedsapp.domain import Base

    return tags_of(column.name for table in Base.metadata.tables.values() for column in table.c)


def tags_of(names: Iterable[str]) -> dict[bytes, str]:
    found: dict[bytes, str] = {}
    for name in names:
        other = found.setdefault(tag(name), name)
        if other != name:
            raise RuntimeError(f"sync base: columns {other!r} and {name!r} share a tag")
    return found


def pack(digests: Mapping[str, str]) -> bytes:
    """A base's {column: hex digest} in its stored form."""
    parts = []
    for name in sorted(digests):
        raw = bytes.fromhex(digests[name])
        if len(raw) != DIGEST_BYTES:
            raise ValueError(f"sync base: a digest of {len(raw)} bytes ({name})")
        parts.append(tag(name) + raw)
    return b"".join(parts)


def unpack(data: bytes | str, *, names: Mapping[bytes, str] | None = None) -> dict[str, str]:
    """{column: hex digest} of a stored base (the blob, or the JSON text of before 0022);
    `names`: the column names by tag (tags_of), all the model's by default."""
    if isinstance(data, str):
        found: dict[str, str] = json.loads(data)
        return found
    if names is None:
        names = _names()
    result = {}
    for start in range(0, len(data), FIELD_BYTES):
        name = names.get(data[start : start + TAG_BYTES])
        if name is not None:
            result[name] = data[start + TAG_BYTES : start + FIELD_BYTES].hex()
    return result


def as_json(data: bytes | str) -> str:
    """A stored base as the JSON text of before 0022 (0022's downgrade)."""
    digests = unpack(data)
    return json.dumps({k: digests[k] for k in sorted(digests)}, separators=(",", ":"))
