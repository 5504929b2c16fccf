"""Write bi/superset/bundle/: the Superset dashboard bundle (database, datasets, charts, dashboard) as YAML.

The bundle is committed; this script is how it is made, so a chart is changed
here and the YAML regenerated (`.venv/bin/python bi/superset/generate_bundle.py`);
tests/bi/test_bundle_is_generated.py fails when the two differ. Each chart's
`query_context` (what Superset's chart data API runs) is built from the same
spec as its `params` (what the chart editor shows), so the two cannot drift.

The database's URI holds the placeholder `{{ WAREHOUSE_PATH }}`;
`hotline12345.superset` fills in the warehouse's absolute path when it imports
the bundle. Dataset columns are not listed: the import script refreshes them
from the warehouse, which also brings in the column comments (dbt's
descriptions).

No chart names a platform or a period: the dashboard's native filters do
(platform level → platform → period, each narrowing the next one's choices),
and the platform and period it opens on are `DEFAULT_FILTER_VALUES`, data
kept once in dashboard_defaults.yml. The series charts take the platform but not the period.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

BUNDLE_DIR = Path(__file__).resolve().parent / "bundle"
NAMESPACE = uuid.UUID("6f0b6a52-5a3e-4c7e-9d0a-12345a12345b")
VERSION = "1.0.0"
DATABASE_NAME = "hotline12345 warehouse (read-only)"
DASHBOARD_TITLE = "12345热线 · 12345 hotlines: one platform's period, and its series of years"
# What the dashboard opens on, as its native filters' default values: data, in dashboard_defaults.yml.
DEFAULT_FILTER_VALUES: dict[str, str] = {
    str(column): str(value)
    for column, value in yaml.safe_load(
        (Path(__file__).resolve().parent / "dashboard_defaults.yml").read_text(encoding="utf-8")
    ).items()
}


# How a table shows a number, by what its column's name says it holds: a count of items with thousands separators; a
# printed percentage a mart holds as a number with the decimals it was printed with as far as the number can tell (the
# marts keep it exactly, to four places: trailing zeros are trimmed, so a printed 31.40 reads 31.4; where the printed
# text is at hand, fct_published_figure's value_as_printed, the charts show the text instead); a percentage the
# warehouse derived with two, as the report pages show it.
ITEMS_FORMAT = ",d"
PRINTED_PCT_FORMAT = ",.4~f"
DERIVED_PCT_FORMAT = ",.2f"


def number_format(column: str) -> str | None:
    """The d3 format of a table's numeric column (by its name's unit), or None for a column that is not a number."""
    if column == "items" or column.endswith("_items"):
        return ITEMS_FORMAT
    if column.endswith("_pct"):
        return PRINTED_PCT_FORMAT if column.startswith("published_") else DERIVED_PCT_FORMAT
    return None


def stable_uuid(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))


@dataclass(frozen=True)
class Dataset:
    """A table of the warehouse, or a virtual dataset (`sql`: a query of the marts Superset treats as a table)."""

    schema: str
    table: str
    sql: str | None = None

    @property
    def uuid(self) -> str:
        return stable_uuid(f"dataset:{self.schema}.{self.table}")


INTAKE = Dataset("marts", "fct_intake_volume")
ANNUAL_INTAKE = Dataset("marts", "fct_annual_intake")
CATEGORY = Dataset("marts", "fct_category_volume")
SUBCATEGORY = Dataset("marts", "fct_subcategory_volume")
DISTRICT = Dataset("marts", "fct_district_workload")
HANDLING_UNIT = Dataset("marts", "fct_handling_unit_workload")
TOPIC = Dataset("marts", "fct_monthly_topic")
SERVICE_QUALITY = Dataset("marts", "fct_service_quality")
AUDIT = Dataset("audit", "published_figure_checks")
PLATFORM = Dataset("marts", "dim_platform")
PUBLISHED_FIGURE = Dataset("marts", "fct_published_figure")


def _compared_rates() -> list[dict[str, str]]:
    """The rates the report's comparison page sets side by side (src/hotline12345/report/comparison.csv, their one
    home), with their names."""
    text = (Path(__file__).resolve().parents[2] / "src" / "hotline12345" / "report" / "comparison.csv").read_text(
        encoding="utf-8"
    )
    return [row for row in csv.DictReader(text.splitlines()) if row["compared_as"] == "rate"]


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# Every hotline's latest printing of each compared rate, by kind of period (a week is compared with weeks, a year with
# years): the rule of the report's comparison page (COMPARED_RATES in src/hotline12345/report/queries.py: the period
# ending last, the platform's own figure before a subject's, the canonical source first), for all its rates at once.
# The rate is the printed text with its unit, so it reads with the decimals it was printed with.
LATEST_RATES_SQL = (
    """with compared (measure, measure_name_zh, measure_name_en) as (
    values
        """
    + ",\n        ".join(
        f"({_sql_text(row['code'])}, {_sql_text(row['name_zh'])}, {_sql_text(row['name_en'])})"
        for row in _compared_rates()
    )
    + """
),

printed as (
    select f.figure_id, f.platform_code, f.period_code, f.period_label_zh, f.period_kind, f.period_end, f.source_id,
           f.measure,
           f.value_printed, f.unit_printed, f.value_normalised,
           row_number() over (
               partition by f.platform_code, f.measure, f.period_kind
               order by f.period_end desc nulls last, f.period_code desc, f.subject_code <> 'city_wide',
                        f.subject_code, f.is_canonical desc, f.source_id, f.figure_id
           ) as recency
    from marts.fct_published_figure as f
    inner join compared as c on f.measure = c.measure
    where f.normalised_unit = 'percent' and f.subject_code not like '%.%'
)

select c.measure, c.measure_name_zh, c.measure_name_en, f.period_kind, f.platform_code, p.platform_name_zh,
       p.platform_level, f.period_code, f.period_label_zh,
       f.value_printed || f.unit_printed as published_rate_as_printed,
       f.value_normalised as published_rate_pct, f.source_id, f.figure_id
from printed as f
inner join compared as c on f.measure = c.measure
inner join marts.dim_platform as p on f.platform_code = p.platform_code
where f.recency = 1
"""
)
LATEST_RATES = Dataset("marts", "hotline_latest_printed_rates", sql=LATEST_RATES_SQL)
DATASETS = (
    INTAKE,
    ANNUAL_INTAKE,
    CATEGORY,
    SUBCATEGORY,
    DISTRICT,
    HANDLING_UNIT,
    TOPIC,
    SERVICE_QUALITY,
    AUDIT,
    PLATFORM,
    PUBLISHED_FIGURE,
    LATEST_RATES,
)


def sum_metric(column: str, label: str | None = None) -> dict[str, Any]:
    return {
        "expressionType": "SIMPLE",
        "column": {"column_name": column},
        "aggregate": "SUM",
        "label": label or column,
        "hasCustomLabel": True,
        "optionName": f"metric_sum_{column}",
    }


def sql_metric(sql: str, label: str) -> dict[str, Any]:
    return {
        "expressionType": "SQL",
        "sqlExpression": sql,
        "label": label,
        "hasCustomLabel": True,
        "optionName": f"metric_{label}",
    }


@dataclass(frozen=True)
class Chart:
    """One chart: an aggregate (metrics by `groupby`) or a raw table (`columns`), filtered by `where`."""

    key: str
    title: str
    dataset: Dataset
    viz_type: str
    where: tuple[str, ...] = ()
    metrics: tuple[dict[str, Any], ...] = ()
    groupby: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    order_by: tuple[tuple[str, bool], ...] = ()
    series: tuple[str, ...] = ()
    sort_ascending: bool = False
    row_limit: int = 100
    width: int = 4
    height: int = 50
    description: str = ""
    extra_params: dict[str, Any] = field(default_factory=dict)

    @property
    def uuid(self) -> str:
        return stable_uuid(f"chart:{self.key}")

    @property
    def filters(self) -> list[dict[str, Any]]:
        return [
            {
                "expressionType": "SQL",
                "sqlExpression": condition,
                "clause": "WHERE",
                "subject": None,
                "operator": None,
                "comparator": None,
                "filterOptionName": f"filter_{self.key}_{number}",
            }
            for number, condition in enumerate(self.where)
        ]

    def params(self) -> dict[str, Any]:
        params: dict[str, Any] = {
            "viz_type": self.viz_type,
            "datasource": "0__table",
            "adhoc_filters": self.filters,
            "row_limit": self.row_limit,
            "time_range": "No filter",
            "extra_form_data": {},
            "dashboards": [],
        }
        if self.viz_type == "big_number_total":
            params.update(metric=self.metrics[0], header_font_size=0.4, subheader_font_size=0.15, y_axis_format=",d")
        elif self.viz_type == "pie":
            params.update(
                metric=self.metrics[0],
                groupby=list(self.groupby),
                sort_by_metric=True,
                show_labels=True,
                label_type="key_percent",
                number_format=",d",
                show_legend=True,
                legendOrientation="top",
                donut=True,
                innerRadius=30,
                outerRadius=70,
            )
        elif self.viz_type == "echarts_timeseries_bar":
            params.update(
                x_axis=self.groupby[0],
                metrics=list(self.metrics),
                groupby=list(self.series),
                orientation="vertical" if self.series or self.sort_ascending else "horizontal",
                x_axis_sort=self.groupby[0] if self.sort_ascending else self.metrics[0]["label"],
                x_axis_sort_asc=self.sort_ascending,
                stack="Stack" if self.series else None,
                show_value=True,
                y_axis_format=",d",
                truncateXAxis=True,
                show_legend=False,
                rich_tooltip=True,
            )
        elif self.viz_type == "table":
            if self.columns:
                params.update(
                    query_mode="raw",
                    all_columns=list(self.columns),
                    order_by_cols=[json.dumps([column, ascending]) for column, ascending in self.order_by],
                )
            else:
                params.update(query_mode="aggregate", groupby=list(self.groupby), metrics=list(self.metrics))
            shown = self.columns or tuple(metric["label"] for metric in self.metrics)
            formats = {column: number_format(column) for column in shown}
            params.update(table_timestamp_format="smart_date", show_cell_bars=True, include_search=False)
            if any(formats.values()):
                params["column_config"] = {
                    column: {"d3NumberFormat": found} for column, found in formats.items() if found
                }
        else:
            raise ValueError(f"no params for viz_type {self.viz_type}")
        params.update(self.extra_params)
        return params

    def query(self) -> dict[str, Any]:
        """The chart's one query, as Superset's chart data API takes it."""
        where = " AND ".join(f"({condition})" for condition in self.where)
        if self.columns:
            columns: list[Any] = list(self.columns)
            metrics: list[Any] = []
            orderby: list[Any] = [[column, ascending] for column, ascending in self.order_by]
        else:
            columns = [*self.groupby, *self.series]
            metrics = list(self.metrics)
            if self.sort_ascending:
                orderby = [[column, True] for column in columns]
            else:
                orderby = [[self.metrics[0], False]] if self.groupby else []
        return {
            "filters": [],
            "extras": {"having": "", "where": where},
            "applied_time_extras": {},
            "columns": columns,
            "metrics": metrics,
            "orderby": orderby,
            "annotation_layers": [],
            "row_limit": self.row_limit,
            "series_limit": 0,
            "order_desc": True,
            "url_params": {},
            "custom_params": {},
            "custom_form_data": {},
        }

    def query_context(self) -> str:
        return json.dumps(
            {
                "datasource": {"id": 0, "type": "table"},
                "force": False,
                "queries": [self.query()],
                "form_data": self.params(),
                "result_format": "json",
                "result_type": "full",
            },
            ensure_ascii=False,
            sort_keys=True,
        )


ITEMS = sum_metric("items")

CHARTS: tuple[Chart, ...] = (
    Chart(
        "total_intake",
        "受理总量 Total intake (items)",
        INTAKE,
        "big_number_total",
        where=("dimension = 'total'",),
        metrics=(ITEMS,),
        width=3,
        height=30,
        description="群众反映: every call and message the hotline took in, in items (件).",
    ),
    Chart(
        "intake_by_channel",
        "受理渠道 Intake by channel",
        INTAKE,
        "pie",
        where=("dimension = 'channel'",),
        metrics=(ITEMS,),
        groupby=("member_name_zh",),
        width=3,
        height=30,
        description="电话 (phone) and 网络 (online: app, WeChat, websites).",
    ),
    Chart(
        "intake_by_handling_mode",
        "办理方式 Intake by handling mode",
        INTAKE,
        "pie",
        where=("dimension = 'handling_mode'",),
        metrics=(ITEMS,),
        groupby=("member_name_zh",),
        width=3,
        height=30,
        description="派单办理 (dispatched to a handling unit) and 直接答复 (answered directly).",
    ),
    Chart(
        "service_quality",
        "服务质量 Service quality rates, as printed",
        PUBLISHED_FIGURE,
        "table",
        # every rate the period prints of the platform as a whole (resolution, satisfaction, on-time completion …),
        # as printed: the text keeps the decimals (Nantong's 93.20%) that a number would lose
        where=("subject_type = 'service_quality'", "subject_code = 'city_wide'", "is_canonical", "unit_printed = '%'"),
        columns=("measure", "value_as_printed", "unit_printed"),
        order_by=(("measure", True),),
        width=3,
        height=30,
    ),
    Chart(
        "top_categories",
        "十大类日常问题 Top ten categories (items)",
        CATEGORY,
        "echarts_timeseries_bar",
        metrics=(ITEMS,),
        groupby=("category_name_zh",),
        width=6,
        height=60,
    ),
    Chart(
        "districts",
        "各区承办量 Items dispatched to each district",
        DISTRICT,
        "echarts_timeseries_bar",
        metrics=(ITEMS,),
        groupby=("district_name_zh",),
        width=6,
        height=60,
    ),
    Chart(
        "district_split",
        "区级部门与街道乡镇 District departments and streets/townships",
        DISTRICT,
        "table",
        columns=(
            "district_name_zh",
            "items",
            "district_department_items",
            "street_township_items",
            "street_township_share_pct",
            "published_street_township_share_pct",
        ),
        order_by=(("items", False),),
        width=12,
        height=60,
    ),
    Chart(
        "monthly_topics",
        "每月一题 Topics of the month (items)",
        TOPIC,
        "echarts_timeseries_bar",
        metrics=(ITEMS,),
        groupby=("topic_name_zh",),
        width=6,
        height=70,
    ),
    Chart(
        "handling_units",
        "承办单位 Handling units named with a count",
        HANDLING_UNIT,
        "table",
        columns=("unit_type", "unit_name_zh", "items"),
        order_by=(("items", False),),
        width=6,
        height=70,
    ),
    Chart(
        "audit_status",
        "审计 Audit: checks by status",
        AUDIT,
        "pie",
        metrics=(sql_metric("COUNT(*)", "checks"),),
        groupby=("status",),
        width=4,
        height=50,
        extra_params={"number_format": ",d"},
    ),
    Chart(
        "audit_findings",
        "审计发现 Published figures that do not add up",
        AUDIT,
        "table",
        where=("status = 'inconsistent'",),
        # the audit's own sentence for each finding, and the reviewer's note of what the numbers cannot say
        columns=("subject_name_zh", "published_value_as_printed", "explanation", "review_note", "check_id"),
        order_by=(("check_id", True),),
        width=8,
        height=50,
    ),
)

CHARTS += (
    Chart(
        "intake_by_year",
        "历年受理量 Intake by year (items)",
        ANNUAL_INTAKE,
        "echarts_timeseries_bar",
        where=("period_kind = 'year'", "dimension = 'total'"),
        metrics=(ITEMS,),
        groupby=("year",),
        sort_ascending=True,
        width=6,
        height=50,
        description="Every calendar year on record (marts.fct_annual_intake); see how_obtained and source_id per year.",
    ),
    Chart(
        "channel_by_year",
        "历年受理渠道 Intake by channel and year (items)",
        ANNUAL_INTAKE,
        "echarts_timeseries_bar",
        where=("period_kind = 'year'", "dimension = 'channel'"),
        metrics=(ITEMS,),
        groupby=("year",),
        series=("member_name_zh",),
        sort_ascending=True,
        width=6,
        height=50,
    ),
)

# Hotlines side by side: not one platform's period, so neither the platform nor the period filter reaches it (the
# level filter does: cities with cities).
COMPARISON_CHARTS = ("hotline_comparison",)
CHARTS += (
    Chart(
        "hotline_comparison",
        "各热线对比 Hotlines side by side: each one's latest printed rates, like periods only",
        LATEST_RATES,
        "table",
        columns=(
            "measure_name_zh",
            "period_kind",
            "platform_name_zh",
            "period_label_zh",
            "published_rate_as_printed",
            "source_id",
        ),
        order_by=(("measure_name_zh", True), ("period_kind", True), ("platform_name_zh", True)),
        row_limit=1000,
        width=12,
        height=80,
        description=(
            "Each hotline's latest printing of each rate the report's comparison page compares, one row per kind of "
            "period: a week is compared with weeks, a year with years. The rate as printed, with its decimals."
        ),
    ),
)

ROWS: tuple[tuple[str, ...], ...] = (
    ("total_intake", "intake_by_channel", "intake_by_handling_mode", "service_quality"),
    ("top_categories", "districts"),
    ("district_split",),
    ("monthly_topics", "handling_units"),
    ("audit_status", "audit_findings"),
    ("intake_by_year", "channel_by_year"),
    ("hotline_comparison",),
)


@dataclass(frozen=True)
class NativeFilter:
    """A dashboard filter on one column; `parent` narrows its choices, `excluded` charts ignore it.

    Superset adds the chosen value as `<column> IN (value)` to every chart in
    scope whose dataset has the column; its default is the column's entry in
    DEFAULT_FILTER_VALUES, if any.
    """

    key: str
    name: str
    dataset: Dataset
    column: str
    description: str
    parent: str | None = None
    excluded: tuple[str, ...] = ()
    required: bool = False
    # Superset keeps a child filter's value when its parent changes, even a value the parent's new choice lacks
    # (Beijing's 2022 stays chosen for 南通, which prints no 2022); with this it takes the first of its new choices.
    first_choice_when_the_value_is_gone: bool = False

    @property
    def id(self) -> str:
        return f"NATIVE_FILTER-{self.key}"

    @property
    def default_value(self) -> str | None:
        return DEFAULT_FILTER_VALUES.get(self.column)

    def configuration(self, chart_ids: dict[str, int]) -> dict[str, Any]:
        value = self.default_value
        data_mask: dict[str, Any] = {"extraFormData": {}, "filterState": {}, "ownState": {}}
        if value is not None:
            data_mask.update(
                extraFormData={"filters": [{"col": self.column, "op": "IN", "val": [value]}]},
                filterState={"value": [value]},
            )
        return {
            "id": self.id,
            "name": self.name,
            "filterType": "filter_select",
            "type": "NATIVE_FILTER",
            "description": self.description,
            "targets": [{"datasetUuid": self.dataset.uuid, "column": {"name": self.column}}],
            "defaultDataMask": data_mask,
            "cascadeParentIds": [f"NATIVE_FILTER-{self.parent}"] if self.parent else [],
            "scope": {"rootPath": ["ROOT_ID"], "excluded": sorted(chart_ids[key] for key in self.excluded)},
            "controlValues": {
                "enableEmptyFilter": self.required,
                "defaultToFirstItem": self.first_choice_when_the_value_is_gone,
                "multiSelect": False,
                "searchAllOptions": False,
                "inverseSelection": False,
                "sortAscending": True,
            },
            "tabsInScope": [],
        }


# The series charts show every period of their kind on record for the platform: the period filter leaves them alone.
SERIES_CHARTS = ("intake_by_year", "channel_by_year")
NATIVE_FILTERS: tuple[NativeFilter, ...] = (
    NativeFilter(
        "platform_level",
        "平台层级 Platform level",
        PLATFORM,
        "platform_level",
        "province, city, county or district: narrows the platforms to choose from.",
        excluded=tuple(chart.key for chart in CHARTS if chart.key not in COMPARISON_CHARTS),
    ),
    NativeFilter(
        "platform",
        "平台 Platform",
        PLATFORM,
        "platform_code",
        "The 12345 platform every chart shows; platforms nest (a province and its cities), so one at a time.",
        parent="platform_level",
        excluded=COMPARISON_CHARTS,
        required=True,
    ),
    # by the period's label, as a reader reads it (2022年, 2024年上半年, 2021-12-03 至 12-10, 端午小长假（年份未印出）), not
    # its key: labels are dim_period's, in Chinese first as the pages are, and one label reads one period of a
    # platform (dim_period tests it), so the label and the platform pick one period. Every dataset the filter reaches
    # carries the label beside its period_code.
    NativeFilter(
        "period",
        "期间 Period",
        PUBLISHED_FIGURE,
        "period_label_zh",
        "The period the report charts show (a year, half-year, month, week …) among the platform's periods.",
        parent="platform",
        excluded=SERIES_CHARTS + COMPARISON_CHARTS,
        required=True,
        first_choice_when_the_value_is_gone=True,
    ),
)


def database_yaml() -> dict[str, Any]:
    return {
        "database_name": DATABASE_NAME,
        "sqlalchemy_uri": "duckdb:///{{ WAREHOUSE_PATH }}?access_mode=read_only",
        "cache_timeout": None,
        "expose_in_sqllab": True,
        "allow_run_async": False,
        "allow_ctas": False,
        "allow_cvas": False,
        "allow_dml": False,
        "allow_csv_upload": False,
        "extra": {"allows_virtual_table_explore": True},
        "uuid": stable_uuid("database:hotline12345"),
        "version": VERSION,
    }


def dataset_yaml(dataset: Dataset) -> dict[str, Any]:
    return {
        "table_name": dataset.table,
        "schema": dataset.schema,
        "catalog": None,
        "main_dttm_col": None,
        "description": None,
        "default_endpoint": None,
        "offset": 0,
        "cache_timeout": None,
        "sql": dataset.sql,
        "params": None,
        "template_params": None,
        "filter_select_enabled": True,
        "fetch_values_predicate": None,
        "extra": None,
        "normalize_columns": False,
        "always_filter_main_dttm": False,
        "uuid": dataset.uuid,
        "metrics": [],
        "columns": [],
        "version": VERSION,
        "database_uuid": stable_uuid("database:hotline12345"),
    }


def chart_yaml(chart: Chart, chart_id: int) -> dict[str, Any]:
    params = chart.params()
    params["slice_id"] = chart_id
    return {
        "slice_name": chart.title,
        "description": chart.description or None,
        "certified_by": None,
        "certification_details": None,
        "viz_type": chart.viz_type,
        "params": params,
        "query_context": chart.query_context(),
        "cache_timeout": None,
        "uuid": chart.uuid,
        "version": VERSION,
        "dataset_uuid": chart.dataset.uuid,
    }


def dashboard_yaml(chart_ids: dict[str, int]) -> dict[str, Any]:
    charts = {chart.key: chart for chart in CHARTS}
    position: dict[str, Any] = {
        "DASHBOARD_VERSION_KEY": "v2",
        "ROOT_ID": {"children": ["GRID_ID"], "id": "ROOT_ID", "type": "ROOT"},
        "GRID_ID": {"children": [], "id": "GRID_ID", "parents": ["ROOT_ID"], "type": "GRID"},
        "HEADER_ID": {"id": "HEADER_ID", "meta": {"text": DASHBOARD_TITLE}, "type": "HEADER"},
    }
    for row_number, keys in enumerate(ROWS):
        row_id = f"ROW-{row_number}"
        position["GRID_ID"]["children"].append(row_id)
        position[row_id] = {
            "children": [f"CHART-{key}" for key in keys],
            "id": row_id,
            "meta": {"background": "BACKGROUND_TRANSPARENT"},
            "parents": ["ROOT_ID", "GRID_ID"],
            "type": "ROW",
        }
        for key in keys:
            chart = charts[key]
            position[f"CHART-{key}"] = {
                "children": [],
                "id": f"CHART-{key}",
                "meta": {
                    "chartId": chart_ids[key],
                    "height": chart.height,
                    "sliceName": chart.title,
                    "uuid": chart.uuid,
                    "width": chart.width,
                },
                "parents": ["ROOT_ID", "GRID_ID", row_id],
                "type": "CHART",
            }
    return {
        "dashboard_title": DASHBOARD_TITLE,
        "description": None,
        "css": "",
        "slug": "hotline12345",
        "certified_by": "",
        "certification_details": "",
        "published": True,
        "uuid": stable_uuid("dashboard:hotline12345"),
        "position": position,
        "metadata": {
            "color_scheme": "supersetColors",
            "refresh_frequency": 0,
            "expanded_slices": {},
            "label_colors": {},
            "timed_refresh_immune_slices": [],
            "cross_filters_enabled": False,
            "default_filters": "{}",
            "native_filter_configuration": [native.configuration(chart_ids) for native in NATIVE_FILTERS],
            "shared_label_colors": [],
        },
        "version": VERSION,
    }


def bundle_files() -> dict[str, str]:
    """Relative path → YAML text of every file in the bundle."""

    def dump(document: dict[str, Any]) -> str:
        return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)

    chart_ids = {chart.key: number for number, chart in enumerate(CHARTS, start=1)}
    files = {
        "metadata.yaml": dump({"version": VERSION, "type": "Dashboard", "timestamp": "{{ TIMESTAMP }}"}),
        "databases/hotline12345.yaml": dump(database_yaml()),
    }
    for dataset in DATASETS:
        files[f"datasets/hotline12345/{dataset.schema}.{dataset.table}.yaml"] = dump(dataset_yaml(dataset))
    for chart in CHARTS:
        files[f"charts/{chart.key}.yaml"] = dump(chart_yaml(chart, chart_ids[chart.key]))
    files["dashboards/hotline12345.yaml"] = dump(dashboard_yaml(chart_ids))
    return files


def write_bundle(directory: Path = BUNDLE_DIR) -> None:
    if directory.exists():
        shutil.rmtree(directory)
    for relative, text in bundle_files().items():
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_bundle(Path(sys.argv[1]) if len(sys.argv) > 1 else BUNDLE_DIR)
    print(f"wrote {BUNDLE_DIR}")
