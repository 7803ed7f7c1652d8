"""A table's note goes with the table's last rows to the next page, never alone."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer

from gebiedsapp.services.reports.pdf_base import explained, fonts, grid
from support.pdf_text import pages_text

NOTE = "Dit is de noot onder de tabel."


def test_a_table_note_never_stands_alone_on_a_page(tmp_path: Path) -> None:
    fonts()
    rows = [["Wat", "Aantal"], *([f"rij {i}", str(i)] for i in range(10))]
    alone_possible = 0
    for filler in range(150, 235, 3):  # the table ends at every height near the bottom
        target = tmp_path / f"tabel-{filler}.pdf"
        story = [Spacer(1, filler * mm), *explained(grid(rows, [60 * mm, 20 * mm]), NOTE)]
        SimpleDocTemplate(str(target), pagesize=A4).build(story)
        texts = pages_text(target)
        with_note = [t for t in texts if NOTE in t]
        assert len(with_note) == 1, filler
        assert "rij 9" in with_note[0], filler  # the last row is on the note's page
        alone_possible += len(texts) > 1
    assert alone_possible  # some of these layouts did split the table
