"""The app's icon, in a module of its own: every start sets it before the passphrase dialog,
and the Help menu's module (the guide, About, the shortcut overview) is not needed then."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from gebiedsapp.resources import resource_path


def app_icon() -> QIcon:
    """The app's icon (resources/icons), for every window's title bar and the task bar."""
    return QIcon(str(resource_path("icons", "gebiedsapp.png")))
