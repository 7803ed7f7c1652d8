"""Bewonersinitiatieven: `InitiativesScreen` (the list of the area and the form)."""

from __future__ import annotations

from gebiedsapp.ui.context import INITIATIVES
from gebiedsapp.ui.initiatives.screen import InitiativesScreen

__all__ = ["INITIATIVES", "InitiativesScreen"]
