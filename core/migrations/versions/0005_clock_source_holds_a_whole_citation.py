"""a stored clock's source holds a whole citation: the clocks now cite the article or public
source a consultant can look up (core/rules/sources.py), longer than the 40 characters of the
research notes they replace; PostgreSQL refused them

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

Schema only: the column becomes TEXT. The stored plans are derived data; they are marked stale
so every dossier's clocks are computed again with their citations. The downgrade shortens the
column back and clears the stored plans (computed again at the next overview).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clock", schema=None) as batch_op:
        batch_op.alter_column(
            "source", existing_type=sa.String(length=40), type_=sa.Text(), existing_nullable=False
        )
    op.execute("DELETE FROM clock_fresh")


def downgrade() -> None:
    op.execute("DELETE FROM clock")
    op.execute("DELETE FROM clock_fresh")
    with op.batch_alter_table("clock", schema=None) as batch_op:
        batch_op.alter_column(
            "source", existing_type=sa.Text(), type_=sa.String(length=40), existing_nullable=False
        )
