"""Errors the storage layer raises when a database cannot be opened as asked.

Each carries a Dutch message for the user (`user_message`) and an English one for the log (str).
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path


class StorageError(Exception):
    def __init__(self, log_message: str, user_message: str) -> None:
        super().__init__(log_message)
        # whoever built it may have quoted the system's English ('Is a directory'): Dutch
        self.user_message = in_dutch(user_message)


class NotADatabaseError(StorageError):
    """The file exists but is not an SQLite database (or it is damaged beyond its header)."""


class ForeignDatabaseError(StorageError):
    """An SQLite database, but made by another program: not ours to migrate."""


class DatabaseTooNewError(StorageError):
    """Made by a newer Gebiedsapp; this version does not know its schema."""


class DatabaseUnavailableError(StorageError):
    """Cannot be reached or opened (missing folder, no permission, server down)."""


class BackupError(StorageError):
    """A backup could not be made; nothing that depends on it was done."""


class MigrationError(StorageError):
    """A schema upgrade failed; it was rolled back."""


class DamagedDatabaseError(NotADatabaseError):
    """An SQLite file (its header is sound) that cannot be read whole: SQLite reports it
    malformed, or its quick integrity check found damage. Nothing was written to it."""

    def __init__(
        self, log_message: str, user_message: str, path: object = None, key: object = None
    ) -> None:
        super().__init__(log_message, user_message)
        self.path = path
        self.key = key  # the database's key (a DatabaseKey), to open its backups with


class EmptyDatabaseFileError(DamagedDatabaseError):
    """The database file is there but holds zero bytes (emptied by a disk or sync fault); it
    is never silently replaced by a new, empty database."""


# What SQLite says when a write cannot happen, and what the user can do about it. The unit of
# work is rolled back, so nothing was written; forms keep what was typed as a draft.
_WRITE_PROBLEMS = (
    (
        ("database is locked", "database table is locked", "busy"),
        "De database is bezet: een ander venster of programma schrijft er nu in (is de "
        "Gebiedsapp twee keer geopend?). Probeer het over een ogenblik opnieuw.",
    ),
    (
        ("database or disk is full", "disk is full", "no space"),
        "De schijf is vol. Maak ruimte vrij (bijvoorbeeld oude bestanden of reservekopieën "
        "verwijderen) en probeer het opnieuw.",
    ),
    (
        ("readonly database", "read-only", "read only"),
        "De database kan niet worden beschreven: de map of het bestand is alleen-lezen. Kies "
        "een map waarin u mag schrijven, of vraag de beheerder om schrijfrechten.",
    ),
    (
        ("disk i/o error", "unable to open database file"),
        "De database kon niet worden gelezen of geschreven (schijf- of netwerkfout). Controleer "
        "of de schijf of netwerkmap bereikbaar is en probeer het opnieuw.",
    ),
)


def explain_write_error(error: BaseException, where: Path | None = None) -> str:
    """A Dutch sentence for a failed write (locked, disk full, read-only, I/O), else "".
    `where`: the database file; on a read-only file system SQLite reports only an I/O error
    or 'unable to open', which is then said to be read-only."""
    text = str(getattr(error, "orig", None) or error).lower()
    if where is not None and read_only_folder(where.parent):
        return _WRITE_PROBLEMS[2][1]
    for needles, message in _WRITE_PROBLEMS:
        if any(needle in text for needle in needles):
            return message
    return ""


def read_only_folder(folder: Path) -> bool:
    """Whether nothing can be written in `folder`: a read-only file system (also for root, and
    also where no permission says so), or no write permission."""
    try:
        if os.statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1):
            return True
    except (AttributeError, OSError):  # Windows has no statvfs; a missing folder is not ours
        pass
    return folder.is_dir() and not os.access(folder, os.W_OK)


class PersonalDataRefusedError(StorageError):
    """Residents' contact details were about to be written to an unencrypted database file;
    nothing was written."""


class WrongPassphraseError(StorageError):
    """The passphrase (or key) does not open the encrypted database; nothing was changed."""


class OtherPassphraseError(WrongPassphraseError):
    """The passphrase opens a backup of this database but not the database: the passphrase
    was changed (or a change was undone), so it is the other one, old or new."""


class EncryptionUnavailableError(StorageError):
    """SQLCipher is not installed here, and the database asks for it."""


class DatabaseInUseError(StorageError):
    """Another Gebiedsapp (a window, or a command that rewrites the file) holds the database."""


# The operating system's and SQLite's own words, which reach a message when it quotes an
# exception. The English stays in the log (str of the error); the user reads Dutch.
_OS_WORDS = {
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.EISDIR: "dat is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EACCES: "geen toegang (onvoldoende rechten)",
    errno.EPERM: "dat is niet toegestaan",
    errno.EEXIST: "er bestaat al een bestand met die naam",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EBUSY: "het bestand is in gebruik",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.EXDEV: "verplaatsen naar een andere schijf kan zo niet",
}
_SQLITE_WORDS = {
    "database or disk is full": "de schijf is vol",
    "unable to open database file": "het databasebestand kan niet worden geopend",
    "file is not a database": "het bestand is geen (leesbare) database",
    "file is encrypted or is not a database": "het bestand is versleuteld of geen database",
    "database disk image is malformed": "het databasebestand is beschadigd",
    "disk i/o error": "lees- of schrijffout van de schijf",
    "database is locked": "de database is bezet",
    "attempt to write a readonly database": "de database is alleen-lezen",
    "no such table": "een tabel ontbreekt",
}
_ERRNO = re.compile(r"\[(?:Errno|WinError) (\d+)\] ([^:\]\n]+)(?::\s*'[^']*')?")


def os_words(code: int | None, fallback: str = "") -> str:
    """Dutch for an OSError's errno (as `strerror`, in the words users understand)."""
    return _OS_WORDS.get(code or 0, fallback or "fout van het besturingssysteem")


def in_dutch(text: str) -> str:
    """`text` with the English that Python, the OS and SQLite add to messages replaced by
    Dutch: '[Errno 21] Is a directory: '/tmp'' and a bare 'Is a directory' alike."""

    def errno_words(match: re.Match[str]) -> str:
        return os_words(int(match[1]), match[2])

    text = _ERRNO.sub(errno_words, text)
    for code, words in _OS_WORDS.items():
        english = os.strerror(code)
        if english and english in text:
            text = text.replace(english, words)
    lowered = text.lower()
    for english, words in _SQLITE_WORDS.items():
        start = lowered.find(english)
        while start >= 0:
            text = text[:start] + words + text[start + len(english) :]
            lowered = text.lower()
            start = lowered.find(english, start + len(words))
    return text
