"""The summary for the wethouder as one call: compute the figures, fetch the buurt shapes and
write the PDF. The CLI and the app's 'Opslaan als PDF' both come through here, so a report made
either way is the same document."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from gebiedsapp.services.geo import map_shapes
from gebiedsapp.services.period import Period
from gebiedsapp.services.reports.area_report import write_area_summary
from gebiedsapp.services.reports.municipality_report import write_municipality_summary
from gebiedsapp.services.reports.progress import Progress
from gebiedsapp.services.summary import area_summary, municipality_summary


def area_summary_pdf(
    session: Session,
    area_ids: Sequence[uuid.UUID],
    period: Period,
    out: BinaryIO | Path,
    *,
    today: date,
    appendix: bool = False,
) -> int:
    """The summary of these areas (a group when several) over `period`; the pages written."""
    summary = area_summary(session, area_ids, period, today=today)
    shapes = map_shapes(session, [b.code for b in summary.buurten])
    return write_area_summary(summary, shapes, out, appendix=appendix)


def municipality_summary_pdf(
    session: Session,
    period: Period,
    out: BinaryIO | Path,
    *,
    today: date,
    progress: Progress | None = None,
    appendix: bool = False,
) -> int:
    """Overview of all areas, then a page per area (and the full sections in the appendix when
    asked); the pages written."""
    summary = municipality_summary(session, period, today=today)
    shapes = map_shapes(session, [b.code for b in summary.total.buurten])
    return write_municipality_summary(summary, shapes, out, progress, appendix=appendix)
