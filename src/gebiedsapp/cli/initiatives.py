"""`gebiedsapp initiatives`: the residents' initiatives, their status and next milestone."""

from __future__ import annotations

from datetime import date

from gebiedsapp.cli.base import Run, Subparsers, always, command
from gebiedsapp.services import initiatives
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.overview import area_header


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "initiatives", help="bewonersinitiatieven tonen: status, sinds, volgende mijlpaal"
    )
    parser.add_argument(
        "--area", metavar="NAAM-OF-CODE", help="alleen dit gebied (met zijn deelgebieden)"
    )
    parser.add_argument("--all", action="store_true", help="ook afgeronde en gestopte initiatieven")
    command(parser, _print_initiatives, reads_only=always)


def _print_initiatives(run: Run) -> int:
    area: str | None = run.args.area
    today = date.today()
    with run.database.read_session() as session:
        area_ids = None
        if area is not None:
            area_ids = area_header(session, find_area(session, area).id, today=today).area_ids
        rows = initiatives.list_initiatives(session, area_ids=area_ids, include_ended=run.args.all)
    for row in rows:
        if row.ended_on is not None:
            step = f"{row.status.label.lower()} op {row.ended_on:%d-%m-%Y}"
        elif row.next_milestone is not None:
            due = row.next_milestone.due_on
            step = row.next_milestone.description + (f" ({due:%d-%m-%Y})" if due else "")
        else:
            step = "geen open mijlpaal"
        print(
            f"{row.title} | {row.area_name} | {row.status.label} | sinds "
            f"{row.started_on:%d-%m-%Y} | {step}"
        )
    print(f"{len(rows)} {'initiatief' if len(rows) == 1 else 'initiatieven'}")
    return 0
