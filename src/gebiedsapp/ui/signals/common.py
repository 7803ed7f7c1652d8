"""What the signal screen's parts share: the change kind they announce, colours per deadline
label, and small formatting helpers."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from gebiedsapp.domain.enums import DeadlineLabel

LABEL_COLOURS = {
    DeadlineLabel.RUIM_BUITEN: "#b3261e",
    DeadlineLabel.BUITEN: "#b35c00",
    DeadlineLabel.BINNEN: "",
}
LABEL_BRUSHES = {label: QBrush(QColor(colour)) for label, colour in LABEL_COLOURS.items() if colour}
