"""Survey files the tests write themselves: per respondent and aggregated, CSV and XLSX."""

from __future__ import annotations

import io
from collections.abc import Sequence

PER_RESPONDENT_HEADER = [
    "Respondent",
    "Gebied",
    "Tevredenheid groen (1-10)",
    "Voelt u zich veilig?",
]


def per_respondent_rows(*, midwolda: int = 12, scheemda: int = 5) -> list[list[str]]:
    """Midwolda: scores 7 and 8 alternating (mean 7,5), 3 in 4 say "ja"; Scheemda: too few."""
    rows: list[list[str]] = []
    number = 0
    for area, n in (("Midwolda", midwolda), ("Scheemda", scheemda)):
        for i in range(n):
            number += 1
            rows.append([str(number), area, "7" if i % 2 else "8", "nee" if i % 4 == 3 else "ja"])
    return rows


def csv_bytes(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    delimiter: str = ";",
    encoding: str = "utf-8",
) -> bytes:
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


AGGREGATED_HEADER = ["Gebied", "Jaar", "Vraag", "Thema", "Aantal respondenten", "Gemiddelde",
                     "Percentage", "Antwoord"]  # fmt: skip
AGGREGATED_ROWS: list[list[object]] = [
    [
        "Midwolda",
        2025,
        "Hoe tevreden bent u over het groen?",
        "Fysieke omgeving",
        40,
        6.8,
        None,
        None,
    ],
    ["Midwolda", 2025, "Voelt u zich eenzaam?", "Eenzaamheid", 38, None, 21, "vaak"],
    ["Scheemda", 2025, "Voelt u zich eenzaam?", "Eenzaamheid", 7, None, 30, "vaak"],
    ["Atlantis", 2025, "Voelt u zich eenzaam?", "Eenzaamheid", 20, None, 30, "vaak"],
    ["Midwolda", 2025, "Hoe veilig voelt u zich?", "", "veel", 7.1, None, None],
]
