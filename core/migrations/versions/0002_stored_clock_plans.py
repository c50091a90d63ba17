"""stored clock plans: the "needs attention" overview reads them instead of computing 10,000
dossiers at every start (issue 7)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

Derived data only: an upgraded database starts with empty tables and every dossier is computed
once, in the background, on the first overview. The downgrade drops them and loses nothing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("detail", sa.String(length=80), nullable=False),
        sa.Column("met", sa.Boolean(), nullable=False),
        sa.Column("closes", sa.Boolean(), nullable=False),
        sa.Column("shown_from", sa.Date(), nullable=True),
        sa.Column("shown_until", sa.Date(), nullable=True),
        sa.Column("order_key", sa.String(length=130), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_clock_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clock")),
    )
    with op.batch_alter_table("clock", schema=None) as batch_op:
        batch_op.create_index("ix_clock_person_date", ["person_id", "date"], unique=False)
        batch_op.create_index(
            "ix_clock_open",
            ["met", "person_id", "date", "closes", "shown_from", "shown_until", "order_key"],
            unique=False,
        )
    op.create_table(
        "clock_fresh",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("plan_version", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_clock_fresh_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_clock_fresh")),
    )


def downgrade() -> None:
    op.drop_table("clock_fresh")
    with op.batch_alter_table("clock", schema=None) as batch_op:
        batch_op.drop_index("ix_clock_open")
        batch_op.drop_index("ix_clock_person_date")
    op.drop_table("clock")
