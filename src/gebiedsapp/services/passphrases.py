"""The rules for a passphrase: where one comes from (the environment, the OS keyring), how
strong a new one is, and its limits. Kept apart from services.encryption, which imports
SQLAlchemy and the storage layer, so that the passphrase dialog a start shows first needs
neither (issue 19: nothing heavy before it)."""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import platformdirs

from gebiedsapp.paths import APP_AUTHOR, APP_NAME

log = logging.getLogger(__name__)

PASSPHRASE_ENV = "GEBIEDSAPP_PASSPHRASE"
KEYRING_SERVICE = "Gebiedsapp"
MIN_LENGTH = 10
MAX_LENGTH = 200
MIN_SCORE = 3  # zxcvbn: "safely unguessable" against offline attacks on a slow hash

# words an attacker tries first against a laptop of this municipality
_LOCAL_WORDS = (
    "gebiedsapp", "oldambt", "gemeente", "winschoten", "finsterwolde", "bad nieuweschans",
    "beerta", "blauwestad", "drieborg", "heiligerlee", "midwolda", "nieuw-beerta",
    "nieuwolda", "oostwold", "scheemda", "westerlee", "wethouder", "koffiekar", "welkom",
    "wachtwoord", "groningen",
)  # fmt: skip


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (zwak) .. 4 (sterk)
    label: str
    hint: str

    @property
    def acceptable(self) -> bool:
        return self.score >= MIN_SCORE


_LABELS = ("Heel zwak", "Zwak", "Matig", "Sterk", "Heel sterk")


@cache
def _load_dutch() -> None:
    """Teach zxcvbn Dutch once: months, seasons, the places of Oldambt and common words
    (resources/words, see its SOURCE.md); by itself it knows English only."""
    from zxcvbn import matching

    from gebiedsapp.resources import resource_path

    words = resource_path("words", "nl.txt").read_text(encoding="utf-8").split("\n")
    matching.add_frequency_lists({"nederlands": [w for w in words if w]})


def strength(passphrase: str, *, extra_words: tuple[str, ...] = ()) -> Strength:
    """How hard the passphrase is to guess (zxcvbn), with a Dutch hint what to do about it."""
    if len(passphrase) < MIN_LENGTH:
        hint = f"Gebruik minstens {MIN_LENGTH} tekens; een zin van vier woorden werkt goed."
        return Strength(0, _LABELS[0], hint)
    from zxcvbn import zxcvbn

    _load_dutch()
    result = zxcvbn(passphrase[:100], user_inputs=[*_LOCAL_WORDS, *extra_words])
    score = int(result["score"])
    if score >= 4:
        hint = "Goed: dit raadt niemand."
    elif score == 3:
        hint = "Sterk genoeg. Een extra woord maakt het nog beter."
    elif result["sequence"] and any(
        m.get("pattern") in ("dictionary", "repeat", "sequence", "date", "spatial")
        and len(m.get("token", "")) >= len(passphrase) * 0.6
        for m in result["sequence"]
    ):
        hint = (
            "Te voorspelbaar: een bekend woord, plaatsnaam, datum of toetsenbordreeks. "
            "Gebruik een zin van vier of meer losse woorden."
        )
    else:
        hint = "Te makkelijk te raden. Voeg een paar ongewone woorden toe."
    return Strength(score, _LABELS[score], hint)


def check_new_passphrase(passphrase: str, repeated: str) -> str:
    """'' when the new passphrase may be used, else why not (Dutch)."""
    if passphrase != repeated:
        return "De twee wachtwoorden zijn niet gelijk."
    if len(passphrase) > MAX_LENGTH:  # the dialog takes no more: it must be typed there too
        return f"Gebruik hoogstens {MAX_LENGTH} tekens."
    found = strength(passphrase)
    if not found.acceptable:
        return f"Het wachtwoord is te zwak ({found.label.lower()}). {found.hint}"
    return ""


def passphrase_from_environment(environ: Mapping[str, str] = os.environ) -> str | None:
    value = environ.get(PASSPHRASE_ENV)
    return value if value else None


def _keyring_user(database_file: Path) -> str:
    return str(database_file.resolve())


# Whether a passphrase was remembered in the keyring for a database, noted per user (as the
# keyring is) in the app's config folder: importing the keyring alone takes about as long as a
# bare window's start, so a start asks it only where it may hold one (issue 19). Not secret.
REMEMBERED, NOT_REMEMBERED = "yes", "no"
MARKER_FOLDER: Path | None = None  # None: the user's config folder (tests put it elsewhere)


def marker_file(database_file: Path) -> Path:
    """The note for this database (named by a hash of its full path, as the keyring's user)."""
    folder = MARKER_FOLDER or platformdirs.user_config_path(APP_NAME, APP_AUTHOR) / "sleutelhanger"
    name = hashlib.sha256(_keyring_user(database_file).encode("utf-8")).hexdigest()[:32]
    return folder / name


def _note_marker(database_file: Path, value: str) -> None:
    """Note what the keyring holds for this database; a note that cannot be written only
    means the keyring is asked at the next start, as before."""
    marker = marker_file(database_file)
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(value, encoding="utf-8")
    except OSError as exc:
        log.info("keyring note not written: %s", exc.__class__.__name__)


def may_be_remembered(database_file: Path) -> bool:
    """False only where the note says no passphrase is remembered for this database: then a
    start need not import the keyring before its dialog. No note (a database from before it
    was kept) or an unreadable one: the keyring is asked once and the note written."""
    try:
        noted = marker_file(database_file).read_text(encoding="utf-8").strip()
    except OSError:
        return True
    return noted != NOT_REMEMBERED


def not_remembered(database_file: Path) -> None:
    """The user chose not to remember the passphrase (or it was removed): no start asks the
    keyring for it until it is remembered again."""
    _note_marker(database_file, NOT_REMEMBERED)


def keyring_imported() -> bool:
    """Whether the keyring is imported already (then asking it costs nothing)."""
    return "keyring" in sys.modules


def keyring_available() -> bool:
    """Whether this computer has a keyring to remember a passphrase in (Windows Credential
    Manager, macOS Keychain, Secret Service); not on a bare Linux without a desktop."""
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception as exc:
        log.info("no keyring: %s", exc.__class__.__name__)
        return False


def remembered_passphrase(database_file: Path) -> str | None:
    """The passphrase the user let the OS keyring remember for this database, if any (and if
    this computer has a keyring at all; any failure there just means: ask). The answer is
    noted (may_be_remembered); a keyring that failed otherwise than by not being there (locked,
    not yet started) leaves the note as it was."""
    try:
        import keyring
        from keyring.errors import NoKeyringError
    except Exception as exc:
        log.info("no keyring: %s", exc.__class__.__name__)
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, _keyring_user(database_file))
    except NoKeyringError:
        found = None
    except Exception as exc:  # keyring backends raise many kinds; none may stop the start
        log.info("no passphrase from the keyring: %s", exc.__class__.__name__)
        return None
    _note_marker(database_file, REMEMBERED if found else NOT_REMEMBERED)
    return found


def remember_passphrase(database_file: Path, passphrase: str) -> bool:
    """Store the passphrase in the OS keyring (per user); False where there is no keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, _keyring_user(database_file), passphrase)
    except Exception as exc:
        log.warning("passphrase not stored in the keyring: %s", exc.__class__.__name__)
        return False
    _note_marker(database_file, REMEMBERED)
    return True


def forget_passphrase(database_file: Path) -> None:
    not_remembered(database_file)
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, _keyring_user(database_file))
    except Exception as exc:
        log.info("no passphrase removed from the keyring: %s", exc.__class__.__name__)
