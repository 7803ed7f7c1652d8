"""Samenvatting: the dashboard shows the figures of `services.summary` for the known data set,
follows the period picker, and its PDF buttons make, show and print the same summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from gebiedsapp.services.areas import find_area
from gebiedsapp.services.period import Period
from gebiedsapp.services.report_text import KEY_FIGURES, difference, number
from gebiedsapp.services.reports.brief import SAID_NOT_TABLED
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.pdf import MAX_PRINT_DPI, PdfPreview, render_to_printer
from gebiedsapp.ui.summary import SummaryScreen
from gebiedsapp.ui.summary.period import MONTH
from support.pdf_text import all_lines, line_starting, pages_text


@pytest.fixture
def screen(qtbot, context: AppContext, summary_world: Any) -> SummaryScreen:  # type: ignore[no-untyped-def]
    widget = SummaryScreen(context, today=summary_world.today)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.period.set_period(MONTH, year=2024, number=3)
    widget.set_area(summary_world.midwolda)
    widget.show()
    _wait_loaded(qtbot, widget)
    return widget


def _wait_loaded(qtbot, widget: SummaryScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not widget.is_busy() and widget.data is not None, timeout=10_000)
    widget.context.background.wait()
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=10_000)


def _shown(widget: SummaryScreen) -> dict[str, tuple[str, str, str]]:
    return {
        field: (now.text(), before.text(), change.text())
        for field, (now, before, change) in widget.figure_labels.items()
    }


def _expected(current: Any, previous: Any) -> dict[str, tuple[str, str, str]]:
    return {
        field: (
            f"<b>{number(getattr(current, field))}</b>",
            number(getattr(previous, field)),
            difference(getattr(current, field), getattr(previous, field)),
        )
        for field, _label, _why in KEY_FIGURES
    }


def test_dashboard_shows_the_figures_of_the_database(
    screen: SummaryScreen, summary_world: Any
) -> None:
    expected = summary_world.expected["Midwolda"]
    assert _shown(screen) == _expected(expected.current, expected.previous)
    assert "maart 2024" in screen.state.text()
    assert screen.save_button.isEnabled()
    assert [q.text for q in screen.quotes_model.rows] == list(expected.quotes)
    assert screen.themes.rows, "the theme chart has bars"
    assert sum(b.open_signals for b in screen.data.summary.buurten) > 0  # type: ignore[union-attr]
    model = screen.initiatives_model
    shown = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert shown == [
        ["Bankje bij de brink", "Idee", "20-02-2024", "Plek kiezen", "—", "Ekamp"],
        [
            "Moestuin bij het dorpshuis", "In uitvoering", "05-03-2024",
            "Eerste oogst (01-06-2024)", "—", "Midwolda",
        ],
        [
            "Speeltuin Hoofdweg", "Afgerond", "15-01-2024", "afgerond op 20-03-2024",
            "€ 12.500", "Midwolda",
        ],
        ["Buurtfeest", "Gestopt", "01-02-2024", "gestopt op 31-03-2024", "—", "Midwolda"],
    ]  # fmt: skip


def test_another_period_or_area_recomputes(
    qtbot, screen: SummaryScreen, summary_world: Any
) -> None:  # type: ignore[no-untyped-def]
    screen.period.set_period(MONTH, year=2024, number=2)
    qtbot.waitUntil(lambda: "februari 2024" in screen.state.text(), timeout=10_000)
    _wait_loaded(qtbot, screen)
    february = summary_world.expected["Midwolda"].previous
    for field, _label, _why in KEY_FIGURES:
        assert screen.figure_labels[field][0].text() == f"<b>{number(getattr(february, field))}</b>"
    screen.period.set_period(MONTH, year=2024, number=3)
    screen.set_area(summary_world.beerta)
    qtbot.waitUntil(lambda: "Beerta" in screen.title.text(), timeout=10_000)
    _wait_loaded(qtbot, screen)
    beerta = summary_world.expected["Beerta"]
    assert _shown(screen) == _expected(beerta.current, beerta.previous)


def test_a_backwards_range_says_why_and_keeps_the_buttons_off(
    qtbot,
    screen: SummaryScreen,  # type: ignore[no-untyped-def]
) -> None:
    from datetime import date

    screen.period.set_range(date(2024, 3, 31), date(2024, 3, 1))
    qtbot.waitUntil(lambda: "vóór de begindatum" in screen.state.text(), timeout=5_000)
    assert not screen.save_button.isEnabled()
    assert not screen.print_button.isEnabled()


def test_save_as_pdf_prints_the_figures_shown(
    qtbot,
    screen: SummaryScreen,
    summary_world: Any,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "midwolda.pdf"
    asked: list[str] = []
    saved: list[Path] = []
    screen.pdf.ask_path = lambda _parent, name: asked.append(name) or target
    screen.pdf.after_save = lambda _parent, path: saved.append(path)
    screen.save_button.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=15_000)
    assert asked == ["samenvatting-midwolda-maart-2024.pdf"]
    assert saved == [target]
    texts = pages_text(target)
    for field, label, _why in KEY_FIGURES:
        if field in SAID_NOT_TABLED:  # the brief says it in a sentence (page 1 is full)
            continue
        now, before, change = (
            t.replace("<b>", "").replace("</b>", "") for t in _shown(screen)[field]
        )
        assert line_starting(texts, f"{label} ").startswith(f"{label} {now} {before}"), change
    flat = " ".join(all_lines(texts))
    for secret in summary_world.never_printed:
        assert secret not in flat


def test_the_appendix_checkbox_adds_the_full_lists_to_the_pdf(
    qtbot,
    screen: SummaryScreen,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    saved: list[Path] = []
    targets = iter([tmp_path / "kort.pdf", tmp_path / "met-bijlage.pdf"])
    screen.pdf.ask_path = lambda _parent, _name: next(targets)
    screen.pdf.after_save = lambda _parent, path: saved.append(path)
    assert not screen.appendix.isChecked()  # off by default
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(saved) == 1, timeout=15_000)
    qtbot.mouseClick(screen.appendix, Qt.MouseButton.LeftButton)
    assert screen.appendix.isChecked()
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(saved) == 2, timeout=15_000)
    short, full = (pages_text(path) for path in saved)
    assert len(short) <= 2 < len(full)
    assert "Bijlage: alle cijfers en lijsten" in " ".join(all_lines(full))


def test_the_export_button_writes_every_list_of_the_summary_to_excel(
    qtbot,
    screen: SummaryScreen,
    summary_world: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from gebiedsapp.ui.export import ExportDialog

    suggested: list[str] = []

    def save_as(_parent: object, _title: str, name: str, filter_: str) -> tuple[str, str]:
        suggested.append(name)
        return str(tmp_path / "lijsten.xlsx"), filter_

    monkeypatch.setattr(ExportDialog, "exec", lambda _d: QDialog.DialogCode.Accepted.value)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(screen.exporter.exported, timeout=15_000):
        qtbot.mouseClick(screen.exporter.button, Qt.MouseButton.LeftButton)
    assert Path(suggested[0]).name.startswith("samenvatting-midwolda-")
    book = load_workbook(tmp_path / "lijsten.xlsx", read_only=True)
    quotes = [row[0] for row in list(book["Uitspraken"].iter_rows(values_only=True))[1:]]
    assert quotes == list(summary_world.expected["Midwolda"].quotes)
    book.close()


def test_preview_shows_every_page_and_print_renders_them(
    qtbot,
    screen: SummaryScreen,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    printed: list[Path] = []
    screen.pdf.printer = lambda _parent, path: printed.append(path) or 0
    screen.preview_button.click()
    qtbot.waitUntil(lambda: screen.pdf.preview is not None, timeout=15_000)
    preview = screen.pdf.preview
    assert isinstance(preview, PdfPreview)
    source = preview.path
    assert preview.page_count == len(pages_text(source)) > 1
    preview.close()

    screen.print_button.click()
    qtbot.waitUntil(lambda: bool(printed), timeout=15_000)
    source = printed[0]
    pages = len(pages_text(source))

    # what print_pdf does after the printer dialog, to a PDF file ("Afdrukken naar bestand"):
    # the PDF itself, vector, not a picture of it
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert render_to_printer(source, printer, lambda _done, _total: True) == pages
    assert len(pages_text(out)) == pages
    assert out.read_bytes() == source.read_bytes()

    # paper: pages rasterised at no more than 300 dpi, whatever the printer's resolution
    # (1200 dpi here); the user chose the pages 1 to the last in the dialog
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    assert printer.resolution() > MAX_PRINT_DPI
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    paper = tmp_path / "paper.pdf"
    printer.setOutputFileName(str(paper))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, pages)
    steps: list[tuple[int, int]] = []
    printed_pages = render_to_printer(
        source, printer, lambda done, total: steps.append((done, total)) or True
    )
    assert printed_pages == pages
    assert steps == [(page, pages) for page in range(pages)]
    assert len(PdfReader(paper).pages) == pages  # one printed page per PDF page
    widths = _image_widths(paper)
    assert len(widths) == pages
    a4_at_300_dpi = round(595.3 * MAX_PRINT_DPI / 72)
    assert max(widths) <= a4_at_300_dpi
    assert paper.stat().st_size < pages * 1_000_000  # was 3 MB a page at 600 dpi


def _image_widths(pdf: Path) -> list[int]:
    """The pixel width of every image in the PDF."""
    return [
        int(image.image.width)
        for page in PdfReader(pdf).pages
        for image in page.images
        if image.image is not None
    ]


def test_the_municipality_gets_the_overview_report_and_can_be_cancelled(
    qtbot,
    screen: SummaryScreen,
    context: AppContext,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    with context.read() as session:
        oldambt = find_area(session, "Oldambt").id
    screen.set_area(oldambt)
    qtbot.waitUntil(lambda: screen.data is not None and screen.data.municipality, timeout=10_000)
    _wait_loaded(qtbot, screen)
    job = screen.pdf_job()
    assert job is not None
    name, _title, build = job
    assert name == "samenvatting-oldambt-maart-2024.pdf"

    failures: list[str] = []
    screen.pdf.maker.failed.connect(failures.append)
    stopped = tmp_path / "stopped.pdf"
    assert screen.pdf.maker.make(stopped, build)
    screen.pdf.maker.cancel()  # before the first section: nothing is written
    qtbot.waitUntil(lambda: bool(failures), timeout=15_000)
    assert "Geannuleerd" in failures[0]
    assert not stopped.exists()
    assert list(tmp_path.glob("*.pdf")) == []

    made: list[int] = []
    screen.pdf.maker.made.connect(lambda _path, pages: made.append(pages))
    whole = tmp_path / "oldambt.pdf"
    assert screen.pdf.maker.make(whole, build)
    qtbot.waitUntil(lambda: bool(made), timeout=30_000)
    texts = pages_text(whole)
    assert made == [len(texts)]
    assert "Overzicht per gebied" in " ".join(all_lines(texts))


def test_the_key_figures_show_before_the_charts_and_lists_are_in(
    qtbot, screen: SummaryScreen, summary_world: Any, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue 19: on ten times today's data the whole summary takes seconds; its key figures
    come first. The whole summary's load is held back here until the figures are seen."""
    import threading

    from gebiedsapp.ui.summary import screen as screen_module

    go_on = threading.Event()
    whole = screen_module.load_dashboard

    def held_back(*args: Any, **kwargs: Any) -> Any:
        go_on.wait(20)
        return whole(*args, **kwargs)

    monkeypatch.setattr(screen_module, "load_dashboard", held_back)
    march = screen.data
    february = summary_world.expected["Midwolda"].previous
    shown_february = {
        field: f"<b>{number(getattr(february, field))}</b>" for field, _l, _w in KEY_FIGURES
    }
    assert {f: cells[0].text() for f, cells in screen.figure_labels.items()} != shown_february
    try:
        screen.period.month.setFocus()
        qtbot.keyClick(screen.period.month, Qt.Key.Key_Up)  # maart -> februari
        qtbot.waitUntil(
            lambda: (
                {f: cells[0].text() for f, cells in screen.figure_labels.items()} == shown_february
            ),
            timeout=10_000,
        )
        assert "februari 2024" in screen.state.text()
        assert screen.data is march  # the charts, map and lists are still being computed
        assert screen.is_busy()
        assert not screen.save_button.isEnabled()  # no PDF of half a summary
    finally:
        go_on.set()
    _wait_loaded(qtbot, screen)
    assert screen.data is not None
    assert screen.data is not march
    assert screen.data.summary.period == Period.month(2024, 2)
    assert screen.save_button.isEnabled()
