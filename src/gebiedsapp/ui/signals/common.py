"""What the signal screen's parts share: the change kind they announce, colours per deadline
label, and small formatting helpers."""

from __future__ import annotations

from PySide6.QtGui import QBrush

from gebiedsapp.domain.enums import DeadlineLabel
from gebiedsapp.ui.palette import ColourRole, brush

LABEL_ROLES = {
    DeadlineLabel.RUIM_BUITEN: ColourRole.OVERDUE,
    DeadlineLabel.BUITEN: ColourRole.LATE,
}


def label_brush(label: DeadlineLabel) -> QBrush | None:
    """The text colour of a deadline label in a list (None: the list's own)."""
    role = LABEL_ROLES.get(label)
    return brush(role) if role is not None else None
