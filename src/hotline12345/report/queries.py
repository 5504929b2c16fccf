"""Every query the report page and the index run, in one place, so a schema change is one edit.

A page shows one platform and one period: the source that prints the most figures of them (its platform, period
and source are data; nothing platform- or year-specific is written here). Without a platform or period, the page
is the latest annual report that prints the district breakdown. The audit and the series are the platform's own.
The index lists every platform in marts.dim_platform with its latest period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import duckdb

Row = dict[str, Any]

# The latest annual report: the newest full year an annual report prints the district breakdown for.
REPORT_SELECTION = """
    select w.platform_code, w.year, w.period_code, w.source_id, s.title, d.period_label_zh, d.period_label_en
    from marts.fct_district_workload as w
    inner join marts.dim_source as s on w.source_id = s.source_id
    inner join marts.dim_period as d on w.period_code = d.period_code
    where s.source_kind = 'annual_report' and w.period_kind = 'year'
    group by all
    order by w.year desc, w.platform_code, w.source_id
    limit 1
"""

# The periods of a platform (`$platform`), latest first: a period with its headline total printed (the intake
# total) before one without, a period of the platform's bulletins before a running total (cumulative), then by the
# last day they cover (a period with no known dates last), the first, and the most printed figures; each with the
# source printing the most of its figures in their canonical printing (a repost's is not), then the most of them
# (`source_rank` 1), and after it each other source that prints figures of the period.
PRINTINGS = """
    with figures as (
        select period_code, period_label_zh, period_label_en, period_kind, year, period_start, period_end, source_id,
               count(*) as figure_count, count(*) filter (where is_canonical) as canonical_count
        from marts.fct_published_figure
        where platform_code = $platform
        group by all
    ),

    periods as (
        select period_code, period_label_zh, period_label_en, period_kind, year, period_start, period_end, source_id,
               sum(figure_count) over (partition by period_code) as figure_count,
               row_number() over (
                   partition by period_code order by canonical_count desc, figure_count desc, source_id
               ) as source_rank
        from figures
    ),

    totals as (
        select distinct period_code
        from marts.fct_published_figure
        where platform_code = $platform and subject_type = 'intake' and subject_code = 'total.all' and measure = 'items'
    )

    select p.period_code, p.period_label_zh, p.period_label_en, p.period_kind, d.period_kind_name_zh,
           d.period_kind_name_en, d.period_kind_order, p.period_start, p.period_end, p.year, p.source_id, s.title,
           p.source_rank
    from periods as p
    inner join marts.dim_source as s on p.source_id = s.source_id
    inner join marts.dim_period as d on p.period_code = d.period_code
    left join totals as t on p.period_code = t.period_code
    order by t.period_code is null, p.period_kind = 'cumulative', p.period_end desc nulls last,
             p.period_start desc nulls last, p.figure_count desc, p.period_code, p.source_rank
"""

# Every platform for the index: what dim_platform says of it, its audit's counts and its child platforms.
INDEX_PLATFORMS = """
    with checks as (
        select platform_code, count(*) as checks,
               count(*) filter (where status = 'consistent') as consistent,
               count(*) filter (where status = 'truncated') as truncated,
               count(*) filter (where status = 'inconsistent') as inconsistent
        from audit.published_figure_checks
        group by platform_code
    )

    select p.platform_code, p.platform_name_zh, p.platform_name_en, p.platform_level, p.parent_platform_code,
           p.parent_platform_name_zh, p.administrative_division_code, p.region_zh, p.region_en, p.source_count, p.figure_count,
           coalesce(c.checks, 0) as checks, coalesce(c.consistent, 0) as consistent,
           coalesce(c.truncated, 0) as truncated, coalesce(c.inconsistent, 0) as inconsistent
    from marts.dim_platform as p
    left join checks as c on p.platform_code = c.platform_code
    order by p.platform_code
"""

# A period's headline total as printed: the intake total's items, the canonical printing first.
HEADLINE = """
    select figure_id, value_printed, unit_printed, coalesce(is_approximate, false) as is_approximate, source_phrase,
           value_normalised as items
    from marts.fct_published_figure
    where platform_code = $platform and period_code = $period and subject_type = 'intake'
          and subject_code = 'total.all' and measure = 'items'
    order by is_canonical desc, source_id = $source desc, figure_id
    limit 1
"""

# Rows of one report: its platform, period and source ($platform, $period, $source).
OF_THE_REPORT = "platform_code = $platform and period_code = $period and source_id = $source"

# Each query returns a total order; the audit queries cover every source and year.
SECTION_QUERIES: dict[str, str] = {
    # The report's printings (canonical first) of the page's period, of the single months it names (with the
    # month; 0 for the page's own period) and of other years (the year before); not of its other periods (a
    # running total the source prints beside a half-year is another figure of the same subject and year).
    "figures": """
        select figure_id, year as figure_year, section_zh, source_phrase, subject_type, subject_code,
               coalesce(parent_code, '') as parent_code,
               case when period_kind = 'month' and period_code <> $period then month(period_start) else 0 end as month,
               measure,
               value_printed, unit_printed, coalesce(is_approximate, false) as is_approximate
        from marts.fct_published_figure
        where platform_code = $platform and source_id = $source
              and (
                  period_code = $period
                  or (period_kind = 'month' and period_start is not null)
                  or (period_kind = 'year' and year is distinct from $year)
              )
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
        -- a category printed with its share and no count has no items to chart
        where OF_THE_REPORT and items is not null
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
              and $period_kind = 'year'
        order by subject_type, subject_code, month
    """,
    "districts": """
        select w.district_code, w.district_name_zh, d.district_name_en, d.functional_zone_code, d.functional_zone_zh,
               d.functional_zone_en, d.functional_zone_order, w.items, w.share_of_districts_pct,
               w.published_share_of_districts_pct, w.district_department_items, w.district_department_share_pct,
               w.published_district_department_share_pct, w.street_township_items, w.street_township_share_pct,
               w.published_street_township_share_pct, w.rank_by_items
        from marts.fct_district_workload as w
        inner join marts.dim_district as d on w.platform_code = d.platform_code and w.district_code = d.district_code
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
        inner join marts.dim_district as d on w.platform_code = d.platform_code and w.district_code = d.district_code
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
        left join marts.dim_handling_unit as u on t.platform_code = u.platform_code and t.unit_code = u.unit_code
        where t.platform_code = $platform and t.period_code = $period and t.source_id = $source
        order by t.topic_no, t.unit_rank
    """,
    # Every printed rate of the report's service quality (what a bulletin prints varies: resolution, satisfaction,
    # on-time completion, direct reply ...), with the measure's description.
    "service_quality": """
        select f.subject_code, f.subject_name_zh, f.subject_name_en, f.measure, m.measure_description_en,
               l.measure_label_zh, l.measure_label_en, f.value_normalised as value_pct
        from marts.fct_published_figure as f
        left join raw.ref_measures as m on f.measure = m.measure
        left join (
            select measure, label_zh as measure_label_zh, label_en as measure_label_en
            from raw.ref_measure_properties
        ) as l on f.measure = l.measure
        where f.platform_code = $platform and f.period_code = $period and f.source_id = $source
              and f.subject_type = 'service_quality' and f.normalised_unit = 'percent' and f.is_canonical
        order by f.subject_code <> 'city_wide', f.subject_code, f.list_position nulls last, f.measure
    """,
    # Every printed figure of the report's period, for the part that shows those no other part shows.
    "period_figures": """
        select f.figure_id, f.subject_code, coalesce(f.subject_name_zh, f.subject_zh) as subject_zh, f.subject_name_en,
               f.measure, m.measure_description_en, l.measure_label_zh, l.measure_label_en
        from marts.fct_published_figure as f
        left join raw.ref_measures as m on f.measure = m.measure
        left join (
            select measure, label_zh as measure_label_zh, label_en as measure_label_en
            from raw.ref_measure_properties
        ) as l on f.measure = l.measure
        where f.platform_code = $platform and f.period_code = $period and f.source_id = $source and f.is_canonical
        order by f.figure_id
    """,
    # Which measure each column of the page's sections shows, and in which unit.
    "measure_page_sections": """
        select page_section, page_column, measure, coalesce(unit_shown, '') as unit_shown
        from raw.ref_measure_page_sections
        order by page_section, page_column
    """,
    "sources": """
        select source_id, source_kind, title, publisher, address, cast(published_on as varchar) as published_on,
               covers_period_start, covers_period_end
        from marts.dim_source
        where platform_code = $platform or source_id in (
            select source_id from marts.fct_published_figure where platform_code = $platform
        )
        order by covers_period_start, covers_period_end, source_id
    """,
    "audit_summary": """
        select count(*) as checks,
               count(*) filter (where status = 'consistent') as consistent,
               count(*) filter (where status = 'truncated') as truncated,
               count(*) filter (where status = 'inconsistent') as inconsistent,
               count(*) filter (where is_known_discrepancy) as listed,
               count(*) filter (where status = 'inconsistent' and not is_known_discrepancy) as unexplained,
               count(*) filter (where is_cross_source) as cross_source,
               count(distinct source_id) as sources
        from audit.published_figure_checks
        where OF_THE_PLATFORM
    """,
    "audit_kinds": """
        select check_kind, count(*) as checks, count(*) filter (where status = 'truncated') as truncated,
               count(*) filter (where status = 'inconsistent') as inconsistent,
               count(*) filter (where is_cross_source) as cross_source
        from audit.published_figure_checks
        where OF_THE_PLATFORM
        group by check_kind
        order by check_kind
    """,
    # Every checked percentage of every source: the published value is a number in percent.
    "audit_percentages": """
        select check_id, check_kind, year, period_code, period_label_zh, period_label_en, source_id,
               input_source_ids, is_cross_source, section, subject_code, subject_name_zh, measure, formula,
               published_value_as_printed, published_low, published_high, derived_value, feasible_low, feasible_high,
               status, is_known_discrepancy, check_method, explanation, review_note, measure_label_zh, measure_label_en
        from audit.published_figure_checks
        left join (
            select measure, label_zh as measure_label_zh, label_en as measure_label_en
            from raw.ref_measure_properties
        ) as labels using (measure)
        where OF_THE_AUDIT and published_unit = 'percent'
        order by status desc, year desc, source_id, subject_name_zh, check_id
    """,
    # Every check of a list of shares against one whole, with what it found.
    "audit_share_lists": """
        select check_id, period_code, period_label_zh, period_label_en, source_id, input_source_ids, section,
               subject_code, subject_name_zh, measure, formula, published_value_as_printed, status,
               is_known_discrepancy, explanation, review_note
        from audit.published_figure_checks
        where OF_THE_AUDIT and check_kind = 'share_list'
        order by period_code, source_id, check_id
    """,
    "audit_inconsistent": """
        select check_id, check_kind, year, period_code, period_label_zh, period_label_en, source_id, input_source_ids,
               section, subject_code, subject_name_zh, measure, formula, published_value_as_printed, derived_value,
               feasible_low, feasible_high, status, is_known_discrepancy, explanation, review_note, measure_label_zh,
               measure_label_en
        from audit.published_figure_checks
        left join (
            select measure, label_zh as measure_label_zh, label_en as measure_label_en
            from raw.ref_measure_properties
        ) as labels using (measure)
        where OF_THE_AUDIT and status <> 'consistent'
        order by year desc, source_id, subject_name_zh, check_id
    """,
}
# The audit's checks of the page's platform (its counts), and the checks the page lists: the platform's, or on a
# page of one of its periods beside the platform's own page, that period's (`$audit_period`, else null).
OF_THE_PLATFORM = "platform_code = $platform"
OF_THE_AUDIT = "platform_code = $platform and period_code = coalesce($audit_period, period_code)"
SECTION_QUERIES = {
    name: sql.replace("OF_THE_REPORT", OF_THE_REPORT)
    .replace("OF_THE_PLATFORM", OF_THE_PLATFORM)
    .replace("OF_THE_AUDIT", OF_THE_AUDIT)
    for name, sql in SECTION_QUERIES.items()
}

# The series: present only once the warehouse has marts.fct_annual_intake (issue 6).
SERIES_TABLE = ("marts", "fct_annual_intake")
SERIES_QUERY = """
    select year, period_code, period_label_zh, period_label_en, period_kind, dimension, member, member_name_zh,
           member_name_en, items, items_low, items_high, how_obtained, source_id, source_kind,
           published_share_of_total_pct, share_of_total_pct, published_yoy_change_pct, yoy_change_pct
    from marts.fct_annual_intake
    where platform_code = $platform and dimension in ('total', 'channel') and period_kind <> 'month'
    order by period_start, period_end, dimension <> 'total', dimension, member, source_id
"""


@dataclass(frozen=True)
class ReportData:
    """What the page shows, as rows read from the warehouse."""

    platform_code: str
    platform_name_zh: str
    platform_name_en: str
    year: int | None
    period_code: str
    period_label_zh: str
    period_label_en: str
    period_kind: str
    source_id: str
    source_title: str
    sections: dict[str, list[Row]]
    series: list[Row] = field(default_factory=list)
    audit_of_the_period: bool = False

    def __getitem__(self, name: str) -> list[Row]:
        return self.sections[name]


def _rows(connection: duckdb.DuckDBPyConnection, sql: str, parameters: dict[str, object] | None = None) -> list[Row]:
    named = set(re.findall(r"\$(\w+)", sql))
    used = {key: value for key, value in (parameters or {}).items() if key in named}
    cursor = connection.execute(sql, used)
    columns = [description[0] for description in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def _has_table(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    found = connection.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", [schema, table]
    ).fetchone()
    return bool(found and found[0])


def platform_printings(connection: duckdb.DuckDBPyConnection, platform: str) -> list[Row]:
    """Every period and source the warehouse holds printed figures of for `platform`, latest period first, each
    period's main source (`source_rank` 1) first."""
    return _rows(connection, PRINTINGS, {"platform": platform})


def platform_periods(connection: duckdb.DuckDBPyConnection, platform: str) -> list[Row]:
    """The periods the warehouse holds printed figures of for `platform`, latest first, each with its source."""
    return [row for row in platform_printings(connection, platform) if row["source_rank"] == 1]


def platforms(connection: duckdb.DuckDBPyConnection) -> list[Row]:
    return _rows(connection, INDEX_PLATFORMS)


def headline(connection: duckdb.DuckDBPyConnection, platform: str, period: str, source: str) -> Row | None:
    found = _rows(connection, HEADLINE, {"platform": platform, "period": period, "source": source})
    return found[0] if found else None


def _select(
    connection: duckdb.DuckDBPyConnection, platform: str | None, period: str | None, source: str | None = None
) -> Row:
    """The page's platform, year, period (its code, labels and kind), source and title; ValueError, saying what
    exists, if none."""
    if platform is None and period is None:
        found = _rows(connection, REPORT_SELECTION)
        if not found:
            raise ValueError("the warehouse holds no annual report with district figures, so there is nothing to show")
        return {**found[0], "period_kind": "year", "title": found[0]["title"] or found[0]["source_id"]}
    if platform is None:
        raise ValueError("--period needs --platform (a period code names a period of one platform)")
    known = [str(row["platform_code"]) for row in platforms(connection)]
    if platform not in known:
        raise ValueError(f"no platform {platform!r} in marts.dim_platform; known: {', '.join(known)}")
    printings = platform_printings(connection, platform)
    periods = [row for row in printings if row["source_rank"] == 1]
    if not periods:
        raise ValueError(f"the warehouse holds no printed figures of {platform}")
    chosen: Row | None = periods[0]
    if period is not None:
        chosen = next(
            (
                row
                for row in (printings if source else periods)
                if row["period_code"] == period and (source is None or row["source_id"] == source)
            ),
            None,
        )
    if chosen is None:
        listed = "; ".join(str(row["period_code"]) for row in periods)
        raise ValueError(f"{platform} has no figures for the period {period!r}; its periods: {listed}")
    return {**chosen, "platform_code": platform, "title": chosen["title"] or chosen["source_id"]}


def load_report_data(
    connection: duckdb.DuckDBPyConnection,
    platform: str | None = None,
    period: str | None = None,
    source: str | None = None,
    audit_of_the_period: bool = False,
    printing: Row | None = None,
) -> ReportData:
    """Read every section of the page of `platform` and `period` (default: the latest annual report), as `source`
    prints it (default: the source printing the most of its figures); the audit's checks listed are the platform's,
    or with `audit_of_the_period` the period's (its counts stay the platform's). The index, which has read the
    platform's printings already, hands the page's one over as `printing` (a row of platform_printings with its
    platform_code), and the page is not looked up again."""
    if printing is None:
        chosen = _select(connection, platform, period, source)
    else:
        chosen = {**printing, "title": printing["title"] or printing["source_id"]}
    platform, year, period = str(chosen["platform_code"]), chosen["year"], str(chosen["period_code"])
    period_kind, source = str(chosen["period_kind"]), str(chosen["source_id"])
    parameters: dict[str, object] = {
        "platform": platform,
        "year": year,
        "period": period,
        "period_kind": period_kind,
        "source": source,
        "audit_period": period if audit_of_the_period else None,
    }
    sections = {name: _rows(connection, sql, parameters) for name, sql in SECTION_QUERIES.items()}
    series = _rows(connection, SERIES_QUERY, parameters) if _has_table(connection, *SERIES_TABLE) else []
    names = connection.execute(
        "select platform_name_zh, platform_name_en from marts.dim_platform where platform_code = ?", [platform]
    ).fetchone() or (platform, "")
    return ReportData(
        platform_code=platform,
        platform_name_zh=str(names[0]),
        platform_name_en=str(names[1] or ""),
        year=None if year is None else int(year),
        period_code=period,
        period_label_zh=str(chosen["period_label_zh"]),
        period_label_en=str(chosen["period_label_en"]),
        period_kind=period_kind,
        source_id=source,
        source_title=str(chosen["title"]),
        sections=sections,
        series=series,
        audit_of_the_period=audit_of_the_period,
    )


# The comparison of hotlines: for each platform and kind of period, its latest printing (the period ending last, a
# period with no known dates last; its main source) of a dimension's shares of the total ($dimension) ...
COMPARED_SHARES = """
    with printed as (
        select distinct platform_code, period_code, period_kind, period_end, source_id
        from marts.fct_intake_volume
        where dimension = $dimension and share_of_total_pct is not null
    ),

    printings as (
        select platform_code, period_code, source_id,
               row_number() over (
                   partition by platform_code, period_kind
                   order by period_end desc nulls last, period_code desc, source_id
               ) as recency
        from printed
    )

    select v.platform_code, p.platform_name_zh, p.platform_name_en, v.period_code, d.period_label_zh,
           d.period_label_en, v.period_kind, d.period_kind_name_zh, d.period_kind_name_en, v.source_id, v.member, v.member_name_zh, v.member_name_en, v.items,
           v.share_of_total_pct, v.published_share_of_total_pct
    from marts.fct_intake_volume as v
    inner join marts.dim_period as d on v.period_code = d.period_code
    inner join printings as r
        on v.platform_code = r.platform_code and v.period_code = r.period_code and v.source_id = r.source_id
    inner join marts.dim_platform as p on v.platform_code = p.platform_code
    where v.dimension = $dimension and v.share_of_total_pct is not null and r.recency = 1
    order by v.period_kind, v.platform_code, v.items desc, v.member
"""

# ... and of a rate of the whole platform ($measure: a subject that is no dimension's member), as printed.
COMPARED_RATES = """
    with printed as (
        select figure_id, platform_code, period_code, period_label_zh, period_label_en, period_kind, period_end,
               source_id, subject_code,
               coalesce(subject_name_zh, subject_zh) as subject_zh, value_printed, unit_printed, value_normalised,
               row_number() over (
                   partition by platform_code, period_kind
                   order by period_end desc nulls last, period_code desc, subject_code <> 'city_wide', subject_code,
                            is_canonical desc, source_id, figure_id
               ) as recency
        from marts.fct_published_figure
        where measure = $measure and normalised_unit = 'percent' and subject_code not like '%.%'
    )

    select f.figure_id, f.platform_code, p.platform_name_zh, p.platform_name_en, f.period_code, f.period_label_zh,
           f.period_label_en, f.period_kind, d.period_kind_name_zh, d.period_kind_name_en, f.source_id, f.subject_zh,
           f.value_printed, f.unit_printed, f.value_normalised
    from printed as f
    inner join marts.dim_platform as p on f.platform_code = p.platform_code
    inner join marts.dim_period as d on f.period_code = d.period_code
    where f.recency = 1
    order by f.period_kind, f.value_normalised desc, f.platform_code
"""


def compared(connection: duckdb.DuckDBPyConnection, compared_as: str, code: str) -> list[Row]:
    """Every platform's latest printing of a compared dimension's shares or rate, by kind of period."""
    if compared_as == "share_of_total":
        return _rows(connection, COMPARED_SHARES, {"dimension": code})
    return _rows(connection, COMPARED_RATES, {"measure": code})
