"""The contract between the main window and every screen it shows.

The window asks each screen the same four things: does it follow the navigator's area, show
this area, may the window close now, and write what is still being typed. A `Protocol` says so
once, so mypy checks every screen the window builds (`MainWindow._create` returns a `Screen`),
instead of the window probing each widget with getattr. Qt's metaclass does not mix with
`Protocol`'s, so screens do not inherit it: they match it, and `ScreenDefaults` gives the answers
of a screen that has nothing to say (no area, nothing unsaved, no drafts).
"""

from __future__ import annotations

import uuid
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget


@runtime_checkable
class Screen(Protocol):
    """What the main window asks of every screen on its 'Scherm' toolbar."""

    @property
    def follows_area(self) -> bool:
        """True: the screen shows the navigator's area (and stays when another is chosen);
        False: choosing an area goes to the area page."""
        ...

    def set_area(self, area_id: uuid.UUID) -> None:
        """Show `area_id` (called for screens that follow the area)."""
        ...

    def may_close(self) -> bool:
        """The window wants to close: False keeps it open (the user chose Annuleren)."""
        ...

    def flush(self) -> None:
        """Write what is still being typed as drafts (on closing, and after an error)."""
        ...


class ScreenDefaults:
    """A screen's answers when it has nothing to say; put it before the Qt base class."""

    follows_area: bool = False

    def set_area(self, area_id: uuid.UUID) -> None:
        """Not per area: nothing to show."""

    def may_close(self) -> bool:
        return True

    def flush(self) -> None:
        """No drafts of its own."""


@runtime_checkable
class PartsOnUse(Protocol):
    """A screen that makes some of its parts when they are first needed (Koffiekar's forms,
    a turn after its first paint: issue 19); what needs all of them at once (the shortcut
    overview reads every shortcut) asks for them here."""

    def build_all(self) -> None: ...

    def parts_built(self) -> bool:
        """Every part is made and placed (whether asked for or made after the first paint)."""
        ...


def widget_of(screen: Screen) -> QWidget:
    """The screen as the widget the window stacks (every screen is one)."""
    assert isinstance(screen, QWidget), f"{screen!r} is not a widget"
    return screen
