"""Lists and search (issue 3): `ListsScreen`."""

from __future__ import annotations

from gebiedsapp.ui.lists.screen import ListsScreen

__all__ = ["ListsScreen"]
