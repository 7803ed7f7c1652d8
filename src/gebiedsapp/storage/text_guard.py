"""Text that cannot be stored: a lone surrogate (half of a UTF-16 pair: an emoji pasted in
half, a file name the system could not decode) has no UTF-8 form, and the SQLite driver would
raise a bare UnicodeEncodeError in the middle of a save.

Checked before every statement (the hooks are registered by storage.database): a record with
such a character is refused with a Dutch message, and nothing is stored (the form keeps what
was typed); a draft keeps its text with U+FFFD in place of the broken character (before each
flush), so that typing is never lost to an automatic save.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.domain.drafts import Draft
from gebiedsapp.storage.errors import StorageError

BROKEN = re.compile("[\ud800-\udfff]")
SHOWN = "\ufffd"


class BrokenTextError(StorageError):
    """A text to store holds a character that cannot be stored; nothing was stored."""


def readable(text: str) -> str:
    """`text` with every broken character replaced by U+FFFD."""
    return BROKEN.sub(SHOWN, text)


def _broken(value: object) -> re.Match[str] | None:
    if not isinstance(value, str) or value.isascii():
        return None
    return BROKEN.search(value)


def keep_drafts(session: Session, _context: Any, _instances: Any) -> None:
    """The before_flush hook: a draft's broken characters become U+FFFD (an automatic save
    must not fail on them)."""
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Draft) and _broken(obj.payload) is not None:
            obj.payload = readable(obj.payload)


def refuse_broken_parameters(
    _connection: Any,
    _cursor: Any,
    statement: str,
    parameters: Any,
    _context: Any,
    executemany: bool,
) -> None:
    """The engine's before_cursor_execute hook: every statement of every path (the ORM, the
    koffiekar's plain inserts, imports) is refused before the driver sees a broken text."""
    for row in parameters if executemany else [parameters]:
        values = row.values() if isinstance(row, dict) else row
        for value in values or ():
            found = _broken(value)
            if found is not None:
                assert isinstance(value, str)
                raise _refusal(value, found, statement)


def _refusal(value: str, found: re.Match[str], statement: str) -> BrokenTextError:
    before = readable(value[max(0, found.start() - 30) : found.start()])
    before = "".join(c for c in before if c.isprintable()).strip()
    where = f", na “{before}”" if before else ""
    return BrokenTextError(
        f"broken character (lone surrogate) in a parameter of: {statement.split('(')[0]}",
        "Een ingevulde tekst bevat een teken dat niet kan worden opgeslagen: de helft van een "
        f"speciaal teken, bijvoorbeeld van een emoji die niet goed is geplakt{where}. "
        "Verwijder dat teken of typ de tekst opnieuw. Er is niets opgeslagen.",
    )
