"""One area header per area click, shared by every screen that follows the area.

Each screen's `set_area` needs the same header (the area, its sub-areas, its team); computed
by each of them it was read about five times per click (issue 19). The window forgets the
headers at every click (what another program wrote meanwhile is read again) and the change
hub's AREAS and TEAM announcements forget them too, before any screen reloads.

On ten times today's data a header takes over 100 ms (the tree, the team, the CBS population),
so a screen that can wait asks for it with `fetch`: read on the worker, answered on the GUI
thread. The read starts on the next turn of the event loop, so every screen that asks during
one click shares it (and a screen that still reads at once with `get` fills it for them).
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer
from sqlalchemy.orm import Session

from gebiedsapp.ui.background import Background
from gebiedsapp.ui.warmup import import_in_turns
from gebiedsapp.ui.warmup_order import AREA_HEADER

if TYPE_CHECKING:  # imported at the first header, after the first paint (start-up time)
    from gebiedsapp.services.overview import AreaHeader

_Key = tuple[uuid.UUID, date]
_Waiter = tuple[QObject, Callable[["AreaHeader"], None], Callable[[Exception], None] | None]


def _first_header() -> bool:
    """No header was read in this process yet: its modules are not imported."""
    return "gebiedsapp.services.overview" not in sys.modules


class AreaHeaders:
    """The GUI thread's headers of the areas shown since the last click or change."""

    def __init__(self, read: Callable[[], Session], background: Background | None = None) -> None:
        self._read = read
        self._background = background
        self._cached: dict[_Key, AreaHeader] = {}
        self._waiting: dict[_Key, list[_Waiter]] = {}
        self._generation = 0  # forget() makes a read under way too old to keep
        self._asked: dict[_Key, int] = {}  # the generation a read is scheduled or under way for
        self.computed = 0  # how many headers were read from the database (for tests)
        # the first header's modules, imported one per turn once: the headers asked meanwhile
        self._importing: list[_Key] | None = None
        self._imports_tried = False

    def get(self, area_id: uuid.UUID, *, today: date | None = None) -> AreaHeader:
        key = (area_id, today or date.today())
        header = self._cached.get(key)
        if header is None:
            from gebiedsapp.services.overview import area_header

            with self._read() as session:
                header = area_header(session, area_id, today=key[1])
            self.computed += 1
            self._cached[key] = header
        return header

    def _imported(self) -> None:
        """The first header's modules are in: read the headers asked meanwhile."""
        keys, self._importing = self._importing or [], None
        for key in dict.fromkeys(keys):
            self._start(key)

    def fetch(
        self,
        area_id: uuid.UUID,
        *,
        owner: QObject,
        on_done: Callable[[AreaHeader], None],
        on_error: Callable[[Exception], None] | None = None,
        today: date | None = None,
    ) -> None:
        """Call `on_done` with the header: now when it is known, else when the worker read
        it (not when `owner` is gone by then)."""
        key = (area_id, today or date.today())
        header = self._cached.get(key)
        if header is not None:
            on_done(header)
            return
        self._waiting.setdefault(key, []).append((owner, on_done, on_error))
        if self._asked.get(key) != self._generation:  # none yet, or one from before a change
            self._asked[key] = self._generation
            QTimer.singleShot(0, lambda: self._start(key))

    def _start(self, key: _Key) -> None:
        header = self._cached.get(key)
        if header is not None:  # read meanwhile by a screen that could not wait
            self._deliver(key, header, None)
            return
        if self._background is None:  # no worker (a test's context): read here
            self._deliver(key, self.get(key[0], today=key[1]), None)
            return
        if self._importing is not None:  # the first header's modules are on their way
            self._importing.append(key)
            return
        if not self._imports_tried and _first_header():
            self._imports_tried = True  # once: a module that failed fails below, and tells
            self._importing = [key]
            import_in_turns(AREA_HEADER, self._imported, context=self._background)
            return
        generation, read = self._generation, self._read
        from gebiedsapp.services.overview import area_header  # here: not on the worker

        def work() -> AreaHeader:
            with read() as session:
                return area_header(session, key[0], today=key[1])

        def done(header: AreaHeader) -> None:
            self.computed += 1
            if generation == self._generation:
                self._cached.setdefault(key, header)
                header = self._cached[key]
            elif key in self._cached:
                header = self._cached[key]  # read again after a change: the newer one
            elif self._asked.get(key) == self._generation:
                return  # changed meanwhile and asked again: everyone gets the newer read
            self._deliver(key, header, None)

        self._background.submit(
            f"area-header:{key[0]}:{key[1]}",
            work,
            owner=self._background,
            on_done=done,
            on_error=lambda error: self._deliver(key, None, error),
        )

    def _deliver(self, key: _Key, header: AreaHeader | None, error: Exception | None) -> None:
        self._asked.pop(key, None)
        for owner, on_done, on_error in self._waiting.pop(key, []):
            if not shiboken6.isValid(owner):
                continue
            if header is not None:
                on_done(header)
            elif on_error is not None and error is not None:
                on_error(error)

    def forget(self) -> None:
        self._cached.clear()
        self._generation += 1
