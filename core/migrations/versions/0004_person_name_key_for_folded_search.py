"""a folded name key on each dossier: the caseload search finds "Al-Hassan" for "al hassan" and
"Çelik" for "celik", in SQLite and PostgreSQL alike (core/models/folding.py)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05

Derived data only: the key is computed here for every existing dossier and from then on by the
model on every write. The downgrade drops the column and loses nothing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.models.folding import name_key

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_key", sa.String(length=820), nullable=False, server_default="")
        )
    conn = op.get_bind()
    person = sa.table(
        "person",
        sa.column("id", sa.Integer),
        sa.column("given_names", sa.String),
        sa.column("family_name", sa.String),
        sa.column("name_key", sa.String),
    )
    rows = conn.execute(sa.select(person.c.id, person.c.given_names, person.c.family_name)).all()
    for start in range(0, len(rows), BATCH):
        conn.execute(
            person.update().where(person.c.id == sa.bindparam("pid")),
            [
                {"pid": pid, "name_key": name_key(given, family)}
                for pid, given, family in rows[start : start + BATCH]
            ],
        )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("name_key")
