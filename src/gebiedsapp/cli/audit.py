"""`gebiedsapp audit verify`: walk the audit log's chain (for an auditor's script)."""

from __future__ import annotations

import sys

from gebiedsapp.cli.base import Run, Stage, Subparsers, command
from gebiedsapp.services import audit


def register(sub: Subparsers) -> None:
    audit_parser = sub.add_parser("audit", help="het auditlog controleren")
    audit_sub = audit_parser.add_subparsers(dest="audit_command", metavar="ACTIE", required=True)
    verify = audit_sub.add_parser(
        "verify",
        help="controleren dat geen regel van het auditlog is gewijzigd of verwijderd",
        description="Loopt de keten van het auditlog na; meldt de eerste regel die niet past. "
        "Uitgang 0: in orde; 1: beschadigd.",
    )
    # before an erasure's pending clean-up and without an 'open' row: the chain as found
    command(verify, _verify, stage=Stage.OPENED)


def _verify(run: Run) -> int:
    """0 when the chain is whole and was never found damaged; 1 otherwise (an auditor's
    script should stop at an earlier, recorded damage as well)."""
    with run.database.read_session() as session:
        check = audit.verify_chain(session)
    if check.ok:
        print(f"Auditlog in orde: {check.entries} regels, de keten is heel.")
        return 0
    if check.whole:
        print(
            f"Auditlog: de keten is heel ({check.entries} regels), maar eerder is het auditlog "
            "beschadigd aangetroffen; dat is vastgelegd in:",
            file=sys.stderr,
        )
    else:
        print(f"Auditlog beschadigd: {check.reason}", file=sys.stderr)
        if check.damage:
            print("Eerder vastgelegde beschadiging:", file=sys.stderr)
    for line in check.damage:
        print(f"  {line}", file=sys.stderr)
    return 1
