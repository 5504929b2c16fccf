"""Every query the report page runs, in one place, so a schema change is one edit.

The 2022-style sections show the latest report year that has district data
(nothing year-specific is written here); the series section appears where
the warehouse holds more than one year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

Row = dict[str, Any]

# The latest annual report: the newest year with the district breakdown only a full report prints.
REPORT_YEAR = "select max(report_year) from marts.fct_district_workload"

# Each query takes the report year as its only parameter ($year) and returns a total order.
SECTION_QUERIES: dict[str, str] = {
    "figures": """
        select figure_id, figure_year, section_zh, source_phrase, subject_type, subject_code,
               coalesce(parent_code, '') as parent_code, coalesce(month, 0) as month, measure,
               value_printed, unit_printed, coalesce(is_approximate, false) as is_approximate
        from marts.fct_published_figure
        where report_year = $year
        order by figure_id
    """,
    "intake": """
        select dimension, member, dimension || '.' || member as subject_code, member_name_zh, member_name_en,
               items, share_of_total_pct, published_share_of_total_pct, yoy_change_pct,
               prior_year_items, prior_year_share_of_total_pct, published_prior_year_share_of_total_pct
        from marts.fct_intake_volume
        where report_year = $year
        order by case dimension when 'total' then 1 when 'handling_mode' then 2 when 'channel' then 3 else 4 end,
                 items desc, member
    """,
    "categories": """
        select category_code, category_name_zh, category_name_en, items, yoy_change_pct, prior_year_items,
               change_from_prior_year_items, rank_in_year, published_list_position
        from marts.fct_category_volume
        where report_year = $year
        order by published_list_position, category_code
    """,
    "subcategories": """
        select s.category_code, c.category_name_zh, c.category_name_en, c.published_list_position as category_position,
               s.subcategory_code, s.subcategory_name_zh, s.subcategory_name_en, s.items, s.share_of_category_pct,
               s.rank_in_category, s.published_list_position
        from marts.fct_subcategory_volume as s
        inner join marts.fct_category_volume as c
            on s.report_year = c.report_year and s.category_code = c.category_code
        where s.report_year = $year
        order by c.published_list_position, s.published_list_position, s.subcategory_code
    """,
    "monthly": """
        select month, subject_type, subject_code, subject_name_zh, subject_name_en, items, observation,
               observation_zh, share_of_annual_pct
        from marts.fct_monthly_observation
        where report_year = $year
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
        where w.report_year = $year
        order by w.rank_by_items, w.district_code
    """,
    "district_total": """
        select district_count, items, sum_of_district_items, street_township_items,
               sum_of_district_street_township_items, street_township_share_pct, published_street_township_share_pct
        from marts.fct_district_workload_total
        where report_year = $year
    """,
    "zones": """
        select d.functional_zone_code, d.functional_zone_zh, d.functional_zone_en, d.functional_zone_order,
               count(*) as district_count, string_agg(w.district_name_zh, '、' order by w.rank_by_items) as districts_zh,
               sum(w.items) as items, sum(w.district_department_items) as district_department_items,
               sum(w.street_township_items) as street_township_items,
               100.0 * sum(w.items) / (select items from marts.fct_district_workload_total as t
                                       where t.report_year = $year) as share_of_districts_pct
        from marts.fct_district_workload as w
        inner join marts.dim_district as d on w.district_code = d.district_code
        where w.report_year = $year
        group by all
        order by d.functional_zone_order, d.functional_zone_code
    """,
    "units": """
        select unit_type, unit_code, unit_name_zh, unit_name_en, items, rank_in_unit_type
        from marts.fct_handling_unit_workload
        where report_year = $year and unit_type <> 'district'
        order by unit_type, rank_in_unit_type, unit_code
    """,
    "topics": """
        select topic_no, topic_code, topic_name_zh, topic_name_en, items, share_of_topics_pct, rank_by_items
        from marts.fct_monthly_topic
        where report_year = $year
        order by topic_no
    """,
    "topic_units": """
        select t.topic_no, t.topic_code, t.unit_rank, t.unit_code, t.unit_name_zh, u.unit_name_en, t.unit_type,
               t.items, t.share_of_topic_pct
        from marts.fct_monthly_topic_top_unit as t
        left join marts.dim_handling_unit as u on t.unit_code = u.unit_code
        where t.report_year = $year
        order by t.topic_no, t.unit_rank
    """,
    "service_quality": """
        select resolution_rate_pct, satisfaction_rate_pct
        from marts.fct_service_quality
        where report_year = $year
    """,
    "audit_summary": """
        select count(*) as checks,
               count(*) filter (where status = 'consistent') as consistent,
               count(*) filter (where status = 'inconsistent') as inconsistent,
               count(*) filter (where is_known_discrepancy) as listed,
               count(*) filter (where status = 'inconsistent' and not is_known_discrepancy) as unexplained
        from audit.published_figure_checks
        where report_year = $year
    """,
    "audit_kinds": """
        select check_kind, count(*) as checks, count(*) filter (where status = 'inconsistent') as inconsistent
        from audit.published_figure_checks
        where report_year = $year
        group by check_kind
        order by check_kind
    """,
    # Every checked percentage: the published value is printed with a % sign.
    "audit_percentages": """
        select check_id, check_kind, section, subject, figure, published_value, published_low, published_high,
               derived_value, feasible_low, feasible_high, status, is_known_discrepancy, check_method, explanation
        from audit.published_figure_checks
        where report_year = $year and rtrim(published_value) like '%\\%' escape '\\'
        order by status desc, subject, check_id
    """,
    "audit_inconsistent": """
        select check_id, check_kind, section, subject, figure, published_value, derived_value, feasible_low,
               feasible_high, is_known_discrepancy, explanation
        from audit.published_figure_checks
        where report_year = $year and status = 'inconsistent'
        order by section, check_id
    """,
}

# The series: present only once the warehouse has marts.fct_annual_intake (issue 6).
SERIES_TABLE = ("marts", "fct_annual_intake")
SERIES_QUERY = """
    select year, period_code, period_kind, dimension, member, member_name_zh, member_name_en, items, items_low,
           items_high, how_obtained, source_id, source_kind, published_share_of_total_pct, share_of_total_pct,
           published_yoy_change_pct, yoy_change_pct
    from marts.fct_annual_intake
    where dimension in ('total', 'channel')
    order by period_start, period_end, dimension <> 'total', dimension, member, source_id
"""


@dataclass(frozen=True)
class ReportData:
    """What the page shows, as rows read from the warehouse."""

    year: int
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
    """Read every section of the page for the latest report year."""
    found = connection.execute(REPORT_YEAR).fetchone()
    if not found or found[0] is None:
        raise ValueError("the warehouse holds no district workload, so there is no annual report to show")
    year = int(found[0])
    sections = {name: _rows(connection, sql, {"year": year}) for name, sql in SECTION_QUERIES.items()}
    series = _rows(connection, SERIES_QUERY) if _has_table(connection, *SERIES_TABLE) else []
    return ReportData(year=year, sections=sections, series=series)
