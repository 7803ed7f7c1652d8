"""Printable PDFs: the summary for the wethouder (an area, the municipality) and the one-page
prints of a signal and a koffiekar round. They render data the services computed and contain
no personal data of residents."""

from gebiedsapp.services.reports.area_report import write_area_summary
from gebiedsapp.services.reports.koffiekar_sheet import write_session_sheet
from gebiedsapp.services.reports.make import (
    area_summary_pdf,
    municipality_summary_pdf,
)
from gebiedsapp.services.reports.municipality_report import write_municipality_summary
from gebiedsapp.services.reports.pdf_base import Progress, ReportCancelledError
from gebiedsapp.services.reports.session_data import SessionSheet, session_sheet
from gebiedsapp.services.reports.signal_sheet import write_signal_sheet

__all__ = [
    "Progress",
    "ReportCancelledError",
    "SessionSheet",
    "area_summary_pdf",
    "municipality_summary_pdf",
    "session_sheet",
    "write_area_summary",
    "write_municipality_summary",
    "write_session_sheet",
    "write_signal_sheet",
]
