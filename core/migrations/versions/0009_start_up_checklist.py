"""the first practical steps after housing: the start-up checklist record kind

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

A new table, ``start_item``; nothing existing changes. Health insurance gets a clock from the
stored clock plans (core.rules.clocks.PLAN_VERSION was raised).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "start_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("needed_from", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("helper", sa.String(length=200), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_start_item_document_id_document"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_start_item_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_start_item")),
    )
    with op.batch_alter_table("start_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_start_item_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("start_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_start_item_person_id"))
    op.drop_table("start_item")
