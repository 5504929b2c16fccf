"""Every query the report page runs, in one place, so a schema change is one edit.

The report sections show the latest annual report that prints the district
breakdown (its platform, period and source; nothing year-specific is written
here); the audit covers every source; the series section appears where the
warehouse holds more than one year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

Row = dict[str, Any]

# The latest annual report: the newest full year an annual report prints the district breakdown for.
REPORT_SELECTION = """
    select w.platform_code, w.year, w.period_code, w.source_id, s.title
    from marts.fct_district_workload as w
    inner join marts.dim_source as s on w.source_id = s.source_id
    where s.source_kind = 'annual_report' and w.period_kind = 'year'
    group by all
    order by w.year desc, w.platform_code, w.source_id
    limit 1
"""

# Rows of one report: its platform, period and source ($platform, $period, $source).
OF_THE_REPORT = "platform_code = $platform and period_code = $period and source_id = $source"

# Each query returns a total order; the audit queries cover every source and year.
SECTION_QUERIES: dict[str, str] = {
    # The report's own printings (canonical first), with the month of a single-month figure.
    "figures": """
        select figure_id, year as figure_year, section_zh, source_phrase, subject_type, subject_code,
               coalesce(parent_code, '') as parent_code,
               case when period_kind = 'month' then month(period_start) else 0 end as month, measure,
               value_printed, unit_printed, coalesce(is_approximate, false) as is_approximate
        from marts.fct_published_figure
        where platform_code = $platform and source_id = $source
        order by is_canonical desc, figure_id, section_zh, source_phrase
    """,
    "intake": """
        select dimension, member, dimension || '.' || member as subject_code, member_name_zh, member_name_en,
               items, share_of_total_pct, published_share_of_total_pct, published_yoy_change_pct as yoy_change_pct,
               prior_year_items, prior_year_share_of_total_pct, published_prior_year_share_of_total_pct
        from marts.fct_intake_volume
        where OF_THE_REPORT
        order by case dimension when 'total' then 1 when 'handling_mode' then 2 when 'channel' then 3 else 4 end,
                 dimension, items desc, member
    """,
    "categories": """
        select category_code, category_name_zh, category_name_en, items,
               published_yoy_change_pct as yoy_change_pct, prior_year_items,
               change_from_prior_year_items, rank_in_year, published_list_position
        from marts.fct_category_volume
        where OF_THE_REPORT
        order by published_list_position, category_code
    """,
    "subcategories": """
        select s.category_code, c.category_name_zh, c.category_name_en, c.published_list_position as category_position,
               s.subcategory_code, s.subcategory_name_zh, s.subcategory_name_en, s.items, s.share_of_category_pct,
               s.rank_in_category, s.published_list_position
        from marts.fct_subcategory_volume as s
        inner join marts.fct_category_volume as c
            on s.platform_code = c.platform_code and s.period_code = c.period_code and s.source_id = c.source_id
               and s.category_code = c.category_code
        where s.platform_code = $platform and s.period_code = $period and s.source_id = $source
        order by c.published_list_position, s.published_list_position, s.subcategory_code
    """,
    "monthly": """
        select month, subject_type, subject_code, subject_name_zh, subject_name_en, items, observation,
               observation_zh, share_of_annual_pct
        from marts.fct_monthly_observation
        where platform_code = $platform and year = $year and period_kind = 'month' and source_id = $source
        order by subject_type, subject_code, month
    """,
    "districts": """
        select w.district_code, w.district_name_zh, d.district_name_en, d.functional_zone_code, d.functional_zone_zh,
               d.functional_zone_en, d.functional_zone_order, w.items, w.share_of_districts_pct,
               w.published_share_of_districts_pct, w.district_department_items, w.district_department_share_pct,
               w.published_district_department_share_pct, w.street_township_items, w.street_township_share_pct,
               w.published_street_township_share_pct, w.rank_by_items
        from marts.fct_district_workload as w
        inner join marts.dim_district as d on w.district_code = d.district_code
        where w.platform_code = $platform and w.period_code = $period and w.source_id = $source
        order by w.rank_by_items, w.district_code
    """,
    "district_total": """
        select district_count, items, sum_of_district_items, street_township_items,
               sum_of_district_street_township_items, street_township_share_pct, published_street_township_share_pct
        from marts.fct_district_workload_total
        where OF_THE_REPORT
    """,
    "zones": """
        select d.functional_zone_code, d.functional_zone_zh, d.functional_zone_en, d.functional_zone_order,
               count(*) as district_count, string_agg(w.district_name_zh, '、' order by w.rank_by_items) as districts_zh,
               sum(w.items) as items, sum(w.district_department_items) as district_department_items,
               sum(w.street_township_items) as street_township_items,
               100.0 * sum(w.items) / any_value(t.items) as share_of_districts_pct
        from marts.fct_district_workload as w
        inner join marts.dim_district as d on w.district_code = d.district_code
        inner join marts.fct_district_workload_total as t
            on w.platform_code = t.platform_code and w.period_code = t.period_code and w.source_id = t.source_id
        where w.platform_code = $platform and w.period_code = $period and w.source_id = $source
        group by d.functional_zone_code, d.functional_zone_zh, d.functional_zone_en, d.functional_zone_order
        order by d.functional_zone_order, d.functional_zone_code
    """,
    "units": """
        select unit_type, unit_code, unit_name_zh, unit_name_en, items, rank_in_unit_type
        from marts.fct_handling_unit_workload
        where OF_THE_REPORT and unit_type <> 'district'
        order by unit_type, rank_in_unit_type, unit_code
    """,
    "topics": """
        select topic_no, topic_code, topic_name_zh, topic_name_en, items, share_of_topics_pct, rank_by_items
        from marts.fct_monthly_topic
        where OF_THE_REPORT
        order by topic_no
    """,
    "topic_units": """
        select t.topic_no, t.topic_code, t.unit_rank, t.unit_code, t.unit_name_zh, u.unit_name_en, t.unit_type,
               t.items, t.share_of_topic_pct
        from marts.fct_monthly_topic_top_unit as t
        left join marts.dim_handling_unit as u on t.unit_code = u.unit_code
        where t.platform_code = $platform and t.period_code = $period and t.source_id = $source
        order by t.topic_no, t.unit_rank
    """,
    "service_quality": """
        select published_resolution_rate_pct as resolution_rate_pct,
               published_satisfaction_rate_pct as satisfaction_rate_pct
        from marts.fct_service_quality
        where OF_THE_REPORT and subject_code = 'city_wide'
    """,
    "sources": """
        select source_id, source_kind, title, publisher, address, cast(published_on as varchar) as published_on,
               covers_period_start, covers_period_end
        from marts.dim_source
        order by covers_period_start, covers_period_end, source_id
    """,
    "audit_summary": """
        select count(*) as checks,
               count(*) filter (where status = 'consistent') as consistent,
               count(*) filter (where status = 'inconsistent') as inconsistent,
               count(*) filter (where is_known_discrepancy) as listed,
               count(*) filter (where status = 'inconsistent' and not is_known_discrepancy) as unexplained,
               count(*) filter (where is_cross_source) as cross_source,
               count(distinct source_id) as sources
        from audit.published_figure_checks
    """,
    "audit_kinds": """
        select check_kind, count(*) as checks, count(*) filter (where status = 'inconsistent') as inconsistent,
               count(*) filter (where is_cross_source) as cross_source
        from audit.published_figure_checks
        group by check_kind
        order by check_kind
    """,
    # Every checked percentage of every source: the published value is printed with a % sign.
    "audit_percentages": """
        select check_id, check_kind, year, period_code, source_id, input_source_ids, is_cross_source, section,
               subject, FIGURE, published_value, published_low, published_high, derived_value, feasible_low,
               feasible_high, status, is_known_discrepancy, check_method, explanation
        from audit.published_figure_checks
        where rtrim(published_value) like '%\\%' escape '\\'
        order by status desc, year desc, source_id, subject, check_id
    """,
    "audit_inconsistent": """
        select check_id, check_kind, year, period_code, source_id, input_source_ids, section, subject, FIGURE,
               published_value, derived_value, feasible_low, feasible_high, is_known_discrepancy, explanation
        from audit.published_figure_checks
        where status = 'inconsistent'
        order by year desc, source_id, subject, check_id
    """,
}
# The audit's measure and formula as the one `figure` text page.py reads (until it reads the two columns).
FIGURE = (
    "case check_kind when 'share' then measure when 'reprint' then measure || ' printed again' else formula end"
    " as figure"
)
SECTION_QUERIES = {
    name: sql.replace("OF_THE_REPORT", OF_THE_REPORT).replace("FIGURE", FIGURE) for name, sql in SECTION_QUERIES.items()
}

# The series: present only once the warehouse has marts.fct_annual_intake (issue 6).
SERIES_TABLE = ("marts", "fct_annual_intake")
SERIES_QUERY = """
    select year, period_code, period_kind, dimension, member, member_name_zh, member_name_en, items, items_low,
           items_high, how_obtained, source_id, source_kind, published_share_of_total_pct, share_of_total_pct,
           published_yoy_change_pct, yoy_change_pct
    from marts.fct_annual_intake
    where dimension in ('total', 'channel') and period_kind <> 'month'
    order by period_start, period_end, dimension <> 'total', dimension, member, source_id
"""


@dataclass(frozen=True)
class ReportData:
    """What the page shows, as rows read from the warehouse."""

    year: int
    period_code: str
    source_id: str
    source_title: str
    sections: dict[str, list[Row]]
    series: list[Row] = field(default_factory=list)

    def __getitem__(self, name: str) -> list[Row]:
        return self.sections[name]


def _rows(connection: duckdb.DuckDBPyConnection, sql: str, parameters: dict[str, object] | None = None) -> list[Row]:
    cursor = connection.execute(sql, parameters or {})
    columns = [description[0] for description in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def _has_table(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    found = connection.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", [schema, table]
    ).fetchone()
    return bool(found and found[0])


def load_report_data(connection: duckdb.DuckDBPyConnection) -> ReportData:
    """Read every section of the page for the latest annual report."""
    found = connection.execute(REPORT_SELECTION).fetchone()
    if not found:
        raise ValueError("the warehouse holds no annual report with district figures, so there is nothing to show")
    platform, year, period, source, title = found
    parameters: dict[str, object] = {"platform": platform, "year": year, "period": period, "source": source}
    sections = {}
    for name, sql in SECTION_QUERIES.items():
        used = {key: value for key, value in parameters.items() if f"${key}" in sql}
        sections[name] = _rows(connection, sql, used)
    series = _rows(connection, SERIES_QUERY) if _has_table(connection, *SERIES_TABLE) else []
    return ReportData(
        year=int(year),
        period_code=str(period),
        source_id=str(source),
        source_title=str(title or source),
        sections=sections,
        series=series,
    )
