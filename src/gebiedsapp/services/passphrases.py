"""The rules for a passphrase: where one comes from (the environment, the OS keyring), how
strong a new one is, and its limits. Kept apart from services.encryption, which imports
SQLAlchemy and the storage layer, so that the passphrase dialog a start shows first needs
neither (issue 19: nothing heavy before it)."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

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
    this computer has a keyring at all; any failure there just means: ask)."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, _keyring_user(database_file))
    except Exception as exc:  # keyring backends raise many kinds; none may stop the start
        log.info("no passphrase from the keyring: %s", exc.__class__.__name__)
        return None


def remember_passphrase(database_file: Path, passphrase: str) -> bool:
    """Store the passphrase in the OS keyring (per user); False where there is no keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, _keyring_user(database_file), passphrase)
    except Exception as exc:
        log.warning("passphrase not stored in the keyring: %s", exc.__class__.__name__)
        return False
    return True


def forget_passphrase(database_file: Path) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, _keyring_user(database_file))
    except Exception as exc:
        log.info("no passphrase removed from the keyring: %s", exc.__class__.__name__)
