"""The gemeenten and their CBS codes (resources/data/gemeenten-2026.csv: CBS, "Gemeentelijke
indeling op 1 januari 2026"). DUO's M2M PIP API names the gemeente by this four-digit code
(API/PIP/openapi.yml, schema ``Gemeente.gemeentecode``)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from core.paths import RESOURCES

DATA_FILE = RESOURCES / "data" / "gemeenten-2026.csv"

# Names in daily use that are not the official one (CBS spells the official names).
ALIASES = {
    "den haag": "'s-Gravenhage",
    "the hague": "'s-Gravenhage",
    "den bosch": "'s-Hertogenbosch",
    "s-hertogenbosch": "'s-Hertogenbosch",
    "s-gravenhage": "'s-Gravenhage",
    "bergen": "",  # two gemeenten share it: Bergen (L.) and Bergen (NH.)
}


@dataclass(frozen=True)
class Gemeente:
    name: str  # the official spelling
    code: str  # CBS gemeentecode, four digits
    year: int
    source: str


@functools.cache
def all_gemeenten() -> tuple[Gemeente, ...]:
    with DATA_FILE.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return tuple(Gemeente(r["name"], r["code"], int(r["year"]), r["source"]) for r in rows)


def _key(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").casefold().split())


@functools.cache
def _index() -> dict[str, Gemeente]:
    index = {_key(g.name): g for g in all_gemeenten()}
    index.update({g.code: g for g in all_gemeenten()})
    return index


def find_gemeente(text: str | None) -> Gemeente | None:
    """The gemeente by name (any case, or a common alias such as "Den Haag") or by its code;
    None when it is not in the list."""
    if not text or not text.strip():
        return None
    key = _key(text)
    if key.startswith("gemeente "):
        key = key.removeprefix("gemeente ")
    index = _index()
    if key in ALIASES:
        official = ALIASES[key]
        return index.get(_key(official)) if official else None
    return index.get(key) or (index.get(key.zfill(4)) if key.isdigit() else None)
