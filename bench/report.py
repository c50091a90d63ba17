"""The results as a table (terminal or Markdown), their growth with the caseload, and a plot."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from bench.figures import COUNT, MB, MS, SPECS, X

GROWTH_SLACK = 1.5  # timing noise: "linear" allows 1.5× the size ratio, "none" allows 3×
FLAT_LIMIT = 3.0
NOISE_MS = 2.0  # below this, growth ratios are noise


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == MB:
        return f"{value:,.0f} MB"
    if unit == COUNT:
        return f"{value:,.0f}"
    if value >= 1000:
        return f"{value / 1000:,.2f} s"
    return f"{value:,.1f} ms" if value >= 10 else f"{value:,.2f} ms"


def _target(spec: Any) -> str:
    if spec.target_unit == X:
        return f"≤ {spec.target:g}×"
    return f"≤ {_fmt(spec.target, spec.target_unit)}"


def _verdict(ok: bool | None, note: str) -> str:
    if ok is None:
        return "n/a"
    return "ok" if ok else "MISSED"


def rows(results: dict[str, Any]) -> list[list[str]]:
    out = []
    for f in results["figures"]:
        spec = SPECS[f["key"]]
        ratio = f"{f['ratio']:,.1f}×" if f.get("ratio") is not None else "—"
        out.append(
            [
                spec.label,
                f"{f['size']:,}",
                _fmt(f["value"], spec.unit),
                _fmt(f["baseline"], spec.unit),
                ratio,
                _target(spec),
                _verdict(f["ok"], f["note"]),
                f["note"],
            ]
        )
    return out


HEADER = ["figure", "dossiers", "value", "baseline", "ratio", "target", "result", "note"]


def text_table(results: dict[str, Any]) -> str:
    body = rows(results)
    widths = [max(len(r[i]) for r in [HEADER, *body]) for i in range(len(HEADER) - 1)]
    lines = [_machine_line(results), ""]
    for r in [HEADER, *body]:
        cells = [r[0].ljust(widths[0])] + [r[i].rjust(widths[i]) for i in range(1, len(widths))]
        lines.append("  ".join(cells) + ("  " + r[-1] if r[-1] else ""))
    lines += ["", *growth_lines(results)]
    return "\n".join(lines)


def markdown_table(results: dict[str, Any]) -> str:
    lines = [
        f"_{_machine_line(results)}_",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join(["---"] + ["---:"] * 6 + ["---"]) + "|",
    ]
    lines += ["| " + " | ".join(r) + " |" for r in rows(results)]
    growth = results.get("growth") or []
    if growth:
        lines += [
            "",
            "| growth | sizes | values | ×/step | expected | result |",
            "|---|---|---|---|---|---|",
        ]
        for g in growth:
            spec = SPECS[g["key"]]
            lines.append(
                f"| {spec.label} | {' → '.join(f'{s:,}' for s in g['sizes'])} | "
                f"{' → '.join(_fmt(v, spec.unit) for v in g['values'])} | "
                f"{' · '.join(f'{r:.1f}×' for r in g['ratios'])} | {g['expected']} | {g['verdict']} |"
            )
    return "\n".join(lines)


def _machine_line(results: dict[str, Any]) -> str:
    mach = results.get("machine", {})
    return (
        f"Blauwe Map benchmark {results.get('when', '')[:16].replace('T', ' ')} · "
        f"{mach.get('platform', '?')} · {mach.get('cpus', '?')} CPUs · Python {mach.get('python', '?')} · "
        f"SQLite {mach.get('sqlite', '?')}{' · quick' if results.get('quick') else ''}"
    )


# --------------------------------------------------------------------------- growth
def growth(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For each figure measured at several sizes: the ratio per step and whether it grows
    faster than allowed (superlinear, or at all for what the GUI shows)."""
    out = []
    for key, spec in SPECS.items():
        points = sorted(
            (f["size"], f["value"]) for f in figures if f["key"] == key and f["value"] is not None
        )
        if len(points) < 2:
            continue
        sizes = [p[0] for p in points]
        values = [p[1] for p in points]
        ratios = [b / a if a else float("inf") for a, b in itertools.pairwise(values)]
        size_ratios = [b / a for a, b in itertools.pairwise(sizes)]
        flagged = []
        for r, sr, v in zip(ratios, size_ratios, values[1:], strict=True):
            if spec.unit != MB and v < NOISE_MS:
                continue
            limit = FLAT_LIMIT if spec.grows == "none" else sr * GROWTH_SLACK
            if r > limit:
                flagged.append(r)
        expected = "flat" if spec.grows == "none" else "≤ linear"
        verdict = "ok" if not flagged else ("GROWS" if spec.grows == "none" else "SUPERLINEAR")
        out.append(
            {
                "key": key,
                "sizes": sizes,
                "values": values,
                "ratios": ratios,
                "expected": expected,
                "verdict": verdict,
            }
        )
    return out


def growth_lines(results: dict[str, Any]) -> list[str]:
    items = results.get("growth") or []
    if not items:
        return []
    lines = ["Growth with the caseload (value at each size; ratio per step; expected):"]
    for g in items:
        spec = SPECS[g["key"]]
        values = " → ".join(_fmt(v, spec.unit) for v in g["values"])
        ratios = " · ".join(f"{r:.1f}×" for r in g["ratios"])
        lines.append(f"  {spec.label}: {values}  ({ratios}; {g['expected']}) {g['verdict']}")
    return lines


# --------------------------------------------------------------------------- plot
def plot(results: dict[str, Any], path: Path) -> None:
    """Three panels: time per action against the caseload size (log-log, dotted targets), peak
    memory against size, and the cold start next to its bare-window baseline."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "blauwemap-bench"  # stable ids: a reviewable diff
    import matplotlib.pyplot as plt

    figures = [f for f in results["figures"] if f["value"] is not None]
    fig, (left, mid, right) = plt.subplots(
        1, 3, figsize=(13, 4.6), gridspec_kw={"width_ratios": [3, 1.4, 1.2]}
    )
    for key, spec in SPECS.items():
        if spec.unit != MS or spec.target_unit == X or key.startswith("pg_"):
            continue  # the left panel: SQLite times against the caseload size
        points = sorted((f["size"], f["value"]) for f in figures if f["key"] == key)
        if not points:
            continue
        xs, ys = zip(*points, strict=True)
        line = left.plot(xs, ys, marker="o", label=f"{spec.label} (≤ {spec.target:g} ms)")[0]
        left.axhline(spec.target, color=line.get_color(), linestyle=":", linewidth=0.8)
    left.set_xscale("log")
    left.set_yscale("log")
    left.set_xlabel("dossiers in the caseload")
    left.set_ylabel("milliseconds (dotted: target)")
    left.set_title("Time per action as the caseload grows")
    left.grid(True, which="major", alpha=0.3)
    left.legend(fontsize=6.5, loc="upper left")

    memory = sorted((f["size"], f["value"], f["baseline"]) for f in figures if f["key"] == "memory")
    if memory:
        xs, ys, base = zip(*memory, strict=True)
        mid.plot(xs, ys, marker="o", label="caseload open")
        mid.plot(xs, base, marker=".", linestyle="--", label="baseline: store only")
        mid.axhline(SPECS["memory"].target, color="#c0392b", linestyle=":", label="target")
        mid.set_xscale("log")
        mid.set_ylim(0, SPECS["memory"].target * 1.15)
        mid.set_xlabel("dossiers")
        mid.set_ylabel("peak RSS (MB)")
        mid.legend(fontsize=7, loc="lower right")
    mid.set_title("Peak memory")

    cold = [f for f in figures if f["key"] == "cold_start"]
    if cold:
        f = cold[-1]
        right.bar(
            ["bare PySide6\nwindow", "Blauwe Map"],
            [f["baseline"], f["value"]],
            color=["#9db4d6", "#4a78b5"],
        )
        right.axhline(
            f["baseline"] * SPECS["cold_start"].target,
            color="#c0392b",
            linestyle=":",
            label=f"target: {SPECS['cold_start'].target:g}× bare",
        )
        right.set_ylabel("ms to the first painted window")
        right.legend(fontsize=7)
        right.set_title(f"Cold start, {f['size']:,} dossiers\n{f['ratio']:.1f}× the bare window")
    else:
        right.set_title("Cold start: not measured")
        right.set_axis_off()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else None)
    plt.close(fig)


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
