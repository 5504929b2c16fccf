"""A made-up hotline, added to a copy of the seeds: a platform of its own whose
districts share names with Beijing's (通州区 is a district of Beijing and of
Nantong), a source printing its total, a complete channel split with shares,
its districts with their sum and shares, a category's share, a year-on-year
rate against the year before and a month-on-month rate against the month
before. That it
builds, is audited, and leaves every Beijing check as it was, with no change
outside seeds/ and source_documents/, is the test that "another hotline is new
seed rows, not new models"."""

from __future__ import annotations

import csv
import io
from pathlib import Path

MADE_UP_PLATFORM = "made_up_12345"
MADE_UP_PLATFORM_SOURCE = "made_up_city_annual_2025"
# 受理总量 1000 件: 电话 600 (60.00%) + 网络 400 (40.00%); 通州区 300 + 崇川区 200 = 全市各区 500 件,
# shares 60.00% and 40.00%; 市容管理 100 件, 10.00% of the total. Every share is exact. 2024's 800 件
# makes 同比上升25.00% exact; November's 100 件 makes December's 90 件 环比下降10.00% exact.
MADE_UP_PLATFORM_TEXT = (
    "2025年,受理总量1000件,同比上升25.00%。其中电话600件,占60.00%;网络400件,占40.00%。"
    "全市各区承办500件,其中通州区300件,占60.00%;崇川区200件,占40.00%。"
    "市容管理100件,占10.00%。2024年受理总量800件。11月受理总量100件;12月受理总量90件,环比下降10.00%。\n"
)
# What the audit must find on it, worked by hand above: (check kind, subject) → status.
MADE_UP_PLATFORM_CHECKS = {
    ("share", "电话"): "consistent",
    ("share", "网络"): "consistent",
    ("share", "通州区"): "consistent",
    ("share", "崇川区"): "consistent",
    ("share", "市容管理"): "consistent",
    ("sum", "channel"): "consistent",
    ("sum", "全市各区"): "consistent",
    ("yoy", "yoy_change_pct"): "consistent",
    ("pop", "pop_change_pct"): "consistent",
}


def _append(path: Path, lines: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


def _csv_line(*fields: str) -> str:
    line = io.StringIO()
    csv.writer(line, lineterminator="").writerow(fields)
    return line.getvalue()


def add_a_made_up_platform(root: Path) -> None:
    """Seed rows only: the platform, its own names, one source and its figures."""
    seeds = root / "seeds"
    reference = seeds / "reference"
    _append(
        reference / "ref_platforms.csv",
        [f"{MADE_UP_PLATFORM},虚构市12345热线,A made-up city hotline,city,,,虚构市,Made-up City,,Made up by a test."],
    )
    _append(
        reference / "ref_districts.csv",
        [
            f"{MADE_UP_PLATFORM},tongzhou,,通州区,Tongzhou District (made up),",
            f"{MADE_UP_PLATFORM},chongchuan,,崇川区,Chongchuan District (made up),",
        ],
    )
    _append(
        reference / "ref_aggregate_subjects.csv",
        [f"{MADE_UP_PLATFORM},district_total,全市各区,all_districts,The made-up city's districts combined"],
    )
    _append(
        reference / "ref_intake_members.csv",
        [
            f"{MADE_UP_PLATFORM},受理总量,total,all,受理总量,All items received",
            f"{MADE_UP_PLATFORM},电话,channel,phone,电话,Telephone",
            f"{MADE_UP_PLATFORM},网络,channel,online,网络,Online",
        ],
    )
    _append(
        reference / "ref_categories.csv",
        [f"{MADE_UP_PLATFORM},city_appearance,市容管理,City appearance,,1"],
    )
    _append(
        seeds / "sources" / "sources.csv",
        [
            (
                f"{MADE_UP_PLATFORM_SOURCE},{MADE_UP_PLATFORM},official,A made-up city's 2025 bulletin,Nobody,,,"
                f"2025-01-01,2025-12-31,zh,{MADE_UP_PLATFORM_SOURCE}.txt,Made up by a test."
            )
        ],
    )
    (root / "source_documents" / f"{MADE_UP_PLATFORM_SOURCE}.txt").write_text(MADE_UP_PLATFORM_TEXT, encoding="utf-8")
    _append(
        seeds / "sources" / "complete_splits.csv",
        [f"{MADE_UP_PLATFORM_SOURCE},{MADE_UP_PLATFORM},2025-01-01,2025-12-31,channel,2,,电话 + 网络: every channel.,"],
    )
    year = ("2025-01-01", "2025-12-31")
    figures = [
        # period, subject_type, subject_zh, list_position, measure, value, unit, phrase
        (year, "intake", "受理总量", "", "items", "1000", "件", "受理总量1000件"),
        (year, "intake", "受理总量", "", "yoy_change_pct", "25.00", "%", "受理总量1000件,同比上升25.00%"),
        (year, "intake", "电话", "", "items", "600", "件", "电话600件"),
        (year, "intake", "电话", "", "share_of_total_pct", "60.00", "%", "电话600件,占60.00%"),
        (year, "intake", "网络", "", "items", "400", "件", "网络400件"),
        (year, "intake", "网络", "", "share_of_total_pct", "40.00", "%", "网络400件,占40.00%"),
        (year, "district_total", "全市各区", "", "items", "500", "件", "全市各区承办500件"),
        (year, "district", "通州区", "", "items", "300", "件", "通州区300件"),
        (year, "district", "通州区", "", "share_of_districts_pct", "60.00", "%", "通州区300件,占60.00%"),
        (year, "district", "崇川区", "", "items", "200", "件", "崇川区200件"),
        (year, "district", "崇川区", "", "share_of_districts_pct", "40.00", "%", "崇川区200件,占40.00%"),
        (year, "category", "市容管理", "1", "items", "100", "件", "市容管理100件"),
        (year, "category", "市容管理", "1", "share_of_total_pct", "10.00", "%", "市容管理100件,占10.00%"),
        # the same source prints the year before and two months, each with its own period
        (("2024-01-01", "2024-12-31"), "intake", "受理总量", "", "items", "800", "件", "2024年受理总量800件"),
        (("2025-11-01", "2025-11-30"), "intake", "受理总量", "", "items", "100", "件", "11月受理总量100件"),
        (("2025-12-01", "2025-12-31"), "intake", "受理总量", "", "items", "90", "件", "12月受理总量90件"),
        (
            ("2025-12-01", "2025-12-31"),
            "intake",
            "受理总量",
            "",
            "pop_change_pct",
            "-10.00",
            "%",
            "12月受理总量90件,环比下降10.00%",
        ),
    ]
    rows = [
        _csv_line(
            MADE_UP_PLATFORM_SOURCE,
            *period,
            "一、受理",
            kind,
            name,
            "",
            position,
            measure,
            "",
            "",
            value,
            unit,
            phrase,
            MADE_UP_PLATFORM,
            "",
            "",
        )
        for period, kind, name, position, measure, value, unit, phrase in figures
    ]
    _append(seeds / "figures" / "printed_figures.csv", rows)
