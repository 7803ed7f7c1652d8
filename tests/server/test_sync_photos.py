"""Photos travel through a push's one-statement upsert (their bytes as a binary array per
column, in parts of BLOB_PART bytes) and arrive byte for byte on the other laptop."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from gebiedsapp.domain import SignalPhoto, SignalSource, reference_id
from gebiedsapp.services import signal_photos, signals
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.storage.repositories import sync_server
from support.images import png
from support.sync_world import ZWERFVUIL, Team, make_team


@pytest.fixture
def team(tmp_path: Path, migrated_template: Path, pg_url: str) -> Iterator[Team]:
    yield from make_team(tmp_path, migrated_template, pg_url)


def test_photos_reach_the_other_laptop_byte_for_byte(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    pictures = [png(40 + i, 30, shade=i * 20) for i in range(3)]
    monkeypatch.setattr(sync_server, "BLOB_PART", len(pictures[0]) + 10)  # two parts or more
    with team.laptop("anna").unit_of_work("anna") as session:
        signal = signals.create_signal(
            session,
            SignalInput(
                area_id=reference_id("area", "beerta"),
                description="Losliggende stoeptegels",
                source=SignalSource.KOFFIEKAR,
                reported_on=date(2026, 11, 23),
                category_id=ZWERFVUIL,
            ),
        )
        for index, data in enumerate(pictures):
            signal_photos.add_photo(session, signal.id, file_name=f"tegel{index}.png", data=data)
    result = team.sync("anna")
    assert (result.refused, result.waiting) == (0, 0)
    team.sync("bert")
    with team.laptop("bert").read_session() as session:
        got = sorted(session.scalars(select(SignalPhoto.data)).all())
    assert got == sorted(pictures)
