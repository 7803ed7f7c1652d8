"""Importing an inwonersenquête (a CSV file or an XLSX workbook): read, map, preview, import.

Two layouts, told apart by the mapping:

- one row per respondent: an area column (and maybe a year column); every other column is a
  question, its cells the answers. The answers are counted up per area and question at once:
  only the outcome (mean of numeric answers, else the most given answer and its share) is kept.
- one row per area and question (`question` mapped): the outcome as the file gives it, with the
  number of respondents.

A question is linked to a theme by a `theme` column (aggregated files) or by `themes`, {question
or question column: theme name} (the dialog's theme table, the CLI's --thema). A file with
columns that look personal is refused as a whole (`survey_privacy`). Reading is
`import_files`'; rows that cannot be used are listed with their reason (signal_import's
InvalidRow). Nothing is written by the preview; `import_survey` writes the outcomes, replacing
those of the same area, wave and question.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.domain import AuditAction
from gebiedsapp.services import audit
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.import_files import CsvTable, clean, column_indexes, suggest_columns
from gebiedsapp.services.signal_import import InvalidRow
from gebiedsapp.services.signal_lookups import Lookups, fold, load_lookups, short
from gebiedsapp.services.survey_privacy import personal_columns, refusal
from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.storage.repositories.survey import SurveyRepository

__all__ = [
    "FIELDS",
    "InvalidRow",
    "SurveyOutcome",
    "SurveyPreview",
    "import_survey",
    "preview_survey",
    "question_columns",
    "suggest_mapping",
]

MAX_QUESTION = 300
MAX_ANSWER = 200
FIELDS: dict[str, str] = {
    "area": "gebied (naam)",
    "wave": "jaar van de enquête (anders het opgegeven jaar)",
    "respondent": "respondentnummer (wordt niet gebruikt)",
    "question": "vraag (bestand per gebied en vraag)",
    "respondents": "aantal respondenten (bestand per gebied en vraag)",
    "score": "gemiddelde score (bestand per gebied en vraag)",
    "answer": "antwoord (bestand per gebied en vraag)",
    "share": "percentage van dat antwoord (bestand per gebied en vraag)",
    "theme": "thema (bestand per gebied en vraag)",
}
SYNONYMS: dict[str, tuple[str, ...]] = {
    "area": ("gebied", "dorp", "kern", "wijk", "woonplaats", "plaats", "gebiedsnaam"),
    "wave": ("jaar", "golf", "meting", "ronde", "year"),
    "respondent": ("respondentnummer", "respondentid", "id", "nr", "nummer", "volgnummer"),
    "question": ("vraag", "vraagtekst", "stelling", "item"),
    "respondents": ("respondenten", "aantalrespondenten", "n", "aantal"),
    "score": ("gemiddelde", "gemiddeldescore", "cijfer", "rapportcijfer", "mean"),
    "answer": ("antwoord", "antwoordcategorie"),
    "share": ("percentage", "procent", "aandeel", "pct"),
    "theme": ("thema", "onderwerp"),
}
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_YEAR = re.compile(r"(?:^|\D)((?:19|20)\d{2})(?:\D|$)")


@dataclass(frozen=True)
class SurveyOutcome:
    """One question's outcome in one area and wave, as it will be stored."""

    area_id: uuid.UUID
    wave: int
    question: str
    respondents: int
    theme_id: uuid.UUID | None = None
    score: float | None = None
    answer: str = ""
    share: float | None = None


@dataclass
class SurveyPreview:
    per_respondent: bool
    rows: int = 0  # valid rows of the file
    outcomes: list[SurveyOutcome] = field(default_factory=list)
    invalid: list[InvalidRow] = field(default_factory=list)
    area_names: dict[uuid.UUID, str] = field(default_factory=dict)
    theme_names: dict[uuid.UUID, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.rows + len(self.invalid)


def suggest_mapping(header: list[str]) -> dict[str, str]:
    return suggest_columns(header, list(FIELDS), SYNONYMS)


def question_columns(header: list[str], mapping: Mapping[str, str]) -> list[str]:
    """In a file per respondent: every named column that is not mapped to a field."""
    if "question" in mapping:
        return []
    used = {name.casefold() for name in mapping.values()}
    return [name for name in header if name and name.casefold() not in used]


def _number(text: str) -> float | None:
    text = text.replace("%", "").strip()
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))


def _wave(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def _check_wave(wave: int, today: date) -> str:
    return "" if 1990 <= wave <= today.year + 1 else f"Het jaar {wave} kan niet kloppen."


def _outcome(
    area_id: uuid.UUID, wave: int, question: str, answers: list[str], theme: uuid.UUID | None
) -> SurveyOutcome:
    numbers = [_number(a) for a in answers]
    if all(n is not None for n in numbers):
        values = [n for n in numbers if n is not None]
        return SurveyOutcome(
            area_id, wave, question, len(answers), theme, score=sum(values) / len(values)
        )
    tally = Counter(fold(a) for a in answers)
    spelled = {fold(a): a for a in reversed(answers)}  # the first spelling of each answer
    top, n = min(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    share = 100 * n / len(answers)
    return SurveyOutcome(
        area_id, wave, question, len(answers), theme, answer=spelled[top][:MAX_ANSWER], share=share
    )


def preview_survey(
    session: Session,
    table: CsvTable,
    mapping: Mapping[str, str],
    *,
    wave: int | None = None,
    themes: Mapping[str, str] | None = None,
    today: date | None = None,
) -> SurveyPreview:
    """Check the file and count it up; nothing is written. A ValidationError (Dutch) for a
    file with personal columns, a mapping that does not fit, or no year."""
    now = today or date.today()
    per_respondent = _check_mapping(table, mapping, wave=wave, today=now)
    columns = column_indexes(table, mapping)
    questions = {
        name: column_indexes(table, {"q": name})["q"]
        for name in question_columns(table.header, mapping)
    }
    if per_respondent and not questions:
        raise ValidationError("Het bestand heeft geen kolommen met vragen.", field="mapping")
    lookups = load_lookups(session)
    theme_ids = {fold(t.name): t.id for t in list_themes(session, include_retired=False)}
    linked = _linked_themes(themes or {}, theme_ids)
    preview = SurveyPreview(
        per_respondent,
        area_names=lookups.area_names,
        theme_names={t.id: t.name for t in list_themes(session)},
    )
    answers: dict[tuple[uuid.UUID, int, str], list[str]] = {}
    seen: dict[tuple[uuid.UUID, int, str], int] = {}
    width = len(table.header)
    for line, record in table.rows:
        cells = {ours: clean(record[i]) if i < len(record) else "" for ours, i in columns.items()}
        reasons: list[str] = []
        if len(record) > width:
            reasons.append(f"De regel heeft meer kolommen ({len(record)}) dan de kopregel.")
        area_id = _row_area(lookups, cells["area"], reasons)
        year = _row_year(cells.get("wave", ""), wave, today=now, reasons=reasons)
        if per_respondent:
            given = {q: clean(record[i]) for q, i in questions.items() if i < len(record)}
            given = {q: a for q, a in given.items() if a}
            if not given:
                reasons.append("De regel bevat geen enkel antwoord.")
            if reasons or area_id is None or year is None:
                preview.invalid.append(InvalidRow(line, " ".join(reasons), _shown(cells)))
                continue
            preview.rows += 1
            for question, answer in given.items():
                answers.setdefault((area_id, year, question[:MAX_QUESTION]), []).append(answer)
            continue
        outcome = _aggregated(cells, reasons, linked=linked, theme_ids=theme_ids)
        if outcome is not None and area_id is not None and year is not None:
            key = (area_id, year, fold(outcome.question))
            if key in seen:
                reasons.append(f"Deze vraag staat voor dit gebied en jaar al op regel {seen[key]}.")
            else:
                seen[key] = line
        if reasons or outcome is None or area_id is None or year is None:
            preview.invalid.append(InvalidRow(line, " ".join(reasons), _shown(cells)))
            continue
        preview.rows += 1
        preview.outcomes.append(replace(outcome, area_id=area_id, wave=year))
    for (area_id, year, question), given_answers in answers.items():
        preview.outcomes.append(
            _outcome(area_id, year, question, given_answers, linked.get(fold(question)))
        )
    preview.outcomes.sort(
        key=lambda o: (preview.area_names.get(o.area_id, ""), o.wave, o.question.casefold())
    )
    return preview


def _check_mapping(
    table: CsvTable, mapping: Mapping[str, str], *, wave: int | None, today: date
) -> bool:
    """Refuse (Dutch) personal columns and a mapping that does not fit; True when the file
    has a row per respondent (no question column mapped)."""
    found = personal_columns(table)
    if found:
        raise ValidationError(refusal(found), field="file")
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise ValidationError(
            f"Onbekend veld '{unknown[0]}'. Velden: {', '.join(FIELDS)}.", field="mapping"
        )
    if "area" not in mapping:
        raise ValidationError("Koppel ook: area (gebied).", field="mapping")
    per_respondent = "question" not in mapping
    if not per_respondent and not {"score", "share"} & set(mapping):
        raise ValidationError(
            "Koppel ook de uitkomst: score (gemiddelde) of share (percentage).", field="mapping"
        )
    if not per_respondent and "respondents" not in mapping:
        raise ValidationError("Koppel ook: respondents (aantal respondenten).", field="mapping")
    if wave is None and "wave" not in mapping:
        raise ValidationError(
            "Geef het jaar van de enquête op, of koppel een kolom met het jaar.", field="wave"
        )
    if wave is not None and (why := _check_wave(wave, today)):
        raise ValidationError(why, field="wave")
    return per_respondent


def _linked_themes(
    themes: Mapping[str, str], theme_ids: Mapping[str, uuid.UUID]
) -> dict[str, uuid.UUID]:
    """{folded question: theme id} as chosen in the dialog; an unknown theme is refused."""
    linked: dict[str, uuid.UUID] = {}
    for question, theme in themes.items():
        if not theme.strip():
            continue
        if fold(theme) not in theme_ids:
            raise ValidationError(f"Onbekend thema '{short(theme)}'.", field="themes")
        linked[fold(question)] = theme_ids[fold(theme)]
    return linked


def _row_area(lookups: Lookups, area: str, reasons: list[str]) -> uuid.UUID | None:
    hits = lookups.areas.get(fold(area), []) if area else []
    if not area:
        reasons.append("Het gebied ontbreekt.")
    elif not hits:
        reasons.append(f"Onbekend gebied '{short(area)}'.")
    elif len(hits) > 1:
        reasons.append(f"Het gebied '{short(area)}' is niet eenduidig.")
    else:
        return hits[0]
    return None


def _row_year(text: str, wave: int | None, *, today: date, reasons: list[str]) -> int | None:
    """The row's own year where the file has one, else the year given for the file."""
    if not text:
        if wave is None:
            reasons.append("Het jaar ontbreekt.")
        return wave
    year = _wave(text)
    if year is None:
        reasons.append(f"Onbekend jaar '{short(text)}'.")
    elif why := _check_wave(year, today):
        reasons.append(why)
    return year


def _shown(cells: Mapping[str, str]) -> dict[str, str]:
    return {ours: short(value, 80) for ours, value in cells.items()}


def _aggregated(
    cells: Mapping[str, str],
    reasons: list[str],
    *,
    linked: Mapping[str, uuid.UUID],
    theme_ids: Mapping[str, uuid.UUID],
) -> SurveyOutcome | None:
    """The outcome a row of an aggregated file gives (area and wave filled in later)."""
    before = len(reasons)
    question = " ".join(cells["question"].split())
    if not question:
        reasons.append("De vraag ontbreekt.")
    elif len(question) > MAX_QUESTION:
        reasons.append(f"De vraag is te lang (hoogstens {MAX_QUESTION} tekens).")
    count = _number(cells["respondents"])
    if not cells["respondents"]:
        reasons.append("Het aantal respondenten ontbreekt.")
    elif count is None or count < 0 or not count.is_integer():
        reasons.append(f"Aantal respondenten '{short(cells['respondents'])}' is geen heel getal.")
    score = _number(cells.get("score", "")) if cells.get("score") else None
    if cells.get("score") and score is None:
        reasons.append(f"Score '{short(cells['score'])}' is geen getal.")
    share = _number(cells.get("share", "")) if cells.get("share") else None
    if cells.get("share") and (share is None or not 0 <= share <= 100):
        reasons.append(f"Percentage '{short(cells['share'])}' ligt niet tussen 0 en 100.")
    if not cells.get("score") and not cells.get("share"):
        reasons.append("De uitkomst ontbreekt (geen score en geen percentage).")
    answer = cells.get("answer", "")
    if len(answer) > MAX_ANSWER:
        reasons.append(f"Het antwoord is te lang (hoogstens {MAX_ANSWER} tekens).")
    theme_id = linked.get(fold(question))
    if cells.get("theme"):
        theme_id = theme_ids.get(fold(cells["theme"]))
        if theme_id is None:
            reasons.append(f"Onbekend thema '{short(cells['theme'])}'.")
    if len(reasons) > before or count is None:
        return None
    unknown_yet = uuid.UUID(int=0)  # the caller fills in the area and the wave
    return SurveyOutcome(unknown_yet, 0, question, int(count), theme_id, score, answer, share)


def import_survey(session: Session, preview: SurveyPreview, *, accept_valid: bool = False) -> int:
    """Store the outcomes of `preview`, replacing those of the same area, wave and question.

    With invalid rows nothing is written unless `accept_valid`. Returns the number of outcomes
    written. Does not commit: the caller's unit of work is the transaction."""
    if preview.invalid and not accept_valid:
        raise ValidationError(
            f"{len(preview.invalid)} van de {preview.total} regels zijn ongeldig; er is niets "
            "geïmporteerd. Accepteer het geldige deel om alleen de geldige regels te importeren."
        )
    if not preview.outcomes:
        return 0
    repo = SurveyRepository(session)
    repo.store(
        [
            {
                "area_id": o.area_id,
                "wave": o.wave,
                "question": o.question,
                "theme_id": o.theme_id,
                "respondents": o.respondents,
                "score": o.score,
                "answer": o.answer,
                "share": o.share,
            }
            for o in preview.outcomes
        ]
    )
    audit.note(
        session,
        AuditAction.IMPORT,
        record_type="survey_result",
        detail=f"{len(preview.outcomes)} enquête-uitkomsten uit {preview.rows} regels"
        + (f", {len(preview.invalid)} ongeldige regels overgeslagen" if preview.invalid else ""),
    )
    return len(preview.outcomes)
