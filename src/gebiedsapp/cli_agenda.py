"""`gebiedsapp agenda [--area NAME] [--ics FILE] [--weeks N]`: the agenda of an area or the
municipality on the terminal, and optionally as an iCalendar file for Outlook.

Its own module so that the CLI's split into a package can take it in as it is: `add_parser`
(or HELP, DESCRIPTION and `configure` on a parser made elsewhere) registers the subcommand,
`run(database, args)` does it (reads only; the .ics file is written outside the database).
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from gebiedsapp.services import agenda, ical
from gebiedsapp.services.areas import find_area
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.errors import os_words

log = logging.getLogger(__name__)


def _weeks(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= agenda.MAX_WEEKS:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen aantal weken van 1 tot en met {agenda.MAX_WEEKS}"
        )
    return value


HELP = "de agenda: koffiekarrondes en activiteiten, en waar het team lang niet was"
DESCRIPTION = (
    f"Toont de koffiekarrondes en activiteiten van de afgelopen {agenda.PAST_DAYS} en de komende "
    f"{agenda.AHEAD_DAYS} dagen, en de dorpen en wijken waar het team lang niet is geweest. "
    "Met --ics ook als agendabestand voor Outlook."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of `agenda` (for a parser made here or by the CLI package)."""
    parser.add_argument(
        "--area", metavar="NAAM-OF-CODE", help="alleen dit gebied (met zijn deelgebieden)"
    )
    parser.add_argument(
        "--ics", type=Path, metavar="BESTAND", help="de agenda ook opslaan als .ics-bestand"
    )
    parser.add_argument(
        "--weeks",
        type=_weeks,
        default=None,
        metavar="WEKEN",
        help="'lang niet geweest' na zoveel weken (standaard: zoals in het venster ingesteld, "
        f"anders {agenda.DEFAULT_WEEKS})",
    )


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """The `agenda` subcommand (sub: the CLI's subparsers)."""
    parser: argparse.ArgumentParser = sub.add_parser("agenda", help=HELP, description=DESCRIPTION)
    configure(parser)
    return parser


def _line(item: agenda.AgendaItem) -> str:
    when = f"{item.day:%d-%m-%Y}"
    if item.start is not None:
        when += f" {item.start:%H:%M}"
        if item.end is not None:
            when += f"-{item.end:%H:%M}"
    place = f" | {item.place}" if item.place else ""
    return f"  {when} | {item.title}{place}"


def run(database: Database, args: argparse.Namespace, *, today: date | None = None) -> int:
    day = today or date.today()
    with database.read_session() as session:
        area_id = find_area(session, args.area).id if args.area else None
        weeks = args.weeks if args.weeks is not None else agenda.weeks_setting(session)
        shown = agenda.agenda(session, area_id=area_id, today=day, weeks=weeks)
    print(f"Agenda van {shown.scope_name} ({shown.start:%d-%m-%Y} t/m {shown.end:%d-%m-%Y})")
    print(f"Komend ({len(shown.upcoming)}):")
    for item in shown.upcoming:
        print(_line(item))
    print(f"Geweest ({len(shown.past)}):")
    for item in shown.past:
        print(_line(item))
    print(f"Langer dan {shown.weeks} weken niet geweest ({len(shown.gaps)}):")
    for gap in shown.gaps:
        if gap.last_visit is None:
            print(f"  {gap.name}: nog nooit")
        else:
            weeks = gap.weeks_since(day)
            print(f"  {gap.name}: laatst op {gap.last_visit:%d-%m-%Y} ({weeks} weken geleden)")
    if args.ics is not None:
        try:
            count = ical.write_ical(
                args.ics,
                shown.items,
                name=f"Gebiedsapp – {shown.scope_name}",
                now=datetime.now(UTC),
            )
        except OSError as exc:
            log.warning("cannot write %s: %s", args.ics, exc)
            print(
                f"Kan het agendabestand niet opslaan: {args.ics} ({os_words(exc.errno)})",
                file=sys.stderr,
            )
            return 2
        print(f"Agendabestand: {args.ics} ({count} afspraken)")
    return 0
