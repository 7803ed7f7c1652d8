"""Photos of a signal: stored in the database, checked, logged, removed for good, in backups."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Signal,
    SignalField,
    SignalHistory,
    SignalPhoto,
    SignalSource,
    reference_id,
)
from gebiedsapp.services import signal_photos, signal_views, signals
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.storage.backup import backup_sqlite_file
from gebiedsapp.storage.database import Database
from support import dbfile
from support.images import png

BEERTA = reference_id("area", "beerta")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
TODAY = date(2026, 11, 26)
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00"
    b"\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


@pytest.fixture
def signal(session: Session) -> Signal:
    row = signals.create_signal(
        session,
        SignalInput(
            area_id=BEERTA,
            description="Zwerfvuil bij de bushalte",
            source=SignalSource.EIGEN_WAARNEMING,
            reported_on=TODAY,
            category_id=ZWERFVUIL,
        ),
        today=TODAY,
    )
    session.commit()
    return row


def _photo_rows(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SignalPhoto)) or 0


def test_a_photo_is_stored_byte_for_byte_and_listed_without_its_bytes(
    session: Session, signal: Signal
) -> None:
    data = png(40, 30)
    photo_id = signal_photos.add_photo(
        session,
        signal.id,
        file_name="C:\\Users\\regisseur\\Pictures\\bushalte.png",
        data=data,
        caption="Zak afval naast de prullenbak",
        thumbnail=png(8, 6),
        width=40,
        height=30,
    )
    session.commit()
    session.expunge_all()

    listed = signal_photos.list_photos(session, signal.id)
    assert [(p.id, p.file_name, p.media_type, p.size) for p in listed] == [
        (photo_id, "bushalte.png", "image/png", len(data))
    ]
    assert listed[0].caption == "Zak afval naast de prullenbak"
    assert listed[0].dimensions == "40 × 30"
    assert listed[0].added_by == "test"
    assert listed[0].thumbnail is None  # not asked for
    assert signal_photos.list_photos(session, signal.id, thumbnails=True)[0].thumbnail == png(8, 6)
    info, stored = signal_photos.photo_data(session, photo_id)
    assert stored == data
    assert info.id == photo_id


def test_adding_and_removing_are_in_the_history(session: Session, signal: Signal) -> None:
    photo_id = signal_photos.add_photo(session, signal.id, file_name="voor.gif", data=GIF)
    signal_photos.remove_photo(session, photo_id)
    session.commit()

    entries = [
        (h.field, h.old, h.new, h.note)
        for h in signals.signal_history(session, signal.id)
        if h.field == SignalField.PHOTO
    ]
    assert entries == [
        (SignalField.PHOTO, "", str(photo_id), ""),
        (SignalField.PHOTO, str(photo_id), "", ""),
    ]
    assert _photo_rows(session) == 0  # deleted for real, not only marked
    with pytest.raises(NotFoundError):
        signal_photos.photo_data(session, photo_id)


def _photo_history(session: Session, signal: Signal) -> list[tuple[str, str, str, str]]:
    detail = signal_views.signal_detail(session, signal.id, today=TODAY)
    return [(h.what, h.new, h.note, h.caption) for h in detail.history if h.what == "Foto"]


def test_the_history_names_no_caption_or_file_name_of_a_photo(
    session: Session, signal: Signal
) -> None:
    """Issue 16: the history is read where the photo is not (the wethouder's role, a werkbon);
    a caption or file name can name a resident. The caption stays on the photo row, and the
    staff's screen shows it next to "toegevoegd" while the photo is there."""
    kept = signal_photos.add_photo(
        session, signal.id, file_name="jansen_tuin.gif", data=GIF, caption="Tuin fam. Jansen"
    )
    gone = signal_photos.add_photo(
        session, signal.id, file_name="jansen_voordeur.png", data=png(4, 4), caption=""
    )
    session.commit()
    assert _photo_history(session, signal) == [
        ("Foto", "toegevoegd", "", "jansen_voordeur.png"),  # no caption: its file name
        ("Foto", "toegevoegd", "", "Tuin fam. Jansen"),
    ]
    signal_photos.remove_photo(session, gone)
    session.commit()

    rows = session.execute(
        select(SignalHistory.old, SignalHistory.new, SignalHistory.note).where(
            SignalHistory.signal_id == signal.id
        )
    ).all()
    assert not [row for row in rows if "jansen" in " ".join(row).lower()]
    assert _photo_history(session, signal) == [
        ("Foto", "verwijderd", "", ""),
        ("Foto", "toegevoegd", "", ""),  # the removed photo's caption went with it
        ("Foto", "toegevoegd", "", "Tuin fam. Jansen"),
    ]
    sheet = signal_views.signal_detail(session, signal.id, today=TODAY).history
    assert all("Jansen" not in f"{h.old}{h.new}{h.note}" for h in sheet)  # what a werkbon prints
    assert [p.id for p in signal_photos.list_photos(session, signal.id)] == [kept]


def test_a_photo_entry_of_an_older_version_shows_no_file_name_or_caption(
    session: Session, signal: Signal
) -> None:
    """Entries written before issue 16 hold the file name and the caption (as the note)."""
    signals.log_change(
        session, signal, SignalField.PHOTO, "", "jansen_tuin.jpg", "Tuin fam. Jansen"
    )
    signals.log_change(session, signal, SignalField.PHOTO, "jansen_tuin.jpg", "", "")
    session.commit()
    assert _photo_history(session, signal) == [
        ("Foto", "verwijderd", "", ""),
        ("Foto", "toegevoegd", "", ""),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "leeg"),
        (b"%PDF-1.7 not a photo", "geen foto"),
        (b"MZ\x90\x00 an executable named .jpg", "geen foto"),
        (b"\xff\xd8\xff" + b"\x00" * (signal_photos.MAX_PHOTO_BYTES), "te groot"),
    ],
)
def test_what_is_no_photo_or_too_big_is_refused_and_nothing_is_written(
    session: Session, signal: Signal, data: bytes, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        signal_photos.add_photo(session, signal.id, file_name="foto.jpg", data=data)
    session.rollback()
    assert _photo_rows(session) == 0
    assert not [
        h for h in signals.signal_history(session, signal.id) if h.field == SignalField.PHOTO
    ]


def test_the_same_photo_twice_is_refused(session: Session, signal: Signal) -> None:
    signal_photos.add_photo(session, signal.id, file_name="a.png", data=png(4, 4))
    with pytest.raises(ValidationError, match="zit al bij dit signaal"):
        signal_photos.add_photo(session, signal.id, file_name="kopie.png", data=png(4, 4))


def test_bad_thumbnail_size_or_caption_is_refused(session: Session, signal: Signal) -> None:
    with pytest.raises(ValidationError, match="voorbeeldplaatje"):
        signal_photos.add_photo(
            session, signal.id, file_name="a.png", data=png(4, 4), thumbnail=b"no image"
        )
    with pytest.raises(ValidationError, match="afmetingen"):
        signal_photos.add_photo(session, signal.id, file_name="a.png", data=png(4, 4), width=0)
    with pytest.raises(ValidationError, match="onderschrift"):
        signal_photos.add_photo(
            session, signal.id, file_name="a.png", data=png(4, 4), caption="x" * 301
        )


def test_a_signal_holds_a_limited_number_of_photos(session: Session, signal: Signal) -> None:
    for shade in range(signal_photos.MAX_PHOTOS_PER_SIGNAL):
        signal_photos.add_photo(session, signal.id, file_name="f.png", data=png(2, 2, shade))
    with pytest.raises(ValidationError, match="verwijder er eerst een"):
        signal_photos.add_photo(session, signal.id, file_name="f.png", data=png(2, 2, 255))


def test_unknown_signal_is_refused(session: Session) -> None:
    with pytest.raises(NotFoundError):
        signal_photos.add_photo(
            session, reference_id("signal", "nope"), file_name="a.png", data=png(2, 2)
        )


def test_a_backup_holds_the_photo(
    database: Database, session: Session, signal: Signal, tmp_path: Path
) -> None:
    data = png(64, 48, 7)
    photo_id = signal_photos.add_photo(session, signal.id, file_name="straat.png", data=data)
    session.commit()
    assert database.file is not None

    copy = backup_sqlite_file(database.file, tmp_path / "copies", reason="test", key=database.key)

    connection = dbfile.connect(copy, read_only=True)
    try:
        row = connection.execute(
            "SELECT file_name, data FROM signal_photo WHERE id = ?", (photo_id.hex,)
        ).fetchone()
    finally:
        connection.close()
    assert row == ("straat.png", data)
