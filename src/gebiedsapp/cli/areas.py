"""`gebiedsapp areas` and `gebiedsapp team`: the area tree, and who works where."""

from __future__ import annotations

from datetime import date

from gebiedsapp.cli.base import Run, Subparsers, always, command
from gebiedsapp.domain import Role
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.teams import team_overview


def register(sub: Subparsers) -> None:
    command(
        sub.add_parser("areas", help="de gebiedsindeling tonen"), _print_areas, reads_only=always
    )
    team = sub.add_parser("team", help="'Wie werkt waar' tonen")
    team.add_argument("--date", type=date.fromisoformat, default=None, help="peildatum JJJJ-MM-DD")
    command(team, _print_team, reads_only=always)


def _print_areas(run: Run) -> int:
    with run.database.read_session() as session:
        for node in area_tree(session):
            codes = f"  [{', '.join(node.buurt_codes)}]" if node.buurt_codes else ""
            print(f"{'  ' * node.depth}{node.name} ({node.kind.label.lower()}){codes}")
    return 0


def _print_team(run: Run) -> int:
    day: date = run.args.date or date.today()
    print(f"Wie werkt waar op {day:%d-%m-%Y}")
    with run.database.read_session() as session:
        for row in team_overview(session, on=day):
            cells = [", ".join(row.for_role(role)) or "-" for role in Role]
            print(
                f"{'  ' * row.depth}{row.area_name}: "
                + " | ".join(
                    f"{role.label}: {cell}" for role, cell in zip(Role, cells, strict=True)
                )
            )
    return 0
