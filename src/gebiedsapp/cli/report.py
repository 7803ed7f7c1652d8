"""`gebiedsapp report ...`: the summary for the wethouder as a PDF (and its lists as Excel)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gebiedsapp.cli.base import Run, Subparsers, command, day
from gebiedsapp.domain import AuditAction
from gebiedsapp.identity import current_actor
from gebiedsapp.services import audit, reports
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.period import Period


def register(sub: Subparsers) -> None:
    report = sub.add_parser("report", help="samenvatting voor de wethouder als PDF maken")
    report_sub = report.add_subparsers(dest="report_command", metavar="SOORT", required=True)
    area_report = report_sub.add_parser(
        "area",
        help="samenvatting van één gebied (of meer, met --area herhaald)",
        description="Samenvatting voor de wethouder van een gebied over een periode, met de "
        "vorige periode van dezelfde lengte ernaast.",
    )
    area_report.add_argument(
        "--area",
        dest="areas",
        metavar="NAAM-OF-CODE",
        action="append",
        required=True,
        help="gebied: naam, sleutel of CBS-code (herhaalbaar voor een groep gebieden)",
    )
    area_report.add_argument(
        "--xlsx",
        metavar="BESTAND.xlsx",
        type=Path,
        help="ook alle lijsten (open signalen, uitspraken, acties...) naar Excel",
    )
    municipality_report = report_sub.add_parser(
        "municipality",
        help="samenvatting van de hele gemeente: overzicht en een deel per gebied",
    )
    for each in (area_report, municipality_report):
        each.add_argument("--from", dest="start", metavar="JJJJ-MM-DD", type=day, required=True)
        each.add_argument("--to", dest="end", metavar="JJJJ-MM-DD", type=day, required=True)
        each.add_argument("-o", "--output", metavar="BESTAND.pdf", type=Path, required=True)
        each.add_argument(
            "--appendix",
            action="store_true",
            help="met een bijlage met alle cijfers en volledige lijsten (standaard: alleen de "
            "samenvatting)",
        )
        command(each, _report)


def _report(run: Run) -> int:
    args, database = run.args, run.database
    period = Period(args.start, args.end)
    output: Path = args.output
    if output.suffix.lower() != ".pdf":
        raise ValidationError(f"Het uitvoerbestand moet op .pdf eindigen: {output}")
    if not output.parent.is_dir():
        raise ValidationError(f"De map {output.parent} bestaat niet.")
    today = date.today()
    with database.read_session() as session:
        if args.report_command == "municipality":
            pages = reports.municipality_summary_pdf(
                session, period, output, today=today, appendix=args.appendix
            )
        else:
            area_ids = [find_area(session, text).id for text in args.areas]
            pages = reports.area_summary_pdf(
                session, area_ids, period, output, today=today, appendix=args.appendix
            )
            if args.xlsx is not None:
                from gebiedsapp.services.summary import area_summary
                from gebiedsapp.services.summary_export import write_summary_xlsx

                summary = area_summary(session, area_ids, period, today=today)
                rows = write_summary_xlsx(summary, args.xlsx)
                print(f"Lijsten opgeslagen: {args.xlsx} ({rows} regels)")
    with database.unit_of_work(current_actor()) as session:
        what = "gemeente" if args.report_command == "municipality" else ", ".join(args.areas)
        audit.note(
            session,
            AuditAction.PRINT,
            record_type="samenvatting",
            detail=f"samenvatting {what}, {period.start} t/m {period.end}, {pages} pagina's",
        )
    print(f"Samenvatting opgeslagen: {output} ({pages} pagina's)")
    return 0
