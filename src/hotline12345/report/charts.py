"""Charts as Vega-Lite specs built with altair, rendered offline to SVG by vl-convert.

Labels stay real text in the SVG (selectable, searchable); the page's CSS
names the CJK fonts that draw them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from functools import cache
from html import escape
from importlib.metadata import version
from pathlib import Path
from typing import Any

import altair as alt
import vl_convert

# The fonts vl-convert measures text with and the SVG names; the page's CSS names the same stack.
CHART_FONT = "Noto Sans CJK SC"
WIDTH = 560
CONSISTENT_COLOUR = "#4c78a8"
INCONSISTENT_COLOUR = "#c0392b"
TRUNCATED_COLOUR = "#8a5a00"  # page.css's --truncated: a rounding rule of its source, not an error
PRINTED_COLOUR = "#1f4e79"
DERIVED_COLOUR = "#9ecae9"

Record = dict[str, Any]


def _data(records: list[Record]) -> alt.InlineData:
    return alt.InlineData(values=records)


# Where vl-convert finds the fonts it measures text with (fontdb's system folders): what a drawn chart depends on
# besides its spec and vl-convert itself.
FONT_FOLDERS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]
FONT_FOLDERS.append(Path.home() / ".local" / "share" / "fonts")

# The folder that keeps each drawn chart (see keep_charts_in), or None: every chart is drawn.
_kept_in: Path | None = None


def keep_charts_in(folder: Path | None) -> None:
    """Keep each chart's SVG in `folder` (target/charts/ of the project, for `hotline12345 report`), under the hash
    of what it is drawn from: its spec, vl-convert's version and the fonts it measures with. A chart drawn once is
    read back the next time, the same bytes vl-convert would write again. None draws every chart afresh, this
    process's own earlier drawings forgotten too."""
    global _kept_in
    _kept_in = folder
    _drawn.clear()


def charts_kept_in() -> Path | None:
    """The folder keep_charts_in set, for a process drawing pages beside this one."""
    return _kept_in


@cache
def _drawn_with() -> str:
    """What a drawing depends on besides its spec: vl-convert's version and each font file (path, size, time)."""
    fonts = sorted(
        f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}"
        for folder in FONT_FOLDERS
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file()
    )
    return "\n".join([f"vl-convert-python {version('vl-convert-python')}", *fonts])


# This process's drawings by spec, the latest 256: the pages of one platform share its audit's and series' charts.
_drawn: dict[str, str] = {}


def _svg_of(spec: str, validate: Callable[[], object]) -> str:
    """vl-convert's SVG of a spec (as JSON), drawn once per process; with a folder to keep them in (keep_charts_in),
    drawn once until the spec, vl-convert or a font changes. `validate` checks the spec against Vega-Lite's schema
    (raising if it does not hold) before the spec is drawn: a chart read back was checked when it was drawn."""
    if spec in _drawn:
        return _drawn[spec]
    kept = None
    if _kept_in is not None:
        key = hashlib.sha256(f"{_drawn_with()}\n{spec}".encode()).hexdigest()
        kept = _kept_in / key[:2] / f"{key}.svg"
    svg = _read_kept(kept) if kept is not None else None
    if svg is None:
        validate()
        svg = str(vl_convert.vegalite_to_svg(json.loads(spec)))
        if kept is not None:
            kept.parent.mkdir(parents=True, exist_ok=True)
            # written whole and renamed into place: a process drawing the same chart reads it whole or not at all
            with tempfile.NamedTemporaryFile("wb", dir=kept.parent, suffix=".tmp", delete=False) as handle:
                handle.write(svg.encode("utf-8"))
            os.replace(handle.name, kept)
    if len(_drawn) >= 256:
        del _drawn[next(iter(_drawn))]
    _drawn[spec] = svg
    return svg


def _read_kept(kept: Path) -> str | None:
    """A kept chart's SVG, its file's time set to now (it was used: prune_kept_charts keeps it); None if there is
    none (or another run's pruning removed it meanwhile: then it is drawn again)."""
    try:
        svg = kept.read_bytes().decode("utf-8")  # bytes: no newline translation
        os.utime(kept)
    except FileNotFoundError:
        return None
    return svg


# How long a kept chart no run has used stays: a day, so that a developer switching branches keeps both branches'.
KEPT_UNUSED_FOR = 24 * 60 * 60


def prune_kept_charts(used_since: float, now: float | None = None) -> int:
    """Remove the kept charts (and half-written files) that nothing read or wrote since `used_since` (the start of
    a run that drew every chart of the site, so that it read or wrote each one it needs) and for KEPT_UNUSED_FOR
    before `now`; how many were removed. Nothing without a folder to keep charts in."""
    if _kept_in is None or not _kept_in.is_dir():
        return 0
    until = min(used_since, (time.time() if now is None else now) - KEPT_UNUSED_FOR)
    removed = 0
    for path in [*_kept_in.glob("*/*.svg"), *_kept_in.glob("*/*.tmp")]:
        try:
            if path.stat().st_mtime < until:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # another run removed it first
            continue
    return removed


def render_svg(chart: alt.TopLevelMixin, description: str) -> str:
    """The chart as an inline <svg> with an accessible title; identical bytes for identical input."""
    spec = chart.to_dict(validate=False)  # validated where it is drawn (_svg_of)
    spec["config"] = {
        "font": CHART_FONT,
        "view": {"stroke": None},
        "axis": {"labelFontSize": 11, "titleFontSize": 11},
        "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom"},
    }
    svg = _svg_of(json.dumps(spec, sort_keys=True, ensure_ascii=False), chart.to_dict)
    svg = re.sub(r"<svg ", '<svg role="img" aria-label="' + escape(description) + '" ', svg, count=1)
    return svg


def horizontal_bars(
    records: list[Record],
    label: str,
    value: str,
    value_title: str,
    colour: str | None = None,
    colour_title: str = "",
    stack: bool = False,
    bar_height: int = 16,
) -> alt.Chart:
    """Bars in the order of `records`, one row per distinct label; grouped (or stacked) by `colour`."""
    order = list(dict.fromkeys(str(record[label]) for record in records))
    encoding: dict[str, Any] = {
        "y": alt.Y(f"{label}:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
        "x": alt.X(f"{value}:Q", title=value_title, stack="zero" if stack else None),
    }
    if colour:
        colours = list(dict.fromkeys(str(record[colour]) for record in records))
        encoding["color"] = alt.Color(
            f"{colour}:N", sort=colours, title=colour_title, scale=alt.Scale(range=_palette(len(colours)))
        )
        if not stack:
            encoding["yOffset"] = alt.YOffset(f"{colour}:N", sort=colours)
    rows = len(order) * (len({str(r[colour]) for r in records}) if colour and not stack else 1)
    chart: alt.Chart = (
        alt.Chart(_data(records))
        .mark_bar(color=PRINTED_COLOUR)
        .encode(**encoding)
        .properties(width=WIDTH, height=max(40, rows * bar_height))
    )
    return chart


def _palette(count: int) -> list[str]:
    base = [PRINTED_COLOUR, DERIVED_COLOUR, "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2", "#eeca3b"]
    base += ["#ff9da6", "#9d755d", "#bab0ac"]
    return base[:count] if count <= len(base) else base + ["#888888"] * (count - len(base))


def audit_intervals(records: list[Record]) -> alt.TopLevelMixin:
    """Each checked percentage on its own row: the feasible range as a bar, the published value as a mark.

    Positions are relative to the feasible range (−1 its low end, +1 its high end), so that a range
    of 0.002 points and one of 2 points are equally visible; the table gives the absolute values.
    """
    order = [str(record["label"]) for record in records]
    base = alt.Chart(_data(records)).encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=300)),
    )
    scale = alt.Scale(domain=[-3, 3], clamp=True)
    feasible = base.mark_bar(height=9, color="#c7d7e8").encode(
        x=alt.X("feasible_from:Q", scale=scale, title="published value against the feasible range 公布值与可行区间"),
        x2="feasible_to:Q",
    )
    printed = base.mark_rule(strokeWidth=2).encode(
        x="published_from:Q",
        x2="published_to:Q",
        color=alt.Color(
            "status:N",
            scale=alt.Scale(
                domain=["consistent 一致", "truncated 截断", "inconsistent 不一致"],
                range=[CONSISTENT_COLOUR, TRUNCATED_COLOUR, INCONSISTENT_COLOUR],
            ),
            title="status 结论",
        ),
    )
    point = base.mark_point(filled=True, size=40, shape="diamond").encode(
        x="published_mid:Q",
        color=alt.Color("status:N", legend=None),
    )
    return alt.layer(feasible, printed, point).properties(width=WIDTH - 120, height=len(records) * 14)


def _in_order_of_codes(records: list[Record]) -> list[str]:
    """The periods' labels in the order of their keys (a key sorts in time; a label need not)."""
    return [label for _, label in sorted({(str(r["period_code"]), str(r["period"])) for r in records})]


_SHAPES = {"公布": "square", "分项加总": "triangle-up", "倒推": "circle"}


def series_chart(records: list[Record]) -> alt.TopLevelMixin:
    """Totals and channels by period; the point shape says how each figure was obtained."""
    base = alt.Chart(_data(records)).encode(
        x=alt.X("period:O", title="period 期间", sort=_in_order_of_codes(records)),
        y=alt.Y("wan:Q", title="万件 (10,000 items)"),
        color=alt.Color("member_label:N", title="series 序列"),
    )
    # Lines join whole years only; a half-year or part-year figure stands as a point on its own.
    line = base.transform_filter(alt.datum.period_kind == "year").mark_line(strokeWidth=1.5)
    shapes = sorted({str(r["how_obtained"]) for r in records})
    points = base.mark_point(size=80, filled=True, opacity=1).encode(
        shape=alt.Shape(
            "how_obtained:N",
            title="how obtained 来历",
            scale=alt.Scale(domain=shapes, range=[_SHAPES.get(s.split(" ")[0], "diamond") for s in shapes]),
        )
    )
    return alt.layer(line, points).properties(width=WIDTH, height=260)
