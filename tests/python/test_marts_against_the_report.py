"""A sample of the marts against the report's own numbers, typed in from the report.

Expected values are the report's printed figures and arithmetic on them done
here, never values read back from the warehouse.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest


@pytest.fixture(scope="module")
def db(warehouse: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(warehouse), read_only=True)


def one(db: duckdb.DuckDBPyConnection, sql: str, *params: object) -> tuple[object, ...]:
    rows = db.execute(sql, list(params)).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def test_total_intake_and_its_splits_in_items(db: duckdb.DuckDBPyConnection) -> None:
    items = dict(db.execute("select dimension || '.' || member, items from marts.fct_intake_volume").fetchall())
    assert items["total.all"] == 75_924_000  # 7592.4 万件
    assert items["handling_mode.dispatched"] == 8_835_000  # 883.5 万件
    assert items["handling_mode.direct_reply"] == 67_089_000  # 6708.9 万件
    assert items["channel.phone"] == 33_902_000  # 3390.2 万件
    assert items["channel.online"] == 42_022_000  # 4202.2 万件
    assert items["theme.covid_related"] == 32_557_000  # 3255.7 万件


def test_dispatched_share_is_derived_beside_the_published_one(db: duckdb.DuckDBPyConnection) -> None:
    derived, published = one(
        db,
        "select share_of_total_pct, published_share_of_total_pct from marts.fct_intake_volume"
        " where member = 'dispatched'",
    )
    assert published == Decimal("11.64")
    assert derived == round(Decimal("883.5") / Decimal("7592.4") * 100, 4)


def test_online_share_2021_is_back_calculated_from_2022_figures_and_rates(db: duckdb.DuckDBPyConnection) -> None:
    prior_items, prior_share, published = one(
        db,
        "select prior_year_items, prior_year_share_of_total_pct, published_prior_year_share_of_total_pct"
        " from marts.fct_intake_volume where member = 'online'",
    )
    online_2021 = 42_022_000 / (1 + 2503.79 / 100)
    total_2021 = 75_924_000 / (1 + 411.01 / 100)
    assert prior_items == round(online_2021)
    assert published == Decimal("10.86")
    assert abs(float(prior_share) - 100 * round(online_2021) / round(total_2021)) < 0.0001


def test_market_regulation_fell_against_the_back_calculated_2021(db: duckdb.DuckDBPyConnection) -> None:
    items, yoy, prior, rank = one(
        db,
        "select items, yoy_change_pct, prior_year_items, rank_in_year from marts.fct_category_volume"
        " where category_name_zh = '市场管理'",
    )
    assert (items, yoy, rank) == (971_000, Decimal("-26.34"), 1)
    assert prior == round(971_000 / (1 - 0.2634))


def test_chaoyang_workload_and_its_published_shares(db: duckdb.DuckDBPyConnection) -> None:
    row = one(
        db,
        "select items, district_department_items, street_township_items,"
        " published_share_of_districts_pct, published_district_department_share_pct"
        " from marts.fct_district_workload where district_name_zh = '朝阳区'",
    )
    assert row == (1_400_000, 924_000, 476_000, Decimal("19.83"), Decimal("66.06"))


def test_dim_district_has_the_16_districts_in_their_zones(db: duckdb.DuckDBPyConnection) -> None:
    zones = dict(db.execute("select district_name_zh, functional_zone_zh from marts.dim_district").fetchall())
    assert len(zones) == 16
    assert zones["东城区"] == zones["西城区"] == "首都功能核心区"
    assert zones["通州区"] == "城市副中心"
    assert zones["延庆区"] == "生态涵养区"


def test_monthly_topics_and_their_top_units(db: duckdb.DuckDBPyConnection) -> None:
    topics = db.execute("select topic_name_zh, items from marts.fct_monthly_topic order by rank_by_items").fetchall()
    assert len(topics) == 17
    assert topics[:3] == [("物业服务不规范", 150_290), ("集中供暖不热", 70_006), ("噪声扰民", 43_405)]
    assert sum(items for _, items in topics) == 428_750
    unit = one(
        db,
        "select unit_name_zh, unit_type, items from marts.fct_monthly_topic_top_unit"
        " where topic_no = 12 and unit_rank = 1",
    )
    assert unit == ("热力集团", "state_owned_enterprise", 14_632)


def test_monthly_observations(db: duckdb.DuckDBPyConnection) -> None:
    rows = db.execute(
        "select subject_name_zh, month, items, observation from marts.fct_monthly_observation"
        " where subject_type = 'intake' order by month"
    ).fetchall()
    assert rows == [("群众反映", 1, 1_974_000, "monthly_volume"), ("群众反映", 10, 17_714_000, "annual_peak")]


def test_service_quality(db: duckdb.DuckDBPyConnection) -> None:
    assert one(db, "select resolution_rate_pct, satisfaction_rate_pct from marts.fct_service_quality") == (
        Decimal("92.72"),
        Decimal("93.63"),
    )


def test_audit_flags_exactly_the_five_districts_whose_shares_do_not_add_up(db: duckdb.DuckDBPyConnection) -> None:
    flagged = db.execute(
        "select subject, figure, is_known_discrepancy from audit.published_figure_checks"
        " where status = 'inconsistent' order by all"
    ).fetchall()
    districts = {"西城区", "朝阳区", "丰台区", "顺义区", "怀柔区"}
    expected = sorted(
        (district, figure, True)
        for district in districts
        for figure in ("district_department_share_pct", "street_township_share_pct")
    )
    assert flagged == expected


def test_audit_covers_every_kind_of_claim(db: duckdb.DuckDBPyConnection) -> None:
    kinds = {kind for (kind,) in db.execute("select distinct check_kind from audit.published_figure_checks").fetchall()}
    assert kinds == {"share", "sum", "prior_year_sum", "count", "bound", "rank", "ratio", "reprint"}
    # 53 printed shares: 3 intake shares for 2022, the 2021 online share, 16 × 3 district shares, 1 street total
    assert one(db, "select count(*) from audit.published_figure_checks where check_kind = 'share'") == (53,)
