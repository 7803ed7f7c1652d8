"""A CBS StatLine CSV of 'Kerncijfers wijken en buurten' (the typed dataset layout: semicolons,
quoted text, codes padded with spaces, "." for a missing value) for Oldambt, made by the tests.

Every shipped wijk and buurt gets figures; buurt number i (in code order) has 100 + 10 * i
inhabitants, so a test can compute what an area must show without the app's help.
"""

from __future__ import annotations

from pathlib import Path

from gebiedsapp.resources import load_json

HEADER = (
    "ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;"
    "IndelingswijzigingWijkenEnBuurten_4;AantalInwoners_5;Mannen_6;Vrouwen_7;k_0Tot15Jaar_8;"
    "k_15Tot25Jaar_9;k_25Tot45Jaar_10;k_45Tot65Jaar_11;k_65JaarOfOuder_12;Ongehuwd_13;"
    "Gehuwd_14;HuishoudensTotaal_28;Eenpersoonshuishoudens_29;"
    "GemiddeldeHuishoudensgrootte_32;Bevolkingsdichtheid_33;MeestVoorkomendePostcode_104"
)
GEMEENTE = "Oldambt"


def buurten() -> list[str]:
    return sorted(
        f["properties"]["statcode"] for f in load_json("geo", "buurten.geojson")["features"]
    )


def wijken() -> list[str]:
    return sorted(
        f["properties"]["statcode"] for f in load_json("geo", "wijken.geojson")["features"]
    )


def inhabitants_of(code: str) -> int:
    return 100 + 10 * buurten().index(code)


def households_of(code: str) -> int:
    return 40 + 4 * buurten().index(code)


def _line(number: int, code: str, kind: str, inhabitants: str, households: str,
          municipality: str = GEMEENTE) -> str:  # fmt: skip
    n = int(inhabitants) if inhabitants.strip().isdigit() else 0
    ages = [n // 5] * 4 + [n - 4 * (n // 5)]
    return ";".join(
        [
            str(number),
            f'"{code:<10}"',
            f'"{municipality:<40}"',
            f'"{kind:<10}"',
            f'"{code:<10}"',
            '"1         "',
            inhabitants,
            str(n // 2),
            str(n - n // 2),
            *(str(a) for a in ages),
            str(n // 2),
            "       .",  # Gehuwd: missing
            households,
            str(int(households) // 3) if households.strip().isdigit() else "       .",
            "2.1",
            "       .",
            '"9671      "',
        ]
    )


def statline_text(
    *,
    extra: tuple[str, ...] = (),
    only: tuple[str, ...] | None = None,
    municipality: str = GEMEENTE,
) -> str:
    """The file's text: the gemeente, every wijk and buurt (or `only` these codes), then
    `extra` lines as they are."""
    codes = buurten()
    lines = [HEADER]
    total = sum(inhabitants_of(c) for c in codes)
    total_households = sum(households_of(c) for c in codes)
    gm = "GM1895" if municipality == GEMEENTE else "GM0765"
    lines.append(_line(1, gm, "Gemeente", str(total), str(total_households), municipality))
    number = 2
    for code in wijken():
        if only is not None and code not in only:
            continue
        if municipality != GEMEENTE:
            code = "WK0765" + code[6:]
        lines.append(_line(number, code, "Wijk", "500", "200", municipality))
        number += 1
    for code in codes:
        if only is not None and code not in only:
            continue
        shown = code if municipality == GEMEENTE else "BU0765" + code[6:]
        lines.append(
            _line(number, shown, "Buurt", str(inhabitants_of(code)), str(households_of(code)),
                  municipality)
        )  # fmt: skip
        number += 1
    lines.extend(extra)
    return "\n".join(lines) + "\n"


def row(number: int, code: str, inhabitants: str) -> str:
    """One more buurt line of the file, as StatLine writes it."""
    return _line(number, code, "Buurt", inhabitants, "1")


def write(path: Path, text: str | None = None, **kwargs: object) -> Path:
    path.write_text(text if text is not None else statline_text(**kwargs), encoding="utf-8")  # type: ignore[arg-type]
    return path
