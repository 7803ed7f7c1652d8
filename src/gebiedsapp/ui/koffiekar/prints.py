"""What the koffiekar screen saves and prints: the area's rounds as a file, a round's sheet."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from gebiedsapp.services.areas import AreaNode
from gebiedsapp.services.list_exports import koffiekar_tables
from gebiedsapp.services.reports import Progress
from gebiedsapp.services.reports.session_data import session_sheet
from gebiedsapp.ui.export import ExportJob
from gebiedsapp.ui.pdf import Build, pdf_name


def area_export(area: AreaNode) -> ExportJob:
    """Every round of the area, and every conversation in them."""
    area_id = area.id
    return ExportJob(
        f"koffiekar-{area.name}",
        lambda session, options: koffiekar_tables(session, area_id, options),
        personal_data=True,
    )


def round_sheet(area_name: str, round_id: uuid.UUID) -> tuple[str, Build]:
    """The file name and the builder of a round's one-page print."""
    today = date.today()

    def build(session: Session, path: Path, _progress: Progress) -> int:
        from gebiedsapp.services.reports.koffiekar_sheet import write_session_sheet

        return write_session_sheet(session_sheet(session, round_id, today=today), path)

    return pdf_name("koffiekar", area_name, today.isoformat()), build
