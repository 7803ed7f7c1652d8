"""Reading an import file as one table of text: CSV (any usual encoding and delimiter) or XLSX.

The file is treated as hostile. A CSV file is read as text (UTF-8, or the UTF-16 or UTF-32 its
byte order mark names, as Excel's "Unicode-tekst" is; else cp1252), its delimiter (; tab or ,)
found by `csv.Sniffer`, and every cell stays plain text: a cell such as `=cmd|' /C calc'!A0` is
stored as those characters and never evaluated. A workbook (.xlsx, told by its first bytes) is
read with openpyxl in read-only mode (`xlsx_read`). A file that cannot be read at all (empty, no
header, a field of more than `MAX_FIELD` characters, too many rows) gives one ValidationError
with a Dutch message.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.xlsx_read import looks_like_xlsx, read_xlsx_rows

__all__ = [
    "BROKEN",
    "MAX_BYTES",
    "MAX_FIELD",
    "MAX_ROWS",
    "SURROGATE",
    "CsvTable",
    "clean",
    "column_indexes",
    "normal",
    "parse_mapping",
    "read_csv",
    "read_table",
    "readable",
    "suggest_columns",
]

MAX_BYTES = 50_000_000
MAX_ROWS = 200_000
MAX_FIELD = 100_000  # csv's own default limit is 131,072; a real export has no such cell
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class CsvTable:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number in the file, cells)
    delimiter: str
    encoding: str


# A byte order mark says how the file is written: Excel's "Unicode-tekst" is UTF-16 LE, tab
# separated, with a BOM. UTF-32 first: its LE mark starts with UTF-16 LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SURROGATE = re.compile(r"[\ud800-\udfff]")
BROKEN = "\ufffd"  # shown where a broken character (a lone surrogate) was


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in. A broken character (half of a UTF-16 pair)
    is kept as a lone surrogate, so the row that holds it can be refused by name."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            codec = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                return body.decode(codec, errors="surrogatepass"), encoding
            except UnicodeDecodeError:
                if codec != "utf-8":  # a cut-off UTF-16 or UTF-32 file: keep what is there
                    return body.decode(codec, errors="replace"), encoding
            # a UTF-8 mark followed by no UTF-8: read the rest as cp1252
            return body.decode("cp1252", errors="replace"), "cp1252"
    try:
        return data.decode("utf-8", errors="surrogatepass"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


SNIFF_CHARS = 64_000


def _delimiter(text: str) -> str:
    """The delimiter (; tab or ,) as `csv.Sniffer` finds it in the first lines; where it cannot
    tell, or names one the header does not use, the one the header uses most (in that order
    when equal). The quote character stays ": the sniffer would take the apostrophe in
    "'t Waar" for one."""
    first_line = text.split("\n", 1)[0]
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        found = csv.Sniffer().sniff(sample, delimiters=";\t,").delimiter
    except csv.Error:
        found = ""
    if found and found in first_line:
        return found
    return max((";", "\t", ","), key=first_line.count)


def readable(text: str) -> str:
    """A broken character shown as U+FFFD (it cannot be printed or stored as it is)."""
    return SURROGATE.sub(BROKEN, text)


def read_csv(data: bytes) -> CsvTable:
    """The header and rows of a CSV file; a ValidationError (Dutch) when it cannot be read."""
    if len(data) > MAX_BYTES:
        raise ValidationError(
            f"Het bestand is te groot (meer dan {MAX_BYTES // 1_000_000} MB).", field="file"
        )
    text, encoding = _decode(data)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ValidationError("Het bestand is leeg.", field="file")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if any(len(cell) > MAX_FIELD for cell in record):
                raise ValidationError(
                    f"Regel {line} bevat een veld van meer dan {MAX_FIELD} tekens; "
                    "dit lijkt geen export van meldingen.",
                    field="file",
                )
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [readable(clean(cell)) for cell in record]
                continue
            rows.append((line, record))
            if len(rows) > MAX_ROWS:
                raise ValidationError(
                    f"Het bestand heeft meer dan {MAX_ROWS} regels; splits het op.", field="file"
                )
    except csv.Error as exc:
        raise ValidationError(
            f"Het bestand is geen leesbaar CSV-bestand (regel {reader.line_num}).", field="file"
        ) from exc
    if header is None:
        raise ValidationError("Het bestand heeft geen kopregel met kolomnamen.", field="file")
    if not any(header):
        raise ValidationError("De kopregel van het bestand heeft geen kolomnamen.", field="file")
    return CsvTable(header=header, rows=rows, delimiter=delimiter, encoding=encoding)


def read_table(data: bytes) -> CsvTable:
    """A CSV file or an Excel workbook (.xlsx, told by its first bytes), as one table."""
    if not looks_like_xlsx(data):
        return read_csv(data)
    if len(data) > MAX_BYTES:
        raise ValidationError(
            f"Het bestand is te groot (meer dan {MAX_BYTES // 1_000_000} MB).", field="file"
        )
    header, rows = read_xlsx_rows(data, max_rows=MAX_ROWS, max_field=MAX_FIELD)
    if header is None:
        raise ValidationError("Het bestand heeft geen kopregel met kolomnamen.", field="file")
    header = [readable(clean(cell)) for cell in header]
    if not any(header):
        raise ValidationError("De kopregel van het bestand heeft geen kolomnamen.", field="file")
    return CsvTable(header=header, rows=rows, delimiter="", encoding="xlsx")


def clean(cell: str) -> str:
    """Plain text: control characters out, surrounding space off. Never evaluated."""
    return _CONTROL.sub("", cell).strip()


def normal(name: str) -> str:
    """A column name for matching: lower case, letters and digits only."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def parse_mapping(pairs: Sequence[str]) -> dict[str, str]:
    """`our=their` pairs (the CLI's --map) into a mapping; ValidationError on a bad pair."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise ValidationError(f"Koppeling '{pair}' moet de vorm veld=kolom hebben.")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def suggest_columns(
    header: Sequence[str], fields: Sequence[str], synonyms: Mapping[str, Sequence[str]]
) -> dict[str, str]:
    """A first guess of {our field: their column} from the column names; each column once.

    Case, spaces and punctuation do not matter; our own field name first, then the synonyms in
    their order. The user checks and corrects the guess in the dialog."""
    columns = [(index, normal(name)) for index, name in enumerate(header) if name.strip()]
    used: set[int] = set()
    mapping: dict[str, str] = {}
    for ours in fields:
        for wanted in (normal(ours), *synonyms.get(ours, ())):
            index = next((i for i, name in columns if name == wanted and i not in used), None)
            if index is not None:
                used.add(index)
                mapping[ours] = header[index]
                break
    return mapping


def column_indexes(table: CsvTable, mapping: Mapping[str, str]) -> dict[str, int]:
    """{our field: index of their column}; a Dutch ValidationError for a column not in the
    file (the first of equal names wins)."""
    by_name = {name.casefold(): index for index, name in reversed(list(enumerate(table.header)))}
    columns: dict[str, int] = {}
    for ours, theirs in mapping.items():
        index = by_name.get(theirs.strip().casefold())
        if index is None:
            shown = ", ".join(f"'{name[:40]}'" for name in table.header[:20])
            raise ValidationError(
                f"Kolom '{theirs[:80]}' staat niet in het bestand. Kolommen: {shown}.",
                field="mapping",
            )
        columns[ours] = index
    return columns
