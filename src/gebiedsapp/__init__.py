"""Gebiedsapp: area-based community work for Oldambt."""

__version__ = "0.1.0"
