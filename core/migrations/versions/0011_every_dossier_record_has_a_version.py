"""every record of a dossier that can be edited has a version, checked on each save

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

Until now only the person had one (0006). On a team server two consultants may edit the same
hour entry, exam or referral; each UPDATE now checks and raises ``version_id`` (the models'
``Versioned`` mixin), so the later of two saves fails instead of silently overwriting. Existing
rows get version 1. The PIP versions are not in the list: they are never updated in place.
Portable (batch mode on SQLite, a plain ALTER on PostgreSQL); the downgrade loses no data.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Every table of a Versioned model (core/models), in the registry's order.
TABLES = (
    "vrijstelling",
    "ontheffing",
    "verlenging",
    "referral",
    "start_item",
    "besluit",
    "coa_location",
    "training",
    "skill",
    "education",
    "work_experience",
    "ambition",
    "leerbaarheidstoets",
    "intake_topic",
    "afspraak",
    "hour_entry",
    "exam_attempt",
    "precondition",
    "ontzorging_item",
    "contact",
    "conversation",
    "document",
    "azc_phase",
    "voorinburgering",
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version_id", sa.Integer(), server_default="1", nullable=False)
            )


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version_id")
