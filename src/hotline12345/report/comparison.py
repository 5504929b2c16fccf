"""Hotlines side by side: for each measure that shares a vocabulary across hotlines (comparison.csv: a dimension's
shares of the total, or a rate), every hotline's latest printing of it, one table and one chart per kind of period
(a week is compared with weeks, a year with years), and each hotline's audit record."""

from __future__ import annotations

import csv
from importlib.resources import files
from itertools import groupby
from typing import Any

from markupsafe import Markup

from hotline12345.report import charts
from hotline12345.report.formatting import pct
from hotline12345.report.queries import Row, SiteData, compared, platforms
from hotline12345.report.view import Num, derived

COMPARISON_FILE = "comparison.html"


def compared_measures() -> list[dict[str, str]]:
    """What the page compares: comparison.csv, the one home of that choice."""
    text = (files("hotline12345.report") / "comparison.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _chart(records: list[dict[str, Any]], stacked: bool, description: str) -> Markup:
    chart = charts.horizontal_bars(
        records,
        "platform",
        "pct",
        "% of the platform's items 占比" if stacked else "% (printed)",
        colour="member" if stacked else None,
        stack=stacked,
    )
    return Markup(charts.render_svg(chart, description))  # vl-convert escapes the text it writes into the SVG


def _table_row(row: Row, kind: str, href: dict[str, str]) -> dict[str, Any]:
    return {
        "platform_code": row["platform_code"],
        "platform_zh": row["platform_name_zh"],
        "platform_en": row["platform_name_en"] or "",
        "href": href.get(str(row["platform_code"]), ""),
        "period_code": row["period_code"],
        "period": row["period_label_zh"],
        "source_id": row["source_id"],
        "kind": kind,
    }


def comparison(site: SiteData, hrefs: dict[str, str]) -> dict[str, Any]:
    """The page's sections (one per compared measure, a group per kind of period) and the audit records; `hrefs`
    is each platform's page."""
    sections = []
    for measure in compared_measures():
        rows = compared(site.connection, measure["compared_as"], measure["code"])
        stacked = measure["compared_as"] == "share_of_total"
        groups = []
        for kind, grouped in groupby(rows, key=lambda row: str(row["period_kind"])):
            of_kind = list(grouped)
            table, records = [], []
            for row in of_kind:
                entry = _table_row(row, kind, hrefs)
                if stacked:
                    entry["member_zh"] = row["member_name_zh"]
                    entry["member_en"] = row["member_name_en"] or row["member"]
                    entry["value"] = derived(pct(row["share_of_total_pct"]))
                    published = row["published_share_of_total_pct"]
                    entry["printed"] = Num(pct(published), "printed") if published is not None else Num()
                    records.append(
                        {
                            "platform": row["platform_name_zh"],
                            "member": row["member_name_zh"],
                            "pct": float(row["share_of_total_pct"]),
                        }
                    )
                else:
                    entry["member_zh"] = row["subject_zh"]
                    entry["member_en"] = ""
                    entry["value"] = Num("", "")
                    entry["printed"] = Num(
                        f"{row['value_printed']}{row['unit_printed']}", "printed", figure_id=str(row["figure_id"])
                    )
                    records.append({"platform": row["platform_name_zh"], "pct": float(row["value_normalised"])})
                table.append(entry)
            platforms_shown = len({row["platform_code"] for row in of_kind})
            groups.append(
                {
                    "kind": kind,
                    "kind_name_zh": of_kind[0]["period_kind_name_zh"],
                    "kind_name_en": of_kind[0]["period_kind_name_en"],
                    "platforms": platforms_shown,
                    "rows": table,
                    # one hotline alone has nothing to be set beside: its table, no chart
                    "chart": _chart(records, stacked, f"{measure['name_en']}: {of_kind[0]['period_kind_name_en']}")
                    if platforms_shown > 1
                    else "",
                }
            )
        sections.append({**measure, "stacked": stacked, "groups": groups})
    audit = [
        {
            **platform,
            "href": hrefs.get(str(platform["platform_code"]), ""),
            "checks": derived(platform["checks"]),
            "consistent": derived(platform["consistent"]),
            "truncated": derived(platform["truncated"]),
            "inconsistent": derived(platform["inconsistent"]),
        }
        for platform in platforms(site)
        if platform["checks"]
    ]
    return {"sections": sections, "audit": audit}
