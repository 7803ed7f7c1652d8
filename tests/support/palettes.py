"""Palettes to test the UI under (dark, high contrast) and WCAG contrast, measured the way a
reader meets it: the text colour against what is drawn behind it."""

from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette

TEXT_CONTRAST = 4.5  # WCAG AA, normal text
GRAPHIC_CONTRAST = 3.0  # WCAG AA, the parts of a chart or map that carry meaning


@dataclass(frozen=True)
class Scheme:
    window: str
    text: str
    base: str
    alternate: str
    highlight: str
    highlighted_text: str
    placeholder: str
    disabled: str


SCHEMES = {
    # Fusion's usual dark palette, as apps and Windows' dark mode give it
    "dark": Scheme("#353535", "#ffffff", "#2a2a2a", "#424242", "#2a82da", "#ffffff", "#9a9a9a",
                   "#7f7f7f"),
    "contrast-black-on-white": Scheme("#ffffff", "#000000", "#ffffff", "#f0f0f0", "#000080",
                                      "#ffffff", "#404040", "#808080"),
    "contrast-white-on-black": Scheme("#000000", "#ffffff", "#000000", "#1a1a1a", "#00ffff",
                                      "#000000", "#c0c0c0", "#808080"),
}  # fmt: skip


def make_palette(scheme: Scheme) -> QPalette:
    role = QPalette.ColorRole
    palette = QPalette(QColor(scheme.window))  # derives Light, Dark, Mid, ... from the button
    for which, value in (
        (role.Window, scheme.window),
        (role.Button, scheme.window),
        (role.WindowText, scheme.text),
        (role.ButtonText, scheme.text),
        (role.Text, scheme.text),
        (role.ToolTipText, scheme.text),
        (role.Base, scheme.base),
        (role.ToolTipBase, scheme.base),
        (role.AlternateBase, scheme.alternate),
        (role.Highlight, scheme.highlight),
        (role.HighlightedText, scheme.highlighted_text),
        (role.PlaceholderText, scheme.placeholder),
    ):
        palette.setColor(which, QColor(value))
    for which in (role.WindowText, role.ButtonText, role.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, which, QColor(scheme.disabled))
    return palette


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        *(
            c * alpha + b * (1 - alpha)
            for c, b in zip(colour.getRgbF()[:3], background.getRgbF()[:3], strict=True)
        )
    )


def rendered_background(image: QImage, rect: QRect) -> QColor:
    """The most common colour in `rect` of the window's picture: what the text is drawn on."""
    rect = rect.intersected(image.rect())
    bits = image.constBits()
    per_line = image.bytesPerLine()
    counts: Counter[int] = Counter()
    for y in range(rect.top(), rect.bottom() + 1):
        start = y * per_line + rect.left() * 4
        line = array("I")
        line.frombytes(bytes(bits[start : start + rect.width() * 4]))
        counts.update(line)
    pixel = counts.most_common(1)[0][0]
    return QColor.fromRgb(pixel & 0xFFFFFF)
