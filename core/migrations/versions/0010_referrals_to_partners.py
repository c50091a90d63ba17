"""referrals to partners and the consent each was made on; the export log names its referral

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

A new table, ``referral``, and a nullable ``export_log.referral_id`` (an export made for a
referral records which one, so what was shared with whom on which consent can be read back).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("partner", sa.String(length=200), nullable=False),
        sa.Column("partner_kind", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("outcome_notes", sa.Text(), nullable=True),
        sa.Column("consent_sections", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_referral_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_person_id"), ["person_id"], unique=False)
    with op.batch_alter_table("export_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("referral_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_export_log_referral_id"), ["referral_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_export_log_referral_id_referral"),
            "referral",
            ["referral_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("export_log", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_export_log_referral_id_referral"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_export_log_referral_id"))
        batch_op.drop_column("referral_id")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_person_id"))
    op.drop_table("referral")
