"""decisions (beschikkingen) with their objection, appeal and fine: the handhaving record kind

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

A new table, ``besluit``; nothing existing changes. Its bezwaar and beroep clocks come from the
stored clock plans, which are computed again (core.rules.clocks.PLAN_VERSION was raised).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "besluit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("authority", sa.String(length=12), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("notice_date", sa.Date(), nullable=False),
        sa.Column("bezwaar_date", sa.Date(), nullable=True),
        sa.Column("bezwaar_decision_date", sa.Date(), nullable=True),
        sa.Column("bezwaar_outcome", sa.String(length=40), nullable=True),
        sa.Column("beroep_date", sa.Date(), nullable=True),
        sa.Column("amount", sa.Numeric(precision=8, scale=2), nullable=True),
        sa.Column("fine_ground", sa.String(length=40), nullable=True),
        sa.Column("payment_arrangement", sa.String(length=300), nullable=True),
        sa.Column("fine_status", sa.String(length=40), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_besluit_document_id_document"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_besluit_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_besluit")),
    )
    with op.batch_alter_table("besluit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_besluit_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("besluit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_besluit_person_id"))
    op.drop_table("besluit")
