"""A push's rows go to the server as one array per column; photos in parts of at most
BLOB_PART bytes, so a batch of 2,000 photos is not one message of hundreds of megabytes."""

from __future__ import annotations

import uuid

from gebiedsapp.storage.repositories import sync_server
from gebiedsapp.storage.sync_tables import by_name


def test_photos_go_in_parts_and_other_rows_in_one() -> None:
    photos = by_name()["signal_photo"]
    blob = b"x" * (sync_server.BLOB_PART // 2 + 1)
    rows = [{"id": uuid.uuid4(), "data": blob} for _ in range(3)]
    parts = list(sync_server._parts(photos, ["id", "data"], rows))
    assert [len(p) for p in parts] == [1, 1, 1]
    assert [r for p in parts for r in p] == rows

    small = [{"id": uuid.uuid4(), "data": b"klein"} for _ in range(5)]
    assert [len(p) for p in sync_server._parts(photos, ["id", "data"], small)] == [5]

    conversations = by_name()["conversation"]
    plain = [{"id": uuid.uuid4()} for _ in range(4)]
    assert list(sync_server._parts(conversations, ["id"], plain)) == [plain]
