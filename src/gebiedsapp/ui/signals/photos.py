"""Photos of a signal in the detail pane: a strip of thumbnails, add, view, save as, remove.

Qt has the image codecs, so preparing a photo happens here: a photo from a phone (often 4000 px
and 5 MB) is made smaller before it goes into the database, and a thumbnail is made for the strip.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QSize,
    Qt,
)
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.services import signal_photos
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.signal_photos import PhotoInfo, media_type_of
from gebiedsapp.storage.errors import os_words
from gebiedsapp.ui.context import SIGNALS, AppContext
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

MAX_SIDE = 2560  # longer side of a stored photo; enough to read a licence plate or a crack
THUMB = QSize(160, 120)
KEPT_AS_IS = frozenset({"image/png", "image/gif"})
PHOTO_FILTER = QT_TRANSLATE_NOOP(
    "Photos", "Foto's (*.jpg *.jpeg *.png *.gif *.webp);;Alle bestanden (*)"
)


def photo_filter() -> str:
    return QCoreApplication.translate("Photos", PHOTO_FILTER)


@dataclass(frozen=True)
class PreparedPhoto:
    file_name: str
    data: bytes
    thumbnail: bytes
    width: int
    height: int


def _encode(image: QImage, fmt: str, quality: int = -1) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt, quality)  # type: ignore[call-overload]  # str works; stubs say bytes
    buffer.close()
    return bytes(array.data())


def prepare_photo(path: Path) -> PreparedPhoto:
    """Read a photo from disk, turned upright, at most MAX_SIDE px, with a thumbnail.

    A PNG or GIF that needs no change is kept byte for byte (screenshots, drawings). Anything else
    is stored as a fresh JPEG, which also drops what cameras write into a photo beside the picture
    (EXIF: the phone owner's name, serial numbers, sometimes where the photographer lives).
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        message = f"'{path.name}' kan niet worden gelezen: {os_words(error.errno)}."
        raise ValidationError(message) from error
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # phones store portrait photos sideways plus an EXIF hint
    image = reader.read()
    if image.isNull():
        raise ValidationError(
            f"'{path.name}' is geen foto die Gebiedsapp kan lezen (JPEG, PNG, GIF of WebP)."
        )
    name = path.name
    too_big = max(image.width(), image.height()) > MAX_SIDE
    if too_big:
        image = image.scaled(
            QSize(MAX_SIDE, MAX_SIDE),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    if too_big or media_type_of(data) not in KEPT_AS_IS:
        data = _encode(image.convertToFormat(QImage.Format.Format_RGB888), "JPEG", 88)
        name = f"{path.stem}.jpg"
    thumb = image.scaled(
        THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return PreparedPhoto(
        file_name=name,
        data=data,
        thumbnail=_encode(thumb.convertToFormat(QImage.Format.Format_RGB888), "JPEG", 80),
        width=image.width(),
        height=image.height(),
    )


def _pixmap(data: bytes | None) -> QPixmap:
    pixmap = QPixmap()
    if data:
        pixmap.loadFromData(data)
    return pixmap


class PhotoViewer(QDialog):
    """One photo at a size that fits the screen, with what is known about it."""

    def __init__(self, info: PhotoInfo, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.data = data
        self.setWindowTitle(self.tr("Foto: %s") % info.file_name)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.original = _pixmap(data)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image)
        facts = [info.file_name]
        if info.dimensions:
            facts.append(info.dimensions + " px")
        facts.append(f"{info.size / 1024:,.0f} kB".replace(",", "."))
        facts.append(
            self.tr("toegevoegd %s door %s") % (format_date(info.added_at.date()), info.added_by)
        )
        about = QLabel(" · ".join(facts), self)
        style(about, "color: $muted;")
        caption = QLabel(info.caption, self)
        caption.setWordWrap(True)
        caption.setVisible(bool(info.caption))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(
            self.tr("&Opslaan als…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.clicked.connect(lambda: save_photo_as(self, info, data))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(caption)
        layout.addWidget(about)
        layout.addWidget(buttons)
        self.resize(900, 680)

    def resizeEvent(self, event: QResizeEvent) -> None:  # keep the photo fitted
        super().resizeEvent(event)
        if not self.original.isNull():
            room = self.image.size().boundedTo(self.original.size())
            self.image.setPixmap(
                self.original.scaled(
                    room,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )


def save_photo_as(
    parent: QWidget, info: PhotoInfo, data: bytes, target: Path | None = None
) -> bool:
    """Write the photo's bytes to a file the user picks; True when written."""
    if target is None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, parent.tr("Foto opslaan als"), info.file_name, photo_filter()
        )
        if not chosen:
            return False
        target = Path(chosen)
    try:
        target.write_bytes(data)
    except OSError as error:
        QMessageBox.warning(
            parent,
            parent.tr("Opslaan mislukt"),
            parent.tr("De foto kon niet worden opgeslagen: %s") % os_words(error.errno),
        )
        return False
    return True


class PhotoStrip(QWidget):
    """The photos of one signal, with buttons; every change goes through the photo service and
    is announced as SIGNALS, on which the detail pane shows the signal (and its photos) again."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.signal_id: uuid.UUID | None = None
        self.photos: list[PhotoInfo] = []
        self.list = QListWidget(self)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setIconSize(THUMB)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setFixedHeight(THUMB.height() + 46)
        self.list.setToolTip(self.tr("Dubbelklik om een foto groot te bekijken."))
        self.list.itemDoubleClicked.connect(lambda _item: self.view_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("Nog geen foto's."), self)
        style(self.empty, "color: $muted;")
        self.add_button = QPushButton(self.tr("Foto &toevoegen…"), self)
        self.view_button = QPushButton(self.tr("&Bekijken"), self)
        self.save_button = QPushButton(self.tr("Opslaan &als…"), self)
        self.remove_button = QPushButton(self.tr("Ver&wijderen…"), self)
        self.add_button.clicked.connect(self.add_photos)
        self.view_button.clicked.connect(self.view_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        # two by two: the detail pane is narrow on a 1366 px laptop
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.view_button, 0, 1)
        buttons.addWidget(self.save_button, 1, 0)
        buttons.addWidget(self.remove_button, 1, 1)
        buttons.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.show_photos(None)

    # -- showing ----------------------------------------------------------------------------

    def show_photos(self, signal_id: uuid.UUID | None) -> None:
        self.signal_id = signal_id
        photos: list[PhotoInfo] = []
        if signal_id is not None:
            with self.context.read() as session:
                photos = signal_photos.list_photos(session, signal_id, thumbnails=True)
        self.photos = photos
        self.list.clear()
        for info in photos:
            item = QListWidgetItem(QIcon(self._thumbnail(info)), info.caption or info.file_name)
            item.setData(Qt.ItemDataRole.UserRole, str(info.id))
            item.setToolTip(f"{info.file_name}\n{info.caption}".strip())
            self.list.addItem(item)
        self.list.setVisible(bool(photos))
        self.empty.setVisible(not photos)
        self.add_button.setEnabled(signal_id is not None)
        self._update_buttons()

    def _thumbnail(self, info: PhotoInfo) -> QPixmap:
        pixmap = _pixmap(info.thumbnail)
        if pixmap.isNull():  # added without a thumbnail (import, CLI): make one now
            with self.context.read() as session:
                _info, data = signal_photos.photo_data(session, info.id)
            pixmap = _pixmap(data)
        if pixmap.isNull():
            return pixmap
        return pixmap.scaled(
            THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.view_button, self.save_button, self.remove_button):
            button.setEnabled(chosen)

    def selected(self) -> PhotoInfo | None:
        items = self.list.selectedItems()
        if not items:
            return None
        key = items[0].data(Qt.ItemDataRole.UserRole)
        return next((p for p in self.photos if str(p.id) == key), None)

    def _load(self, info: PhotoInfo) -> bytes:
        with self.context.read() as session:
            return signal_photos.photo_data(session, info.id)[1]

    # -- acting -----------------------------------------------------------------------------

    def ask_files(self) -> list[Path]:
        """The files the user picks (tests replace this)."""
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Foto's toevoegen"), str(Path.home()), photo_filter()
        )
        return [Path(name) for name in chosen]

    def add_photos(self) -> None:
        signal_id = self.signal_id
        if signal_id is None:
            return
        files = self.ask_files()
        if not files:
            return
        prepared: list[PreparedPhoto] = []
        try:
            for path in files:
                prepared.append(prepare_photo(path))
        except ValidationError as error:
            QMessageBox.warning(
                self,
                self.tr("Foto niet toegevoegd"),
                str(error) + self.tr(" Er is niets opgeslagen."),
            )
            return

        def add_all(session: Session) -> int:
            for photo in prepared:  # all or none: one unit of work
                signal_photos.add_photo(
                    session,
                    signal_id,
                    file_name=photo.file_name,
                    data=photo.data,
                    thumbnail=photo.thumbnail,
                    width=photo.width,
                    height=photo.height,
                )
            return len(prepared)

        self.context.perform(self, add_all, changes=(SIGNALS,))

    def view_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        PhotoViewer(info, self._load(info), self).exec()

    def save_selected(self) -> None:
        info = self.selected()
        if info is not None:
            save_photo_as(self, info, self._load(info))

    def remove_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Foto verwijderen"),
            self.tr(
                "Foto '%s' verwijderen? De foto wordt echt gewist; in de geschiedenis blijft "
                "alleen de bestandsnaam staan."
            )
            % info.file_name,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.perform(
            self, lambda s: signal_photos.remove_photo(s, info.id), changes=(SIGNALS,)
        )
