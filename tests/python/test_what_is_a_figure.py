"""What is a figure (the project's decision of 8 December 2026, issue 25; docs/adding-a-bulletin.md, step 3): the
warehouse holds every figure a page prints about a hotline's work, its network and its resources. Here on the real
pages that print each kind, in the session's warehouse, with the expected values worked from the pages by hand:
- a count of the platform's own network (南宁's 1个市热线中心 and 15个县级热线工作站, 朔州's 81家 承办单位 in eight
  groups) is a `resource_count` of a `platform_resource` subject and lands in `marts.fct_published_figure`;
- a figure no measure held (岳阳县's 被市退回重辦件7件, a mailbox's 超期1件) has its measure as a reference row only,
  and its small list of units at 1件 each is held and added up by the audit like any list;
- a share in words (南宁's 约七成) is held as bounds (65%–75%);
- the notes of the pages loaded since the decision's batches (newpages6 to newpages8) give no reason for leaving a
  figure out that the decision retired ("no measure holds it")."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT

NANNING = "nanning_undated_since_2021_news"
SHUOZHOU = "shuozhou_undated_integration_news"
YUEYANG_COUNTY = "yueyang_county_undated_m05_monthly"
# the pages of newpages6, newpages7 and newpages8 (docs/extract-scores.md)
DECIDED_PAGES = (
    "liuzhou_undated_m07_monthly",
    "yueyang_2017_q2_quarterly",
    "changde_2004_2015_eleven_years_news",
    "siping_undated_cumulative_news",
    "panjin_2023_m01_m04_monthly",
    "yaan_undated_ytd_news",
    "foshan_2025_m01_m04_news",
    "mianyang_2019_spring_festival_news",
    "yulin_guangxi_2020_news",
    "changji_prefecture_since_20211010_news",
    "ulanqab_2018_2020_since_launch_news",
    SHUOZHOU,
    "xining_chengzhong_2023_m03_monthly",
    "yinchuan_undated_50000_news",
    "xinjiang_shiliuyun_undated_one_year_news",
    "fuzhou_undated_cumulative_news",
    "nanchang_etdz_undated_m01_m09_news",
    "tianshui_2024_news",
    NANNING,
    YUEYANG_COUNTY,
    "unidentified_gzfw_district_undated_m12_monthly",
    "guiyang12319_undated_spring_festival_news",
)
RETIRED_REASON = re.compile(r"no (?:unit or )?measure\b")


@pytest.fixture(scope="module")
def db(warehouse: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(warehouse), read_only=True)


def _figures(db: duckdb.DuckDBPyConnection, source_id: str, measure: str) -> list[tuple[object, ...]]:
    return db.execute(
        "select subject_type, subject_name_zh, value_normalised, normalised_unit from marts.fct_published_figure"
        " where source_id = ? and measure = ? and is_canonical order by subject_name_zh",
        [source_id, measure],
    ).fetchall()


def test_a_platforms_network_is_a_resource_count_of_what_it_counts(db: duckdb.DuckDBPyConnection) -> None:
    nanning = {row[1]: row for row in _figures(db, NANNING, "resource_count")}
    assert nanning["市热线中心"] == ("platform_resource", "市热线中心", Decimal(1), "count")
    assert nanning["县级热线工作站"] == ("platform_resource", "县级热线工作站", Decimal(15), "count")
    shuozhou = {str(row[1]): Decimal(str(row[2])) for row in _figures(db, SHUOZHOU, "resource_count")}
    groups = (
        "市政府工作部门",
        "政府派出机构",
        "市政府直属部门",
        "市政府部门所属",
        "市属企业",
        "各县(市、区)",
        "驻朔单位企业",
        "群众团体",
    )
    # 33 + 1 + 5 + 2 + 8 + 6 + 20 + 6, as the page prints its eight groups, and the 81 it prints for them all
    assert [shuozhou[group] for group in groups] == [33, 1, 5, 2, 8, 6, 20, 6]
    assert shuozhou["承办单位"] == 81 == sum(shuozhou[group] for group in groups)


def test_a_figure_no_measure_held_has_a_measure_as_reference_rows(db: duckdb.DuckDBPyConnection) -> None:
    with (ROOT / "seeds" / "reference" / "ref_measures.csv").open(encoding="utf-8", newline="") as handle:
        measures = {row["measure"]: row for row in csv.DictReader(handle)}
    assert measures["returned_for_redo_items"]["normalised_unit"] == "items"
    code = [
        path
        for folder in ("models", "macros", "src")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and path.suffix in {".sql", ".py", ".yml", ".j2", ".md"}
    ]
    assert code
    assert [str(path) for path in code if "returned_for_redo_items" in path.read_text(encoding="utf-8")] == []
    redo = _figures(db, YUEYANG_COUNTY, "returned_for_redo_items")
    # the city's 7 tickets sent back to be redone, and the seven units the page names at 1件 each
    assert sorted((row[0], row[2]) for row in redo) == [("handling_unit", 1)] * 7 + [("service_quality", 7)]


def test_a_small_list_of_units_is_added_up_like_any_list(db: duckdb.DuckDBPyConnection) -> None:
    checks = db.execute(
        "select measure, derived_value, status from audit.published_figure_checks"
        " where source_id = ? and check_kind = 'sum' order by measure",
        [YUEYANG_COUNTY],
    ).fetchall()
    # 18 late tickets over nine units; 1 late letter of the mailbox, its one unit; 7 sent back, seven units
    assert checks == [
        ("overdue_completed_items", 18, "consistent"),
        ("overdue_items", 1, "consistent"),
        ("returned_for_redo_items", 7, "consistent"),
    ]


def test_a_share_in_words_is_held_as_bounds(db: duckdb.DuckDBPyConnection) -> None:
    row = db.execute(
        "select approximation_zh, value_printed, unit_printed, value_low, value_high from marts.fct_published_figure"
        " where source_id = ? and measure = 'direct_reply_rate_pct'",
        [NANNING],
    ).fetchall()
    # 约七成: about seven tenths, rounded to its tenth: 65% to 75%
    assert row == [("约", "七", "成", 65, 75)]


def test_the_newest_pages_notes_give_no_retired_reason() -> None:
    with (ROOT / "seeds" / "sources" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        notes = {row["source_id"]: row["note"] for row in csv.DictReader(handle)}
    assert set(DECIDED_PAGES) <= set(notes)
    retired = {source_id: RETIRED_REASON.findall(notes[source_id]) for source_id in DECIDED_PAGES}
    assert {source_id: found for source_id, found in retired.items() if found} == {}
