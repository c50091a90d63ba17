"""the interpreter (tolk) a person needs at appointments: one new field on the dossier

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

The whole change besides this migration is one declaration on ``Person.interpreter_needed``
(core/models/person.py): the form, the printout, the klantprofiel JSON and its schema, the
import and the validation read it from there. Existing dossiers get no value (unknown); the
downgrade drops the column and with it only what was typed into it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("interpreter_needed", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("interpreter_needed")
