"""The main window's screens: their keys, and how each is built when first opened.

Every screen but the area page is built on first use, its module imported only then (start-up
time); ui.warmup imports the main ones while the user does nothing. Split from
ui/main_window.py, which keeps the layout, the switching and the settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from gebiedsapp.ui.screen import Screen

if TYPE_CHECKING:
    from gebiedsapp.ui.main_window import MainWindow

AREA, KOFFIEKAR, CONTACTS, SIGNALS, INITIATIVES, ACTIVITIES = (
    "area",
    "koffiekar",
    "contacts",
    "signals",
    "initiatives",
    "activities",
)
SUMMARY, ACTIONS, LISTS, TEAM_OVERVIEW, ADMIN = ("summary", "actions", "lists", "team", "admin")
CONFLICTS = "conflicts"  # sync conflicts: in the Beeld menu and the status bar, not the toolbar
SCREEN_KEYS = (
    AREA,
    KOFFIEKAR,
    CONTACTS,
    SIGNALS,
    INITIATIVES,
    SUMMARY,
    ACTIONS,
    LISTS,
    TEAM_OVERVIEW,
    ADMIN,
    CONFLICTS,
    ACTIVITIES,
)


def create_screen(window: MainWindow, key: str) -> Screen:
    """Build the screen `key` of `window` and wire it to the window (its first use)."""
    context = window.context
    if key == KOFFIEKAR:
        from gebiedsapp.ui.koffiekar import KoffiekarScreen

        koffiekar = KoffiekarScreen(context, window)
        # Ctrl+N is the window's (File menu): one owner, or Qt calls it ambiguous
        koffiekar.new_round_action.setShortcut(QKeySequence())
        koffiekar.area_shown.connect(window.navigator.select)
        koffiekar.signal_requested.connect(window.new_signal_from_conversation)
        return koffiekar
    if key == CONTACTS:
        from gebiedsapp.ui.contacts import ContactsScreen

        contacts = ContactsScreen(context, window)
        contacts.signal_requested.connect(window.new_signal_from_contact)
        return contacts
    if key == SIGNALS:
        from gebiedsapp.ui.signals import SignalsScreen

        return SignalsScreen(context, window)
    if key == INITIATIVES:
        from gebiedsapp.ui.initiatives import InitiativesScreen

        return InitiativesScreen(context, window)
    if key == ACTIVITIES:
        from gebiedsapp.ui.activities import ActivitiesScreen

        return ActivitiesScreen(context, window)
    if key == SUMMARY:
        from gebiedsapp.ui.summary import SummaryScreen

        return SummaryScreen(context, window)
    if key == ACTIONS:
        from gebiedsapp.ui.actions import MyActionsScreen

        return MyActionsScreen(context, window)
    if key == LISTS:
        from gebiedsapp.ui.lists import ListsScreen

        return ListsScreen(context, window)
    if key == TEAM_OVERVIEW:
        from gebiedsapp.ui.team_overview import TeamOverviewScreen

        team = TeamOverviewScreen(context, window)
        team.edit_team_requested.connect(lambda: window.open_admin("team"))
        return team
    if key == ADMIN:
        from gebiedsapp.ui.admin import AdminScreen

        admin = AdminScreen(context, window)
        admin.server_tab.settings = window.settings  # an address kept before sync
        return admin
    if key == CONFLICTS:
        from gebiedsapp.ui.sync.conflicts import ConflictsScreen

        return ConflictsScreen(context, window)
    raise KeyError(key)
