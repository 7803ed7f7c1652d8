"""Signalen: the list per area with filters, a signal's detail and workflow, the new-signal form."""

from gebiedsapp.ui.signals.screen import SignalsScreen

__all__ = ["SignalsScreen"]
