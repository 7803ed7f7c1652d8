"""What the signal, survey and CBS import dialogs share: choose a file, read and check it on the
background worker, show the preview and the rejected rows in tabs, and write only on the accept
button (through `AppContext.perform_import`, a backup first).

A dialog builds its own mapping and models; this base holds the file row, the counts and the
message above the tabs, the buttons, the reading and checking jobs and the error of a failed
job, so the three behave alike and a fix lands in all three.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.import_files import CsvTable, read_table
from gebiedsapp.ui.admin.common import select_data
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.palette import style

P = TypeVar("P")
ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (met BOM)",
    "utf-16-le": "Unicode (UTF-16)",
    "utf-16-be": "Unicode (UTF-16 BE)",
    "utf-32-le": "Unicode (UTF-32)",
    "utf-32-be": "Unicode (UTF-32 BE)",
    "cp1252": "Windows-1252",
}
DELIMITERS = {";": "puntkomma", ",": "komma", "\t": "tab"}


@dataclass(frozen=True)
class Loaded:
    """A file read on the worker: its table, or why not (Dutch)."""

    table: CsvTable | None
    error: str


@dataclass(frozen=True)
class Checked(Generic[P]):
    """A preview made on the worker, or the Dutch reason there is none."""

    preview: P | None
    error: str


def read_bytes(path: Path) -> bytes | str:
    """The file's bytes, or the Dutch message why it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        return f"Kan het bestand niet lezen ({exc.strerror or exc.__class__.__name__})."


class ImportDialog(QDialog):
    """The frame of an import dialog; a subclass adds its mapping, models and texts."""

    job = "import"  # the background job's name (one at a time per dialog)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.table: Any = None  # what the file was read into (None: no usable file)
        self.preview: Any = None  # the checked file (None: not checked, or not checkable)
        self.busy = False
        self.written: int | None = None  # how many were written (set before accepting)
        self._filling = False
        self.combos: dict[str, QComboBox] = {}  # our field -> the column chosen for it

    # -- building ---------------------------------------------------------------------------

    def _file_row(self) -> QHBoxLayout:
        """Bestand: [path] [Bestand kiezen…]; the path is read-only, the button chooses."""
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("Nog geen bestand gekozen"))
        self.path.setAccessibleName(self.tr("Bestand"))
        self.browse_button = QPushButton(self.tr("&Bestand kiezen…"), self)
        self.browse_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Bestand:"), self))
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        return row

    def _file_info(self) -> QLabel:
        """The line under the file row: rows, columns, delimiter and encoding."""
        self.file_info = QLabel(self)
        style(self.file_info, "color: $muted;")
        return self.file_info

    def _mapping_combo(self, name: str, meaning: str, *, width: int) -> QComboBox:
        """A combo for one of our fields; its choice of column re-checks the file."""
        combo = QComboBox(self)
        combo.setAccessibleName(meaning)
        combo.setToolTip(meaning)
        combo.setMinimumContentsLength(width)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(self._mapping_changed)
        self.combos[name] = combo
        return combo

    def _results(self, tabs: Sequence[tuple[QWidget, str]], *, counts_style: str) -> QVBoxLayout:
        """The counts, the message and the tabs (preview, rejected rows, …), top to bottom."""
        self.counts = QLabel(self)
        self.counts.setStyleSheet(counts_style)
        self.counts.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget(self)
        for widget, title in tabs:
            self.tabs.addTab(widget, title)
        column = QVBoxLayout()
        column.addWidget(self.counts)
        column.addWidget(self.message)
        column.addWidget(self.tabs, 1)
        return column

    def _buttons(self, accept_text: str, accept: Callable[[], None]) -> QDialogButtonBox:
        """The accept button (off until there is something to write) and Annuleren."""
        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(
            self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.accept_button.setEnabled(False)
        self.accept_button.setAutoDefault(False)
        self.accept_button.setDefault(False)
        self.accept_button.clicked.connect(accept)
        self.cancel_button.clicked.connect(self.reject)
        return buttons

    def _mapping_layout(self, *, mapping: QWidget, results: QVBoxLayout) -> None:
        """File and its info on top, the mapping beside the results, "Geldige rijen
        importeren" below (the signal and survey imports)."""
        file_row = self._file_row()
        middle = QHBoxLayout()
        middle.addWidget(mapping)
        middle.addLayout(results, 1)
        buttons = self._buttons(self.tr("&Geldige rijen importeren"), self.import_valid)
        self.import_button = self.accept_button
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self._file_info())
        layout.addLayout(middle, 1)
        layout.addWidget(buttons)
        self._show_state()
        self.resize(1180, 660)

    # -- the file ---------------------------------------------------------------------------

    def file_dialog_texts(self) -> tuple[str, str]:
        """(caption, name filter) of the file dialog; each import says what it reads."""
        raise NotImplementedError

    def choose_file(self) -> None:
        start = str(Path(self.path.text()).parent) if self.path.text() else str(Path.home())
        caption, filters = self.file_dialog_texts()
        chosen, _filter = QFileDialog.getOpenFileName(self, caption, start, filters)
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path) -> None:
        """Read and parse the file off the GUI thread; the mapping follows its header."""
        self.path.setText(str(path))
        self.table = None
        self.preview = None
        self.busy = True
        self._show_state(self.tr("Bestand lezen…"))

        def work() -> Loaded:
            data = read_bytes(path)
            if isinstance(data, str):
                return Loaded(None, data)
            try:
                return Loaded(read_table(data), "")
            except ValidationError as exc:
                return Loaded(None, exc.message)

        self._submit(work, self._on_loaded)

    def _on_loaded(self, loaded: Loaded) -> None:
        self.busy = False
        self.table = loaded.table
        self._fill_combos()
        if loaded.table is None:
            self._show_state(loaded.error)
            return
        self.file_info.setText(self._table_info(loaded.table))
        self.check()

    def _table_info(self, table: CsvTable) -> str:
        counts = (format_number(len(table.rows)), format_number(len(table.header)))
        if table.encoding == "xlsx":
            return self._workbook_info() % counts
        return self.tr("%s regels · %s kolommen · scheidingsteken: %s · tekenset: %s") % (
            *counts,
            DELIMITERS.get(table.delimiter, table.delimiter),
            ENCODINGS.get(table.encoding, table.encoding),
        )

    def _workbook_info(self) -> str:
        """'%s regels · %s kolommen' and how an Excel workbook is read."""
        return self.tr("%s regels · %s kolommen · Excel-werkmap")

    def _fill_combos(self) -> None:
        """Every column of the file in every combo, the suggested one chosen."""
        header = self.table.header if self.table is not None else []
        suggested = self.suggest_mapping(header)
        self._filling = True
        try:
            for name, combo in self.combos.items():
                combo.clear()
                combo.addItem(self.tr("(niet gebruiken)"), "")
                for column in header:
                    if column:
                        combo.addItem(column, column)
                select_data(combo, suggested.get(name, ""))
                combo.setEnabled(bool(header))
            self._header_filled()
        finally:
            self._filling = False

    def suggest_mapping(self, header: Sequence[str]) -> dict[str, str]:
        return {}

    def _header_filled(self) -> None:
        """After the combos follow a new file's header (while `_filling`)."""

    # -- checking ---------------------------------------------------------------------------

    def mapping(self) -> dict[str, str]:
        """{our field: their column} as chosen; fields set to "(niet gebruiken)" left out."""
        return {n: c.currentData() for n, c in self.combos.items() if c.currentData()}

    def _mapping_changed(self, *_args: object) -> None:
        if not self._filling and self.table is not None:
            self.check()

    def check(self) -> None:
        """Preview the whole file with the current choices (writes nothing)."""
        if self.table is None:
            return
        make = self.make_preview()
        self.preview = None
        self.busy = True
        self._show_state(self.tr("Regels controleren…"))
        context = self.context

        def work() -> Checked[Any]:
            try:
                with context.read() as session:
                    return Checked(make(session), "")
            except ValidationError as exc:
                return Checked(None, exc.message)

        self._submit(work, self._on_checked)

    def make_preview(self) -> Callable[[Session], Any]:
        """What checks the file on the worker, with the choices read now (on the GUI thread)."""
        raise NotImplementedError

    def _submit(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self.context.background.submit(
            self.job, work, owner=self, on_done=on_done, on_error=self._on_failed
        )

    def _on_checked(self, checked: Checked[Any]) -> None:
        self.busy = False
        self.preview = checked.preview
        self._show_state(checked.error)

    def _on_failed(self, _error: Exception) -> None:
        self.busy = False
        self.preview = None
        self._show_state(self.tr("Het bestand kon niet worden gecontroleerd; zie het logboek."))

    # -- showing ----------------------------------------------------------------------------

    def _show_state(self, message: str = "") -> None:
        raise NotImplementedError

    def _show_message(self, message: str) -> None:
        """A message of the dialog's own (a warning once nothing is running), or none."""
        self.message.setText(message)
        self.message.setVisible(bool(message))
        style(self.message, "color: $warning;" if message and not self.busy else "")

    def _verdict(self, message: str, text: str) -> None:
        """Say `text` about the preview unless a message of the dialog's own is shown."""
        if not message:
            self.message.setText(text)
            self.message.setVisible(True)

    # -- writing ----------------------------------------------------------------------------

    def import_valid(self) -> None:
        """Write the valid part (the button of `_mapping_layout`)."""
        raise NotImplementedError

    def _write(
        self, action: Callable[[Session], int], *, changes: tuple[str, ...], title: str
    ) -> None:
        """Write in one unit of work after a backup, then close; a refusal keeps it open."""
        if self.busy:
            return
        written = self.context.perform_import(self, action, changes=changes, title=title)
        if written is not None:
            self.written = written
            self.accept()
