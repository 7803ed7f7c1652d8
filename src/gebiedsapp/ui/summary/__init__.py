"""Samenvatting: the wethouder's summary on screen, and printing it."""

from gebiedsapp.ui.summary.screen import SummaryScreen

__all__ = ["SummaryScreen"]
