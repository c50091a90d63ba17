"""an exam's kind and who registered it become choices: the forms offered free text, but the
exam rules compare exam_type with "staatsexamen" and printouts showed codes such as "self"

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

Data only, no schema change. Values typed in another case or with spaces become their code
("Staatsexamen " -> "staatsexamen"); a few common words are recognised ("zelf", "taalschool").
Anything else is not thrown away: registered_by becomes empty and the typed text is added to the
attempt's notes, as is an exam kind that is neither. The attempts' stored clock plans are
marked stale, so the overview computes those dossiers again. The downgrade keeps the codes
(they were valid free text before) and loses nothing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

EXAM_TYPES = {
    "inburgering": "inburgering",
    "inburgeringsexamen": "inburgering",
    "duo": "inburgering",
    "staatsexamen": "staatsexamen",
    "staatsexamen nt2": "staatsexamen",
    "nt2": "staatsexamen",
}
REGISTERED_BY = {
    "self": "self",
    "zelf": "self",
    "person": "self",
    "the person": "self",
    "participant": "self",
    "school": "school",
    "taalschool": "school",
    "the school": "school",
    "gemeente": "gemeente",
    "the gemeente": "gemeente",
    "municipality": "gemeente",
}

exam = sa.table(
    "exam_attempt",
    sa.column("id", sa.Integer),
    sa.column("person_id", sa.Integer),
    sa.column("exam_type", sa.String),
    sa.column("registered_by", sa.String),
    sa.column("notes", sa.Text),
)
fresh = sa.table("clock_fresh", sa.column("person_id", sa.Integer))


def _with_note(notes: str | None, line: str) -> str:
    return f"{notes}\n{line}" if notes else line


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(exam.c.id, exam.c.person_id, exam.c.exam_type, exam.c.registered_by, exam.c.notes)
    ).all()
    stale: set[int] = set()
    for row in rows:
        kind, by, notes = row.exam_type, row.registered_by, row.notes
        kind_code = EXAM_TYPES.get((kind or "").strip().casefold())
        if kind_code is None:
            if "staats" in (kind or "").casefold():
                kind_code = "staatsexamen"
            else:
                kind_code = "inburgering"
                if (kind or "").strip():
                    notes = _with_note(notes, f"Kind of exam as typed before: {kind}")
        by_code: str | None = None
        if by is not None and by.strip():
            by_code = REGISTERED_BY.get(by.strip().casefold())
            if by_code is None:
                notes = _with_note(notes, f"Registered by (as typed before): {by}")
        if (kind_code, by_code, notes) != (kind, by, row.notes):
            conn.execute(
                sa.update(exam)
                .where(exam.c.id == row.id)
                .values(exam_type=kind_code, registered_by=by_code, notes=notes)
            )
            stale.add(row.person_id)
    if stale:
        conn.execute(sa.delete(fresh).where(fresh.c.person_id.in_(sorted(stale))))


def downgrade() -> None:
    pass  # the codes were valid free text at 0002
