"""`gebiedsapp privacy ...`: the retention periods for personal data, and applying them."""

from __future__ import annotations

import argparse
from datetime import date

from gebiedsapp.cli.base import Run, Subparsers, command
from gebiedsapp.services import retention


def register(sub: Subparsers) -> None:
    privacy = sub.add_parser("privacy", help="bewaartermijnen van persoonsgegevens")
    privacy_sub = privacy.add_subparsers(dest="privacy_command", metavar="ACTIE", required=True)
    retention_parser = privacy_sub.add_parser(
        "retention",
        help="persoonsgegevens anonimiseren en oude concepten verwijderen na hun termijn",
        description="Anonimiseert naam, telefoon en e-mail van bewoners bij wie niets meer "
        "openstaat en van wie het laatste langer dan de bewaartermijn geleden is afgesloten; "
        "verwijdert concepten ouder dan hun termijn. Gebeurt ook bij elke start van de app.",
    )
    retention_parser.add_argument(
        "--dry-run", action="store_true", help="alleen tonen wat er zou gebeuren"
    )
    command(retention_parser, _retention)
    settings_parser = privacy_sub.add_parser(
        "settings", help="bewaartermijnen tonen of instellen (in dagen)"
    )
    settings_parser.add_argument("--retention-days", type=int, metavar="DAGEN")
    settings_parser.add_argument("--draft-days", type=int, metavar="DAGEN")
    command(settings_parser, _settings, reads_only=_shows_only)


def _shows_only(args: argparse.Namespace) -> bool:
    return args.retention_days is None and args.draft_days is None


def _settings(run: Run) -> int:
    args = run.args
    with run.database.unit_of_work(run.actor) as session:
        current = retention.get_settings(session)
        wanted = retention.RetentionSettings(
            args.retention_days if args.retention_days is not None else current.retention_days,
            args.draft_days if args.draft_days is not None else current.draft_days,
        )
        if wanted != current:
            retention.save_settings(session, wanted)
    print(f"Bewaartermijn persoonsgegevens: {wanted.retention_days} dagen na afsluiten")
    print(f"Bewaartermijn concepten: {wanted.draft_days} dagen")
    return 0


def _retention(run: Run) -> int:
    today = date.today()
    if run.args.dry_run:
        with run.database.read_session(run.actor) as session:
            planned = retention.plan(session, today=today)
        print(f"Proefdraai (er verandert niets): {planned.summary()}.")
        for item in planned.residents:
            print(
                f"  bewoner {item.resident_id.hex[:8]}: afgesloten {item.closed_on}, "
                f"termijn verstreken op {item.due_on}"
            )
        return 0
    with run.database.unit_of_work(run.actor) as session:
        done = retention.apply(session, today=today)
    print(f"Bewaartermijn toegepast: {done.summary(done=True)}.")
    return 0
