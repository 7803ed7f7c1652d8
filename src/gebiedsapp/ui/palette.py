"""The app's colours, in one place: named roles derived from the current QPalette.

A role mixes the palette's own colours with an accent, so a light palette stays light, a dark
one stays dark and a high-contrast one keeps its contrast: a note's background is the palette's
Base (its Window on a dark palette) with a trace of blue, a warning is red made light or dark
enough to read (WCAG contrast 4.5:1 for text, 3:1 for bars and map lines) on every background
the app puts text on. Screens never write a hex colour; a style sheet names roles
(`style(label, "color: $muted;")`) and is set again when the palette changes while the app runs
(dark mode switched on, say).

Data colours that mean the same on any background (the map's scale) and white paper for
printing also live here, so a test can keep every other module free of hard-coded colours.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from string import Template
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

TEXT_CONTRAST = 4.5  # WCAG AA for normal text
GRAPHIC_CONTRAST = 3.0  # WCAG AA for the parts of a chart or map that carry meaning

# ColorBrewer OrRd, 4 classes: lightness falls with every class, so the order survives grey
# printing; these are data, the same on a light or a dark palette (labels on them pick
# `text_on`).
MAP_SCALE = ("#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f")
PAPER = Qt.GlobalColor.white  # what a printed page is drawn on, whatever the screen shows
CLEAR = Qt.GlobalColor.transparent  # a cached layer's ground: nothing, the widget shows through

_ON_LIGHT = QColor("#1f1f1f")
_ON_DARK = QColor("#ffffff")
_BLACK = QColor("#000000")
_WHITE = QColor("#ffffff")


class ColourRole(StrEnum):
    """What a colour is for; the value is its name in a style sheet template (`$muted`)."""

    # backgrounds and their borders: the palette's Base (or Window) with a trace of an accent
    NOTE = "note"  # a new conversation being typed
    NOTE_BORDER = "note_border"
    EDITING = "editing"  # a saved record being corrected
    EDITING_BORDER = "editing_border"
    HINT = "hint"  # something the user should do first (link your account, ...)
    HINT_BORDER = "hint_border"
    CHIP = "chip"  # a chosen theme
    CHIP_BORDER = "chip_border"
    CHIP_HOVER = "chip_hover"  # a chosen theme about to be removed
    CHIP_HOVER_BORDER = "chip_hover_border"
    # text, readable on the window, lists and the backgrounds above
    MUTED = "muted"  # explanations, subtitles, ended rows
    WARNING = "warning"  # errors and unprotected data
    OVERDUE = "overdue"  # well past a deadline
    LATE = "late"  # past a deadline
    SUCCESS = "success"  # saved, strong enough
    # charts and the map
    CHART_BAR = "chart_bar"
    CHART_PREVIOUS = "chart_previous"
    MAP_BACKGROUND = "map_background"
    MAP_BORDER = "map_border"  # between buurten
    MAP_NO_DATA = "map_no_data"
    MAP_OUTLINE = "map_outline"  # the buurt under the mouse or selected
    MAP_POINT = "map_point"
    MAP_POINT_RING = "map_point_ring"
    MAP_LEGEND = "map_legend"
    MAP_LEGEND_FRAME = "map_legend_frame"
    MAP_LEGEND_TEXT = "map_legend_text"


# (accent, share of the accent mixed into the ground): the light design on a white Base
_TINTS: dict[ColourRole, tuple[str, float]] = {
    ColourRole.NOTE: ("#2f80d0", 0.04),
    ColourRole.NOTE_BORDER: ("#2f80d0", 0.42),
    ColourRole.EDITING: ("#f0a800", 0.10),
    ColourRole.EDITING_BORDER: ("#c89000", 0.60),
    ColourRole.HINT: ("#f0b400", 0.16),
    ColourRole.HINT_BORDER: ("#c8a000", 0.60),
    ColourRole.CHIP: ("#2f80d0", 0.16),
    ColourRole.CHIP_BORDER: ("#2f80d0", 0.50),
    ColourRole.CHIP_HOVER: ("#c03030", 0.18),
    ColourRole.CHIP_HOVER_BORDER: ("#c03030", 0.50),
}
# the colour a text role has on a light palette; made lighter on a dark one until readable
_TEXT_ACCENTS: dict[ColourRole, str] = {
    ColourRole.WARNING: "#a4000f",
    ColourRole.OVERDUE: "#b00020",
    ColourRole.LATE: "#b35c00",
    ColourRole.SUCCESS: "#2e7031",
}
_BAR = "#2a6f97"


# -- colour arithmetic ----------------------------------------------------------------------


def mix(one: QColor, other: QColor, amount: float) -> QColor:
    """`one` with `amount` (0..1) of `other` mixed in."""
    keep = 1.0 - amount
    return QColor.fromRgbF(
        one.redF() * keep + other.redF() * amount,
        one.greenF() * keep + other.greenF() * amount,
        one.blueF() * keep + other.blueF() * amount,
    )


def over(colour: QColor, background: QColor) -> QColor:
    """What a (half-transparent) colour looks like drawn on `background`."""
    return mix(background, colour, colour.alphaF())


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: QColor, backgrounds: list[QColor], minimum: float) -> QColor:
    """`colour` made lighter or darker (same hue and saturation), towards whichever end the
    backgrounds contrast with more, until it reaches `minimum` contrast with every one."""
    worst_black = min(contrast(_BLACK, b) for b in backgrounds)
    worst_white = min(contrast(_WHITE, b) for b in backgrounds)
    end = 0.0 if worst_black >= worst_white else 1.0
    hue, saturation, start = (
        max(colour.hslHueF(), 0.0),
        colour.hslSaturationF(),
        colour.lightnessF(),
    )
    for step in range(41):
        candidate = QColor.fromHslF(hue, saturation, start + (end - start) * step / 40)
        if all(contrast(candidate, b) >= minimum for b in backgrounds):
            return candidate
    return QColor(_BLACK if end == 0.0 else _WHITE)


def text_on(fill: QColor) -> QColor:
    """Near-black or white, whichever reads better on `fill` (a buurt's data colour)."""
    return QColor(_ON_LIGHT if contrast(_ON_LIGHT, fill) >= contrast(_ON_DARK, fill) else _ON_DARK)


# -- the roles ------------------------------------------------------------------------------


def _derive(palette: QPalette) -> dict[ColourRole, QColor]:
    group = QPalette.ColorGroup.Active
    window = palette.color(group, QPalette.ColorRole.Window)
    window_text = palette.color(group, QPalette.ColorRole.WindowText)
    base = palette.color(group, QPalette.ColorRole.Base)
    text = palette.color(group, QPalette.ColorRole.Text)
    alternate = palette.color(group, QPalette.ColorRole.AlternateBase)
    placeholder = over(palette.color(group, QPalette.ColorRole.PlaceholderText), window)
    dark = luminance(base) < 0.18

    # tint the lighter of the two grounds: white Base on a light palette (the design), the
    # Window on a dark one, so fields and check boxes (drawn in Base) still stand out
    ground = base if luminance(base) >= luminance(window) else window
    roles = {role: mix(ground, QColor(accent), share) for role, (accent, share) in _TINTS.items()}
    behind_text = [
        window,
        base,
        alternate,
        roles[ColourRole.NOTE],
        roles[ColourRole.EDITING],
        roles[ColourRole.HINT],
    ]
    roles[ColourRole.MUTED] = readable(placeholder, behind_text, TEXT_CONTRAST)
    for role, accent in _TEXT_ACCENTS.items():
        roles[role] = readable(QColor(accent), behind_text, TEXT_CONTRAST)

    behind_graphics = [window, base]
    roles[ColourRole.CHART_BAR] = readable(QColor(_BAR), behind_graphics, GRAPHIC_CONTRAST)
    roles[ColourRole.CHART_PREVIOUS] = readable(
        mix(window, window_text, 0.4), behind_graphics, GRAPHIC_CONTRAST
    )
    highlight = palette.color(group, QPalette.ColorRole.Highlight)
    roles[ColourRole.MAP_BACKGROUND] = QColor(base)
    roles[ColourRole.MAP_BORDER] = QColor(base)
    roles[ColourRole.MAP_NO_DATA] = mix(base, text, 0.15)
    # on a dark map the fills stay light, so a light outline would vanish into them
    outline = highlight if dark else text
    roles[ColourRole.MAP_OUTLINE] = readable(outline, [base], GRAPHIC_CONTRAST)
    roles[ColourRole.MAP_POINT] = QColor(text)
    roles[ColourRole.MAP_POINT_RING] = QColor(base)
    legend = QColor(base)
    legend.setAlpha(235)
    roles[ColourRole.MAP_LEGEND] = legend
    roles[ColourRole.MAP_LEGEND_FRAME] = mix(base, text, 0.3)
    roles[ColourRole.MAP_LEGEND_TEXT] = QColor(text)
    return roles


T = TypeVar("T")
_cache: dict[int, dict[ColourRole, QColor]] = {}
_fields: dict[int, dict[str, str]] = {}  # a style sheet's `$role` fields, per palette


def _per_palette(kept: dict[int, T], palette: QPalette | None, make: Callable[[QPalette], T]) -> T:
    """What `make` derives from the palette (the application's when not given), made once
    per palette."""
    palette = palette if palette is not None else QGuiApplication.palette()
    key = palette.cacheKey()
    found = kept.get(key)
    if found is None:
        if len(kept) > 16:  # palettes come and go (tests, a theme switch): keep a few
            kept.clear()
        found = kept[key] = make(palette)
    return found


def _roles(palette: QPalette | None) -> dict[ColourRole, QColor]:
    return _per_palette(_cache, palette, _derive)


def colour(role: ColourRole, palette: QPalette | None = None) -> QColor:
    """The role's colour in `palette` (the application's when not given)."""
    return QColor(_roles(palette)[role])


def brush(role: ColourRole, palette: QPalette | None = None) -> QBrush:
    """For a model's ForegroundRole: asked again on every paint, so it follows the palette."""
    return QBrush(colour(role, palette))


def css(role: ColourRole, palette: QPalette | None = None) -> str:
    """The role as a style sheet / rich text colour."""
    value = colour(role, palette)
    if value.alpha() == 255:
        return value.name()
    return f"rgba({value.red()}, {value.green()}, {value.blue()}, {value.alpha()})"


def sheet(template: str, palette: QPalette | None = None) -> str:
    """A style sheet (or a rich text style) with its `$role` fields filled in. The fields are
    made once per palette: a screen's first open fills a dozen sheets (issue 19: 0.5 ms each
    on a laptop, more while a worker holds the GIL)."""
    fields = _per_palette(
        _fields, palette, lambda made: {role.value: css(role, made) for role in ColourRole}
    )
    return Template(template).substitute(fields)


# -- style sheets that follow the palette ---------------------------------------------------

_TEMPLATE = "gebiedsappSheetTemplate"
_RENDERED = "gebiedsappSheetRendered"
RESTYLE_TIMER = "paletteRestyle"  # running between a palette change and the new style sheets


class _Follower(QObject):
    """When the application's palette changes, fills every templated style sheet in again and
    sets every other style sheet again: Qt leaves a widget that has a style sheet (even one of
    only a font size) with the old palette's colours, black text on a dark window."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        # once Qt has passed the new palette on to the widgets (it posts that)
        self.timer = QTimer(self)
        self.timer.setObjectName(RESTYLE_TIMER)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.restyle_all)
        app.paletteChanged.connect(self.timer.start)

    def restyle_all(self) -> None:
        for widget in QApplication.allWidgets():
            current = widget.styleSheet()
            if not current:
                continue
            template = widget.property(_TEMPLATE)
            # a sheet set since by plain setStyleSheet wins over the template
            if isinstance(template, str) and current == widget.property(_RENDERED):
                current = sheet(template)
                widget.setProperty(_RENDERED, current)
            widget.setStyleSheet(current)


_follower: _Follower | None = None


def follow_palette_changes() -> None:
    """Start following the application's palette (once; `style` does it on first use)."""
    global _follower
    app = QApplication.instance()
    if _follower is None and isinstance(app, QApplication):
        _follower = _Follower(app)


def style(widget: QWidget, template: str) -> None:
    """Give `widget` a style sheet whose `$role` fields are the palette's colours now, and
    again whenever the palette changes (an empty template clears it)."""
    follow_palette_changes()
    rendered = sheet(template)
    widget.setProperty(_TEMPLATE, template)
    widget.setProperty(_RENDERED, rendered)
    widget.setStyleSheet(rendered)
