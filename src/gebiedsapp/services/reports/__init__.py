"""Printable PDFs: the summary for the wethouder (an area, the municipality) and the one-page
prints of a signal and a koffiekar round. They render data the services computed and contain
no personal data of residents.

The writers are loaded on first use (PEP 562): importing this package for `Progress` or
`ReportCancelledError` does not load ReportLab, which the window's start does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from gebiedsapp.services.reports.progress import Progress, ReportCancelledError

if TYPE_CHECKING:
    from gebiedsapp.services.reports.area_report import write_area_summary
    from gebiedsapp.services.reports.koffiekar_sheet import write_session_sheet
    from gebiedsapp.services.reports.make import area_summary_pdf, municipality_summary_pdf
    from gebiedsapp.services.reports.municipality_report import write_municipality_summary
    from gebiedsapp.services.reports.session_data import SessionSheet, session_sheet
    from gebiedsapp.services.reports.signal_sheet import write_signal_sheet

_WHERE = {
    "SessionSheet": "session_data",
    "area_summary_pdf": "make",
    "municipality_summary_pdf": "make",
    "session_sheet": "session_data",
    "write_area_summary": "area_report",
    "write_municipality_summary": "municipality_report",
    "write_session_sheet": "koffiekar_sheet",
    "write_signal_sheet": "signal_sheet",
}

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


if not TYPE_CHECKING:  # mypy sees the imports above, and so refuses a misspelt name

    def __getattr__(name: str) -> Any:
        if name not in _WHERE:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
