"""Excel's "Unicode-tekst" (UTF-16 with a byte order mark, tab separated) in the import dialog
(issue 14, item 9): recognised and said so, every row read."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.signals.import_dialog import SignalImportDialog

UNICODE_TEXT = (
    "Nummer\tOmschrijving\tSoort\tDorp\tDatum melding\n"
    "1\tZwerfvuil bij de school ♻\tAfval / Zwerfvuil\tBeerta\t03-02-2026\n"
    "2\tTroep langs het fietspad\tZwerfvuil\tbeerta\t04-02-2026\n"
)


def test_excel_unicode_text_is_read_and_named(
    qtbot: Any, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "meldingen.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + UNICODE_TEXT.encode("utf-16-le"))
    dialog = SignalImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(path)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "scheidingsteken: tab" in dialog.file_info.text()
    assert "tekenset: Unicode (UTF-16)" in dialog.file_info.text()
    assert dialog.mapping()["description"] == "Omschrijving"
    assert dialog.counts.text() == "2 geldig, 0 afgekeurd"
