"""The audit log: an append-only record of who did what to which record, never with the values.

Every create, update and delete of a record is entered by the session hook in
`storage.audit`; exports, prints, imports, erasures and the opening of the app by the services
that do them. Each entry carries the hash of the one before it, and the chain's newest hash is
kept in `AuditHead`: an entry that is changed, removed or slipped in breaks the chain, which
`services.audit.verify_chain` (and `gebiedsapp audit verify`) finds and reports.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gebiedsapp.domain.base import Base, UTCDateTime, str_enum
from gebiedsapp.domain.enums import AuditAction

GENESIS = "0" * 64  # the "previous hash" of the first entry


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_record", "record_type", "record_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[AuditAction] = mapped_column(str_enum(AuditAction, 16))
    record_type: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[str] = mapped_column(String(36), default="")  # uuid hex, or ""
    fields: Mapped[str] = mapped_column(Text, default="")  # names only, comma separated
    detail: Mapped[str] = mapped_column(Text, default="")  # e.g. "signalen.xlsx, 120 rijen"
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row: how many entries the chain has and the hash of the newest. Updating it first in
    every transaction that writes entries also takes SQLite's write lock, so two app instances
    cannot both extend the chain from the same entry."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    entries: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64), default=GENESIS)
