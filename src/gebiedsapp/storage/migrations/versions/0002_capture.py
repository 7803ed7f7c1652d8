"""capture: residents and consent, contacts, follow-ups, drafts, versions, search

On SQLite also the full-text index (FTS5, diacritics folded so "een" finds "één"), kept in step
with its tables by triggers: every write path, bulk inserts included, updates it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 15:45:05.551031
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# (table, FTS columns). The FTS tables use the base table's rowid (external content); a VACUUM
# may renumber rowids, so storage.search.rebuild_search_index() must follow one.
FTS_TABLES = (
    ("conversation", ("summary", "quote")),
    ("contact", ("subject", "notes")),
    ("koffiekar_session", ("place", "notes")),
)


def _create_fts() -> None:
    for table, columns in FTS_TABLES:
        fts = f"{table}_fts"
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
            "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _drop_fts() -> None:
    for table, _columns in FTS_TABLES:
        fts = f"{table}_fts"
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")


revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "record_version",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=120), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_version")),
    )
    with op.batch_alter_table("record_version", schema=None) as batch_op:
        batch_op.create_index(
            "ix_record_version_record", ["record_type", "record_id"], unique=False
        )

    op.create_table(
        "resident",
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("anonymised_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident")),
    )
    op.create_table(
        "consent",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_consent_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_resident_id"), ["resident_id"], unique=False)

    op.create_table(
        "contact",
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column("contact_type", sa.String(length=32), nullable=False),
        sa.Column("with_kind", sa.String(length=32), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=True),
        sa.Column("group_name", sa.String(length=200), nullable=False),
        sa.Column("partner_id", sa.Uuid(), nullable=True),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_contact_area_id_area")),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_contact_partner_id_partner")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_contact_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index("ix_contact_area_date", ["area_id", "date"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_date"), ["date"], unique=False)

    op.create_table(
        "meedenker",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column("consent_id", sa.Uuid(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_meedenker_area_id_area")),
        sa.ForeignKeyConstraint(
            ["consent_id"], ["consent.id"], name=op.f("fk_meedenker_consent_id_consent")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_meedenker_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meedenker")),
    )
    with op.batch_alter_table("meedenker", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meedenker_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meedenker_resident_id"), ["resident_id"], unique=False)

    op.create_table(
        "contact_theme",
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("theme_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_theme_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["theme.id"], name=op.f("fk_contact_theme_theme_id_theme")
        ),
        sa.PrimaryKeyConstraint("contact_id", "theme_id", name=op.f("pk_contact_theme")),
    )
    with op.batch_alter_table("contact_theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_theme_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "draft",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=True),
        sa.Column("session_id", sa.Uuid(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["koffiekar_session.id"],
            name=op.f("fk_draft_session_id_koffiekar_session"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft")),
    )
    with op.batch_alter_table("draft", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_draft_actor"), ["actor"], unique=False)

    op.create_table(
        "meedenker_theme",
        sa.Column("meedenker_id", sa.Uuid(), nullable=False),
        sa.Column("theme_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meedenker_id"],
            ["meedenker.id"],
            name=op.f("fk_meedenker_theme_meedenker_id_meedenker"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["theme.id"], name=op.f("fk_meedenker_theme_theme_id_theme")
        ),
        sa.PrimaryKeyConstraint("meedenker_id", "theme_id", name=op.f("pk_meedenker_theme")),
    )
    op.create_table(
        "follow_up",
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("conversation_id", sa.Uuid(), nullable=True),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_follow_up_area_id_area")),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name=op.f("fk_follow_up_contact_id_contact")
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_follow_up_conversation_id_conversation"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["team_member.id"], name=op.f("fk_follow_up_owner_id_team_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_follow_up_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_follow_up_conversation_id"), ["conversation_id"], unique=False
        )
        batch_op.create_index("ix_follow_up_owner_status", ["owner_id", "status"], unique=False)

    with op.batch_alter_table("conversation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resident_id", sa.Uuid(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_conversation_resident_id"), ["resident_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_conversation_resident_id_resident"), "resident", ["resident_id"], ["id"]
        )

    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("account", sa.String(length=120), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_team_member_account"), ["account"])

    if op.get_bind().dialect.name == "sqlite":
        _create_fts()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _drop_fts()

    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_team_member_account"), type_="unique")
        batch_op.drop_column("account")

    with op.batch_alter_table("conversation", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_conversation_resident_id_resident"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_conversation_resident_id"))
        batch_op.drop_column("resident_id")

    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_owner_status")
        batch_op.drop_index(batch_op.f("ix_follow_up_conversation_id"))
        batch_op.drop_index(batch_op.f("ix_follow_up_contact_id"))
        batch_op.drop_index(batch_op.f("ix_follow_up_area_id"))

    op.drop_table("follow_up")
    op.drop_table("meedenker_theme")
    with op.batch_alter_table("draft", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_draft_actor"))

    op.drop_table("draft")
    with op.batch_alter_table("contact_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_theme_theme_id"))

    op.drop_table("contact_theme")
    with op.batch_alter_table("meedenker", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meedenker_resident_id"))
        batch_op.drop_index(batch_op.f("ix_meedenker_area_id"))

    op.drop_table("meedenker")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_date"))
        batch_op.drop_index("ix_contact_area_date")

    op.drop_table("contact")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_resident_id"))

    op.drop_table("consent")
    op.drop_table("resident")
    with op.batch_alter_table("record_version", schema=None) as batch_op:
        batch_op.drop_index("ix_record_version_record")

    op.drop_table("record_version")
