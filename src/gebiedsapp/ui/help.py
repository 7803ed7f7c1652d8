"""The Help menu: the user guide (F1), the shortcut overview and About.

The guide is docs/handleiding.md with its screenshots in docs/img, shown as Markdown; the
shortcut overview is read from the window's actions and shortcuts, so it cannot go stale;
About names the version, the EUPL-1.2, the third-party notices and the CBS/Kadaster source.
Where the files are: sys._MEIPASS in the bundle (notices also beside the executable), inside
the package in a wheel, the repository root in a checkout.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp import __version__
from gebiedsapp.ui.icon import app_icon as app_icon  # where the Help menu had it
from gebiedsapp.ui.screen import PartsOnUse
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

_PACKAGE = Path(__file__).resolve().parent.parent  # src/gebiedsapp
LICENCE_NAME = "EUPL-1.2"
ATTRIBUTION = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "Gebiedsgrenzen en kaarten: CBS / Kadaster, Wijk- en buurtkaart 2024 (gegeneraliseerd), "
    "CC BY 4.0, via cartomap/nl.",
)
CC_BY = "https://creativecommons.org/licenses/by/4.0/deed.nl"
GUIDE_IMAGE_WIDTH = 900  # the screenshots are 1366 wide; shown smaller, still readable


def _roots() -> list[Path]:
    """Where shipped files may be, most specific first."""
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle))
    if getattr(sys, "frozen", False):
        roots.append(Path(sys.executable).resolve().parent)
    roots += [_PACKAGE, _PACKAGE.parent.parent]  # wheel, checkout
    return roots


def shipped_file(*parts: str) -> Path | None:
    """A file such as docs/handleiding.md or LICENSE, wherever the app runs from."""
    for root in _roots():
        candidate = root.joinpath(*parts)
        if candidate.is_file():
            return candidate
    return None


# -- the user guide ----------------------------------------------------------------------------


class GuideBrowser(QTextBrowser):
    """Shows the guide's Markdown; its screenshots are scaled down to fit the dialog."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        name = QUrl(name)
        if kind == QTextDocument.ResourceType.ImageResource.value and name.isLocalFile():
            image = QImage(name.toLocalFile())
            if not image.isNull() and image.width() > GUIDE_IMAGE_WIDTH:
                return image.scaledToWidth(
                    GUIDE_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation
                )
            return image
        return super().loadResource(kind, name)


class GuideDialog(QDialog):
    """The user guide in a window of its own, beside the work (not modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handleiding Gebiedsapp"))
        self.resize(1000, 680)
        self.browser = GuideBrowser(self)
        self.browser.setAccessibleName(self.tr("Handleiding"))
        self.browser.setOpenExternalLinks(True)
        guide = shipped_file("docs", "handleiding.md")
        if guide is None:
            self.browser.setPlainText(
                self.tr("De handleiding is niet gevonden bij deze installatie. Vraag IT-beheer.")
            )
        else:
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(guide)))
            self.browser.setMarkdown(guide.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


def show_guide(window: QWidget) -> GuideDialog:
    """Open the guide, or bring the open one to the front."""
    dialog = window.findChild(GuideDialog)
    if dialog is None:
        dialog = GuideDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


# -- the shortcut overview ---------------------------------------------------------------------


def _everywhere() -> str:
    return QCoreApplication.translate("help", "Overal")


def _plain(text: str) -> str:
    """A menu text without its mnemonic '&' and trailing dots: 'Reservekopie &maken…'."""
    return re.sub(r"&(?!&)", "", text).replace("&&", "&").rstrip(".…").strip()


def _place(owner: QObject | None, screens: dict[QWidget, str]) -> str:
    """The screen an action or shortcut belongs to; 'Overal' for the window's own."""
    while owner is not None:
        if isinstance(owner, QWidget) and owner in screens:
            return screens[owner]
        owner = owner.parent()
    return _everywhere()


def shortcut_rows(window: Any) -> list[tuple[str, str, str]]:
    """(keys, what it does, where) for every shortcut the window has now, read from its
    QActions and QShortcuts; every screen is built first so that its shortcuts exist."""
    screen_actions: dict[str, QAction] = getattr(window, "screen_actions", {})
    screens: dict[QWidget, str] = {}
    for key, action in screen_actions.items():
        screens[window.screen_widget(key)] = _plain(action.text())
    for widget in screens:
        if isinstance(widget, PartsOnUse):
            widget.build_all()
    found: dict[tuple[str, str], list[str]] = {}
    for action in window.findChildren(QAction):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if keys and action.text():
            is_screen = action in screen_actions.values()  # Ctrl+1..0 work everywhere
            place = _everywhere() if is_screen else _place(action.parent(), screens)
            entry = found.setdefault((_plain(action.text()), place), [])
            entry += [k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys]
    for shortcut in window.findChildren(QShortcut):
        if shortcut.key().isEmpty() or not shortcut.isEnabled():
            continue
        what = shortcut.whatsThis() or QCoreApplication.translate("help", "(geen beschrijving)")
        entry = found.setdefault((what, _place(shortcut.parent(), screens)), [])
        entry.append(shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
    rows = [(" / ".join(dict.fromkeys(keys)), what, place) for (what, place), keys in found.items()]
    return sorted(rows, key=lambda row: (row[2] != _everywhere(), row[2], row[0]))


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sneltoetsen"))
        self.resize(640, 560)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setAccessibleName(self.tr("Sneltoetsen"))
        self.table.setHorizontalHeaderLabels([self.tr("Toets"), self.tr("Doet"), self.tr("Waar")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(
            self.tr(
                "Meer toetsen binnen een lijst of formulier (zoals Spatie in Mijn acties) staan "
                "in de handleiding (F1)."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, ...]]:
        return [
            tuple((item.text() if (item := self.table.item(row, c)) else "") for c in range(3))
            for row in range(self.table.rowCount())
        ]


def show_shortcuts(window: QWidget) -> None:
    ShortcutsDialog(shortcut_rows(window), window).exec()


# -- About -------------------------------------------------------------------------------------


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Over Gebiedsapp"))
        self.resize(720, 600)
        licence = shipped_file("LICENSE")
        licence_link = (
            f'<a href="{QUrl.fromLocalFile(str(licence)).toString()}">{LICENCE_NAME}</a>'
            if licence
            else LICENCE_NAME
        )
        self.summary = QLabel(
            self.tr(
                "<h3>Gebiedsapp %1</h3>"
                "<p>Voor gebiedsgericht werken in de gemeente Oldambt: koffiekargesprekken, "
                "contacten, signalen en samenvattingen voor de gebiedswethouder.</p>"
                "<p>Licentie: European Union Public Licence %2.</p>"
                "<p>%3 (<a href='%4'>licentie</a>)</p>"
            )
            .replace("%1", __version__)
            .replace("%2", licence_link)
            .replace("%3", self.tr(ATTRIBUTION))
            .replace("%4", CC_BY),
            self,
        )
        self.summary.setWordWrap(True)
        self.summary.setOpenExternalLinks(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        heading = QLabel(self.tr("Onderdelen van derden en hun licenties:"), self)
        self.notices = QTextBrowser(self)
        self.notices.setAccessibleName(self.tr("Onderdelen van derden en hun licenties"))
        self.notices.setOpenExternalLinks(True)
        notices = shipped_file("THIRD_PARTY_NOTICES.md")
        if notices is None:
            self.notices.setPlainText(
                self.tr("THIRD_PARTY_NOTICES.md is niet gevonden bij deze installatie.")
            )
        else:
            self.notices.setMarkdown(notices.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(heading)
        layout.addWidget(self.notices, 1)
        layout.addWidget(buttons)


def show_about(window: QWidget) -> None:
    AboutDialog(window).exec()
