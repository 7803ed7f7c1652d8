"""`gebiedsapp demo-data`: fill the database with made-up example records."""

from __future__ import annotations

from gebiedsapp.cli.base import Run, Subparsers, command
from gebiedsapp.domain import AuditAction
from gebiedsapp.services import audit
from gebiedsapp.services import demo as demo_data


def register(sub: Subparsers) -> None:
    demo = sub.add_parser("demo-data", help="database vullen met verzonnen voorbeeldgegevens")
    demo.add_argument("--size", choices=["small", "large"], default="small")
    demo.add_argument("--seed", type=int, default=1)
    command(demo, _demo_data)


def _demo_data(run: Run) -> int:
    size, seed = run.args.size, run.args.seed
    with run.database.unit_of_work(run.actor) as session:
        counts = demo_data.generate(session, size=size, seed=seed, account=run.actor)
        audit.note(
            session,
            AuditAction.IMPORT,
            detail=f"voorbeeldgegevens ({size}, seed {seed}): {sum(counts.values())} records",
        )
    total = sum(counts.values())
    print(f"Voorbeeldgegevens ({size}, seed {seed}): {total} records")
    for table, count in sorted(counts.items()):
        print(f"  {table:<28} {count:>8}")
    return 0
