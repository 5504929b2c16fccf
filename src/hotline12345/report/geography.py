"""Where the hotlines are: every platform placed by its administrative division (ref_platforms'
administrative_division_code), sized by its latest printed total, marked by its audit's findings, a platform inside
another joined to it by a line; drawn offline as SVG (altair + vl-convert) on a graticule, with no tiles.

The coordinates are division_coordinates.csv beside this file: each province's and prefecture's seat, and each
county or district a platform names, as the `cpca` package (version 0.5.5, MIT licence, its
resources/adcodes.csv) gives them; a division the file lacks leaves its platform listed as not placed, by name.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import altair as alt
from markupsafe import Markup

from hotline12345.report import charts
from hotline12345.report.queries import Row
from hotline12345.report.view import PLATFORM_LEVELS, Num, derived

MAP_FILE = "map.html"
COORDINATES_FILE = "division_coordinates.csv"

# How the audit marks a platform: its worst finding (a truncation is a rounding rule of its source, not an error).
FINDINGS = [
    ("inconsistent", "有不一致 inconsistent findings", charts.INCONSISTENT_COLOUR),
    ("truncated", "仅截断 truncated only", charts.TRUNCATED_COLOUR),
    ("consistent", "全部一致 all consistent", charts.CONSISTENT_COLOUR),
    ("unchecked", "未审计 no checks", "#9a9a9a"),
]
# A platform's level as its mark's shape: a province, a city, a county, a district.
SHAPES = {"province": "square", "city": "circle", "county": "triangle-up", "district": "diamond"}
# The map's size in pixels, about the page's width, and the degrees it shows beyond the outermost platforms.
MAP_WIDTH = 960
MAP_HEIGHT = 680
MAP_MARGIN_DEGREES = 2.0


@dataclass(frozen=True)
class Division:
    code: str
    name_zh: str
    longitude: float
    latitude: float


def divisions() -> dict[str, Division]:
    """division_coordinates.csv by code."""
    text = (files("hotline12345.report") / COORDINATES_FILE).read_text(encoding="utf-8")
    return {
        row["administrative_division_code"]: Division(
            row["administrative_division_code"],
            row["division_name_zh"],
            float(row["longitude"]),
            float(row["latitude"]),
        )
        for row in csv.DictReader(text.splitlines())
    }


def finding(platform: Row) -> str:
    """The platform's audit mark: FINDINGS' key."""
    if not platform["checks"]:
        return "unchecked"
    if platform["inconsistent"]:
        return "inconsistent"
    if platform["truncated"]:
        return "truncated"
    return "consistent"


def _chart(placed: list[dict[str, Any]]) -> alt.TopLevelMixin:
    """The graticule, a line from each nested platform to the platform it is inside, and a mark per platform."""
    # No fixed centre or scale: Vega-Lite fits the projection to what the layers draw, and the graticule spans the
    # placed platforms with a margin, so every mark lies inside the map, wherever the hotlines on record are.
    projection = alt.Projection(type="mercator")
    longitudes = [float(platform["longitude"]) for platform in placed] or [0.0]
    latitudes = [float(platform["latitude"]) for platform in placed] or [0.0]
    extent = [
        [min(longitudes) - MAP_MARGIN_DEGREES, min(latitudes) - MAP_MARGIN_DEGREES],
        [max(longitudes) + MAP_MARGIN_DEGREES, max(latitudes) + MAP_MARGIN_DEGREES],
    ]
    graticule = alt.Chart(alt.graticule(extent=extent, step=[5, 5])).mark_geoshape(
        stroke="#dddddd", strokeWidth=0.5, fill=None
    )
    position = {platform["platform_code"]: platform for platform in placed}
    links = [
        {
            "longitude": platform["longitude"],
            "latitude": platform["latitude"],
            "parent_longitude": position[platform["parent_platform_code"]]["longitude"],
            "parent_latitude": position[platform["parent_platform_code"]]["latitude"],
        }
        for platform in placed
        if platform["parent_platform_code"] in position
    ]
    nesting = (
        alt.Chart(alt.InlineData(values=links))
        .mark_rule(color="#888888", strokeWidth=0.8, strokeDash=[3, 2])
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            longitude2="parent_longitude:Q",
            latitude2="parent_latitude:Q",
        )
    )
    largest = max((float(platform["items"] or 0) for platform in placed), default=1.0)
    marks = (
        alt.Chart(alt.InlineData(values=placed))
        .mark_point(filled=True, opacity=0.55, strokeWidth=1, stroke="#333333")
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            size=alt.Size(
                "drawn_items:Q",
                title="最新公布总量 latest printed total (件 items)",
                scale=alt.Scale(type="sqrt", domain=[0, largest], range=[30, 1400]),
                legend=alt.Legend(format=",d", values=_legend_values(largest), titleLimit=0),
            ),
            color=alt.Color(
                "finding:N",
                title="审计 audit",
                legend=alt.Legend(labelLimit=0),
                scale=alt.Scale(domain=[label for _, label, _ in FINDINGS], range=[colour for *_, colour in FINDINGS]),
            ),
            shape=alt.Shape(
                "level:N",
                title="级别 level",
                scale=alt.Scale(domain=[_level(level) for level in SHAPES], range=list(SHAPES.values())),
            ),
            description="description:N",
            order=alt.Order("drawn_items:Q", sort="descending"),  # the smaller over the larger
        )
    )
    # The name of each platform that lies inside no other on the map (a province, a city of no province platform).
    names = (
        alt.Chart(alt.InlineData(values=[row for row in placed if row["parent_platform_code"] not in position]))
        .mark_text(align="left", dx=7, dy=-7, fontSize=11, color="#333333")
        .encode(longitude="longitude:Q", latitude="latitude:Q", text="division_name_zh:N")
    )
    layered: alt.TopLevelMixin = alt.layer(graticule, nesting, marks, names).properties(
        width=MAP_WIDTH, height=MAP_HEIGHT, projection=projection
    )
    return layered


def _legend_values(largest: float) -> list[int]:
    steps = [10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]
    return [step for step in steps if step <= largest][-3:]


def _level(level: object) -> str:
    return f"{PLATFORM_LEVELS.get(str(level), '')} {level}"


def the_map(entries: list[tuple[Row, Row | None, Row | None, str, list[dict[str, Any]]]]) -> dict[str, Any]:
    """The map page's content from the index's entries (each platform, its latest printing, its headline total, its
    page): the chart, the placed platforms' table and the platforms not placed, each with why."""
    coordinates = divisions()
    labels = {key: label for key, label, _ in FINDINGS}
    placed, not_placed = [], []
    for platform, latest, total, href, _ in entries:
        code = str(platform["administrative_division_code"] or "")
        division = coordinates.get(code)
        row = {
            "platform_code": platform["platform_code"],
            "platform_name_zh": platform["platform_name_zh"],
            "platform_name_en": platform["platform_name_en"] or "",
            "level": _level(platform["platform_level"]),
            "parent_platform_code": platform["parent_platform_code"] or "",
            "parent_platform_name_zh": platform["parent_platform_name_zh"] or "",
            "division_code": code,
            "href": href,
            "finding_key": finding(platform),
            "period": latest["period_code"] if latest else "",
        }
        if division is None:
            why = "无行政区划代码 no division code" if not code else f"无坐标 no coordinates for division {code}"
            not_placed.append({**row, "why": why})
            continue
        shown = ""
        if total is not None:
            shown = ("约" if total["is_approximate"] else "") + f"{total['value_printed']} {total['unit_printed']}"
        placed.append(
            {
                **row,
                "division_name_zh": division.name_zh,
                "longitude": division.longitude,
                "latitude": division.latitude,
                "items": float(total["items"]) if total is not None and total["items"] is not None else None,
                # a platform that prints no total is drawn, smallest
                "drawn_items": float(total["items"]) if total is not None and total["items"] is not None else 0.0,
                "headline": Num(shown, "printed", str(total["source_phrase"] or ""), str(total["figure_id"]))
                if total is not None
                else Num(),
                "finding": labels[finding(platform)],
                "inconsistent": derived(platform["inconsistent"]),
                "truncated": derived(platform["truncated"]),
                "checks": derived(platform["checks"]),
                "description": f"{platform['platform_name_zh']} {shown}".strip(),
            }
        )
    chart_rows = [
        {key: value for key, value in row.items() if key not in {"headline", "inconsistent", "truncated", "checks"}}
        for row in placed
    ]
    svg = charts.render_svg(_chart(chart_rows), "12345 hotlines on a map of China, sized by their latest printed total")
    return {
        "chart": Markup(svg),  # vl-convert escapes the text it writes into the SVG
        "placed": sorted(placed, key=lambda row: (row["division_code"], row["platform_code"])),
        "not_placed": not_placed,
        "findings": FINDINGS,
    }
