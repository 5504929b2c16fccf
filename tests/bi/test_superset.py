"""Superset with the committed dashboard, exercised through its REST API.

Expected figures come from the 2022 report (source_documents/): the intake
7592.4 万件, 电话 3390.2 万件 and 网络 4202.2 万件, 派单办理 883.5 万件 and
直接答复 6708.9 万件, the top category 市场管理 97.1 万件, the top district
朝阳区 约 140 万件 (140.0 in the district table), the largest 每月一题 topic
物业服务不规范 150290 件, resolution 92.72% and satisfaction 93.63%. Whole
charts are compared with the same question asked of the marts directly.

No chart names a platform or a period: the dashboard's native filters do. A
chart is asked here as the dashboard asks it, its saved query with the
filters' values added (`<column> IN (value)`); "under the defaults" is with
the default values the dashboard itself holds (Beijing's 2022 report, its
period by its label 2022年). With the filters set to 南通 and its week
12月3日—12月10日 2021 (by its label 2021-12-03 至 12-10), the same charts
answer for Nantong: "共受理各类诉求25560件 … 在线直接答复21157件，向各网络成员单位派发工单4403件"
(../shared/sources/other-cities.md).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, Superset, generator, query_warehouse, sha256
from test_bundle import comparison_rows

from hotline12345.superset import SupersetClient

# Every chart of the dashboard and the query of the marts that must give the same rows; `{filters}` is filled in with
# the dashboard's filters that reach the chart (`platform_code = '…' and period_label_zh = '…'`).
CHART_QUERIES: dict[str, str] = {
    "受理总量 Total intake (items)": """
        select sum(items) as items from marts.fct_intake_volume where {filters} and dimension = 'total'""",
    "受理渠道 Intake by channel": """
        select member_name_zh, sum(items) as items from marts.fct_intake_volume
        where {filters} and dimension = 'channel' group by all""",
    "办理方式 Intake by handling mode": """
        select member_name_zh, sum(items) as items from marts.fct_intake_volume
        where {filters} and dimension = 'handling_mode' group by all""",
    "服务质量 Service quality rates, as printed": """
        select measure, value_as_printed, unit_printed from marts.fct_published_figure
        where {filters} and subject_type = 'service_quality' and subject_code = 'city_wide' and is_canonical
            and unit_printed = '%'""",
    "十大类日常问题 Top ten categories (items)": """
        select category_name_zh, sum(items) as items from marts.fct_category_volume where {filters} group by all""",
    "各区承办量 Items dispatched to each district": """
        select district_name_zh, sum(items) as items from marts.fct_district_workload where {filters} group by all""",
    "区级部门与街道乡镇 District departments and streets/townships": """
        select district_name_zh, items, district_department_items, street_township_items,
               street_township_share_pct, published_street_township_share_pct
        from marts.fct_district_workload where {filters}""",
    "每月一题 Topics of the month (items)": """
        select topic_name_zh, sum(items) as items from marts.fct_monthly_topic where {filters} group by all""",
    "承办单位 Handling units named with a count": """
        select unit_type, unit_name_zh, items from marts.fct_handling_unit_workload where {filters}""",
    "审计 Audit: checks by status": """
        select status, count(*) as checks from audit.published_figure_checks where {filters} group by all""",
    "审计发现 Published figures that do not add up": """
        select subject_name_zh, published_value_as_printed, explanation, review_note, check_id
        from audit.published_figure_checks where {filters} and status = 'inconsistent'""",
    "历年受理量 Intake by year (items)": """
        select year, sum(items) as items from marts.fct_annual_intake
        where {filters} and period_kind = 'year' and dimension = 'total' group by all""",
    "历年受理渠道 Intake by channel and year (items)": """
        select year, member_name_zh, sum(items) as items from marts.fct_annual_intake
        where {filters} and period_kind = 'year' and dimension = 'channel' group by all""",
}
COMPARISON = "各热线对比 Hotlines side by side: each one's latest printed rates, like periods only"
# the comparison's dataset is a query of the marts (a virtual dataset): the same query, asked of the warehouse
CHART_QUERIES[COMPARISON] = (
    "select measure_name_zh, period_kind, platform_name_zh, period_label_zh, published_rate_as_printed, source_id"
    f" from ({generator().LATEST_RATES_SQL}) as compared where {{filters}}"
)

DATASETS = {
    "marts.fct_intake_volume",
    "marts.fct_annual_intake",
    "marts.fct_category_volume",
    "marts.fct_subcategory_volume",
    "marts.fct_district_workload",
    "marts.fct_handling_unit_workload",
    "marts.fct_monthly_topic",
    "marts.fct_service_quality",
    "audit.published_figure_checks",
    "marts.dim_platform",
    "marts.fct_published_figure",
    "marts.hotline_latest_printed_rates",
}
VIRTUAL_COLUMNS = {
    "hotline_latest_printed_rates": [
        "measure",
        "measure_name_zh",
        "measure_name_en",
        "period_kind",
        "platform_code",
        "platform_name_zh",
        "platform_level",
        "period_code",
        "period_label_zh",
        "published_rate_as_printed",
        "published_rate_pct",
        "source_id",
        "figure_id",
    ]
}
# 南通's week 2021-12-03..2021-12-10, chosen as a reader chooses it: by its label (marts.dim_period)
NANTONG = {"platform_code": "nantong_12345", "period_label_zh": "2021-12-03 至 12-10"}

Filters = dict[str, str]


def plain(value: object) -> object:
    return float(value) if isinstance(value, Decimal) else value


def as_rows(records: list[dict[str, Any]]) -> list[tuple[object, ...]]:
    return sorted((tuple(plain(value) for value in record.values()) for record in records), key=repr)


def native_filters(client: SupersetClient) -> list[dict[str, Any]]:
    """The dashboard's native filters, as Superset stores them after the import."""
    metadata = json.loads(client.get("/api/v1/dashboard/hotline12345")["result"]["json_metadata"])
    return list(metadata["native_filter_configuration"])


def filter_column(native: dict[str, Any]) -> str:
    (target,) = native["targets"]
    return str(target["column"]["name"])


def filters_reaching(client: SupersetClient, chart_id: int, values: Filters) -> Filters:
    """Of `values` (column → value), those a filter of the dashboard with the chart in its scope would apply."""
    reaching = {
        filter_column(native) for native in native_filters(client) if chart_id not in native["scope"]["excluded"]
    }
    return {column: value for column, value in values.items() if column in reaching}


def default_values(client: SupersetClient) -> Filters:
    """Column → value of every native filter with a default: what the dashboard opens on."""
    values: Filters = {}
    for native in native_filters(client):
        for condition in native["defaultDataMask"].get("extraFormData", {}).get("filters", []):
            assert condition["op"] == "IN" and len(condition["val"]) == 1, condition
            values[str(condition["col"])] = str(condition["val"][0])
    return values


def chart_data(client: SupersetClient, chart_id: int, values: Filters | None = None) -> list[dict[str, Any]]:
    """The chart's saved query through Superset's chart data API, with the dashboard filters set to `values`
    (default: their defaults) added as the dashboard adds them, to the filters in scope of the chart."""
    values = default_values(client) if values is None else values
    chart = client.get(f"/api/v1/chart/{chart_id}")["result"]
    context = json.loads(chart["query_context"])
    datasource_id, datasource_type = json.loads(chart["params"])["datasource"].split("__")
    context["datasource"] = {"id": int(datasource_id), "type": datasource_type}
    (query,) = context["queries"]
    applied = filters_reaching(client, chart_id, values)
    query["filters"] = [*query["filters"], *({"col": c, "op": "IN", "val": [v]} for c, v in applied.items())]
    answer = client.post("/api/v1/chart/data", json=context)
    results = answer["result"]
    assert len(results) == 1, results
    assert results[0].get("error") is None, results[0]
    assert sorted(column["column"] for column in results[0]["applied_filters"]) == sorted(applied), results[0]
    return list(results[0]["data"])


def marts_answer(client: SupersetClient, warehouse: Path, title: str, chart_id: int, values: Filters) -> list[Any]:
    applied = filters_reaching(client, chart_id, values)
    where = " and ".join(f"{column} = '{value}'" for column, value in applied.items()) or "true"
    return query_warehouse(warehouse, CHART_QUERIES[title].format(filters=where))


def charts_by_title(client: SupersetClient) -> dict[str, int]:
    return {str(chart["slice_name"]): int(chart["id"]) for chart in client.listing("chart")}


def sql_lab(client: SupersetClient, database_id: int, sql: str) -> list[dict[str, Any]]:
    answer = client.sql(database_id, sql)
    assert answer.get("status") == "success", answer
    return list(answer["data"])


def test_the_dashboard_holds_every_chart(superset: Superset) -> None:
    dashboards = superset.client.listing("dashboard")
    assert [row["slug"] for row in dashboards] == ["hotline12345"]
    charts = superset.client.get("/api/v1/dashboard/hotline12345/charts")["result"]
    assert {chart["slice_name"] for chart in charts} == set(CHART_QUERIES)


def test_the_database_connects_read_only(superset: Superset) -> None:
    database_id = superset.database_id()
    connection = superset.client.get(f"/api/v1/database/{database_id}/connection")["result"]
    uri = connection["sqlalchemy_uri"]
    assert uri == f"duckdb:///{superset.warehouse.resolve()}?access_mode=read_only"
    assert connection["allow_dml"] is False
    tested = superset.client.post(
        "/api/v1/database/test_connection/",
        json={"sqlalchemy_uri": uri, "database_name": connection["database_name"]},
    )
    assert tested["message"] == "OK"
    attached = sql_lab(superset.client, database_id, "select path, readonly from duckdb_databases() where not internal")
    assert attached == [{"path": str(superset.warehouse.resolve()), "readonly": True}]


def test_every_dataset_lists_its_columns_with_the_warehouse_comments(superset: Superset) -> None:
    datasets = superset.client.listing("dataset")
    assert {f"{row['schema']}.{row['table_name']}" for row in datasets} == DATASETS
    for row in datasets:
        schema, table = row["schema"], row["table_name"]
        columns = superset.client.get(f"/api/v1/dataset/{row['id']}")["result"]["columns"]
        listed = {column["column_name"]: column["description"] for column in columns}
        if table in VIRTUAL_COLUMNS:  # a query of the marts: its columns are the query's
            assert sorted(listed) == sorted(VIRTUAL_COLUMNS[table]), table
            continue
        stored = {
            str(found["column_name"]): found["comment"]
            for found in query_warehouse(
                superset.warehouse,
                f"select column_name, comment from duckdb_columns() "
                f"where schema_name = '{schema}' and table_name = '{table}'",
            )
        }
        assert listed == stored, f"{schema}.{table}"
        undocumented = sorted(name for name, comment in stored.items() if not comment)
        assert not undocumented, f"{schema}.{table} has columns without a comment: {undocumented}"


def test_the_dashboard_filters_by_platform_level_platform_and_period(superset: Superset) -> None:
    natives = {filter_column(native): native for native in native_filters(superset.client)}
    # the period by its label, as a reader reads it, not by its key
    assert set(natives) == {"platform_level", "platform_code", "period_label_zh"}
    ids = {column: native["id"] for column, native in natives.items()}
    # each choice narrows the next one's: level → platform → period
    assert natives["platform_code"]["cascadeParentIds"] == [ids["platform_level"]]
    assert natives["period_label_zh"]["cascadeParentIds"] == [ids["platform_code"]]
    # one platform and one period at a time (platforms nest: nothing sums across them)
    for column in ("platform_code", "period_label_zh"):
        assert natives[column]["controlValues"]["multiSelect"] is False, column
        assert natives[column]["controlValues"]["enableEmptyFilter"] is True, column
    # a period the newly chosen platform lacks is not kept: the period filter takes the first of its new choices
    # (the browser test switches Beijing to 南通 and sees 2022 go)
    assert natives["period_label_zh"]["controlValues"]["defaultToFirstItem"] is True
    defaults = default_values(superset.client)
    assert set(defaults) == {"platform_code", "period_label_zh"}
    known = query_warehouse(
        superset.warehouse,
        f"select distinct period_code from marts.fct_published_figure "
        f"where platform_code = '{defaults['platform_code']}' and period_label_zh = '{defaults['period_label_zh']}'",
    )
    assert known == [{"period_code": "2022"}], f"the default period {defaults} is not one period with figures"
    # the series charts take the platform, not the period
    charts = charts_by_title(superset.client)
    series = {charts["历年受理量 Intake by year (items)"], charts["历年受理渠道 Intake by channel and year (items)"]}
    # the comparison sets every hotline side by side: neither the platform nor the period reaches it, the level does
    comparison = charts[COMPARISON]
    assert set(natives["period_label_zh"]["scope"]["excluded"]) == series | {comparison}
    assert natives["platform_code"]["scope"]["excluded"] == [comparison]
    assert comparison not in natives["platform_level"]["scope"]["excluded"]


def test_no_chart_names_a_platform_or_a_period(superset: Superset) -> None:
    for title, chart_id in charts_by_title(superset.client).items():
        chart = superset.client.get(f"/api/v1/chart/{chart_id}")["result"]
        saved = chart["params"] + chart["query_context"]
        assert "platform_code" not in saved, title
        assert "period_code =" not in saved and "period_label_zh =" not in saved, title


def test_every_dataset_carries_the_platform(superset: Superset) -> None:
    for row in superset.client.listing("dataset"):
        columns = superset.client.get(f"/api/v1/dataset/{row['id']}")["result"]["columns"]
        assert "platform_code" in {column["column_name"] for column in columns}, row["table_name"]


@pytest.mark.parametrize("title", sorted(CHART_QUERIES))
def test_each_chart_returns_the_figures_of_the_marts(superset: Superset, title: str) -> None:
    chart_id = charts_by_title(superset.client)[title]
    shown = chart_data(superset.client, chart_id)
    expected = marts_answer(superset.client, superset.warehouse, title, chart_id, default_values(superset.client))
    assert shown, title
    assert [list(record) for record in shown[:1]] == [list(record) for record in expected[:1]], "column names"
    assert as_rows(shown) == as_rows(expected)


def test_the_charts_show_the_reports_figures(superset: Superset) -> None:
    charts = charts_by_title(superset.client)

    def data(title: str) -> list[dict[str, Any]]:
        return chart_data(superset.client, charts[title])

    assert data("受理总量 Total intake (items)") == [{"items": 75_924_000}]
    channels = {row["member_name_zh"]: row["items"] for row in data("受理渠道 Intake by channel")}
    assert channels == {"电话渠道": 33_902_000, "网络渠道": 42_022_000}
    assert round(100 * channels["网络渠道"] / 75_924_000, 2) == 55.35
    modes = {row["member_name_zh"]: row["items"] for row in data("办理方式 Intake by handling mode")}
    assert modes == {"派单办理": 8_835_000, "直接答复": 67_089_000}
    categories = data("十大类日常问题 Top ten categories (items)")
    assert len(categories) == 10
    assert categories[0] == {"category_name_zh": "市场管理", "items": 971_000}
    districts = data("各区承办量 Items dispatched to each district")
    assert len(districts) == 16
    assert districts[0] == {"district_name_zh": "朝阳区", "items": 1_400_000}
    topics = data("每月一题 Topics of the month (items)")
    assert len(topics) == 17
    assert topics[0] == {"topic_name_zh": "物业服务不规范", "items": 150_290}
    quality = data("服务质量 Service quality rates, as printed")
    assert [(row["measure"], row["value_as_printed"], row["unit_printed"]) for row in quality] == [
        ("resolution_rate_pct", "92.72", "%"),
        ("satisfaction_rate_pct", "93.63", "%"),
    ]
    findings = data("审计发现 Published figures that do not add up")
    # 朝阳区: 92.4 of 140.0 万件 is 65.96–66.04%, printed 66.06% (and the streets' 33.94% with it).
    assert {row["subject_name_zh"] for row in findings} == {"西城区", "朝阳区", "丰台区", "顺义区", "怀柔区"}
    assert len(findings) == 10
    by_year = {row["year"]: row["items"] for row in data("历年受理量 Intake by year (items)")}
    assert by_year[2022] == 75_924_000
    assert list(by_year) == sorted(by_year), "years in order"


def test_the_charts_answer_for_another_platform_when_the_filters_are_set(superset: Superset) -> None:
    charts = charts_by_title(superset.client)

    def data(title: str) -> list[dict[str, Any]]:
        return chart_data(superset.client, charts[title], NANTONG)

    assert data("受理总量 Total intake (items)") == [{"items": 25_560}]
    modes = {row["member_name_zh"]: row["items"] for row in data("办理方式 Intake by handling mode")}
    assert modes == {"直接答复": 21_157, "派单办理": 4_403}
    channels = {row["member_name_zh"]: row["items"] for row in data("受理渠道 Intake by channel")}
    assert channels["电话渠道"] == 23_898 and channels["网络渠道"] == 1_335  # 公众来电23898件 … 网络诉求1335件
    # the rates as printed, with the decimal a number would drop: 按时办结率99.45%, 满意率93.20%
    quality = {row["measure"]: row["value_as_printed"] for row in data("服务质量 Service quality rates, as printed")}
    assert quality == {"on_time_completion_rate_pct": "99.45", "satisfaction_rate_pct": "93.20"}
    # every chart is the marts' answer for Nantong's week (the series: Nantong's years, of which it prints none)
    for title in CHART_QUERIES:
        shown = chart_data(superset.client, charts[title], NANTONG)
        expected = marts_answer(superset.client, superset.warehouse, title, charts[title], NANTONG)
        assert as_rows(shown) == as_rows(expected), title
    # Beijing's figures are not in Nantong's week
    assert not data("各区承办量 Items dispatched to each district")


def offered_periods(superset: Superset, platform_code: str) -> list[str]:
    """The period filter's choices for a platform: its dataset's values of its column narrowed by the platform
    filter, as Superset asks for them."""
    (period,) = [native for native in native_filters(superset.client) if native["id"] == "NATIVE_FILTER-period"]
    (target,) = period["targets"]
    column = filter_column(period)
    answer = superset.client.post(
        "/api/v1/chart/data",
        json={
            "datasource": {"id": target["datasetId"], "type": "table"},
            "queries": [
                {
                    "columns": [column],
                    "metrics": [],
                    "filters": [{"col": "platform_code", "op": "IN", "val": [platform_code]}],
                    "row_limit": 1000,
                }
            ],
            "result_format": "json",
            "result_type": "full",
        },
    )
    return [str(row[column]) for row in answer["result"][0]["data"]]


def test_the_period_filter_offers_the_chosen_platforms_periods_by_their_labels(superset: Superset) -> None:
    """The period filter's choices are the platform's periods as a reader reads them: one label per period."""
    offered = offered_periods(superset, NANTONG["platform_code"])
    assert NANTONG["period_label_zh"] in offered  # 南通's week, not its key 2021-12-03..2021-12-10
    assert "2021-12-03..2021-12-10" not in offered
    assert "2022年" not in offered  # Beijing's year, not Nantong's
    periods = query_warehouse(
        superset.warehouse,
        "select distinct period_code, period_label_zh from marts.fct_published_figure"
        f" where platform_code = '{NANTONG['platform_code']}'",
    )
    assert sorted(offered) == sorted(str(row["period_label_zh"]) for row in periods)
    assert len(set(offered)) == len(periods), "one label per period"


def test_the_period_filter_offers_kunmings_three_holidays_as_three_labels(superset: Superset) -> None:
    """昆明's pages print three holidays without their year (五一, 春节, 端午): three periods whose keys say only
    `undated (<source>)`, offered by the names their pages give them."""
    offered = offered_periods(superset, "kunming_12345")
    assert len(offered) == len(set(offered)) == 3
    assert "端午小长假（年份未印出）" in offered
    assert "“五一”小长假（年份未印出）" in offered
    assert "春节7天假期（年份未印出）" in offered
    assert not [label for label in offered if label.startswith("undated")], offered


def test_every_chart_the_period_filter_reaches_has_the_label(superset: Superset) -> None:
    """Superset adds `period_label_zh IN (…)` to every chart in the filter's scope: each one's dataset has it."""
    (period,) = [native for native in native_filters(superset.client) if native["id"] == "NATIVE_FILTER-period"]
    datasets = {int(row["id"]): row for row in superset.client.listing("dataset")}
    reached = 0
    for title, chart_id in charts_by_title(superset.client).items():
        if chart_id in period["scope"]["excluded"]:
            continue
        chart = superset.client.get(f"/api/v1/chart/{chart_id}")["result"]
        dataset_id = int(json.loads(chart["params"])["datasource"].split("__")[0])
        columns = superset.client.get(f"/api/v1/dataset/{dataset_id}")["result"]["columns"]
        assert "period_label_zh" in {column["column_name"] for column in columns}, (title, datasets[dataset_id])
        reached += 1
    assert reached >= 11


def test_the_comparison_chart_sets_the_hotlines_side_by_side(superset: Superset) -> None:
    """Each hotline's latest printed rate, like periods only, as the report's comparison page prints it, whatever
    platform the dashboard shows; the level filter narrows it to hotlines of one level."""
    chart_id = charts_by_title(superset.client)[COMPARISON]
    expected = comparison_rows(superset.warehouse)
    for values in (None, NANTONG):
        shown = chart_data(superset.client, chart_id, values)
        assert sorted(tuple(str(value) for value in row.values()) for row in shown) == expected
    printed = {(row["platform_name_zh"], row["measure_name_zh"], row["period_kind"]): row for row in shown}
    # the printed text, with its decimals: 南通's week printed 93.20%, 北京's year 2022 92.72% and 93.63%
    assert printed[("南通市12345在线平台 (南通12345)", "满意率", "week")]["published_rate_as_printed"] == "93.20%"
    assert printed[("北京12345市民服务热线", "解决率", "year")]["published_rate_as_printed"] == "92.72%"
    counties = chart_data(superset.client, chart_id, {"platform_level": "county"})
    levels = query_warehouse(superset.warehouse, "select platform_name_zh, platform_level from marts.dim_platform")
    level = {row["platform_name_zh"]: row["platform_level"] for row in levels}
    assert counties and {level[row["platform_name_zh"]] for row in counties} == {"county"}
    assert len(counties) < len(shown)


@pytest.mark.parametrize("values", [None, NANTONG], ids=["defaults", "nantong"])
def test_no_chart_shows_a_raw_number(superset: Superset, values: Filters | None) -> None:
    """Every number a chart's query returns on the running Superset is shown through a d3 format the chart saved:
    a table's numeric column has its own format, a bar's, pie's or big number's values the chart's. A number
    column without one would show a raw float (31.406, 65.96428571428571)."""
    numbers = 0
    for title, chart_id in charts_by_title(superset.client).items():
        params = json.loads(superset.client.get(f"/api/v1/chart/{chart_id}")["result"]["params"])
        rows = chart_data(superset.client, chart_id, values)
        numeric = {
            column
            for row in rows
            for column, value in row.items()
            if isinstance(value, int | float) and not isinstance(value, bool) and column != "year"
        }
        numbers += sum(isinstance(value, float) and value != int(value) for row in rows for value in row.values())
        if params["viz_type"] == "table":
            formats = {
                column: config.get("d3NumberFormat") for column, config in params.get("column_config", {}).items()
            }
            unformatted = sorted(column for column in numeric if not formats.get(column))
            assert not unformatted, f"{title}: {unformatted} would show raw numbers"
            assert all(fmt.startswith(",") for fmt in formats.values() if fmt), (title, formats)
        elif numeric:
            shown_as = params.get("y_axis_format") or params.get("number_format")
            assert shown_as == ",d", f"{title}: its values are shown as {shown_as!r}"
    if values is None:
        assert numbers, "Beijing's 2022 report prints fractional percentages: the test would see them"


WRITES = (
    "CREATE TABLE marts.bi_write_probe AS SELECT 1 AS x",
    "UPDATE marts.fct_district_workload SET items = 0",
    "DELETE FROM audit.published_figure_checks",
)


def test_a_write_through_superset_fails_and_the_file_is_unchanged(superset: Superset) -> None:
    client, database_id = superset.client, superset.database_id()
    before = sha256(superset.warehouse)
    # The dashboard's connection does not allow DML: Superset refuses before DuckDB sees it.
    for statement in WRITES:
        answer = client.sql(database_id, statement)
        assert answer.get("status") != "success", answer
        assert "DML" in json.dumps(answer), answer
    # A connection to the same URI that does allow DML: DuckDB refuses, the file is attached read-only.
    uri = client.get(f"/api/v1/database/{database_id}/connection")["result"]["sqlalchemy_uri"]
    probe = client.post(
        "/api/v1/database/",
        json={"database_name": "write probe", "sqlalchemy_uri": uri, "allow_dml": True, "expose_in_sqllab": True},
        expect=(201,),
    )
    try:
        for statement in WRITES:
            answer = client.sql(int(probe["id"]), statement)
            assert answer.get("status") != "success", answer
            assert "read-only" in json.dumps(answer), answer
    finally:
        client.request("DELETE", f"/api/v1/database/{probe['id']}")
    assert sha256(superset.warehouse) == before
    assert sql_lab(client, database_id, "select count(*) as n from marts.fct_district_workload where items = 0") == [
        {"n": 0}
    ]


def _copy_project(destination: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", ".git", "target", "logs", "export", "warehouse", "*.duckdb", "__pycache__")
    shutil.copytree(ROOT, destination, ignore=ignore)
    (destination / "warehouse").mkdir()
    return destination


def _rename_district(project: Path, name_zh: str, new_name_en: str) -> None:
    seed = project / "seeds" / "reference" / "ref_districts.csv"
    lines = seed.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    zh, en = header.index("district_name_zh"), header.index("district_name_en")
    changed = 0
    for number, line in enumerate(lines[1:], start=1):
        fields = line.split(",")
        if fields[zh] == name_zh:
            fields[en] = new_name_en
            lines[number] = ",".join(fields)
            changed += 1
    assert changed == 1
    seed.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_rebuild_under_superset_succeeds_and_superset_sees_the_new_data(superset: Superset, tmp_path: Path) -> None:
    client, database_id = superset.client, superset.database_id()
    question = "select district_name_en from marts.dim_district where district_name_zh = '朝阳区'"
    assert sql_lab(client, database_id, question) == [{"district_name_en": "Chaoyang District"}]
    before = sha256(superset.warehouse)
    project = _copy_project(tmp_path / "project")
    _rename_district(project, "朝阳区", "Chaoyang District (rebuilt)")

    # Superset keeps answering from the file while the build writes its scratch file and renames it into place.
    seen: list[str] = []
    failures: list[dict[str, Any]] = []
    building = threading.Event()
    building.set()

    def keep_asking() -> None:
        while building.is_set():
            answer = client.sql(database_id, question)
            if answer.get("status") == "success":
                seen.append(str(answer["data"][0]["district_name_en"]))
            else:
                failures.append(answer)
            time.sleep(0.25)

    asker = threading.Thread(target=keep_asking)
    asker.start()
    try:
        build = subprocess.run(
            [
                str(ROOT / ".venv" / "bin" / "hotline12345"),
                "--project-dir",
                str(project),
                "build",
                "--target",
                str(superset.warehouse),
            ],
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    finally:
        building.clear()
        asker.join(timeout=120)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert sha256(superset.warehouse) != before
    assert not failures, failures[:3]
    assert seen and seen[0] == "Chaoyang District"
    # The first query after the rebuild sees the new file.
    assert sql_lab(client, database_id, question) == [{"district_name_en": "Chaoyang District (rebuilt)"}]
    # And the dashboard's figures are still the marts' figures.
    districts = chart_data(client, charts_by_title(client)["各区承办量 Items dispatched to each district"])  # defaults
    assert districts[0] == {"district_name_zh": "朝阳区", "items": 1_400_000}
