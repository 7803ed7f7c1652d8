"""The contact log of the opbouwwerker (issue 3): `ContactsScreen`."""

from __future__ import annotations

from gebiedsapp.ui.contacts.screen import ContactsScreen
from gebiedsapp.ui.context import CONTACTS

__all__ = ["CONTACTS", "ContactsScreen"]
