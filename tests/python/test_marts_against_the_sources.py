"""A sample of the marts against the sources' own numbers, typed in from them.

Expected values are printed figures (the 2022 report's in support/expected.py;
the others typed in here from source_documents/) and arithmetic on them done
here, never values read back from the warehouse.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from support.expected import (
    CHAOYANG_2022,
    CHAOYANG_2022_DISTRICT_DEPARTMENT_SHARE_PCT,
    CHAOYANG_2022_DISTRICT_DEPARTMENTS,
    CHAOYANG_2022_SHARE_OF_DISTRICTS_PCT,
    CHAOYANG_2022_STREETS_AND_TOWNSHIPS,
    COVID_2022,
    DIRECT_REPLY_2022,
    DISPATCHED_2022,
    DISPATCHED_2022_SHARE_PCT,
    DISPATCHED_2022_YOY_PCT,
    MARKET_2022,
    MARKET_2022_YOY_PCT,
    ONLINE_2022,
    PHONE_2022,
    REPORT_2022,
    RESOLUTION_RATE_2022_PCT,
    SATISFACTION_RATE_2022_PCT,
    TOTAL_2022,
)


@pytest.fixture(scope="module")
def db(warehouse: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(warehouse), read_only=True)


def one(db: duckdb.DuckDBPyConnection, sql: str, *params: object) -> tuple[object, ...]:
    rows = db.execute(sql, list(params)).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


# --- the 2022 annual report ---------------------------------------------------


def test_total_intake_and_its_splits_in_items(db: duckdb.DuckDBPyConnection) -> None:
    items = dict(
        db.execute(
            "select dimension || '.' || member, items from marts.fct_intake_volume where platform_code = 'beijing_12345' and period_code = '2022'"
        ).fetchall()
    )
    assert items["total.all"] == TOTAL_2022.items
    assert items["handling_mode.dispatched"] == DISPATCHED_2022.items
    assert items["handling_mode.direct_reply"] == DIRECT_REPLY_2022.items
    assert items["channel.phone"] == PHONE_2022.items
    assert items["channel.online"] == ONLINE_2022.items
    assert items["theme.covid_related"] == COVID_2022.items


def test_dispatched_share_is_derived_beside_the_published_one(db: duckdb.DuckDBPyConnection) -> None:
    derived, published = one(
        db,
        "select share_of_total_pct, published_share_of_total_pct from marts.fct_intake_volume"
        " where platform_code = 'beijing_12345' and member = 'dispatched' and period_code = '2022'",
    )
    assert published == DISPATCHED_2022_SHARE_PCT.decimal
    assert derived == round(DISPATCHED_2022.percent_of(TOTAL_2022), 4)


def test_market_regulation_fell_against_the_back_calculated_2021(db: duckdb.DuckDBPyConnection) -> None:
    items, yoy, prior, rank = one(
        db,
        "select items, published_yoy_change_pct, prior_year_items, rank_in_year from marts.fct_category_volume"
        " where platform_code = 'beijing_12345' and category_name_zh = '市场管理' and period_code = '2022'",
    )
    assert (items, yoy, rank) == (MARKET_2022.items, MARKET_2022_YOY_PCT.decimal, 1)
    assert prior == round(MARKET_2022.items / (1 + MARKET_2022_YOY_PCT.decimal / 100))


def test_chaoyang_workload_and_its_published_shares(db: duckdb.DuckDBPyConnection) -> None:
    row = one(
        db,
        "select items, district_department_items, street_township_items,"
        " published_share_of_districts_pct, published_district_department_share_pct"
        " from marts.fct_district_workload where platform_code = 'beijing_12345' and district_name_zh = '朝阳区' and period_code = '2022'",
    )
    assert row == (
        CHAOYANG_2022.items,
        CHAOYANG_2022_DISTRICT_DEPARTMENTS.items,
        CHAOYANG_2022_STREETS_AND_TOWNSHIPS.items,
        CHAOYANG_2022_SHARE_OF_DISTRICTS_PCT.decimal,
        CHAOYANG_2022_DISTRICT_DEPARTMENT_SHARE_PCT.decimal,
    )


def test_dim_district_has_the_16_districts_in_their_zones(db: duckdb.DuckDBPyConnection) -> None:
    zones = dict(
        db.execute(
            "select district_name_zh, functional_zone_zh from marts.dim_district where platform_code = 'beijing_12345'"
        ).fetchall()
    )
    assert len(zones) == 16
    assert zones["东城区"] == zones["西城区"] == "首都功能核心区"
    assert zones["通州区"] == "城市副中心"
    assert zones["延庆区"] == "生态涵养区"


def test_monthly_topics_and_their_top_units(db: duckdb.DuckDBPyConnection) -> None:
    topics = db.execute(
        "select topic_name_zh, items from marts.fct_monthly_topic where platform_code = 'beijing_12345' and period_code = '2022' order by rank_by_items"
    ).fetchall()
    assert len(topics) == 17  # 2022 年“每月一题”涉及 17 个问题
    assert topics[:3] == [("物业服务不规范", 150_290), ("集中供暖不热", 70_006), ("噪声扰民", 43_405)]
    assert sum(items for _, items in topics) == 428_750
    unit = one(
        db,
        "select unit_name_zh, unit_type, items from marts.fct_monthly_topic_top_unit"
        " where platform_code = 'beijing_12345' and period_code = '2022' and topic_no = 12 and unit_rank = 1",
    )
    assert unit == ("热力集团", "state_owned_enterprise", 14_632)


def test_monthly_observations(db: duckdb.DuckDBPyConnection) -> None:
    rows = db.execute(
        "select subject_name_zh, period_code, month, items, observation from marts.fct_monthly_observation"
        " where platform_code = 'beijing_12345' and subject_type = 'intake' order by month"
    ).fetchall()
    assert rows == [
        ("群众反映", "2022-01", 1, 1_974_000, "monthly_volume"),
        ("群众反映", "2022-10", 10, 17_714_000, "annual_peak"),
    ]


# --- every year on record -----------------------------------------------------


def series(db: duckdb.DuckDBPyConnection, member: str) -> dict[str, tuple[object, ...]]:
    rows = db.execute(
        "select period_code, items, items_low, items_high, how_obtained, source_id from marts.fct_annual_intake"
        " where platform_code = 'beijing_12345' and member = ? and period_kind in ('year', 'half_year')",
        [member],
    ).fetchall()
    return {row[0]: row[1:] for row in rows}


def test_annual_total_for_every_year_on_record(db: duckdb.DuckDBPyConnection) -> None:
    totals = series(db, "all")
    assert totals["2019"][:1] + totals["2019"][3:] == (6_960_000, "printed", "axdbkk_hotline_history")  # 696万件
    assert totals["2020"][0] == 11_039_400  # 1103.94万件
    # 2021: no total printed; the 2021 report's channels add up to it (1324.4 + 161.4 万件)
    assert totals["2021"] == (
        14_858_000,
        14_857_000,
        14_859_000,
        "sum_of_parts",
        "beijing_gov_2021_annual_report_channels",
    )
    assert totals["2022"][0] == TOTAL_2022.items
    assert totals["2023"][0] == 21_430_000  # 2143万件
    # 2024 上半年 1120余万件: at least 1120 and under 1130 万件
    assert totals["2024-H1"][:4] == (11_200_000, 11_200_000, 11_300_000, "printed")


def test_a_year_without_a_printed_figure_is_back_calculated_from_the_next(db: duckdb.DuckDBPyConnection) -> None:
    dispatched = series(db, "dispatched")
    assert dispatched["2021"][3] == "back_calculated_from_2022"
    assert dispatched["2021"][0] == round(DISPATCHED_2022.items / (1 + DISPATCHED_2022_YOY_PCT.decimal / 100))
    # 2020: 近450万件, just under 450 万件 by at most one unit of its last significant digit
    assert dispatched["2020"][:4] == (4_500_000, 4_400_000, 4_500_000, "printed")


def test_year_on_year_change_is_derived_from_consecutive_years(db: duckdb.DuckDBPyConnection) -> None:
    derived, published = one(
        db,
        "select yoy_change_pct, published_yoy_change_pct from marts.fct_annual_intake"
        " where platform_code = 'beijing_12345' and member = 'phone' and period_code = '2021'",
    )
    assert published == Decimal("32.26")
    assert derived == round(Decimal("1324.4") / Decimal("1001.38") * 100 - 100, 4)


def test_one_category_code_across_years_and_the_epidemic_category_is_not_the_theme(
    db: duckdb.DuckDBPyConnection,
) -> None:
    market = dict(
        db.execute(
            "select period_code, items from marts.fct_category_volume where platform_code = 'beijing_12345' and category_code = 'market'"
        ).fetchall()
    )
    assert market == {"2020": 980_000, "2022": MARKET_2022.items}  # 市场管理 98万件 (2020), 97.1万件 (2022)
    covid_category = one(
        db,
        "select category_code, items, rank_in_year from marts.fct_category_volume where platform_code = 'beijing_12345' and category_name_zh = '疫情防控'",
    )
    assert covid_category == ("covid_prevention", 1_077_000, 1)
    covid_theme = one(
        db,
        "select items from marts.fct_annual_intake where platform_code = 'beijing_12345' and member = 'covid_related' and period_code = '2020'",
    )
    assert covid_theme == (1_650_000,)  # 疫情相关反映165万件


def test_running_totals_and_their_wordings_become_bounds(db: duckdb.DuckDBPyConnection) -> None:
    running = {
        row[0]: row[1:]
        for row in db.execute(
            "select period_code, items, items_low, items_high from marts.fct_period_volume"
            " where platform_code = 'beijing_12345' and period_kind = 'cumulative' and is_canonical and member = 'all'"
        ).fetchall()
    }
    assert running["2019-01-01..2021-11-30"] == (31_340_000, 31_335_000, 31_345_000)  # 3134万件
    assert running["2019-01-01..2024-06-30"] == (141_000_000, 140_500_000, 141_500_000)  # 1.41亿件
    assert running["2019-01-01..2025-11-30"] == (170_000_000, 165_000_000, 175_000_000)  # "170 million"
    passed = one(
        db,
        "select value_low, value_high from marts.fct_published_figure"
        " where platform_code = 'beijing_12345' and approximation_zh = '突破' and measure = 'items'",
    )
    assert passed == (Decimal(11_000_000), Decimal(12_000_000))  # 突破1100万件
    nearly_six_tenths = one(
        db,
        "select value_low, value_high from marts.fct_published_figure where platform_code = 'beijing_12345' and measure = 'share_of_dispatched_pct'",
    )
    assert nearly_six_tenths == (Decimal(50), Decimal(60))  # 近六成


def test_every_source_figure_is_kept_when_sources_disagree(db: duckdb.DuckDBPyConnection) -> None:
    counts = dict(
        db.execute(
            "select source_id, topic_count from marts.fct_monthly_topic_count where platform_code = 'beijing_12345' and period_code = '2023'"
        ).fetchall()
    )
    assert counts == {"tibet_cn_2023_01_12_monthly_topics_plan": 17, "cn71_2025_07_10_monthly_topics": 18}
    rates = {
        row[0]: row[1:]
        for row in db.execute(
            "select source_id, published_resolution_rate_pct, published_satisfaction_rate_pct from marts.fct_service_quality"
            " where platform_code = 'beijing_12345' and period_code = '2019-01'"
        ).fetchall()
    }
    assert rates == {
        "themindfill_2024_10_11_reform_to_date": (Decimal("53.1"), Decimal("64.6")),
        "qianlongyuan_2024_12_six_years": (Decimal(53), Decimal(65)),
    }


def test_service_quality_of_2022(db: duckdb.DuckDBPyConnection) -> None:
    assert one(
        db,
        "select published_resolution_rate_pct, published_satisfaction_rate_pct from marts.fct_service_quality"
        " where platform_code = 'beijing_12345' and period_code = '2022' and subject_code = 'city_wide'",
    ) == (RESOLUTION_RATE_2022_PCT.decimal, SATISFACTION_RATE_2022_PCT.decimal)


# --- the audit ----------------------------------------------------------------


def test_audit_flags_the_districts_and_the_two_cross_source_findings(db: duckdb.DuckDBPyConnection) -> None:
    flagged = db.execute(
        "select subject_name_zh, measure, is_known_discrepancy from audit.published_figure_checks"
        " where platform_code = 'beijing_12345' and status = 'inconsistent' and check_kind = 'share' order by all"
    ).fetchall()
    districts = {"西城区", "朝阳区", "丰台区", "顺义区", "怀柔区"}
    expected = sorted(
        (district, measure, True)
        for district in districts
        for measure in ("district_department_share_pct", "street_township_share_pct")
    )
    assert flagged == expected
    others = db.execute(
        "select check_kind, period_code, is_known_discrepancy from audit.published_figure_checks"
        " where platform_code = 'beijing_12345' and status = 'inconsistent' and check_kind != 'share' order by all"
    ).fetchall()
    # 2020's 环比2019年上升55.24% against 2019's 696万件; 2023's 每月一题 17 (plan) against 18
    assert others == [("reprint", "2023", True), ("yoy", "2020", True)]


def test_the_2022_rates_are_checked_against_the_2021_report(db: duckdb.DuckDBPyConnection) -> None:
    low, high, status, sources = one(
        db,
        "select feasible_low, feasible_high, status, input_source_ids from audit.published_figure_checks"
        " where platform_code = 'beijing_12345' and check_id = 'yoy:beijing_12345.2022.intake.channel.phone.yoy_change_pct'",
    )
    assert status == "consistent"
    assert sources == f"beijing_gov_2021_annual_report_channels, {REPORT_2022}"
    # 3390.2 万件 over 1324.4 万件, each ± 0.05
    assert low == pytest.approx((3390.15 / 1324.45 - 1) * 100, abs=1e-9)
    assert high == pytest.approx((3390.25 / 1324.35 - 1) * 100, abs=1e-9)


def test_audit_covers_every_kind_of_claim(db: duckdb.DuckDBPyConnection) -> None:
    kinds = {
        kind
        for (kind,) in db.execute(
            "select distinct check_kind from audit.published_figure_checks where platform_code = 'beijing_12345'"
        ).fetchall()
    }
    assert kinds == {
        "share",
        "sum",
        "derived_sum",
        "count",
        "bound",
        "rank",
        "ratio",
        "reprint",
        "yoy",
        "cumulative",
    }
