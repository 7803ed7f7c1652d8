"""A table with its note under it that never leaves the note alone on a page.

A long list that ends near the bottom of a page would otherwise push only its closing note
onto the next page: a near-empty page with two lines. Split, the note goes with the table's
last rows instead.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable


class TableWithNote(Flowable):  # type: ignore[misc]  # reportlab is untyped
    def __init__(self, table: Flowable, note: Flowable) -> None:
        super().__init__()
        self.table = table
        self.note = note
        self._sizes = (0.0, 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _w, table_height = self.table.wrap(avail_width, avail_height)
        _w, note_height = self.note.wrap(avail_width, avail_height)
        self._sizes = (table_height, note_height)
        self.width = avail_width
        self.height = table_height + note_height
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        _w, note_height = self.note.wrap(avail_width, avail_height)
        parts = self.table.split(avail_width, avail_height - note_height)
        if len(parts) < 2:
            # the table fits with the note (then `split` is not asked) or not at all here
            return []
        *first, last = parts
        return [*first, TableWithNote(last, self.note)]

    def draw(self) -> None:
        _table_height, note_height = self._sizes
        self.table.drawOn(self.canv, 0, note_height)
        self.note.drawOn(self.canv, 0, 0)
