"""Declarative base shared by every model. Portable types only (no SQLite-specific columns)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012
        dict: JSON,
        list: JSON,
        dt.datetime: DateTime(),
    }


def coded(length: int = 40) -> String:
    """A coded value (see enums.py), stored as a short string."""
    return String(length)


class Timestamps:
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        default=utcnow, onupdate=utcnow, server_default=func.now()
    )


class Versioned:
    """A record two people may edit at once (a team server): every UPDATE checks and raises
    ``version_id``, so a save made on an older version fails instead of silently overwriting
    (``StaleDataError``, turned into ``core.errors.ConflictError`` by the store). The services
    compare the version the editor loaded first, to say which fields differ."""

    version_id: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version_id}  # type: ignore[attr-defined]


class Provenance:
    """Where a fact came from and when: the dossier is a personal copy (DOMAIN.md §1)."""

    source: Mapped[str | None] = mapped_column(String(40))
    source_date: Mapped[dt.date | None]
