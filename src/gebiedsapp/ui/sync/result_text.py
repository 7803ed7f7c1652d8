"""The Dutch result of a sync for the window (what `gebiedsapp sync` prints as well): what
came in and went out, new conflicts, and what the server's rights did (rows let go of,
changes for an area that is no longer the user's, reference data). Kept in the
controller's translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from gebiedsapp.ui.formatting import format_number

if TYPE_CHECKING:  # annotations only: the window's start does not import sync (PostgreSQL)
    from gebiedsapp.services import sync


def summary(result: sync.SyncResult) -> str:
    """The result in Dutch: what came in, went out, clashed and was refused."""
    lines = [
        QCoreApplication.translate("SyncController", "%s opgehaald, %s verstuurd.")
        % (format_number(result.pulled), format_number(result.pushed))
    ]
    if result.conflicts == 1:
        lines.append(
            QCoreApplication.translate(
                "SyncController",
                "1 nieuw conflict: kies in het scherm Conflicten (Ctrl+Shift+C) welke "
                "versie blijft.",
            )
        )
    elif result.conflicts:
        lines.append(
            QCoreApplication.translate(
                "SyncController",
                "%s nieuwe conflicten: kies in het scherm Conflicten (Ctrl+Shift+C) welke "
                "versie blijft.",
            )
            % format_number(result.conflicts)
        )
    lines += _rights(result)
    if result.skipped:
        lines.append(
            QCoreApplication.translate(
                "SyncController", "%s records overgeslagen: u mag ze op de server niet zien."
            )
            % format_number(result.skipped)
        )
    if result.waiting:
        lines.append(
            QCoreApplication.translate("SyncController", "Nog te versturen: %s.")
            % format_number(result.waiting)
        )
    return "\n\n".join(lines)


def _rights(result: sync.SyncResult) -> list[str]:
    """What the server's rights did to the run (as `gebiedsapp sync` says it)."""
    lines = []
    if result.removed:
        lines.append(
            QCoreApplication.translate(
                "SyncController",
                "%s records van deze laptop gehaald: u mag ze niet meer zien (een gebied of "
                "uw rol is gewijzigd, of ze zijn naar een ander gebied verplaatst). Op de "
                "teamserver blijven ze bewaard.",
            )
            % format_number(result.removed)
        )
    if result.not_theirs:
        lines.append(not_theirs(result.not_theirs))
    if result.refused - result.not_theirs > 0:
        lines.append(
            QCoreApplication.translate(
                "SyncController",
                "%s wijzigingen geweigerd door de server (geen rechten voor dat gebied of "
                "die gegevens); ze blijven op deze laptop bewaard.",
            )
            % format_number(result.refused - result.not_theirs)
        )
    if result.reference_replaced:
        lines.append(
            QCoreApplication.translate(
                "SyncController",
                "%s referentiegegevens (thema's, categorieën, partners, gebieden) op deze "
                "laptop weken af en zijn vervangen door die van de teamserver: alleen een "
                "beheerder kan ze wijzigen.",
            )
            % format_number(result.reference_replaced)
        )
    if result.reference_held:
        lines.append(
            QCoreApplication.translate(
                "SyncController",
                "%s referentiegegevens staan alleen op deze laptop en worden niet verstuurd: "
                "alleen een beheerder kan ze op de teamserver zetten. Ze blijven bewaard; "
                "vraag de beheerder ze toe te voegen.",
            )
            % format_number(result.reference_held)
        )
    return lines


def not_theirs(count: int, *, at_least: bool = False) -> str:
    """`at_least`: the status bar counted only up to its limit."""
    number = format_number(count)
    if at_least:
        number = QCoreApplication.translate("SyncController", "minstens %s") % number
    return (
        QCoreApplication.translate(
            "SyncController",
            "%s wijzigingen konden niet worden verstuurd: ze horen bij een gebied dat niet "
            "(meer) aan u is toegewezen. Ze blijven op deze laptop bewaard. Vraag de "
            "beheerder u het gebied weer toe te wijzen, of geef ze aan een collega van dat "
            "gebied met Bestand → Uitwisselingsbestand maken…",
        )
        % number
    )
