"""The koffiekar screen: rounds of an area, the round's header, and fast conversation capture."""

from gebiedsapp.ui.context import KOFFIEKAR
from gebiedsapp.ui.koffiekar.screen import KoffiekarScreen

__all__ = ["KOFFIEKAR", "KoffiekarScreen"]
