"""CBS-cijfers importeren: the Kerncijfers wijken en buurten CSV the user downloaded from CBS
StatLine, previewed per wijk and buurt (what is stored, what is refused and why) and stored
only on "Opslaan". Reading and checking are services.cbs_import's and run on the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from gebiedsapp.services import cbs_import
from gebiedsapp.services.cbs_import import CbsPreview, CbsTable, FigureRow, RefusedRow
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.ui.admin.common import make_table
from gebiedsapp.ui.context import CBS, AppContext
from gebiedsapp.ui.formatting import format_number
from gebiedsapp.ui.import_dialog import ImportDialog, read_bytes
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.table_model import RowTableModel

KIND_LABELS = {"gemeente": "Gemeente", "wijk": "Wijk", "buurt": "Buurt"}
# the models' column headers, named for lupdate (see ui/header_texts.py)
HEADER_TEXTS = (
    QT_TRANSLATE_NOOP("TableHeader", "Code"),
    QT_TRANSLATE_NOOP("TableHeader", "Naam"),
    QT_TRANSLATE_NOOP("TableHeader", "Soort"),
    QT_TRANSLATE_NOOP("TableHeader", "Inwoners"),
    QT_TRANSLATE_NOOP("TableHeader", "Huishoudens"),
    QT_TRANSLATE_NOOP("TableHeader", "0-15"),
    QT_TRANSLATE_NOOP("TableHeader", "15-25"),
    QT_TRANSLATE_NOOP("TableHeader", "25-45"),
    QT_TRANSLATE_NOOP("TableHeader", "45-65"),
    QT_TRANSLATE_NOOP("TableHeader", "65+"),
    QT_TRANSLATE_NOOP("TableHeader", "Andere cijfers"),
)


def _count(value: int | None) -> str:
    return "." if value is None else format_number(value)


class FiguresModel(RowTableModel[FigureRow]):
    """The regions as they will be stored: the main figures, and how many others."""

    headers = (
        "Code",
        "Naam",
        "Soort",
        "Inwoners",
        "Huishoudens",
        "0-15",
        "15-25",
        "25-45",
        "45-65",
        "65+",
        "Andere cijfers",
    )
    FIELDS = (
        "inhabitants",
        "households",
        "age_0_15",
        "age_15_25",
        "age_25_45",
        "age_45_65",
        "age_65_plus",
    )

    def cell(self, row: FigureRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and not row.known:
            return (
                "Deze code kent de gebiedsindeling van de app niet; de cijfers worden wel bewaard."
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row.code
        if column == 1:
            return row.name + ("" if row.known else " *")
        if column == 2:
            return KIND_LABELS.get(row.kind, row.kind)
        if column == 10:
            return format_number(len(row.other))
        return _count(row.counts[self.FIELDS[column - 3]])


class RefusedModel(RowTableModel[RefusedRow]):
    headers = ("Regel", "Code", "Reden")

    def cell(self, row: RefusedRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return row.reason
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (str(row.line), row.code, row.reason)[column]


@dataclass(frozen=True)
class _Checked:
    table: CbsTable | None
    preview: CbsPreview | None
    error: str


class CbsImportDialog(ImportDialog):
    """Choose the file, check the year, look at the preview; "Opslaan" stores that year."""

    job = "cbs-import"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("CBS-cijfers importeren"))
        self.table: CbsTable | None = None
        self.preview: CbsPreview | None = None
        intro = QLabel(
            self.tr(
                "Download op CBS StatLine de tabel ‘Kerncijfers wijken en buurten’ voor Oldambt "
                "als CSV en kies dat bestand. De app haalt zelf niets van internet. Cijfers van "
                "een jaar dat al is ingelezen, worden vervangen."
            ),
            self,
        )
        intro.setWordWrap(True)
        results = self._preview_tables()
        self.source = QLabel(self)
        style(self.source, "color: $muted;")
        buttons = self._buttons(self.tr("&Opslaan"), self.store)
        self.store_button = self.accept_button
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._file_and_year())
        layout.addLayout(results, 1)
        layout.addWidget(self.source)
        layout.addWidget(buttons)
        self._show_state()
        self.resize(1000, 600)

    @property
    def stored(self) -> int | None:
        """How many regions were stored; None until then."""
        return self.written

    def _file_and_year(self) -> QHBoxLayout:
        """The file row with the year of the figures at its end."""
        self.year = QSpinBox(self)
        self.year.setRange(1989, date.today().year + 1)  # 1989 shows "kies": not known yet
        self.year.setSpecialValueText(self.tr("kies"))
        self.year.setValue(1989)
        self.year.setAccessibleName(self.tr("Jaar van de cijfers"))
        self.year.valueChanged.connect(self._year_changed)
        year_label = QLabel(self.tr("&Jaar van de cijfers:"), self)
        year_label.setBuddy(self.year)
        row = self._file_row()
        row.addSpacing(12)
        row.addWidget(year_label)
        row.addWidget(self.year)
        return row

    def _preview_tables(self) -> QVBoxLayout:
        self.figures_model = FiguresModel(self)
        self.figures_table = make_table(self.figures_model, self, stretch_column=1)
        self.figures_table.setAccessibleName(self.tr("Wat wordt opgeslagen"))
        self.refused_model = RefusedModel(self)
        self.refused_table = make_table(self.refused_model, self, stretch_column=2)
        self.refused_table.setAccessibleName(self.tr("Geweigerde regels"))
        header = self.figures_table.horizontalHeader()
        for column, width in {0: 96, 2: 70}.items():
            header.resizeSection(column, width)
        for column in range(3, 11):
            header.resizeSection(column, (72, 88)[column - 3] if column < 5 else 52)
        self.figures_table.horizontalHeader().resizeSection(10, 96)
        self.refused_table.horizontalHeader().resizeSection(0, 52)
        self.refused_table.horizontalHeader().resizeSection(1, 110)
        return self._results(
            [
                (self.figures_table, self.tr("Wordt opgeslagen")),
                (self.refused_table, self.tr("Geweigerd")),
            ],
            counts_style="font-weight: 600;",
        )

    # -- the file ---------------------------------------------------------------------------

    def file_dialog_texts(self) -> tuple[str, str]:
        return self.tr("CSV van CBS StatLine kiezen"), self.tr(
            "CSV-bestanden (*.csv *.txt);;Alle bestanden (*)"
        )

    def load_file(self, path: Path) -> None:
        """Read and check the file on the worker; the year follows from it when it can."""
        self.path.setText(str(path))
        self.table = None
        self._check(path=path)

    def _year_changed(self, _value: int) -> None:
        if not self.busy and self.table is not None:
            self._check(path=None)

    def chosen_year(self) -> int | None:
        return self.year.value() if self.year.value() >= 1990 else None

    def _check(self, *, path: Path | None) -> None:
        self.preview = None
        self.busy = True
        self._show_state(self.tr("Bestand controleren…"))
        context, table, year = self.context, self.table, self.chosen_year()

        def work() -> _Checked:
            read = table
            try:
                if path is not None:
                    data = read_bytes(path)
                    if isinstance(data, str):
                        return _Checked(None, None, data)
                    read = cbs_import.read_table(data)
                assert read is not None
                wanted = year or read.year or cbs_import.year_from_name(path.name if path else "")
                with context.read() as session:
                    return _Checked(
                        read, cbs_import.preview_figures(session, read, year=wanted), ""
                    )
            except ValidationError as exc:
                return _Checked(read, None, exc.message)

        self._submit(work, self._on_read)

    def _on_read(self, checked: _Checked) -> None:
        self.busy = False
        self.table = checked.table
        self.preview = checked.preview
        if checked.preview is not None and self.chosen_year() != checked.preview.year:
            self.year.blockSignals(True)
            self.year.setValue(checked.preview.year)
            self.year.blockSignals(False)
        self._show_state(checked.error)

    def _show_state(self, message: str = "") -> None:
        preview = self.preview
        self._show_message(message)
        if preview is None:
            self.figures_model.set_rows([])
            self.refused_model.set_rows([])
            self.counts.setText("" if self.path.text() else self.tr("Kies een CSV-bestand."))
            self.tabs.setTabText(0, self.tr("Wordt opgeslagen"))
            self.tabs.setTabText(1, self.tr("Geweigerd"))
            self.source.setText("")
            self.store_button.setEnabled(False)
            return
        self.figures_model.set_rows(list(preview.rows))
        self.refused_model.set_rows(list(preview.refused))
        self.counts.setText(
            self.tr(
                "Kerncijfers %s: %s gemeente, %s wijken en %s buurten worden opgeslagen; "
                "%s geweigerd."
            )
            % (
                preview.year,
                preview.count("gemeente"),
                preview.count("wijk"),
                preview.count("buurt"),
                format_number(len(preview.refused)),
            )
        )
        notes = []
        if preview.replaces:
            notes.append(
                self.tr("De %s opgeslagen regels van %s worden vervangen.")
                % (format_number(preview.replaces), preview.year)
            )
        if preview.elsewhere:
            notes.append(
                self.tr("%s regels van andere gemeenten worden overgeslagen.")
                % format_number(preview.elsewhere)
            )
        if any(not row.known for row in preview.rows):
            notes.append(
                self.tr("* Deze code kent de gebiedsindeling van de app niet (ander jaar?).")
            )
        notes.append(
            self.tr("Per regio ook %s andere cijfers; ‘.’ betekent: ontbreekt bij CBS.")
            % len(preview.other_columns)
        )
        self._verdict(message, " ".join(notes))
        self.tabs.setTabText(0, self.tr("Wordt opgeslagen (%s)") % format_number(len(preview.rows)))
        self.tabs.setTabText(1, self.tr("Geweigerd (%s)") % format_number(len(preview.refused)))
        self.source.setText(cbs_import.CREDIT.format(year=preview.year))
        self.store_button.setEnabled(bool(preview.rows))

    # -- storing ----------------------------------------------------------------------------

    def store(self) -> None:
        """Replace the year's figures in one unit of work (a backup first)."""
        preview = self.preview
        if preview is None or not preview.rows:
            return
        self._write(
            lambda session: cbs_import.store_figures(session, preview),
            changes=(CBS,),
            title=self.tr("Niet opgeslagen"),
        )
