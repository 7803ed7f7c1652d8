"""Photos of a signal: added, looked at, saved elsewhere and removed.

The bytes are kept in the database, so a backup holds them and encryption at rest covers them.
The service accepts only real images (recognised by their first bytes, not by the file name) up
to `MAX_PHOTO_BYTES`; making them smaller or making a thumbnail is the caller's business (the UI
has the image codecs; the core has none). Adding and removing are written to the signal's history,
by the photo's id only: a caption or file name can name a resident ("voordeur fam. Jansen",
"jansen_tuin.jpg"), and the history is read where the photo is not (the wethouder's role, a
werkbon; issue 16). The caption stays on the photo row, and goes when the photo goes.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from sqlalchemy.orm import Session

from gebiedsapp.domain import SignalField, SignalPhoto
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.signals import get_signal, log_change
from gebiedsapp.storage.repositories.signal_photos import SignalPhotoRepository

MAX_PHOTO_BYTES = 15 * 1024 * 1024
MAX_THUMBNAIL_BYTES = 256 * 1024
MAX_PHOTOS_PER_SIGNAL = 30
MAX_CAPTION = 300

# first bytes -> media type; WebP is RIFF....WEBP and is checked apart
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}


def media_type_of(data: bytes) -> str | None:
    """The image type these bytes are, or None when they are no image we accept."""
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


@dataclass(frozen=True)
class PhotoInfo:
    id: uuid.UUID
    signal_id: uuid.UUID
    file_name: str
    media_type: str
    size: int
    width: int | None
    height: int | None
    caption: str
    added_at: datetime
    added_by: str
    thumbnail: bytes | None = None  # only when listed with thumbnails

    @property
    def dimensions(self) -> str:
        return f"{self.width} × {self.height}" if self.width and self.height else ""


def _info(photo: SignalPhoto, *, thumbnail: bool = False) -> PhotoInfo:
    return PhotoInfo(
        id=photo.id,
        signal_id=photo.signal_id,
        file_name=photo.file_name,
        media_type=photo.media_type,
        size=photo.size,
        width=photo.width,
        height=photo.height,
        caption=photo.caption,
        added_at=photo.created_at,
        added_by=photo.created_by,
        thumbnail=photo.thumbnail if thumbnail else None,
    )


def _clean_file_name(file_name: str, media_type: str) -> str:
    name = PurePath(file_name.replace("\\", "/")).name.strip()  # never a folder of the laptop
    name = "".join(ch for ch in name if ch.isprintable())[:255]
    return name or "foto" + EXTENSIONS[media_type]


def add_photo(
    session: Session,
    signal_id: uuid.UUID,
    *,
    file_name: str,
    data: bytes,
    caption: str = "",
    thumbnail: bytes | None = None,
    width: int | None = None,
    height: int | None = None,
) -> uuid.UUID:
    """Store a photo with the signal; the same photo twice on one signal is refused."""
    signal = get_signal(session, signal_id)
    if not data:
        raise ValidationError(f"'{file_name}' is leeg.")
    media_type = media_type_of(data)
    if media_type is None:
        raise ValidationError(
            f"'{file_name}' is geen foto (JPEG, PNG, GIF of WebP) en is niet toegevoegd."
        )
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(
            f"'{file_name}' is te groot ({len(data) / 1024 / 1024:.1f} MB; hoogstens "
            f"{MAX_PHOTO_BYTES // 1024 // 1024} MB).".replace(".", ",", 1)
        )
    if thumbnail is not None and (
        len(thumbnail) > MAX_THUMBNAIL_BYTES or media_type_of(thumbnail) is None
    ):
        raise ValidationError(f"Het voorbeeldplaatje van '{file_name}' is ongeldig.")
    for value in (width, height):
        if value is not None and not 0 < value <= 100_000:
            raise ValidationError(f"De afmetingen van '{file_name}' kloppen niet.")
    caption = caption.strip()
    if len(caption) > MAX_CAPTION:
        raise ValidationError(f"Het onderschrift is te lang (hoogstens {MAX_CAPTION} tekens).")
    repo = SignalPhotoRepository(session)
    if repo.count(signal.id) >= MAX_PHOTOS_PER_SIGNAL:
        raise ValidationError(
            f"Dit signaal heeft al {MAX_PHOTOS_PER_SIGNAL} foto's; verwijder er eerst een."
        )
    digest = hashlib.sha256(data).hexdigest()
    if repo.same_photo(signal.id, digest) is not None:
        raise ValidationError(f"'{file_name}' zit al bij dit signaal.")
    name = _clean_file_name(file_name, media_type)
    photo = SignalPhoto(
        id=uuid.uuid4(),  # the history names it before the flush
        signal_id=signal.id,
        file_name=name,
        media_type=media_type,
        size=len(data),
        sha256=digest,
        width=width,
        height=height,
        caption=caption,
        data=data,
        thumbnail=thumbnail,
    )
    session.add(photo)
    log_change(session, signal, SignalField.PHOTO, "", photo.id, "")
    return photo.id


def list_photos(
    session: Session, signal_id: uuid.UUID, *, thumbnails: bool = False
) -> list[PhotoInfo]:
    rows = SignalPhotoRepository(session).for_signal(signal_id, thumbnails=thumbnails)
    return [_info(row, thumbnail=thumbnails) for row in rows]


def _get(session: Session, photo_id: uuid.UUID) -> SignalPhoto:
    photo = SignalPhotoRepository(session).get(photo_id)
    if photo is None:
        raise NotFoundError("Deze foto bestaat niet (meer).")
    return photo


def photo_data(session: Session, photo_id: uuid.UUID) -> tuple[PhotoInfo, bytes]:
    """The photo's description and its bytes, exactly as they were added."""
    photo = _get(session, photo_id)
    return _info(photo), photo.data


def remove_photo(session: Session, photo_id: uuid.UUID) -> None:
    """Delete the photo, its bytes and its caption for good; the history keeps that a photo was
    removed (by its id, no file name and no note: see the module's docstring)."""
    photo = _get(session, photo_id)
    signal = get_signal(session, photo.signal_id)
    session.delete(photo)
    log_change(session, signal, SignalField.PHOTO, photo.id, "", "")
