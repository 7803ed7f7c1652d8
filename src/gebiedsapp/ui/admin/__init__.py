"""The beheerder's editing screens: areas, teams, themes, signal categories and partners."""

from gebiedsapp.ui.admin.screen import AdminScreen

__all__ = ["AdminScreen"]
