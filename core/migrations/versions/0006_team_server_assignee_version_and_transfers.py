"""a team server: each dossier's assignee and version, the database user in the audit trail, the
team members and the transfers of dossiers (issue 17)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

Portable: the same on the embedded file and on PostgreSQL. The roles, row-level security and
triggers that make these columns trustworthy on a server are PostgreSQL-only and live in
core/storage/team.py (``team init``). Existing dossiers get version 1 and no assignee; the
downgrade drops what was added and loses no dossier data.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assigned_to", sa.String(length=63), nullable=True))
        batch_op.add_column(
            sa.Column("version_id", sa.Integer(), server_default="1", nullable=False)
        )
        batch_op.create_index("ix_person_assigned_to", ["assigned_to"], unique=False)
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("db_user", sa.String(length=63), nullable=True))
    op.create_table(
        "team_member",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_team_member")),
    )
    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_member_team"), ["team"], unique=False)
    op.create_table(
        "transfer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("from_login", sa.String(length=63), nullable=True),
        sa.Column("to_login", sa.String(length=63), nullable=True),
        sa.Column("by_login", sa.String(length=63), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_transfer_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer")),
    )
    with op.batch_alter_table("transfer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transfer_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    op.drop_table("transfer")
    op.drop_table("team_member")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_column("db_user")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_assigned_to")
        batch_op.drop_column("version_id")
        batch_op.drop_column("assigned_to")
