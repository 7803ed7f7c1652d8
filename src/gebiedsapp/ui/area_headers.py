"""One area header per area click, shared by every screen that follows the area.

Each screen's `set_area` needs the same header (the area, its sub-areas, its team); computed
by each of them it was read about five times per click (issue 19). The window forgets the
headers at every click (what another program wrote meanwhile is read again) and the change
hub's AREAS and TEAM announcements forget them too, before any screen reloads.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.services.overview import AreaHeader, area_header


class AreaHeaders:
    """The GUI thread's headers of the areas shown since the last click or change."""

    def __init__(self, read: Callable[[], Session]) -> None:
        self._read = read
        self._cached: dict[tuple[uuid.UUID, date], AreaHeader] = {}
        self.computed = 0  # how many headers were read from the database (for tests)

    def get(self, area_id: uuid.UUID, *, today: date | None = None) -> AreaHeader:
        key = (area_id, today or date.today())
        header = self._cached.get(key)
        if header is None:
            with self._read() as session:
                header = area_header(session, area_id, today=key[1])
            self.computed += 1
            self._cached[key] = header
        return header

    def forget(self) -> None:
        self._cached.clear()
