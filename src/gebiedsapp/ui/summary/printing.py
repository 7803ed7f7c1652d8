"""The summary on paper: which PDF the Samenvatting screen makes.

An area's PDF is drawn from the very summary the screen shows (one source of numbers, and the
paper cannot differ from what the user just looked at). The municipality's PDF is the overview
of all areas followed by a section per area, computed on the worker when asked for.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from gebiedsapp.services.report_text import period_text
from gebiedsapp.services.reports import Progress
from gebiedsapp.ui.pdf import Build, pdf_name
from gebiedsapp.ui.summary.data import Dashboard


def summary_pdf_job(
    data: Dashboard, today: date, *, appendix: bool = False
) -> tuple[str, str, Build]:
    """(file name, window title, build) for the PDF of what the screen shows: the brief, with
    the full lists in an appendix when the user ticked it."""
    summary = data.summary
    when = period_text(summary.period)
    name = pdf_name("samenvatting", summary.title, when)
    title = f"Samenvatting {summary.title}, {when}"
    if data.municipality:

        def build_municipality(session: Session, path: Path, progress: Progress) -> int:
            from gebiedsapp.services.reports.make import municipality_summary_pdf  # ReportLab

            return municipality_summary_pdf(
                session, summary.period, path, today=today, progress=progress, appendix=appendix
            )

        return name, title, build_municipality

    def build_area(_session: Session, path: Path, _progress: Progress) -> int:
        from gebiedsapp.services.reports.area_report import write_area_summary  # ReportLab

        return write_area_summary(summary, data.shapes, path, appendix=appendix)

    return name, title, build_area
