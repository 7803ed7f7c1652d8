"""Parts every screen shares: its title, the muted line under it, and the keys of a form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QWidget

from gebiedsapp.ui.palette import style

if TYPE_CHECKING:  # the area page's figures: imported after the first paint (start-up time)
    from gebiedsapp.services.overview import AreaHeader

TITLE_STYLE = "font-size: 20pt; font-weight: 600;"
MUTED_STYLE = "color: $muted;"


def page_title(text: str, parent: QWidget) -> QLabel:
    """The large title at the top of a screen."""
    label = QLabel(text, parent)
    label.setStyleSheet(TITLE_STYLE)
    return label


def muted_label(parent: QWidget, text: str = "", *, wrap: bool = True) -> QLabel:
    """A grey line of explanation (a screen's subtitle, a hint under a list)."""
    label = QLabel(text, parent)
    style(label, MUTED_STYLE)
    label.setWordWrap(wrap)
    return label


def form_keys(
    owner: QWidget, *, save: Callable[[], object], leave: Callable[[], object] | None = None
) -> None:
    """Ctrl+Enter saves and Escape leaves, while the focus is anywhere inside `owner`."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), owner)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(save)
        shortcut.setWhatsThis(QCoreApplication.translate("page", "Opslaan"))
    if leave is not None:
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), owner)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(leave)
        escape.setWhatsThis(
            QCoreApplication.translate(
                "page", "Terug (vraagt eerst wat er met getypte tekst moet gebeuren)"
            )
        )


def scope_name(header: AreaHeader) -> str:
    """The area a screen shows, with its sub-areas: 'Winschoten en 10 deelgebieden'."""
    if not header.sub_areas:
        return header.area.name
    return QCoreApplication.translate("page", "%s en %s deelgebieden") % (
        header.area.name,
        header.sub_areas,
    )


class StaleList:
    """A screen's list that reloads at once while the screen is visible, or else the next
    time it is shown (a hidden screen does not query for nothing)."""

    def __init__(self, screen: QWidget, reload: Callable[[], object]) -> None:
        self.screen = screen
        self.reload = reload
        self.stale = True

    def changed(self) -> None:
        """What the list shows has changed (another area, a saved record)."""
        if self.screen.isVisible():
            self.reload()
        else:
            self.stale = True

    def shown(self) -> None:
        """The screen is being shown: load the list if it missed a change."""
        if self.stale:
            self.reload()
