"""Beheer: one tab per thing the beheerder maintains."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gebiedsapp.ui.admin.areas import AreasTab
from gebiedsapp.ui.admin.categories import CategoriesTab
from gebiedsapp.ui.admin.partners import PartnersTab
from gebiedsapp.ui.admin.server import ServerTab
from gebiedsapp.ui.admin.team import TeamTab
from gebiedsapp.ui.admin.themes import ThemesTab
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.screen import ScreenDefaults


class AdminScreen(ScreenDefaults, QWidget):
    """Tabs Gebieden, Teams, Thema's, Signaalcategorieën, Partners, Teamserver; `show_tab`
    picks one."""

    TAB_NAMES = ("areas", "team", "themes", "categories", "partners", "server")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.areas_tab = AreasTab(context, self)
        self.team_tab = TeamTab(context, self)
        self.themes_tab = ThemesTab(context, self)
        self.categories_tab = CategoriesTab(context, self)
        self.partners_tab = PartnersTab(context, self)
        self.server_tab = ServerTab(context, self)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.areas_tab, self.tr("Gebieden"))
        self.tabs.addTab(self.team_tab, self.tr("Teams"))
        self.tabs.addTab(self.themes_tab, self.tr("Thema's"))
        self.tabs.addTab(self.categories_tab, self.tr("Signaalcategorieën"))
        self.tabs.addTab(self.partners_tab, self.tr("Partners"))
        self.tabs.addTab(self.server_tab, self.tr("Teamserver"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_tab(self, name: str) -> None:
        """Bring tab `name` (areas, team, themes, categories, partners, server) to the
        front."""
        if name not in self.TAB_NAMES:
            raise ValueError(f"unknown admin tab {name!r}; expected one of {self.TAB_NAMES}")
        self.tabs.setCurrentIndex(self.TAB_NAMES.index(name))
