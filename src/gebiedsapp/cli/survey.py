"""`gebiedsapp survey import`: an inwonersenquête from a CSV or XLSX file, checked, previewed,
and written only when every row is valid or --accept-valid says so."""

from __future__ import annotations

import logging

from gebiedsapp.cli.base import (
    Run,
    Subparsers,
    add_import_arguments,
    command,
    read_import_file,
    refuse_or_back_up,
)
from gebiedsapp.services.import_files import parse_mapping, read_table
from gebiedsapp.services.survey import result_text
from gebiedsapp.services.survey_import import (
    FIELDS,
    import_survey,
    preview_survey,
    suggest_mapping,
)

log = logging.getLogger(__name__)


def register(sub: Subparsers) -> None:
    survey = sub.add_parser("survey", help="inwonersenquête")
    survey_sub = survey.add_subparsers(dest="survey_command", metavar="ACTIE", required=True)
    importing = survey_sub.add_parser(
        "import",
        help="uitkomsten van een inwonersenquête importeren uit CSV of Excel",
        description="Leest het bestand (één regel per respondent, of per gebied en vraag), "
        "controleert elke regel en slaat per gebied, vraag en jaar de uitkomst op. Een bestand "
        "met persoonsgegevens (naam, e-mail, telefoon, adres ...) wordt geweigerd. Velden: "
        + ", ".join(f"{k} ({v})" for k, v in FIELDS.items())
        + ". Zonder --map volgt de koppeling uit de kolomnamen; bij een bestand per respondent "
        "is elke andere kolom een vraag.",
    )
    add_import_arguments(importing)
    importing.add_argument(
        "--thema",
        dest="themes",
        metavar="VRAAG=THEMA",
        action="append",
        default=[],
        help="koppel een vraag (of vraagkolom) aan een thema (herhaalbaar)",
    )
    importing.add_argument(
        "--wave", type=int, metavar="JJJJ", help="het jaar van de enquête (zonder jaarkolom)"
    )
    command(importing, _import)


def _import(run: Run) -> int:
    """Exit 0 when the outcomes were stored (or would be, with --dry-run, all rows valid); 2
    when nothing was written: invalid rows without --accept-valid, personal columns, bad input."""
    args, database = run.args, run.database
    mapping = parse_mapping(args.mapping)
    themes = parse_mapping(args.themes)
    data = read_import_file(args.file)
    if data is None:
        return 2
    table = read_table(data)
    if not mapping:
        mapping = suggest_mapping(table.header)
        print("Koppeling: " + ", ".join(f"{ours}={theirs}" for ours, theirs in mapping.items()))
    with database.unit_of_work(run.actor) as session:
        preview = preview_survey(session, table, mapping, wave=args.wave, themes=themes)
        kind = "per respondent" if preview.per_respondent else "per gebied en vraag"
        print(
            f"{preview.total} regels ({kind}): {preview.rows} geldig, "
            f"{len(preview.invalid)} ongeldig; {len(preview.outcomes)} uitkomsten."
        )
        for row in preview.invalid:
            print(f"  regel {row.line}: {row.reason}")
        for o in preview.outcomes:
            result = result_text(
                respondents=o.respondents, score=o.score, answer=o.answer, share=o.share
            )
            theme = f" [{preview.theme_names[o.theme_id]}]" if o.theme_id else ""
            print(f"  {preview.area_names.get(o.area_id, '?')} {o.wave} · {o.question}{theme}: "
                  f"{result}")  # fmt: skip
        if (refused := refuse_or_back_up(run, session, invalid=bool(preview.invalid))) is not None:
            return refused
        written = import_survey(session, preview, accept_valid=args.accept_valid)
    print(f"{written} enquête-uitkomsten opgeslagen.")
    return 0
