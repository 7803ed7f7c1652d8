"""Samenvoegen…: the clashing fields of one conflict to edit, prefilled with this laptop's
version, the server's shown beside each field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.services.sync import ConflictView
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.sync.labels import field_label, show_value

LONG = 60  # characters: longer text gets a box of several lines


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


class MergeDialog(QDialog):
    """One edit per clashing field; OK ('Samengevoegd bewaren') resolves with these values."""

    def __init__(
        self, conflict: ConflictView, names: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(self.tr("Samenvoegen"))
        intro = QLabel(
            self.tr(
                "Pas de velden aan tot ze kloppen; ze beginnen met uw versie. Onder elk veld "
                "staat de versie van de server."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.edits: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for field in conflict.fields:
            mine = _text(conflict.local_values.get(field))
            edit = QPlainTextEdit(mine, self)
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(field_label(field))
            lines = 4 if max(len(mine), len(_text(conflict.server_values.get(field)))) > LONG else 1
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
            theirs = QLabel(
                self.tr("Server: %s") % show_value(field, conflict.server_values.get(field), names),
                self,
            )
            theirs.setWordWrap(True)
            box = QVBoxLayout()
            box.addWidget(edit)
            box.addWidget(theirs)
            form.addRow(field_label(field) + ":", box)
            self.edits[field] = edit
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Samengevoegd &bewaren")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self._accept_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        style(self.problem, "color: $warning;")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _accept_valid(self) -> None:
        try:
            self.values()
        except ValueError as exc:
            self.problem.setText(
                self.tr("'%s' is geen geldige waarde voor %s.") % exc.args
                if len(exc.args) == 2
                else str(exc)
            )
            self.problem.setVisible(True)
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        """The typed values as the service takes them: of the stored values' type (a number,
        ja/nee), text otherwise, or None where a side had none and nothing was typed.
        ValueError(typed, field label) for a number that is none."""
        result: dict[str, Any] = {}
        for field, edit in self.edits.items():
            typed = edit.toPlainText().strip()
            sides = (self.conflict.local_values.get(field), self.conflict.server_values.get(field))
            sample = next((v for v in sides if v is not None), None)
            if not typed and None in sides:
                result[field] = None
            elif isinstance(sample, bool):
                result[field] = typed.lower() in ("true", "ja", "1")
            elif isinstance(sample, int | float):
                try:
                    number = float(typed.replace(",", "."))
                except ValueError:
                    raise ValueError(typed, field_label(field)) from None
                result[field] = int(number) if isinstance(sample, int) else number
            else:
                result[field] = edit.toPlainText()
        return result
