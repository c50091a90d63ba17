"""Typed settings, declared once with their defaults, stored as JSON (never pickle)."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class Settings:
    mode: str | None = None  # "participant" / "consultant"; None until the first start chose
    language: str | None = None  # None: follow the system language
    consultant_name: str = ""
    idle_lock_minutes: int = 10
    last_dossier: int | None = None
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    show_dutch_too: bool = False
    backups_keep: int = 7
    encrypted: bool = True
    server_url: str = ""  # a team server's address (never its password); "" = this computer
    demo_offered: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            log.warning("settings file unreadable; using defaults")
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known} if isinstance(raw, dict) else {}
        try:
            return cls(**values)
        except TypeError:
            return cls()

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
